#include "pastepage.h"

#include "analyzer.h"
#include "doctorwizard.h"
#include "mime/mimemessage.h"
#include "pastetextedit.h"
#include "plainwords.h"
#include "samplearchive.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

constexpr qint64 maxFileSize = 20 * 1024 * 1024;

QTableWidget *makeTable(QWidget *parent, const QString &objectName)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setToolTip(text);
    return cell;
}

} // namespace

PastePage::PastePage(DoctorWizard *wizard)
    : m_wizard(wizard)
    , m_introLabel(new QLabel(this))
    , m_textEdit(new PasteTextEdit(this))
    , m_openButton(new QPushButton(this))
    , m_analyseButton(new QPushButton(this))
    , m_errorLabel(new QLabel(this))
    , m_resultsWidget(new QWidget(this))
    , m_resultsLabel(new QLabel(m_resultsWidget))
    , m_causesTable(makeTable(m_resultsWidget, QStringLiteral("causesTableWidget")))
    , m_recipientsLabel(new QLabel(m_resultsWidget))
    , m_recipientsTable(makeTable(m_resultsWidget, QStringLiteral("recipientsTableWidget")))
    , m_saveSampleButton(new QPushButton(m_resultsWidget))
    , m_sampleLabel(new QLabel(m_resultsWidget))
    , m_changeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("pasteWizardPage"));
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);
    m_introLabel->setBuddy(m_textEdit);
    m_textEdit->setObjectName(QStringLiteral("pasteTextEdit"));
    m_openButton->setObjectName(QStringLiteral("openFilePushButton"));
    m_analyseButton->setObjectName(QStringLiteral("analysePushButton"));
    m_errorLabel->setObjectName(QStringLiteral("pasteErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; font-weight: bold; }"));
    m_errorLabel->hide();
    m_saveSampleButton->setObjectName(QStringLiteral("saveSamplePushButton"));
    m_saveSampleButton->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_sampleLabel->setObjectName(QStringLiteral("sampleLabel"));
    m_sampleLabel->setWordWrap(true);
    m_sampleLabel->setTextFormat(Qt::PlainText);
    m_sampleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_resultsWidget->setObjectName(QStringLiteral("resultsWidget"));
    m_resultsLabel->setObjectName(QStringLiteral("resultsLabel"));
    m_resultsLabel->setWordWrap(true);
    m_resultsLabel->setBuddy(m_causesTable);
    m_recipientsLabel->setObjectName(QStringLiteral("recipientsLabel"));
    m_recipientsLabel->setWordWrap(true);
    m_recipientsLabel->setBuddy(m_recipientsTable);
    m_causesTable->setColumnCount(4);
    m_recipientsTable->setColumnCount(4);
    // The cause and the meaning get the room; the short columns fit their contents.
    m_causesTable->horizontalHeader()->setStretchLastSection(false);
    m_causesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_causesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recipientsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recipientsTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_introLabel);
    topLayout->addWidget(m_textEdit, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_analyseButton);
    buttons->addStretch(1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_errorLabel);

    auto *resultsLayout = new QVBoxLayout(m_resultsWidget);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_resultsLabel);
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_saveSampleButton, 0, Qt::AlignLeft);
    sampleRow->addWidget(m_sampleLabel, 1);
    resultsLayout->addLayout(sampleRow);
    resultsLayout->addWidget(m_causesTable, 1);
    resultsLayout->addWidget(m_recipientsLabel);
    resultsLayout->addWidget(m_recipientsTable, 1);
    m_resultsWidget->hide();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("pasteSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_resultsWidget);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_changeTimer->setSingleShot(true);
    m_changeTimer->setInterval(500);
    connect(m_changeTimer, &QTimer::timeout, this, &PastePage::contentChanged);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_changeTimer->start();
        if (m_analysed && !m_stale) {
            m_stale = true;
            showAnalysis();
        }
    });
    connect(m_textEdit, &PasteTextEdit::fileDropped, this, &PastePage::loadFile);
    connect(m_openButton, &QPushButton::clicked, this, &PastePage::chooseFile);
    connect(m_analyseButton, &QPushButton::clicked, this, &PastePage::analyse);
    connect(m_saveSampleButton, &QPushButton::clicked, this, &PastePage::saveSample);
    connect(m_causesTable, &QTableWidget::itemSelectionChanged, this, &PastePage::causeSelectionChanged);
    connect(m_causesTable, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_wizard->currentPage() == this && isComplete())
            m_wizard->next();
    });
    retranslate();
}

