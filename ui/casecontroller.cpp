#include "casecontroller.h"

#include "doctorwizard.h"
#include "helpdeskpanel.h"
#include "historydialog.h"
#include "mainwindow.h"
#include "sheet/sheetwriter.h"

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QFileDialog>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTextDocument>
#include <QToolBar>

#include <memory>

namespace MailDoctor {

namespace {

const QString helpdeskModeKey = QStringLiteral("helpdesk/mode");

// What to say on the paste page. Read to a caller in the language of the case, so it is kept
// with the other spoken texts as data in both languages rather than as a UI string.
const LocalizedText pasteAloud {
    QStringLiteral(
        "Could you read the error message to me exactly as it appears, starting from the first line? "
        "If it is a returned mail, you can also forward it to us."),
    QStringLiteral(
        "恐れ入りますが、表示されているエラーメッセージを、最初の行からそのまま読み上げていただけますか。"
        "戻ってきたメールでしたら、こちらへ転送していただいても結構です。")
};
const LocalizedText pasteListen {
    QStringLiteral(
        "Three-digit numbers such as 550, codes such as 5.1.1, the address the mail was sent to, and words "
        "such as \"unknown\", \"full\", \"rejected\" or \"password\"."),
    QStringLiteral("550 のような3桁の数字、5.1.1 のようなコード、送り先のアドレス、"
                   "「unknown」「full」「rejected」「password」などの言葉。")
};

} // namespace

CaseController::CaseController(MainWindow *window, const QString &storePath)
    : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("caseController"));

    m_panel = new HelpdeskPanel;
    m_window->addSideWidget(m_panel);
    if (auto *dock = qobject_cast<QDockWidget *>(m_panel->parentWidget()))
        dock->setVisible(QSettings().value(helpdeskModeKey, false).toBool());

    // Actions: the sheet on the File menu and a toolbar; history and helpdesk mode on Tools.
    auto makeAction = [this](const QString &name, const QString &icon, void (CaseController::*slot)()) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!icon.isEmpty())
            a->setIcon(QIcon::fromTheme(icon));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_previewAction = makeAction(QStringLiteral("printPreviewAction"),
                                 QStringLiteral("document-print-preview"), &CaseController::printPreview);
    m_printAction
        = makeAction(QStringLiteral("printAction"), QStringLiteral("document-print"), &CaseController::print);
    m_printAction->setShortcut(QKeySequence::Print);
    m_pdfAction = makeAction(QStringLiteral("exportPdfAction"), QStringLiteral("document-export"),
                             &CaseController::exportPdfWithDialog);
    m_copyAction = makeAction(QStringLiteral("copySheetTextAction"), QStringLiteral("edit-copy"),
                              &CaseController::copyAsText);
    m_newCallAction = makeAction(QStringLiteral("newCallAction"), QStringLiteral("document-new"),
                                 &CaseController::newCall);
    m_newCallAction->setShortcut(QKeySequence::New);
    m_historyAction = makeAction(QStringLiteral("historyAction"), QString(), &CaseController::showHistory);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_helpdeskAction = new QAction(this);
    m_helpdeskAction->setObjectName(QStringLiteral("helpdeskModeAction"));
    m_helpdeskAction->setCheckable(true);
    if (auto *dock = qobject_cast<QDockWidget *>(m_panel->parentWidget())) {
        m_helpdeskAction->setChecked(dock->isVisibleTo(m_window)
                                     || QSettings().value(helpdeskModeKey, false).toBool());
        connect(m_helpdeskAction, &QAction::toggled, dock, [dock](bool on) {
            dock->setVisible(on);
            QSettings().setValue(helpdeskModeKey, on);
        });
        // The dock's own close button ends helpdesk mode as well.
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool) {
            if (!dock->isHidden() != m_helpdeskAction->isChecked() && m_window->isVisible())
                m_helpdeskAction->setChecked(!dock->isHidden());
        });
    }

    QMenu *file = m_window->fileMenu();
    QAction *quit = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QAction *before = quit && file->actions().contains(quit) ? quit : nullptr;
    file->insertAction(before, m_newCallAction);
    file->insertSeparator(before);
    file->insertActions(before, { m_previewAction, m_printAction, m_pdfAction, m_copyAction });
    file->insertSeparator(before);
    QMenu *tools = m_window->toolsMenu();
    tools->addAction(m_historyAction);
    tools->addAction(m_helpdeskAction);

    m_sheetBar = new QToolBar(m_window);
    m_sheetBar->setObjectName(QStringLiteral("sheetToolBar"));
    m_sheetBar->setMovable(false);
    m_sheetBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sheetBar->addActions({ m_previewAction, m_printAction, m_pdfAction, m_copyAction });
    m_window->addToolBar(Qt::TopToolBarArea, m_sheetBar);

    // The inline notice: a recovered case or a problem with the history file, where the user can act.
    m_noticeBar = new QToolBar(m_window);
    m_noticeBar->setObjectName(QStringLiteral("caseNoticeToolBar"));
    m_noticeBar->setMovable(false);
    m_noticeBar->setFloatable(false);
    m_noticeBar->toggleViewAction()->setVisible(false);
    m_noticeFrame = new QFrame(m_noticeBar);
    m_noticeFrame->setObjectName(QStringLiteral("caseNoticeFrame"));
    m_noticeFrame->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *noticeLayout = new QHBoxLayout(m_noticeFrame);
    noticeLayout->setContentsMargins(8, 4, 8, 4);
    m_noticeLabel = new QLabel(m_noticeFrame);
    m_noticeLabel->setObjectName(QStringLiteral("caseNoticeLabel"));
    m_noticeLabel->setTextFormat(Qt::PlainText);
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    noticeLayout->addWidget(m_noticeLabel, 1);
    m_resumeButton = new QPushButton(m_noticeFrame);
    m_resumeButton->setObjectName(QStringLiteral("resumeCasePushButton"));
    m_discardButton = new QPushButton(m_noticeFrame);
    m_discardButton->setObjectName(QStringLiteral("discardCasePushButton"));
    m_dismissButton = new QPushButton(m_noticeFrame);
    m_dismissButton->setObjectName(QStringLiteral("dismissNoticePushButton"));
    noticeLayout->addWidget(m_resumeButton);
    noticeLayout->addWidget(m_discardButton);
    noticeLayout->addWidget(m_dismissButton);
    m_noticeBar->addWidget(m_noticeFrame);
    m_window->addToolBarBreak(Qt::TopToolBarArea);
    m_window->addToolBar(Qt::TopToolBarArea, m_noticeBar);
    m_noticeBar->hide();
    connect(m_resumeButton, &QPushButton::clicked, this, &CaseController::resumeOffered);
    connect(m_discardButton, &QPushButton::clicked, this, &CaseController::discardOffered);
    connect(m_dismissButton, &QPushButton::clicked, this, &CaseController::hideNotice);

    connect(m_window, &MainWindow::caseChanged, this, &CaseController::onCaseChanged);
    connect(m_window, &MainWindow::languageChanged, this, [this] {
        retranslate();
        updateReadAloud();
        if (m_history)
            m_history->setLanguage(m_window->language());
    });
    // Start over leaves the case behind; the next answer begins a new one.
    if (QAction *startOver = m_window->findChild<QAction *>(QStringLiteral("startOverAction")))
        connect(startOver, &QAction::triggered, this, &CaseController::onStartOver);
    if (DoctorWizard *wizard = m_window->wizard()) {
        connect(wizard, &QWizard::customButtonClicked, this, [this](int which) {
            if (which == QWizard::CustomButton1)
                onStartOver();
        });
    }
    connect(m_panel, &HelpdeskPanel::caseFieldsEdited, this, &CaseController::onFieldsEdited);
    connect(m_panel, &HelpdeskPanel::newCallRequested, this, &CaseController::newCall);

    // Typing is saved shortly after it pauses, so a kill loses at most the last few keystrokes.
    m_typingSave.setSingleShot(true);
    m_typingSave.setInterval(300);
    connect(&m_typingSave, &QTimer::timeout, this, &CaseController::saveNow);

    retranslate();
    updateActions();
    updateReadAloud();
    // The history is opened once the window is on screen: opening and checking the database is
    // the slowest part of starting, and nothing can be answered before the first page shows.
    QTimer::singleShot(0, this, [this, storePath] { openStore(storePath); });
}

