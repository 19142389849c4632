#include "historydialog.h"

#include "sheet/sheetbuilder.h"
#include "store/csvexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

enum Column {
    DateColumn,
    ReferenceColumn,
    CallerColumn,
    DiagnosisColumn,
    DomainsColumn,
    OutcomeColumn,
    ColumnCount
};

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return i;
}

} // namespace

HistoryDialog::HistoryDialog(CaseStore *store, const KnowledgeBase *kb, Language language, QWidget *parent)
    : QDialog(parent), m_store(store), m_kb(kb), m_language(language)
{
    setObjectName(QStringLiteral("historyDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QGridLayout;
    m_dateCheck = new QCheckBox(this);
    m_dateCheck->setObjectName(QStringLiteral("dateFilterCheckBox"));
    m_fromEdit = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromEdit->setCalendarPopup(true);
    m_toLabel = new QLabel(this);
    m_toEdit = new QDateEdit(QDate::currentDate(), this);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toEdit->setCalendarPopup(true);
    m_toLabel->setBuddy(m_toEdit);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_dateCheck);
    dateRow->addWidget(m_fromEdit);
    dateRow->addWidget(m_toLabel);
    dateRow->addWidget(m_toEdit);
    dateRow->addStretch(1);
    filters->addLayout(dateRow, 0, 0, 1, 4);

    m_causeLabel = new QLabel(this);
    m_causeCombo = new QComboBox(this);
    m_causeCombo->setObjectName(QStringLiteral("causeComboBox"));
    m_causeCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_causeCombo->setMinimumContentsLength(24);
    m_causeLabel->setBuddy(m_causeCombo);
    filters->addWidget(m_causeLabel, 1, 0);
    filters->addWidget(m_causeCombo, 1, 1);
    m_domainLabel = new QLabel(this);
    m_domainEdit = new QLineEdit(this);
    m_domainEdit->setObjectName(QStringLiteral("domainLineEdit"));
    m_domainEdit->setClearButtonEnabled(true);
    m_domainLabel->setBuddy(m_domainEdit);
    filters->addWidget(m_domainLabel, 1, 2);
    filters->addWidget(m_domainEdit, 1, 3);
    m_searchLabel = new QLabel(this);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_searchEdit);
    filters->addWidget(m_searchLabel, 2, 0);
    filters->addWidget(m_searchEdit, 2, 1, 1, 3);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);
    layout->addLayout(filters);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("casesTableWidget"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    for (int c : { DateColumn, ReferenceColumn, DomainsColumn, OutcomeColumn })
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CallerColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DiagnosisColumn, QHeaderView::Stretch);
    header->resizeSection(CallerColumn, 150);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("historyStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->hide();
    layout->addWidget(m_statusLabel);

    auto *buttons = new QHBoxLayout;
    m_reopenButton = new QPushButton(this);
    m_reopenButton->setObjectName(QStringLiteral("reopenPushButton"));
    buttons->addWidget(m_reopenButton);
    m_outcomeLabel = new QLabel(this);
    m_outcomeCombo = new QComboBox(this);
    m_outcomeCombo->setObjectName(QStringLiteral("outcomeComboBox"));
    m_outcomeLabel->setBuddy(m_outcomeCombo);
    m_outcomeButton = new QPushButton(this);
    m_outcomeButton->setObjectName(QStringLiteral("setOutcomePushButton"));
    buttons->addSpacing(12);
    buttons->addWidget(m_outcomeLabel);
    buttons->addWidget(m_outcomeCombo);
    buttons->addWidget(m_outcomeButton);
    buttons->addStretch(1);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportCsvPushButton"));
    buttons->addWidget(m_exportButton);
    m_closeButton = new QPushButton(this);
    m_closeButton->setObjectName(QStringLiteral("closePushButton"));
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    retranslate();

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &HistoryDialog::refresh);
    auto later = [this] { m_searchDelay.start(); };
    connect(m_dateCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromEdit->setEnabled(on);
        m_toEdit->setEnabled(on);
        refresh();
    });
    m_fromEdit->setEnabled(false);
    m_toEdit->setEnabled(false);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, later);
    connect(m_toEdit, &QDateEdit::dateChanged, this, later);
    connect(m_causeCombo, &QComboBox::currentIndexChanged, this, later);
    connect(m_domainEdit, &QLineEdit::textChanged, this, later);
    connect(m_searchEdit, &QLineEdit::textChanged, this, later);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HistoryDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &HistoryDialog::reopenSelected);
    connect(m_reopenButton, &QPushButton::clicked, this, &HistoryDialog::reopenSelected);
    connect(m_outcomeButton, &QPushButton::clicked, this,
            [this] { applyOutcome(CaseOutcome(m_outcomeCombo->currentData().toInt())); });
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryDialog::exportWithDialog);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::close);

    resize(900, 520);
    refresh();
}

void HistoryDialog::setLanguage(Language language)
{
    m_language = language;
    fillCauses();
    refresh();
}

