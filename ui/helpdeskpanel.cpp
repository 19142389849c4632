#include "helpdeskpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

enum SheetLanguageChoice { SameAsWindow, Japanese, English, Both };

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    // Knowledge-base text and anything typed is data: never interpreted as markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

HelpdeskPanel::HelpdeskPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("helpdeskPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("helpdeskScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Only vertical scrolling: the texts wrap to the panel's width instead of running off to the right.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);

    // The call.
    m_callGroup = new QGroupBox(content);
    m_callGroup->setObjectName(QStringLiteral("callGroupBox"));
    auto *callForm = new QFormLayout(m_callGroup);
    callForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_callerLabel = new QLabel(m_callGroup);
    m_callerEdit = new QLineEdit(m_callGroup);
    m_callerEdit->setObjectName(QStringLiteral("callerLineEdit"));
    m_callerLabel->setBuddy(m_callerEdit);
    callForm->addRow(m_callerLabel, m_callerEdit);
    m_ticketLabel = new QLabel(m_callGroup);
    m_ticketEdit = new QLineEdit(m_callGroup);
    m_ticketEdit->setObjectName(QStringLiteral("ticketLineEdit"));
    m_ticketLabel->setBuddy(m_ticketEdit);
    callForm->addRow(m_ticketLabel, m_ticketEdit);
    m_notesLabel = new QLabel(m_callGroup);
    m_notesEdit = new QPlainTextEdit(m_callGroup);
    m_notesEdit->setObjectName(QStringLiteral("notesPlainTextEdit"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setMinimumHeight(80);
    m_notesLabel->setBuddy(m_notesEdit);
    callForm->addRow(m_notesLabel, m_notesEdit);
    m_elapsedLabel = new QLabel(m_callGroup);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    m_newCallButton = new QPushButton(m_callGroup);
    m_newCallButton->setObjectName(QStringLiteral("newCallPushButton"));
    auto *elapsedRow = new QHBoxLayout;
    elapsedRow->addWidget(m_elapsedLabel, 1);
    elapsedRow->addWidget(m_newCallButton);
    callForm->addRow(elapsedRow);
    layout->addWidget(m_callGroup);

    // Read aloud.
    m_aloudGroup = new QGroupBox(content);
    m_aloudGroup->setObjectName(QStringLiteral("aloudGroupBox"));
    auto *aloudLayout = new QVBoxLayout(m_aloudGroup);
    m_aloudLabel = plainLabel(m_aloudGroup, QStringLiteral("aloudLabel"));
    QFont big = m_aloudLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_aloudLabel->setFont(big);
    aloudLayout->addWidget(m_aloudLabel);
    m_listenTitleLabel = new QLabel(m_aloudGroup);
    m_listenTitleLabel->setObjectName(QStringLiteral("listenTitleLabel"));
    QFont bold = m_listenTitleLabel->font();
    bold.setBold(true);
    m_listenTitleLabel->setFont(bold);
    aloudLayout->addWidget(m_listenTitleLabel);
    m_listenLabel = plainLabel(m_aloudGroup, QStringLiteral("listenLabel"));
    aloudLayout->addWidget(m_listenLabel);
    layout->addWidget(m_aloudGroup);

    // Remedy sheet.
    m_sheetGroup = new QGroupBox(content);
    m_sheetGroup->setObjectName(QStringLiteral("sheetGroupBox"));
    auto *sheetForm = new QFormLayout(m_sheetGroup);
    sheetForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_sheetLanguageLabel = new QLabel(m_sheetGroup);
    m_sheetLanguageCombo = new QComboBox(m_sheetGroup);
    m_sheetLanguageCombo->setObjectName(QStringLiteral("sheetLanguageComboBox"));
    m_sheetLanguageCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sheetLanguageCombo->setMinimumContentsLength(10);
    m_sheetLanguageLabel->setBuddy(m_sheetLanguageCombo);
    sheetForm->addRow(m_sheetLanguageLabel, m_sheetLanguageCombo);
    m_pageSizeLabel = new QLabel(m_sheetGroup);
    m_pageSizeCombo = new QComboBox(m_sheetGroup);
    m_pageSizeCombo->setObjectName(QStringLiteral("pageSizeComboBox"));
    m_pageSizeCombo->addItem(QStringLiteral("A4"), int(SheetPageSize::A4));
    m_pageSizeCombo->addItem(QStringLiteral("Letter"), int(SheetPageSize::Letter));
    m_pageSizeLabel->setBuddy(m_pageSizeCombo);
    sheetForm->addRow(m_pageSizeLabel, m_pageSizeCombo);
    m_maskAddresses = new QCheckBox(m_sheetGroup);
    m_maskAddresses->setObjectName(QStringLiteral("maskAddressesCheckBox"));
    sheetForm->addRow(m_maskAddresses);
    m_maskHosts = new QCheckBox(m_sheetGroup);
    m_maskHosts->setObjectName(QStringLiteral("maskHostsCheckBox"));
    sheetForm->addRow(m_maskHosts);
    m_maskIps = new QCheckBox(m_sheetGroup);
    m_maskIps->setObjectName(QStringLiteral("maskIpAddressesCheckBox"));
    sheetForm->addRow(m_maskIps);
    m_helpdeskNameLabel = new QLabel(m_sheetGroup);
    m_helpdeskNameEdit = new QLineEdit(m_sheetGroup);
    m_helpdeskNameEdit->setObjectName(QStringLiteral("helpdeskNameLineEdit"));
    m_helpdeskNameLabel->setBuddy(m_helpdeskNameEdit);
    sheetForm->addRow(m_helpdeskNameLabel, m_helpdeskNameEdit);
    m_helpdeskContactLabel = new QLabel(m_sheetGroup);
    m_helpdeskContactEdit = new QLineEdit(m_sheetGroup);
    m_helpdeskContactEdit->setObjectName(QStringLiteral("helpdeskContactLineEdit"));
    m_helpdeskContactLabel->setBuddy(m_helpdeskContactEdit);
    sheetForm->addRow(m_helpdeskContactLabel, m_helpdeskContactEdit);
    layout->addWidget(m_sheetGroup);
    layout->addStretch(1);

    retranslate();
    loadSheetSettings();

    connect(m_callerEdit, &QLineEdit::textEdited, this, &HelpdeskPanel::caseFieldsEdited);
    connect(m_ticketEdit, &QLineEdit::textEdited, this, &HelpdeskPanel::caseFieldsEdited);
    connect(m_notesEdit, &QPlainTextEdit::textChanged, this, &HelpdeskPanel::caseFieldsEdited);
    connect(m_newCallButton, &QPushButton::clicked, this, &HelpdeskPanel::newCallRequested);
    auto sheetChanged = [this] {
        saveSheetSettings();
        emit sheetOptionsChanged();
    };
    connect(m_sheetLanguageCombo, &QComboBox::activated, this, sheetChanged);
    connect(m_pageSizeCombo, &QComboBox::activated, this, sheetChanged);
    connect(m_maskAddresses, &QCheckBox::toggled, this, sheetChanged);
    connect(m_maskHosts, &QCheckBox::toggled, this, sheetChanged);
    connect(m_maskIps, &QCheckBox::toggled, this, sheetChanged);
    connect(m_helpdeskNameEdit, &QLineEdit::editingFinished, this, sheetChanged);
    connect(m_helpdeskContactEdit, &QLineEdit::editingFinished, this, sheetChanged);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &HelpdeskPanel::updateElapsed);
    m_tick.start();
    restartClock();
}

QString HelpdeskPanel::callerName() const
{
    return m_callerEdit->text();
}

QString HelpdeskPanel::ticket() const
{
    return m_ticketEdit->text();
}

QString HelpdeskPanel::notes() const
{
    return m_notesEdit->toPlainText();
}

void HelpdeskPanel::setCase(const QString &callerName, const QString &ticket, const QString &notes)
{
    const QSignalBlocker b1(m_callerEdit);
    const QSignalBlocker b2(m_ticketEdit);
    const QSignalBlocker b3(m_notesEdit);
    m_callerEdit->setText(callerName);
    m_ticketEdit->setText(ticket);
    m_notesEdit->setPlainText(notes);
}

qint64 HelpdeskPanel::elapsedSeconds() const
{
    return m_baseSeconds + m_clock.elapsed() / 1000;
}

void HelpdeskPanel::restartClock(qint64 baseSeconds)
{
    m_baseSeconds = baseSeconds;
    m_clock.start();
    updateElapsed();
}

void HelpdeskPanel::updateElapsed()
{
    const qint64 s = elapsedSeconds();
    const QString time = s >= 3600
        ? QStringLiteral("%1:%2:%3")
              .arg(s / 3600)
              .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
              .arg(s % 60, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    //: Time spent on the current case, e.g. "Elapsed: 03:25"
    m_elapsedLabel->setText(tr("Elapsed: %1").arg(time));
}

void HelpdeskPanel::setReadAloud(const QString &aloud, const QString &listen)
{
    m_aloudLabel->setText(aloud);
    m_listenLabel->setText(listen);
    m_listenTitleLabel->setVisible(!listen.isEmpty());
    m_listenLabel->setVisible(!listen.isEmpty());
}

QString HelpdeskPanel::aloudText() const
{
    return m_aloudLabel->text();
}

QString HelpdeskPanel::listenText() const
{
    return m_listenLabel->text();
}

SheetOptions HelpdeskPanel::sheetOptions(Language uiLanguage) const
{
    SheetOptions o;
    switch (m_sheetLanguageCombo->currentData().toInt()) {
    case Japanese:
        o.languages = SheetLanguages::Japanese;
        break;
    case English:
        o.languages = SheetLanguages::English;
        break;
    case Both:
        o.languages = SheetLanguages::Both;
        break;
    default:
        o.languages = sheetLanguagesFor(uiLanguage);
        break;
    }
    o.pageSize = SheetPageSize(m_pageSizeCombo->currentData().toInt());
    o.mask.addresses = m_maskAddresses->isChecked();
    o.mask.hosts = m_maskHosts->isChecked();
    o.mask.ipAddresses = m_maskIps->isChecked();
    o.helpdeskName = m_helpdeskNameEdit->text().trimmed();
    o.helpdeskContact = m_helpdeskContactEdit->text().trimmed();
    return o;
}

QSize HelpdeskPanel::sizeHint() const
{
    // Narrow enough to leave the wizard most of the window; the texts wrap.
    return QSize(fontMetrics().averageCharWidth() * 48, QWidget::sizeHint().height());
}

void HelpdeskPanel::loadSheetSettings()
{
    const SheetOptions o = sheetOptionsFromSettings();
    const QString languages = QSettings().value(QStringLiteral("sheet/languages")).toString();
    int choice = SameAsWindow;
    if (languages == QLatin1String("ja"))
        choice = Japanese;
    else if (languages == QLatin1String("en"))
        choice = English;
    else if (languages == QLatin1String("both"))
        choice = Both;
    m_sheetLanguageCombo->setCurrentIndex(m_sheetLanguageCombo->findData(choice));
    m_pageSizeCombo->setCurrentIndex(m_pageSizeCombo->findData(int(o.pageSize)));
    const QSignalBlocker b1(m_maskAddresses);
    const QSignalBlocker b2(m_maskHosts);
    const QSignalBlocker b3(m_maskIps);
    m_maskAddresses->setChecked(o.mask.addresses);
    m_maskHosts->setChecked(o.mask.hosts);
    m_maskIps->setChecked(o.mask.ipAddresses);
    m_helpdeskNameEdit->setText(o.helpdeskName);
    m_helpdeskContactEdit->setText(o.helpdeskContact);
}

void HelpdeskPanel::saveSheetSettings()
{
    const SheetOptions o = sheetOptions(Language::English);
    saveSheetOptionsToSettings(o);
    if (m_sheetLanguageCombo->currentData().toInt() == SameAsWindow)
        QSettings().setValue(QStringLiteral("sheet/languages"), QStringLiteral("auto"));
}

void HelpdeskPanel::retranslate()
{
    setWindowTitle(tr("Helpdesk"));
    m_callGroup->setTitle(tr("Call"));
    m_callerLabel->setText(tr("&Caller:"));
    m_ticketLabel->setText(tr("&Ticket:"));
    m_ticketEdit->setPlaceholderText(tr("Ticket or reference"));
    m_notesLabel->setText(tr("N&otes:"));
    m_newCallButton->setText(tr("&New call"));
    m_newCallButton->setToolTip(tr("Close this case and start an empty one for the next caller"));
    m_aloudGroup->setTitle(tr("Read aloud"));
    m_listenTitleLabel->setText(tr("Listen for:"));
    m_sheetGroup->setTitle(tr("Remedy sheet"));
    m_sheetLanguageLabel->setText(tr("&Language:"));
    const int current = m_sheetLanguageCombo->currentIndex();
    m_sheetLanguageCombo->clear();
    m_sheetLanguageCombo->addItem(tr("Same as the window"), int(SameAsWindow));
    m_sheetLanguageCombo->addItem(tr("Japanese"), int(Japanese));
    m_sheetLanguageCombo->addItem(tr("English"), int(English));
    m_sheetLanguageCombo->addItem(tr("Japanese and English"), int(Both));
    m_sheetLanguageCombo->setCurrentIndex(qMax(0, current));
    m_pageSizeLabel->setText(tr("&Paper:"));
    m_maskAddresses->setText(tr("Hide names in addresses"));
    m_maskAddresses->setToolTip(tr("Sheets and exports show t***@example.jp instead of the full address"));
    m_maskHosts->setText(tr("Hide server and domain names"));
    m_maskIps->setText(tr("Hide IP addresses"));
    m_helpdeskNameLabel->setText(tr("Helpdesk &name:"));
    m_helpdeskContactLabel->setText(tr("Co&ntact:"));
    m_helpdeskContactEdit->setPlaceholderText(tr("Phone or e-mail for the footer"));
    updateElapsed();
}

void HelpdeskPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace MailDoctor