QString PastePage::text() const
{
    return m_textEdit->toPlainText();
}

void PastePage::setText(const QString &text)
{
    m_fileBytes.clear();
    m_fileName.clear();
    m_fileText.clear();
    m_textEdit->setPlainText(text);
}

void PastePage::clear()
{
    setText({});
    m_analysis = AnalysisResult();
    m_analysed = false;
    m_stale = false;
    m_selectedEntry.clear();
    m_causesTable->setRowCount(0);
    m_recipientsTable->setRowCount(0);
    m_resultsWidget->hide();
    m_textEdit->setExtraSelections({});
    clearError();
    m_changeTimer->stop();
    DoctorWizard::notifyComplete(this);
}

QString PastePage::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void PastePage::showError(ErrorText message)
{
    m_errorText = std::move(message);
    m_errorLabel->setText(m_errorText());
    m_errorLabel->show();
}

void PastePage::clearError()
{
    m_errorText = nullptr;
    m_errorLabel->clear();
    m_errorLabel->hide();
}

void PastePage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a returned mail or error text"), {},
                                                      tr("Mail and text files (*.eml *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool PastePage::loadFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError([name, why = file.errorString()] { return tr("Could not read the file %1: %2").arg(name, why); });
        return false;
    }
    if (file.size() > maxFileSize) {
        showError([name] {
            return tr("Could not read the file %1: it is larger than 20 MB, too large for a returned mail.").arg(name);
        });
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        showError([name, why = file.errorString()] { return tr("Could not read the file %1: %2").arg(name, why); });
        return false;
    }
    if (bytes.left(4096).count('\0') > 0) {
        showError([name] {
            return tr("Could not read the file %1: it is not a text file. Choose a saved mail (.eml) or a "
                      "text file (.txt).")
                .arg(name);
        });
        return false;
    }
    const QString text = Mime::decodeText(bytes, {});
    setText(text);
    m_fileBytes = bytes;
    m_fileName = path;
    m_fileText = text;
    clearError();
    analyse();
    return true;
}

PastePage::~PastePage() = default;

