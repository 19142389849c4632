// The case controller attached to the real main window: autosave after every answer, the offer of
// an unfinished case, the helpdesk panel, the history window (reopen, outcome, CSV) and the sheet.

#include "casecontroller.h"
#include "doctorwizard.h"
#include "helpdeskpanel.h"
#include "historydialog.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "pastepage.h"
#include "questionpage.h"
#include "translations.h"
#include "wizarddriver.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QCommandLinkButton>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace MailDoctor;
using WizardDriver::pasteAnswer;
using WizardDriver::pathToDiagnosis;

namespace {

// Written for this test: a returned mail with one failed recipient.
const QString sampleBounce
    = QStringLiteral("This is the mail system at host relay.example.net.\n\n"
                     "<kenta@example.org>: host mx1.example.org[192.0.2.7] said: 550 5.1.1\n"
                     "    <kenta@example.org>: Recipient address rejected: User unknown in local\n"
                     "    recipient table (in reply to RCPT TO command)\n");

} // namespace

class TestCaseController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void autosavesAfterEveryAnswer();
    void typedHelpdeskFieldsAreSaved();
    void pastedTextAndAnalysisAreSaved();
    void normalCloseFinishesTheCase();
    void startOverBeginsANewCase();
    void unfinishedCaseIsOfferedAndResumed();
    void discardedCaseIsClosed();
    void severalUnfinishedCasesAreOfferedInTurn();
    void damagedStoreIsReportedInline();
    void historyReopensACase();
    void historyMarksOutcomeAndExportsCsv();
    void readAloudFollowsTheStepAndLanguage();
    void sheetActionsOnTheDiagnosis();
    void killedAppOffersTheCaseOnNextStart();
    void printPreviewShowsTheSheet();

private:
    MainWindow *openWindow(Language language = Language::English);
    CaseController *controller() const { return m_window->findChild<CaseController *>(); }
    QuestionPage *currentQuestion() const
    {
        return qobject_cast<QuestionPage *>(m_window->wizard()->currentPage());
    }
    QPushButton *wizardButton(const char *name) const
    {
        return m_window->wizard()->findChild<QPushButton *>(QLatin1String(name));
    }
    void clickAnswer(const QString &answerId);
    void walk(const QList<Choice> &path);
    CaseRecord storedCase(const QString &notes, const QList<Choice> &path);
    void grab(QWidget *w, const QString &name);

    KbLoadResult m_reference;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
    std::unique_ptr<MainWindow> m_window;
};

void TestCaseController::initTestCase()
{
    QApplication::setOrganizationName(QStringLiteral("MailDoctorTest"));
    QApplication::setApplicationName(QStringLiteral("tst_casecontroller"));
    m_reference = loadKnowledgeBase({});
    QVERIFY(m_reference.kb.node(KnowledgeBase::startNodeId()));
    QVERIFY2(!pathToDiagnosis(m_reference.kb).isEmpty(),
             "the knowledge base has no two-question path to a diagnosis");
    m_translations = std::make_unique<Translations>();
}

void TestCaseController::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_storePath = m_dir->filePath(QStringLiteral("cases.sqlite"));
}

void TestCaseController::cleanup()
{
    m_window.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const QWidgetList leaked = QApplication::topLevelWidgets();
    for (QWidget *w : leaked)
        qWarning("leaked top-level widget: %s %s", w->metaObject()->className(), qPrintable(w->objectName()));
    QVERIFY(leaked.isEmpty());
    m_translations->apply(Language::English);
    m_dir.reset();
}

MainWindow *TestCaseController::openWindow(Language language)
{
    m_translations->apply(language);
    m_window = std::make_unique<MainWindow>(loadKnowledgeBase({}), m_translations.get());
    new CaseController(m_window.get(), m_storePath);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return nullptr;
    return m_window.get();
}

void TestCaseController::clickAnswer(const QString &answerId)
{
    WizardDriver::clickAnswer(m_window->wizard(), answerId);
}

void TestCaseController::walk(const QList<Choice> &path)
{
    WizardDriver::walk(m_window->wizard(), path);
}

CaseRecord TestCaseController::storedCase(const QString &notes, const QList<Choice> &path)
{
    CaseRecord r;
    r.path = path;
    r.diagnosis = nextStep(m_reference.kb, path).id;
    r.cause = m_reference.kb.entry(r.diagnosis)->cause;
    r.callerName = QStringLiteral("Caller of ") + notes;
    r.ticket = QStringLiteral("T-") + notes;
    r.notes = notes;
    r.elapsedSeconds = 61;
    return r;
}