void HistoryDialog::fillCauses()
{
    const QString current = m_causeCombo->currentData().toString();
    const QSignalBlocker blocker(m_causeCombo);
    m_causeCombo->clear();
    m_causeCombo->addItem(tr("Any cause"), QString());
    // A cause is named by its first entry's title: cause ids are not words a helpdesk uses.
    QList<QPair<QString, QString>> causes;
    for (const Cause &c : m_kb->causes()) {
        const QList<const Entry *> entries = m_kb->entriesForCause(c.id);
        causes.append({ entries.isEmpty() ? c.id : entries.first()->title.text(m_language), c.id });
    }
    std::sort(causes.begin(), causes.end());
    for (const auto &c : std::as_const(causes))
        m_causeCombo->addItem(c.first, c.second);
    const int index = m_causeCombo->findData(current);
    m_causeCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void HistoryDialog::refresh()
{
    const QStringList selected = selectedIds();
    CaseQuery q;
    if (m_dateCheck->isChecked()) {
        q.from = m_fromEdit->date().startOfDay();
        q.to = m_toEdit->date().addDays(1).startOfDay();
    }
    q.cause = m_causeCombo->currentData().toString();
    q.domain = m_domainEdit->text().trimmed();
    q.text = m_searchEdit->text().trimmed();
    m_shown = m_store->search(q);

    const QSignalBlocker blocker(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row) {
        const CaseRecord &r = m_shown.at(row);
        auto *date = item(r.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        date->setData(Qt::UserRole, r.id);
        m_table->setItem(row, DateColumn, date);
        m_table->setItem(row, ReferenceColumn, item(r.reference()));
        m_table->setItem(row, CallerColumn, item(r.callerName));
        const Entry *e = m_kb->entry(r.diagnosis);
        QString diagnosis = e ? e->title.text(m_language) : r.diagnosis;
        if (!r.finished)
            diagnosis = tr("%1 (in progress)").arg(diagnosis.isEmpty() ? tr("no diagnosis yet") : diagnosis);
        m_table->setItem(row, DiagnosisColumn, item(diagnosis));
        m_table->setItem(row, DomainsColumn, item(r.recipientDomains().join(QStringLiteral(", "))));
        m_table->setItem(row, OutcomeColumn, item(caseOutcomeText(r.outcome)));
    }
    selectIds(selected);
    updateButtons();
}

QStringList HistoryDialog::selectedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *i = m_table->item(row, DateColumn);
        if (i && i->isSelected())
            ids.append(i->data(Qt::UserRole).toString());
    }
    return ids;
}

void HistoryDialog::selectIds(const QStringList &ids)
{
    m_table->clearSelection();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (ids.contains(m_table->item(row, DateColumn)->data(Qt::UserRole).toString()))
            m_table->selectionModel()->select(m_table->model()->index(row, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateButtons();
}

void HistoryDialog::updateButtons()
{
    const int n = int(selectedIds().size());
    m_reopenButton->setEnabled(n == 1);
    m_outcomeButton->setEnabled(n > 0);
    m_exportButton->setText(n > 0 ? tr("&Export %n selected to CSV…", nullptr, n)
                                  : tr("&Export shown to CSV…"));
    m_exportButton->setEnabled(!m_shown.isEmpty());
}

void HistoryDialog::reopenSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() == 1)
        emit reopenRequested(ids.first());
}

void HistoryDialog::applyOutcome(CaseOutcome outcome)
{
    const QStringList ids = selectedIds();
    for (const QString &id : ids) {
        const StoreError e = m_store->setOutcome(id, outcome);
        if (e.isError()) {
            showStatus(e.message, true);
            return;
        }
    }
    refresh();
    showStatus(tr("Marked %n case(s) as \"%1\".", nullptr, int(ids.size())).arg(caseOutcomeText(outcome)),
               false);
}

QString HistoryDialog::exportSelected(const QString &path)
{
    const QStringList ids = selectedIds();
    QList<CaseRecord> cases;
    for (const CaseRecord &r : std::as_const(m_shown)) {
        if (ids.isEmpty() || ids.contains(r.id))
            cases.append(r);
    }
    CsvExportOptions options;
    options.language = m_language;
    options.mask = sheetOptionsFromSettings().mask;
    const QString error = writeCasesCsv(path, cases, *m_kb, options);
    if (!error.isEmpty())
        showStatus(error, true);
    else
        showStatus(
            tr("Exported %n case(s) to %1.", nullptr, int(cases.size())).arg(QDir::toNativeSeparators(path)),
            false);
    return error;
}

void HistoryDialog::exportWithDialog()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/maildoctor-cases-") + QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral(".csv");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export cases to CSV"), start, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportSelected(path);
}

void HistoryDialog::showStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #a40000; }") : QString());
    m_statusLabel->setVisible(!text.isEmpty());
}

QString HistoryDialog::statusText() const
{
    return m_statusLabel->isHidden() ? QString() : m_statusLabel->text();
}

void HistoryDialog::retranslate()
{
    setWindowTitle(tr("Case history"));
    m_dateCheck->setText(tr("Only cases &from"));
    m_toLabel->setText(tr("&to"));
    m_causeLabel->setText(tr("C&ause:"));
    m_domainLabel->setText(tr("Recipient &domain:"));
    m_domainEdit->setPlaceholderText(tr("example.jp"));
    m_searchLabel->setText(tr("&Search:"));
    m_searchEdit->setPlaceholderText(tr("Words in the pasted text, notes, caller or ticket"));
    m_table->setHorizontalHeaderLabels({ tr("Date"), tr("Reference"), tr("Caller"), tr("Diagnosis"),
                                         tr("Recipient domains"), tr("Outcome") });
    m_reopenButton->setText(tr("&Reopen"));
    m_outcomeLabel->setText(tr("&Outcome:"));
    const int current = m_outcomeCombo->currentIndex();
    m_outcomeCombo->clear();
    for (CaseOutcome o : allCaseOutcomes())
        m_outcomeCombo->addItem(caseOutcomeText(o), int(o));
    m_outcomeCombo->setCurrentIndex(current < 0 ? 1 : current);
    m_outcomeButton->setText(tr("&Mark selected"));
    m_closeButton->setText(tr("&Close"));
    fillCauses();
    updateButtons();
}

void HistoryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QDialog::changeEvent(event);
}

} // namespace MailDoctor