void PastePage::analyse()
{
    const QString current = text();
    if (current.trimmed().isEmpty()) {
        showError([] {
            return tr("There is nothing to analyse yet: paste the error message or the returned mail into the "
                      "box first.");
        });
        m_textEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    clearError();
    const KnowledgeBase *kb = &m_wizard->knowledgeBase();
    if (!m_analyzer || m_analyzerKb != kb) {
        m_analyzer = std::make_unique<Analyzer>(kb);
        m_analyzerKb = kb;
    }
    m_analysis = !m_fileBytes.isEmpty() && current == m_fileText ? m_analyzer->analyze(m_fileBytes, m_fileName)
                                                                 : m_analyzer->analyzeText(current, QStringLiteral("-"));
    m_analysed = true;
    m_stale = false;
    m_sampleLabel->clear();
    if (!m_analysis.error.isEmpty())
        showError([result = m_analysis] { return result.errorText(); });
    m_selectedEntry.clear();
    fillCauses();
    fillRecipients();
    showAnalysis();
    if (m_causesTable->rowCount() > 0) {
        m_causesTable->selectRow(0);
        m_causesTable->setFocus(Qt::OtherFocusReason);
    }
    DoctorWizard::notifyComplete(this);
    emit contentChanged();
}

QString PastePage::entryTitle(const QString &entryId, const QString &causeId) const
{
    const KnowledgeBase &kb = m_wizard->knowledgeBase();
    const Entry *entry = kb.entry(entryId);
    if (!entry && !causeId.isEmpty()) {
        const QList<const Entry *> entries = kb.entriesForCause(causeId);
        if (!entries.isEmpty())
            entry = entries.constFirst();
    }
    return entry ? entry->title.text(m_wizard->language()) : QString();
}

void PastePage::fillCauses()
{
    const QSignalBlocker blocker(m_causesTable);
    m_causesTable->setRowCount(int(m_analysis.causes.size()));
    for (int row = 0; row < m_analysis.causes.size(); ++row) {
        const CauseFinding &finding = m_analysis.causes.at(row);
        QString title = entryTitle(finding.kb, finding.cause);
        if (title.isEmpty())
            title = finding.cause;
        m_causesTable->setItem(row, 0, item(title));
        m_causesTable->setItem(row, 1, item(tr("%1%").arg(qRound(finding.confidence * 100))));
        m_causesTable->setItem(row, 2, item(PlainWords::actorLabel(finding.actor)));
        m_causesTable->setItem(row, 3, item(QString::number(finding.evidence.size())));
        m_causesTable->item(row, 0)->setData(Qt::UserRole, finding.kb);
    }
    m_causesTable->resizeColumnsToContents();
    // Keep the selection across a re-render (language switch).
    for (int row = 0; row < m_causesTable->rowCount(); ++row) {
        if (m_causesTable->item(row, 0)->data(Qt::UserRole).toString() == m_selectedEntry)
            m_causesTable->selectRow(row);
    }
}

void PastePage::fillRecipients()
{
    m_recipientsTable->setRowCount(int(m_analysis.recipients.size()));
    for (int row = 0; row < m_analysis.recipients.size(); ++row) {
        const RecipientFinding &r = m_analysis.recipients.at(row);
        QString status = PlainWords::recipientAction(r.action);
        const QString code = r.status.isEmpty() ? r.replyCode : r.status;
        if (!code.isEmpty())
            status = status.isEmpty() ? code : tr("%1 (%2)").arg(status, code);
        QString meaning = entryTitle(r.kb, r.cause);
        if (meaning.isEmpty())
            meaning = r.diagnostic;
        m_recipientsTable->setItem(row, 0, item(r.address));
        m_recipientsTable->setItem(row, 1, item(status));
        m_recipientsTable->setItem(row, 2, item(r.reason));
        m_recipientsTable->setItem(row, 3, item(meaning));
    }
    m_recipientsTable->resizeColumnsToContents();
}

void PastePage::saveSample()
{
    const SampleSaveResult saved = saveUnrecognisedSample(text(), defaultSampleFolder());
    m_sampleLabel->setText(saved.ok()
                               ? tr("Saved with the addresses masked: %1").arg(QDir::toNativeSeparators(saved.path))
                               : saved.error);
    m_sampleLabel->setVisible(true);
}

void PastePage::showAnalysis()
{
    m_resultsWidget->setVisible(m_analysed);
    if (!m_analysed)
        return;
    QString summary;
    if (m_analysis.causes.isEmpty())
        summary = tr("No known error was recognised in this text. Paste more of the message (the whole "
                     "returned mail is best), or go Back and answer the questions.");
    else
        summary = tr("Likely causes, best first. Select one to see the lines that point to it "
                     "(highlighted in the text); Next shows its diagnosis.");
    if (m_stale)
        summary = tr("The text has changed since it was analysed; choose Analyse again.") + QLatin1Char(' ')
            + summary;
    m_resultsLabel->setText(summary);
    // Only what nothing recognised is worth keeping for the people who extend the knowledge base.
    const bool unrecognised = m_analysis.causes.isEmpty() && m_analysis.error.isEmpty() && !m_stale;
    m_saveSampleButton->setVisible(unrecognised);
    m_causesTable->setVisible(!m_analysis.causes.isEmpty());
    m_sampleLabel->setVisible(unrecognised && !m_sampleLabel->text().isEmpty());
    const bool hasRecipients = !m_analysis.recipients.isEmpty();
    m_recipientsLabel->setText(hasRecipients ? tr("Recipients:")
                                             : tr("Recipients: no per-recipient details were found in this text."));
    m_recipientsTable->setVisible(hasRecipients);
}

void PastePage::causeSelectionChanged()
{
    const QList<QTableWidgetItem *> selected = m_causesTable->selectedItems();
    m_selectedEntry = selected.isEmpty() ? QString()
                                         : m_causesTable->item(selected.constFirst()->row(), 0)
                                               ->data(Qt::UserRole)
                                               .toString();
    highlightEvidence();
    DoctorWizard::notifyComplete(this);
    emit contentChanged();
}

void PastePage::selectEntry(const QString &entryId)
{
    m_selectedEntry = entryId;
    const QSignalBlocker blocker(m_causesTable);
    m_causesTable->clearSelection();
    for (int row = 0; row < m_causesTable->rowCount(); ++row) {
        if (m_causesTable->item(row, 0)->data(Qt::UserRole).toString() == entryId)
            m_causesTable->selectRow(row);
    }
    highlightEvidence();
    DoctorWizard::notifyComplete(this);
}

void PastePage::highlightEvidence()
{
    QList<QTextEdit::ExtraSelection> selections;
    QStringList evidence;
    for (const CauseFinding &finding : std::as_const(m_analysis.causes)) {
        if (finding.kb == m_selectedEntry) {
            for (const QString &line : finding.evidence) {
                const QString trimmed = line.trimmed();
                if (!trimmed.isEmpty())
                    evidence.append(trimmed);
            }
        }
    }
    QTextCharFormat format;
    format.setBackground(QColor(0xff, 0xe0, 0x82));
    format.setProperty(QTextFormat::FullWidthSelection, true);
    int firstLine = -1;
    for (QTextBlock block = m_textEdit->document()->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text();
        for (const QString &needle : std::as_const(evidence)) {
            if (line.contains(needle)) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(block);
                selection.format = format;
                selections.append(selection);
                if (firstLine < 0)
                    firstLine = block.blockNumber();
                break;
            }
        }
    }
    m_textEdit->setExtraSelections(selections);
    if (firstLine >= 0) {
        // Bring the first matched line into view without moving the user's cursor. A plain text
        // edit scrolls by lines (the box does not wrap), so the scroll value is a line number.
        // Later: the results that just appeared shrink the box once the layout has run.
        QTimer::singleShot(0, m_textEdit, [bar = m_textEdit->verticalScrollBar(), firstLine] {
            if (firstLine < bar->value() || firstLine >= bar->value() + bar->pageStep())
                bar->setValue(qMax(0, firstLine - 2));
        });
    }
}