void TestCaseController::grab(QWidget *w, const QString &name)
{
    // Set MAILDOCTOR_SCREENSHOT_DIR to look at the widgets as a user would.
    const QString dir = qEnvironmentVariable("MAILDOCTOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void TestCaseController::autosavesAfterEveryAnswer()
{
    QVERIFY(openWindow());
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    CaseStore &store = controller()->store();
    QCOMPARE(store.count(), 0); // nothing to save before the first answer

    for (qsizetype i = 0; i < path.size(); ++i) {
        walk({ path.at(i) });
        QCOMPARE(store.count(), 1);
        const std::optional<CaseRecord> saved = store.unfinishedCase();
        QVERIFY(saved.has_value());
        QCOMPARE(saved->path.size(), i + 1);
        QCOMPARE(saved->path.last().answerId, path.at(i).answerId);
    }
    const CaseRecord saved = *store.unfinishedCase();
    const QString entry = nextStep(m_reference.kb, path).id;
    QCOMPARE(saved.diagnosis, entry);
    QCOMPARE(saved.cause, m_reference.kb.entry(entry)->cause);
    QVERIFY(!saved.finished);

    // Back keeps the case and saves the shorter path.
    QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
    QCOMPARE(store.unfinishedCase()->path.size(), path.size() - 1);
    QCOMPARE(store.count(), 1);
}

void TestCaseController::typedHelpdeskFieldsAreSaved()
{
    QVERIFY(openWindow());
    HelpdeskPanel *panel = controller()->helpdeskPanel();
    auto *caller = panel->findChild<QLineEdit *>(QStringLiteral("callerLineEdit"));
    auto *notes = panel->findChild<QPlainTextEdit *>(QStringLiteral("notesPlainTextEdit"));
    QVERIFY(caller && notes);
    QTest::keyClicks(caller, QStringLiteral("Hanako Sato"));
    QTest::keyClicks(notes, QStringLiteral("Outlook 2016, error when sending"));
    CaseStore &store = controller()->store();
    QTRY_VERIFY(store.unfinishedCase().has_value());
    QTRY_COMPARE(store.unfinishedCase()->notes, QStringLiteral("Outlook 2016, error when sending"));
    QCOMPARE(store.unfinishedCase()->callerName, QStringLiteral("Hanako Sato"));
}

void TestCaseController::pastedTextAndAnalysisAreSaved()
{
    QVERIFY(openWindow());
    const QString answer = pasteAnswer(m_reference.kb);
    if (answer.isEmpty())
        QSKIP("the start question has no answer that leads to the paste page");
    clickAnswer(answer);
    PastePage *paste = m_window->wizard()->pastePage();
    QVERIFY(paste);
    paste->setText(sampleBounce);
    paste->analyse();
    CaseStore &store = controller()->store();
    QTRY_VERIFY(store.unfinishedCase().has_value() && store.unfinishedCase()->pastedText == sampleBounce);
    QTRY_VERIFY(!store.unfinishedCase()->analysis.causes.isEmpty());
    QVERIFY(store.unfinishedCase()->recipientDomains().contains(QStringLiteral("example.org")));
}

void TestCaseController::normalCloseFinishesTheCase()
{
    QVERIFY(openWindow());
    walk(pathToDiagnosis(m_reference.kb));
    QVERIFY(controller()->store().unfinishedCase().has_value());
    m_window.reset();
    CaseStore store;
    QVERIFY(!store.open(m_storePath).isError());
    QCOMPARE(store.count(), 1);
    QVERIFY(!store.unfinishedCase().has_value());
}

void TestCaseController::startOverBeginsANewCase()
{
    QVERIFY(openWindow());
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    const QString first = controller()->currentCase().id;
    QVERIFY(!first.isEmpty());
    QTest::mouseClick(wizardButton("startOverPushButton"), Qt::LeftButton);
    CaseStore &store = controller()->store();
    QVERIFY(store.load(first)->finished);
    QCOMPARE(store.load(first)->path.size(), path.size()); // the old case keeps its path
    walk({ path.first() });
    QCOMPARE(store.count(), 2);
    QVERIFY(controller()->currentCase().id != first);
}

void TestCaseController::unfinishedCaseIsOfferedAndResumed()
{
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    CaseRecord left = storedCase(QStringLiteral("left by a crash"), path);
    {
        CaseStore store;
        QVERIFY(!store.open(m_storePath).isError());
        QVERIFY(!store.save(&left).isError());
    }
    QVERIFY(openWindow());
    CaseController *c = controller();
    QVERIFY(c->offeredCase().has_value());
    QVERIFY(c->noticeText().contains(left.callerName));
    auto *resume = m_window->findChild<QPushButton *>(QStringLiteral("resumeCasePushButton"));
    QVERIFY(resume && resume->isVisible());
    grab(m_window.get(), QStringLiteral("recovery-offer"));
    QTest::mouseClick(resume, Qt::LeftButton);

    QVERIFY(c->noticeText().isEmpty());
    QCOMPARE(m_window->session().current().kind, WizardStep::Kind::Diagnosis);
    QCOMPARE(m_window->currentStepTitle(),
             m_reference.kb.entry(left.diagnosis)->title.text(Language::English));
    HelpdeskPanel *panel = c->helpdeskPanel();
    QCOMPARE(panel->callerName(), left.callerName);
    QCOMPARE(panel->ticket(), left.ticket);
    QCOMPARE(panel->notes(), left.notes);
    QVERIFY(panel->elapsedSeconds() >= 61);
    QCOMPARE(c->currentCase().id, left.id);
    QCOMPARE(c->store().count(), 1);
}

void TestCaseController::discardedCaseIsClosed()
{
    CaseRecord left = storedCase(QStringLiteral("discard me"), pathToDiagnosis(m_reference.kb));
    {
        CaseStore store;
        QVERIFY(!store.open(m_storePath).isError());
        QVERIFY(!store.save(&left).isError());
    }
    QVERIFY(openWindow());
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("discardCasePushButton")),
                      Qt::LeftButton);
    QVERIFY(controller()->noticeText().isEmpty());
    QVERIFY(controller()->store().load(left.id)->finished);
    QVERIFY(!controller()->store().unfinishedCase().has_value());
    QCOMPARE(m_window->session().choices().size(), 0);
}