void CaseController::openStore(const QString &storePath)
{
    m_storeStatus = m_store.open(storePath);
    if (m_storeStatus.isError()) {
        showNotice([status = m_storeStatus] { return status.text(); }, false, true);
    } else {
        offerUnfinished();
    }
    // Anything answered while the history was opening is saved now.
    if (hasContent())
        saveNow();
}

CaseController::~CaseController()
{
    // A normal close ends the case; only a crash or a kill leaves it unfinished for the next start.
    m_typingSave.stop();
    if (!m_record.id.isEmpty() && m_store.isOpen()) {
        if (m_panel)
            m_record.elapsedSeconds = m_panel->elapsedSeconds();
        m_record.finished = true;
        m_store.save(&m_record);
    }
}

HelpdeskPanel *CaseController::helpdeskPanel() const
{
    return m_panel;
}

HistoryDialog *CaseController::historyDialog() const
{
    return m_history;
}

QString CaseController::noticeText() const
{
    return m_noticeBar->isHidden() ? QString() : m_noticeLabel->text();
}

bool CaseController::hasContent() const
{
    return !m_record.path.isEmpty() || !m_record.pastedText.trimmed().isEmpty()
        || !m_record.callerName.isEmpty() || !m_record.ticket.isEmpty() || !m_record.notes.isEmpty();
}