bool PastePage::isComplete() const
{
    return !m_selectedEntry.isEmpty();
}

bool PastePage::validatePage()
{
    return m_wizard->commitDiagnosis(m_selectedEntry);
}

int PastePage::nextId() const
{
    return DoctorWizard::ResultPageId;
}

void PastePage::retranslate()
{
    setTitle(tr("Paste the error message"));
    setSubTitle(tr("Mail Doctor looks for known error codes and phrases in the text and ranks the causes."));
    m_introLabel->setText(tr("&Paste the error message or the whole returned mail below, drop a .eml or "
                             ".txt file onto the box, or open a file."));
    m_textEdit->setAccessibleName(tr("Pasted text"));
    m_textEdit->setPlaceholderText(tr("For example: 550 5.1.1 <someone@example.com>: User unknown"));
    m_openButton->setText(tr("&Open a file…"));
    m_openButton->setAccessibleName(tr("Open a file"));
    m_analyseButton->setText(tr("&Analyse"));
    m_analyseButton->setAccessibleName(tr("Analyse"));
    m_saveSampleButton->setText(tr("&Keep this sample for the knowledge-base maintainers"));
    m_saveSampleButton->setAccessibleName(tr("Keep this sample for the knowledge-base maintainers"));
    m_causesTable->setAccessibleName(tr("Likely causes"));
    m_causesTable->setHorizontalHeaderLabels({tr("Cause"), tr("Confidence"), tr("Who must act"),
                                              tr("Matched lines")});
    m_recipientsTable->setAccessibleName(tr("Recipients"));
    m_recipientsTable->setHorizontalHeaderLabels({tr("Address"), tr("Status"), tr("Reason"), tr("What it means")});
    setButtonText(QWizard::NextButton, tr("Show &diagnosis >"));
    if (m_errorText)
        m_errorLabel->setText(m_errorText());
    if (m_analysed) {
        fillCauses();
        fillRecipients();
        showAnalysis();
    }
}

void PastePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace MailDoctor