void TestCaseController::severalUnfinishedCasesAreOfferedInTurn()
{
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    CaseRecord older = storedCase(QStringLiteral("first crash"), path);
    older.callerName = QStringLiteral("Older Caller");
    CaseRecord newer = storedCase(QStringLiteral("second crash"), path);
    newer.callerName = QStringLiteral("Newer Caller");
    {
        CaseStore store;
        QVERIFY(!store.open(m_storePath).isError());
        QVERIFY(!store.save(&older).isError());
        QTest::qWait(5);
        QVERIFY(!store.save(&newer).isError());
    }
    QVERIFY(openWindow());
    CaseController *c = controller();
    // The newest first, saying that another one waits.
    QCOMPARE(c->offeredCase()->id, newer.id);
    QVERIFY(c->noticeText().contains(newer.callerName));
    QVERIFY2(c->noticeText().contains(QStringLiteral("1 more unfinished case is")), qPrintable(c->noticeText()));
    grab(m_window.get(), QStringLiteral("recovery-offer-several"));
    m_window->setLanguage(Language::Japanese);
    QVERIFY2(c->noticeText().contains(QStringLiteral("1 件")), qPrintable(c->noticeText()));
    QCoreApplication::processEvents(); // the tool bars lay out their longer Japanese labels
    grab(m_window.get(), QStringLiteral("recovery-offer-several-ja"));
    m_window->setLanguage(Language::English);
    auto *discard = m_window->findChild<QPushButton *>(QStringLiteral("discardCasePushButton"));
    QTest::mouseClick(discard, Qt::LeftButton);
    // Then the other one, with nothing behind it.
    QVERIFY(c->offeredCase().has_value());
    QCOMPARE(c->offeredCase()->id, older.id);
    QVERIFY(c->noticeText().contains(older.callerName));
    QVERIFY(!c->noticeText().contains(QStringLiteral("more unfinished")));
    QTest::mouseClick(discard, Qt::LeftButton);
    QVERIFY(!c->offeredCase().has_value());
    QVERIFY(c->noticeText().isEmpty());
    QVERIFY(c->store().unfinishedCases().isEmpty());
}