void CaseController::captureWizard()
{
    const WizardSession &session = m_window->session();
    const KnowledgeBase &kb = m_window->knowledgeBase();
    m_record.language = m_window->language();
    m_record.path = session.choices();
    m_record.pastedDiagnosis = session.pastedDiagnosis();
    m_record.pastedText = m_window->pastedText();
    if (!m_record.pastedText.trimmed().isEmpty())
        m_record.analysis = m_window->analysis();
    else
        m_record.analysis = AnalysisResult();
    const WizardStep step = session.current();
    m_record.diagnosis = step.kind == WizardStep::Kind::Diagnosis ? step.id : QString();
    if (const Entry *e = kb.entry(m_record.diagnosis))
        m_record.cause = e->cause;
    else
        m_record.cause
            = m_record.analysis.causes.isEmpty() ? QString() : m_record.analysis.causes.first().cause;
}

void CaseController::captureFields()
{
    if (!m_panel)
        return;
    m_record.callerName = m_panel->callerName().trimmed();
    m_record.ticket = m_panel->ticket().trimmed();
    m_record.notes = m_panel->notes();
    m_record.elapsedSeconds = m_panel->elapsedSeconds();
}

void CaseController::onCaseChanged()
{
    if (m_restoring)
        return;
    const WizardSession &session = m_window->session();
    const bool empty = session.choices().isEmpty() && session.pastedDiagnosis().isEmpty()
        && m_window->pastedText().trimmed().isEmpty();
    // Back to the first question (or Start over) keeps what the case reached until a new answer is given.
    if (!empty) {
        captureWizard();
        captureFields();
        saveNow();
    }
    updateActions();
    updateReadAloud();
}

void CaseController::onStartOver()
{
    finishCurrent();
    updateActions();
    updateReadAloud();
}

void CaseController::onFieldsEdited()
{
    captureFields();
    m_typingSave.start();
}

void CaseController::saveNow()
{
    m_typingSave.stop();
    if (!m_store.isOpen() || !hasContent())
        return;
    if (m_panel) {
        // A case starts with its first answer or keystroke, not when the window opened.
        if (m_record.id.isEmpty())
            m_panel->restartClock();
        m_record.elapsedSeconds = m_panel->elapsedSeconds();
    }
    const StoreError e = m_store.save(&m_record);
    if (e.isError())
        showNotice([e] { return e.text(); }, false, true);
    else if (m_history && m_history->isVisible())
        m_history->refresh();
}

void CaseController::finishCurrent()
{
    m_typingSave.stop();
    if (!m_record.id.isEmpty()) {
        m_record.finished = true;
        saveNow();
    }
    m_record = CaseRecord();
}

void CaseController::openRecord(const CaseRecord &record)
{
    if (m_record.id != record.id) {
        captureFields();
        finishCurrent();
    }
    m_record = record;
    m_record.finished = false;
    m_restoring = true;
    m_window->restoreCase(record.path, record.pastedText, record.pastedDiagnosis);
    m_restoring = false;
    if (m_panel) {
        m_panel->setCase(record.callerName, record.ticket, record.notes);
        m_panel->restartClock(record.elapsedSeconds);
    }
    const AnalysisResult stored = record.analysis;
    captureWizard();
    // The window analyses the text again; keep the stored result if it could not.
    if (m_record.analysis.causes.isEmpty() && !stored.causes.isEmpty())
        m_record.analysis = stored;
    saveNow();
    updateActions();
    updateReadAloud();
}

void CaseController::offerUnfinished()
{
    // Several crashes leave several cases: they are offered one at a time, newest first, and the
    // notice says how many wait behind this one. The case in progress is not among them.
    QList<CaseRecord> unfinished = m_store.unfinishedCases();
    unfinished.removeIf([this](const CaseRecord &r) { return r.id == m_record.id; });
    if (unfinished.isEmpty())
        return;
    m_offered = unfinished.first();
    const int more = int(unfinished.size() - 1);
    showNotice(
        [this, record = unfinished.first(), more] {
            const Entry *e = m_window->knowledgeBase().entry(record.diagnosis);
            QStringList what;
            if (!record.callerName.isEmpty())
                what.append(record.callerName);
            if (!record.ticket.isEmpty())
                what.append(record.ticket);
            what.append(e ? e->title.text(m_window->language()) : tr("no diagnosis yet"));
            QString text = tr("Mail Doctor was not closed normally last time. The case from %1 (%2) was kept with "
                              "everything "
                              "entered so far.")
                               .arg(QLocale().toString(record.updated.toLocalTime(), QLocale::ShortFormat),
                                    what.join(QStringLiteral(", ")));
            if (more > 0)
                text += u' ' + tr("%n more unfinished case(s) are in the case history.", nullptr, more);
            return text;
        },
        true, false);
}

void CaseController::resumeOffered()
{
    if (!m_offered)
        return;
    const CaseRecord offered = *m_offered;
    m_offered.reset();
    hideNotice();
    openRecord(offered);
}

void CaseController::discardOffered()
{
    if (!m_offered)
        return;
    m_store.setFinished(m_offered->id, true);
    m_offered.reset();
    hideNotice();
    offerUnfinished();
}

void CaseController::reopenCase(const QString &id)
{
    const std::optional<CaseRecord> record = m_store.load(id);
    if (!record) {
        showNotice([id] { return tr("The case %1 is no longer in the history.").arg(id); }, false, true);
        return;
    }
    if (m_offered && m_offered->id == id) {
        m_offered.reset();
        hideNotice();
    }
    openRecord(*record);
    m_window->raise();
    m_window->activateWindow();
}

void CaseController::newCall()
{
    captureFields();
    finishCurrent();
    if (m_panel) {
        m_panel->setCase({}, {}, {});
        m_panel->restartClock();
    }
    m_window->startOver();
    updateActions();
    updateReadAloud();
}

void CaseController::showHistory()
{
    if (!m_history) {
        m_history = new HistoryDialog(&m_store, &m_window->knowledgeBase(), m_window->language(), m_window);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_history, &HistoryDialog::reopenRequested, this, &CaseController::reopenCase);
    }
    saveNow();
    m_history->refresh();
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

SheetOptions CaseController::sheetOptions() const
{
    return m_panel ? m_panel->sheetOptions(m_window->language()) : sheetOptionsFromSettings();
}

QString CaseController::sheetHtml() const
{
    const SheetOptions options = sheetOptions();
    return renderSheetHtml(buildSheet(m_window->knowledgeBase(), m_record, options), options);
}

QString CaseController::sheetText() const
{
    SheetOptions options = sheetOptions();
    options.includeNotes = true;
    return renderSheetText(buildSheet(m_window->knowledgeBase(), m_record, options), options);
}

QString CaseController::exportPdf(const QString &path)
{
    const SheetOptions options = sheetOptions();
    const SheetWriteError e = writeSheet(m_window->knowledgeBase(), m_record, options, path);
    if (e.isError())
        showNotice([message = e.message] { return message; }, false, true);
    return e.message;
}