void TestCaseController::damagedStoreIsReportedInline()
{
    {
        QFile f(m_storePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x5a'));
    }
    QVERIFY(openWindow());
    CaseController *c = controller();
    QCOMPARE(c->storeStatus().code, StoreError::Code::Damaged);
    QVERIFY(!c->noticeText().isEmpty());
    QVERIFY(QFile::exists(c->storeStatus().keptCopy));
    // The notice follows a language switch while it is shown, and still names the kept copy.
    const QString before = c->noticeText();
    m_window->setLanguage(m_window->language() == Language::Japanese ? Language::English : Language::Japanese);
    QVERIFY(c->noticeText() != before);
    QVERIFY(c->noticeText().contains(QDir::toNativeSeparators(c->storeStatus().keptCopy)));
    m_window->setLanguage(m_window->language() == Language::Japanese ? Language::English : Language::Japanese);
    QCOMPARE(c->noticeText(), before);
    grab(m_window.get(), QStringLiteral("damaged-store"));
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("dismissNoticePushButton")),
                      Qt::LeftButton);
    QVERIFY(c->noticeText().isEmpty());
    // The fresh store works.
    walk({ pathToDiagnosis(m_reference.kb).first() });
    QCOMPARE(c->store().count(), 1);
}

void TestCaseController::historyReopensACase()
{
    const QList<Choice> pathA = pathToDiagnosis(m_reference.kb, 0);
    QList<Choice> pathB = pathToDiagnosis(m_reference.kb, 1);
    if (pathB.isEmpty())
        pathB = pathA;
    CaseRecord a = storedCase(QStringLiteral("first"), pathA);
    CaseRecord b = storedCase(QStringLiteral("second"), pathB);
    a.finished = b.finished = true;
    {
        CaseStore store;
        QVERIFY(!store.open(m_storePath).isError());
        QVERIFY(!store.save(&a).isError());
        QTest::qWait(5);
        QVERIFY(!store.save(&b).isError());
    }
    QVERIFY(openWindow());
    m_window->findChild<QAction *>(QStringLiteral("historyAction"))->trigger();
    HistoryDialog *history = controller()->historyDialog();
    QVERIFY(history && history->isVisible());
    auto *table = history->findChild<QTableWidget *>(QStringLiteral("casesTableWidget"));
    QCOMPARE(table->rowCount(), 2);
    grab(history, QStringLiteral("history"));

    history->selectIds({ a.id });
    auto *reopen = history->findChild<QPushButton *>(QStringLiteral("reopenPushButton"));
    QVERIFY(reopen->isEnabled());
    QTest::mouseClick(reopen, Qt::LeftButton);
    QCOMPARE(controller()->currentCase().id, a.id);
    QCOMPARE(m_window->session().choices().size(), pathA.size());
    QCOMPARE(controller()->helpdeskPanel()->callerName(), a.callerName);
    QVERIFY(!controller()->store().load(a.id)->finished); // being worked on again

    // Searching by text narrows the list.
    auto *search = history->findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("second"));
    QTRY_COMPARE(table->rowCount(), 1);
    history->close();
}

void TestCaseController::historyMarksOutcomeAndExportsCsv()
{
    CaseRecord a = storedCase(QStringLiteral("outcome, \"quoted\""), pathToDiagnosis(m_reference.kb));
    a.finished = true;
    {
        CaseStore store;
        QVERIFY(!store.open(m_storePath).isError());
        QVERIFY(!store.save(&a).isError());
    }
    QVERIFY(openWindow());
    controller()->showHistory();
    HistoryDialog *history = controller()->historyDialog();
    history->selectIds({ a.id });
    auto *outcome = history->findChild<QComboBox *>(QStringLiteral("outcomeComboBox"));
    outcome->setCurrentIndex(outcome->findData(int(CaseOutcome::Escalated)));
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("setOutcomePushButton")),
                      Qt::LeftButton);
    QCOMPARE(controller()->store().load(a.id)->outcome, CaseOutcome::Escalated);
    QVERIFY(!history->statusText().isEmpty());

    history->selectIds({ a.id });
    const QString csv = m_dir->filePath(QStringLiteral("export.csv"));
    QCOMPARE(history->exportSelected(csv), QString());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(a.id.toUtf8()));
    QVERIFY(bytes.contains("\"outcome, \"\"quoted\"\"\""));
    history->close();
}