void CaseController::print()
{
    const SheetOptions options = sheetOptions();
    const SheetModel sheet = buildSheet(m_window->knowledgeBase(), m_record, options);
    QPrinter printer(QPrinter::HighResolution);
    setUpSheetPrinter(&printer, options.pageSize);
    printer.setDocName(m_record.reference());
    QPrintDialog dialog(&printer, m_window);
    dialog.setObjectName(QStringLiteral("printDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::unique_ptr<QTextDocument> doc(createSheetDocument(renderSheetHtml(sheet, options)));
    printSheetDocument(doc.get(), &printer, sheetFooter(sheet, options));
}

void CaseController::printPreview()
{
    const SheetOptions options = sheetOptions();
    const SheetModel sheet = buildSheet(m_window->knowledgeBase(), m_record, options);
    const QString html = renderSheetHtml(sheet, options);
    const QString footer = sheetFooter(sheet, options);
    QPrinter printer(QPrinter::HighResolution);
    setUpSheetPrinter(&printer, options.pageSize);
    QPrintPreviewDialog preview(&printer, m_window);
    preview.setObjectName(QStringLiteral("printPreviewDialog"));
    preview.setWindowTitle(tr("Remedy sheet preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&html, &footer](QPrinter *p) {
        const std::unique_ptr<QTextDocument> doc(createSheetDocument(html));
        printSheetDocument(doc.get(), p, footer);
    });
    preview.resize(m_window->size());
    preview.exec();
}

void CaseController::exportPdfWithDialog()
{
    QString name = m_record.reference();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/maildoctor-") + (name.isEmpty() ? QStringLiteral("sheet") : name)
        + QStringLiteral(".pdf");
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export the remedy sheet as PDF"), start,
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    exportPdf(path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? path
                                                                        : path + QStringLiteral(".pdf"));
}

void CaseController::copyAsText()
{
    QGuiApplication::clipboard()->setText(sheetText());
}

void CaseController::updateActions()
{
    const bool diagnosis = m_window->session().current().kind == WizardStep::Kind::Diagnosis;
    for (QAction *a : { m_printAction, m_previewAction, m_pdfAction, m_copyAction })
        a->setEnabled(diagnosis);
}

void CaseController::updateReadAloud()
{
    if (!m_panel)
        return;
    const KnowledgeBase &kb = m_window->knowledgeBase();
    const Language language = m_window->language();
    const WizardStep step = m_window->session().current();
    QString aloud;
    QString listen;
    if (step.kind == WizardStep::Kind::Question) {
        if (const Node *node = kb.node(step.id)) {
            aloud = node->aloud.isEmpty() ? node->question.text(language) : node->aloud.text(language);
            listen = node->listen.text(language);
        }
    } else if (step.kind == WizardStep::Kind::Paste) {
        aloud = pasteAloud.text(language);
        listen = pasteListen.text(language);
    } else if (step.kind == WizardStep::Kind::Diagnosis) {
        if (const Entry *e = kb.entry(step.id)) {
            aloud = e->summary.text(language);
            QStringList checks;
            for (const LocalizedText &c : e->checks)
                checks.append(QStringLiteral("• ") + c.text(language));
            listen = checks.join(QLatin1Char('\n'));
        }
    }
    m_panel->setReadAloud(aloud, listen);
}

void CaseController::showNotice(NoticeText text, bool offerRecovery, bool error)
{
    m_noticeText = std::move(text);
    m_noticeLabel->setText(m_noticeText());
    m_resumeButton->setVisible(offerRecovery);
    m_discardButton->setVisible(offerRecovery);
    m_dismissButton->setVisible(!offerRecovery);
    m_noticeFrame->setStyleSheet(
        error ? QStringLiteral("#caseNoticeFrame { background: #fde2e1; border: 1px solid #d99; }")
              : QStringLiteral("#caseNoticeFrame { background: #fff4c2; border: 1px solid #d9c26a; }"));
    m_noticeBar->show();
}

void CaseController::hideNotice()
{
    m_noticeBar->hide();
}

void CaseController::retranslate()
{
    m_previewAction->setText(tr("Print pre&view…"));
    m_previewAction->setToolTip(tr("See the remedy sheet as it will be printed"));
    m_printAction->setText(tr("&Print…"));
    m_printAction->setToolTip(tr("Print the remedy sheet"));
    m_pdfAction->setText(tr("&Export PDF…"));
    m_pdfAction->setToolTip(tr("Save the remedy sheet as a PDF file"));
    m_copyAction->setText(tr("&Copy as text"));
    m_copyAction->setToolTip(tr("Copy the remedy sheet as plain text, for a ticket or a mail"));
    m_newCallAction->setText(tr("&New case"));
    m_historyAction->setText(tr("Case &history…"));
    m_helpdeskAction->setText(tr("&Helpdesk mode"));
    m_helpdeskAction->setToolTip(
        tr("Show the helpdesk panel: caller, ticket, notes, time and questions to read aloud"));
    m_sheetBar->setWindowTitle(tr("Remedy sheet"));
    m_noticeBar->setWindowTitle(tr("Notice"));
    m_resumeButton->setText(tr("&Continue the case"));
    m_discardButton->setText(tr("&Discard"));
    m_discardButton->setToolTip(tr("Keep it in the history as closed and start with an empty case"));
    m_dismissButton->setText(tr("&OK"));
    if (!m_noticeBar->isHidden() && m_noticeText)
        m_noticeLabel->setText(m_noticeText());
}

} // namespace MailDoctor