void TestCaseController::readAloudFollowsTheStepAndLanguage()
{
    QVERIFY(openWindow(Language::English));
    HelpdeskPanel *panel = controller()->helpdeskPanel();
    const Node *start = m_reference.kb.node(KnowledgeBase::startNodeId());
    const QString aloudEn = start->aloud.isEmpty() ? start->question.en : start->aloud.en;
    QCOMPARE(panel->aloudText(), aloudEn);
    QCOMPARE(panel->listenText(), start->listen.en);
    m_window->setLanguage(Language::Japanese);
    QCOMPARE(panel->aloudText(), start->aloud.isEmpty() ? start->question.ja : start->aloud.ja);

    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk({ path.first() });
    const Node *second = m_reference.kb.node(path.at(1).nodeId);
    QCOMPARE(panel->aloudText(), second->aloud.isEmpty() ? second->question.ja : second->aloud.ja);
    m_window->findChild<QAction *>(QStringLiteral("helpdeskModeAction"))->setChecked(true);
    QTRY_VERIFY(panel->isVisible());
    grab(panel, QStringLiteral("helpdesk-panel-ja"));
    grab(m_window.get(), QStringLiteral("window-helpdesk-ja"));
}

void TestCaseController::sheetActionsOnTheDiagnosis()
{
    QVERIFY(openWindow());
    auto *copy = m_window->findChild<QAction *>(QStringLiteral("copySheetTextAction"));
    auto *pdf = m_window->findChild<QAction *>(QStringLiteral("exportPdfAction"));
    QVERIFY(copy && pdf);
    QVERIFY(!copy->isEnabled());
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    QVERIFY(copy->isEnabled() && pdf->isEnabled());
    QVERIFY(m_window->fileMenu()->actions().contains(pdf));

    copy->trigger();
    const Entry *entry = m_reference.kb.entry(nextStep(m_reference.kb, path).id);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.contains(entry->title.en));
    QVERIFY(copied.contains(m_reference.kb.node(path.first().nodeId)->question.en));
    QVERIFY(!copied.contains(QLatin1Char('<')));

    const QString out = m_dir->filePath(QStringLiteral("sheet.pdf"));
    QCOMPARE(controller()->exportPdf(out), QString());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("%PDF-"));
}

void TestCaseController::killedAppOffersTheCaseOnNextStart()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    QStringList args { m_storePath };
    for (const Choice &c : path)
        args.append(c.nodeId + QLatin1Char(':') + c.answerId);
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(MAILDOCTOR_CRASH_HELPER), args);
    QVERIFY(app.waitForStarted());
    QByteArray output;
    while (!output.contains("ready") && app.waitForReadyRead(60000))
        output += app.readAllStandardOutput();
    QVERIFY2(output.contains("ready"), qPrintable(QStringLiteral("helper exit %1").arg(app.exitCode())));
    app.kill();
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);

    QVERIFY(openWindow());
    CaseController *c = controller();
    QVERIFY(c->storeStatus().code == StoreError::Code::None);
    QVERIFY(c->offeredCase().has_value());
    QCOMPARE(c->offeredCase()->callerName, QStringLiteral("Kenji Watanabe"));
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("resumeCasePushButton")),
                      Qt::LeftButton);
    QCOMPARE(m_window->session().choices().size(), path.size());
    QCOMPARE(m_window->session().current().id, nextStep(m_reference.kb, path).id);
    QCOMPARE(c->helpdeskPanel()->callerName(), QStringLiteral("Kenji Watanabe"));
    QCOMPARE(c->helpdeskPanel()->notes(),
             QStringLiteral("Mail stopped after the router was replaced; 2nd call"));
#endif
}

void TestCaseController::printPreviewShowsTheSheet()
{
    QVERIFY(openWindow(Language::Japanese));
    walk(pathToDiagnosis(m_reference.kb));
    int pages = -1;
    bool seen = false;
    // The preview is modal: look at it from a timer, then close it.
    QTimer::singleShot(0, this, [&] {
        auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!preview)
            return;
        seen = true;
        auto *widget = preview->findChild<QPrintPreviewWidget *>();
        if (widget) {
            widget->updatePreview();
            pages = widget->pageCount();
        }
        preview->resize(900, 700);
        grab(preview, QStringLiteral("print-preview-ja"));
        preview->reject();
    });
    m_window->findChild<QAction *>(QStringLiteral("printPreviewAction"))->trigger();
    QVERIFY(seen);
    QVERIFY(pages >= 1);
}

QTEST_MAIN(TestCaseController)
#include "tst_casecontroller.moc"
