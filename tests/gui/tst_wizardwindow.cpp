// The wizard window driven like a user would: mouse clicks, the keyboard, the language switch.
// The tests walk whatever the knowledge base contains; only the start question's id is assumed.

#include "doctorwizard.h"
#include "extrakb.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "pastepage.h"
#include "questionpage.h"
#include "resultpage.h"
#include "translations.h"
#include "wizarddriver.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QUrl>

#include <memory>

using namespace MailDoctor;
using WizardDriver::pasteAnswer;
using WizardDriver::pathToDiagnosis;

namespace {

// Written for this test: a Postfix-style report with one failed recipient.
const QString sampleBounce = QStringLiteral(
    "This is the mail system at host relay.example.net.\n"
    "\n"
    "I'm sorry to have to inform you that your message could not\n"
    "be delivered to one or more recipients.\n"
    "\n"
    "<kenta@example.org>: host mx1.example.org[192.0.2.7] said: 550 5.1.1\n"
    "    <kenta@example.org>: Recipient address rejected: User unknown in local\n"
    "    recipient table (in reply to RCPT TO command)\n");

} // namespace

class TestWizardWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void clickToDiagnosis_data();
    void clickToDiagnosis();
    void backRestoresAnswer();
    void startOverForgetsTheCase();
    void switchLanguageOnQuestionPage();
    void switchLanguageOnResultPage();
    void languageChoiceIsRemembered();
    void pasteAnalyseAndOpenDiagnosis();
    void matchedLineIsScrolledIntoView();
    void unrecognisedPasteCanBeSaved();
    void droppedFileIsAnalysed();
    void unreadableFileIsReportedInline();
    void inlineErrorFollowsTheLanguage();
    void relatedCauseOpensInPlace();
    void keyboardOnlyWalk();
    void restoreCaseRendersTheStep();
    void caseChangedFollowsTheCase();
    void extraKbQuestionAppearsByDataAlone();
    void brokenOverlayShowsBannerAndKeepsBuiltIn();

private:
    MainWindow *openWindow(Language language, const QString &overlay = {});
    DoctorWizard *wizard() const { return m_window->wizard(); }
    QuestionPage *currentQuestion() const { return qobject_cast<QuestionPage *>(wizard()->currentPage()); }
    QPushButton *wizardButton(const char *name) const;
    void clickAnswer(const QString &answerId);
    void walk(const QList<Choice> &path);
    void goToPastePage();

    KbLoadResult m_reference;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<MainWindow> m_window;
};

void TestWizardWindow::initTestCase()
{
    QApplication::setOrganizationName(QStringLiteral("MailDoctorTest"));
    QApplication::setApplicationName(QStringLiteral("tst_wizardwindow"));
    m_reference = loadKnowledgeBase({});
    QVERIFY(m_reference.problems.isEmpty());
    QVERIFY(m_reference.kb.node(KnowledgeBase::startNodeId()));
    m_translations = std::make_unique<Translations>();
}

void TestWizardWindow::init()
{
    QSettings().clear();
}

void TestWizardWindow::cleanup()
{
    m_window.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const QWidgetList leaked = QApplication::topLevelWidgets();
    for (QWidget *w : leaked)
        qWarning("leaked top-level widget: %s %s", w->metaObject()->className(), qPrintable(w->objectName()));
    QVERIFY(leaked.isEmpty());
    m_translations->apply(Language::English);
}

MainWindow *TestWizardWindow::openWindow(Language language, const QString &overlay)
{
    m_translations->apply(language);
    m_window = std::make_unique<MainWindow>(loadKnowledgeBase(overlay), m_translations.get());
    m_window->show();
    m_window->activateWindow();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return nullptr;
    return m_window.get();
}

QPushButton *TestWizardWindow::wizardButton(const char *name) const
{
    return wizard()->findChild<QPushButton *>(QLatin1String(name));
}

void TestWizardWindow::clickAnswer(const QString &answerId)
{
    WizardDriver::clickAnswer(wizard(), answerId);
}

void TestWizardWindow::walk(const QList<Choice> &path)
{
    WizardDriver::walk(wizard(), path);
}

void TestWizardWindow::goToPastePage()
{
    const QString answer = pasteAnswer(m_reference.kb);
    if (answer.isEmpty())
        QSKIP("the start question has no answer that leads to the paste page");
    clickAnswer(answer);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::PastePageId));
}

void TestWizardWindow::clickToDiagnosis_data()
{
    QTest::addColumn<Language>("language");
    QTest::newRow("english") << Language::English;
    QTest::newRow("japanese") << Language::Japanese;
}

void TestWizardWindow::clickToDiagnosis()
{
    QFETCH(Language, language);
    QVERIFY(openWindow(language));
    const Node *start = m_reference.kb.node(KnowledgeBase::startNodeId());
    QCOMPARE(currentQuestion()->nodeId(), KnowledgeBase::startNodeId());
    QCOMPARE(currentQuestion()->title(), start->question.text(language));
    QVERIFY(start->question.en != start->question.ja);

    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    QVERIFY(!path.isEmpty());
    walk(path);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    const Entry *entry = m_reference.kb.entry(nextStep(m_reference.kb, path).id);
    QVERIFY(entry);
    auto *title = wizard()->findChild<QLabel *>(QStringLiteral("titleLabel"));
    QCOMPARE(title->text(), entry->title.text(language));
    QVERIFY(entry->title.en != entry->title.ja);
    const QString body = wizard()->findChild<QTextBrowser *>(QStringLiteral("diagnosisTextBrowser"))->toPlainText();
    QVERIFY(body.contains(entry->summary.text(language)));
    QVERIFY(body.contains(entry->steps.constFirst().text(language)));
    QCOMPARE(m_window->currentStepTitle(), entry->title.text(language));
    // Qt's own catalogue is loaded too: the wizard's buttons speak the language.
    const QString back = wizardButton("backPushButton")->text();
    QVERIFY2(language == Language::Japanese ? back.contains(QStringLiteral("戻る")) : back.contains(QStringLiteral("Back")),
             qPrintable(back));
}

void TestWizardWindow::backRestoresAnswer()
{
    QVERIFY(openWindow(Language::English));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    // Back over every step: each question shows the answer that was given there.
    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
        QVERIFY(currentQuestion());
        QCOMPARE(currentQuestion()->nodeId(), path.at(i).nodeId);
        QCOMPARE(currentQuestion()->selectedAnswer(), path.at(i).answerId);
        QVERIFY(currentQuestion()->answerButton(path.at(i).answerId)->isChecked());
        QCOMPARE(m_window->session().choices().size(), i);
    }
    QVERIFY(!wizardButton("backPushButton")->isEnabled());
    // Forward again with Next alone, since the answers are still selected.
    for (qsizetype i = 1; i < path.size(); ++i) {
        QTest::mouseClick(wizardButton("nextPushButton"), Qt::LeftButton);
        QCOMPARE(currentQuestion()->nodeId(), path.at(i).nodeId);
    }
}

void TestWizardWindow::startOverForgetsTheCase()
{
    QVERIFY(openWindow(Language::English));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    QTest::mouseClick(wizardButton("startOverPushButton"), Qt::LeftButton);
    QCOMPARE(currentQuestion()->nodeId(), KnowledgeBase::startNodeId());
    QVERIFY(m_window->session().choices().isEmpty());
    QVERIFY(currentQuestion()->selectedAnswer().isEmpty());
    QCOMPARE(wizard()->visitedIds().size(), 1);

    // Ctrl+R does the same from anywhere.
    walk(path.mid(0, 1));
    QVERIFY(wizard()->currentId() != wizard()->startId());
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(wizard()->currentId(), wizard()->startId());
    QVERIFY(m_window->session().choices().isEmpty());
}

void TestWizardWindow::switchLanguageOnQuestionPage()
{
    QVERIFY(openWindow(Language::English));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path.mid(0, path.size() - 1));
    QuestionPage *page = currentQuestion();
    QVERIFY(page);
    const Node *node = m_reference.kb.node(page->nodeId());
    QCOMPARE(page->title(), node->question.en);
    QSignalSpy languageSpy(m_window.get(), &MainWindow::languageChanged);

    // The visible switch, by keyboard: 日本語 is the first item.
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("languageComboBox"));
    QVERIFY(combo);
    QVERIFY(!combo->accessibleName().isEmpty());
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up);
    QTRY_COMPARE(page->title(), node->question.ja);
    QTRY_VERIFY2(wizardButton("nextPushButton")->text().contains(QStringLiteral("次へ")),
                 qPrintable(wizardButton("nextPushButton")->text()));
    const QString label = node->answers.constFirst().label.ja;
    QTRY_COMPARE(page->answerButton(node->answers.constFirst().id)->accessibleName(), label);
    QCOMPARE(languageSpy.count(), 1);
    QCOMPARE(m_window->language(), Language::Japanese);
    // The answer given so far survives the switch.
    QCOMPARE(page->nodeId(), path.constLast().nodeId);
    QCOMPARE(m_window->session().choices().size(), path.size() - 1);

    QTest::keyClick(combo, Qt::Key_Down);
    QTRY_COMPARE(page->title(), node->question.en);
}

void TestWizardWindow::switchLanguageOnResultPage()
{
    QVERIFY(openWindow(Language::Japanese));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    const Entry *entry = m_reference.kb.entry(nextStep(m_reference.kb, path).id);
    auto *title = wizard()->findChild<QLabel *>(QStringLiteral("titleLabel"));
    auto *body = wizard()->findChild<QTextBrowser *>(QStringLiteral("diagnosisTextBrowser"));
    QCOMPARE(title->text(), entry->title.ja);
    m_window->setLanguage(Language::English);
    QTRY_COMPARE(title->text(), entry->title.en);
    QVERIFY(body->toPlainText().contains(entry->explanation.en));
    QTRY_COMPARE(wizardButton("backPushButton")->text(), QStringLiteral("< &Back"));
    m_window->setLanguage(Language::Japanese);
    QTRY_COMPARE(title->text(), entry->title.ja);
    QVERIFY(body->toPlainText().contains(entry->explanation.ja));
}

void TestWizardWindow::languageChoiceIsRemembered()
{
    QVERIFY(openWindow(Language::English));
    m_window->setLanguage(Language::Japanese);
    QCOMPARE(MainWindow::savedLanguage(), Language::Japanese);
    m_window->setLanguage(Language::English);
    QCOMPARE(MainWindow::savedLanguage(), Language::English);
}

void TestWizardWindow::unrecognisedPasteCanBeSaved()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    PastePage *page = wizard()->pastePage();
    auto *edit = page->findChild<QPlainTextEdit *>(QStringLiteral("pasteTextEdit"));
    auto *save = page->findChild<QPushButton *>(QStringLiteral("saveSamplePushButton"));
    QVERIFY(edit && save);

    // Something that is not a mail error at all: nothing is recognised, and the sample can be kept.
    edit->setPlainText(QStringLiteral("Lunch with hanako.yamada@example.jp moved to Thursday, bring the slides."));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);
    QVERIFY(m_window->analysis().causes.isEmpty());
    QVERIFY(save->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    auto *label = page->findChild<QLabel *>(QStringLiteral("sampleLabel"));
    QVERIFY(label && label->isVisible());
    const QString path = label->text().section(QStringLiteral(": "), 1);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(label->text()));
    const QString saved = QString::fromUtf8(file.readAll());
    QVERIFY(saved.contains(QLatin1String("@example.jp")));
    QVERIFY(!saved.contains(QLatin1String("hanako.yamada@")));
    file.remove();

    // A recognised error offers no such button.
    edit->setPlainText(QStringLiteral("550 5.1.1 <someone@example.com>: User unknown"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);
    QVERIFY(!m_window->analysis().causes.isEmpty());
    QVERIFY(!save->isVisible());
}

void TestWizardWindow::pasteAnalyseAndOpenDiagnosis()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    PastePage *page = wizard()->pastePage();
    auto *edit = page->findChild<QPlainTextEdit *>(QStringLiteral("pasteTextEdit"));
    QVERIFY(edit);
    QVERIFY(!wizardButton("nextPushButton")->isEnabled());

    QApplication::clipboard()->setText(sampleBounce);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), sampleBounce);
    QCOMPARE(m_window->pastedText(), sampleBounce);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);

    const AnalysisResult &analysis = m_window->analysis();
    QVERIFY(!analysis.causes.isEmpty());
    const CauseFinding top = analysis.causes.constFirst();
    const Entry *entry = m_reference.kb.entry(top.kb);
    QVERIFY(entry);
    auto *causes = page->findChild<QTableWidget *>(QStringLiteral("causesTableWidget"));
    QCOMPARE(causes->rowCount(), analysis.causes.size());
    QCOMPARE(causes->item(0, 0)->text(), entry->title.en);
    QVERIFY(causes->item(0, 0)->isSelected());
    // The lines that point to the cause are highlighted in the pasted text.
    const QList<QTextEdit::ExtraSelection> marks = edit->extraSelections();
    QVERIFY(!marks.isEmpty());
    for (const QTextEdit::ExtraSelection &mark : marks) {
        const QString line = mark.cursor.block().text();
        bool matches = false;
        for (const QString &evidence : top.evidence)
            matches = matches || line.contains(evidence.trimmed());
        QVERIFY2(matches, qPrintable(line));
    }
    auto *recipients = page->findChild<QTableWidget *>(QStringLiteral("recipientsTableWidget"));
    QCOMPARE(recipients->rowCount(), analysis.recipients.size());
    if (!analysis.recipients.isEmpty())
        QCOMPARE(recipients->item(0, 0)->text(), analysis.recipients.constFirst().address);

    // The ranked causes are knowledge-base text: they follow a language switch.
    m_window->setLanguage(Language::Japanese);
    QTRY_COMPARE(causes->item(0, 0)->text(), entry->title.ja);
    m_window->setLanguage(Language::English);
    QTRY_COMPARE(causes->item(0, 0)->text(), entry->title.en);
    QVERIFY(causes->item(0, 0)->isSelected());

    QVERIFY(wizardButton("nextPushButton")->isEnabled());
    QTest::mouseClick(wizardButton("nextPushButton"), Qt::LeftButton);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    QCOMPARE(wizard()->findChild<QLabel *>(QStringLiteral("titleLabel"))->text(), entry->title.en);
    QCOMPARE(m_window->session().pastedDiagnosis(), top.kb);

    // Back returns to the paste page with text and analysis intact.
    QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::PastePageId));
    QCOMPARE(edit->toPlainText(), sampleBounce);
    QCOMPARE(causes->rowCount(), analysis.causes.size());
}

void TestWizardWindow::matchedLineIsScrolledIntoView()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    QString text;
    for (int i = 0; i < 200; ++i)
        text += QStringLiteral("Received: from relay%1.example.net by mx.example.org\n").arg(i);
    text += sampleBounce;
    PastePage *page = wizard()->pastePage();
    page->setText(text);
    page->analyse();
    auto *edit = page->findChild<QPlainTextEdit *>(QStringLiteral("pasteTextEdit"));
    const QList<QTextEdit::ExtraSelection> marks = edit->extraSelections();
    QVERIFY(!marks.isEmpty());
    const int first = marks.constFirst().cursor.block().blockNumber();
    QVERIFY(first >= 200);
    const QScrollBar *bar = edit->verticalScrollBar();
    QTRY_VERIFY2(first >= bar->value() && first < bar->value() + bar->pageStep(),
             qPrintable(QStringLiteral("line %1, view %2+%3").arg(first).arg(bar->value()).arg(bar->pageStep())));
    QCOMPARE(edit->textCursor().position(), 0); // the user's cursor stays where it was
}

void TestWizardWindow::droppedFileIsAnalysed()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("returned.eml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(sampleBounce.toUtf8());
    file.close();
    // A file pasted or dropped arrives as a URL: the box reads the file instead of inserting the URL.
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    QApplication::clipboard()->setMimeData(mime);
    auto *edit = wizard()->pastePage()->findChild<QPlainTextEdit *>(QStringLiteral("pasteTextEdit"));
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), sampleBounce);
    QVERIFY(!m_window->analysis().causes.isEmpty());
    QVERIFY(wizard()->pastePage()->errorText().isEmpty());
}

void TestWizardWindow::unreadableFileIsReportedInline()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    PastePage *page = wizard()->pastePage();
    QTemporaryDir dir;
    QVERIFY(!page->loadFile(dir.filePath(QStringLiteral("missing.eml"))));
    auto *error = page->findChild<QLabel *>(QStringLiteral("pasteErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("missing.eml")), qPrintable(error->text()));
    // A binary file is refused with a reason too.
    const QString binary = dir.filePath(QStringLiteral("picture.png"));
    QFile file(binary);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    file.close();
    QVERIFY(!page->loadFile(binary));
    QVERIFY(error->text().contains(QStringLiteral("picture.png")));
    // Analysing an empty box explains itself instead of failing silently.
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    int shown = 0; // no message box popped up
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (const QWidget *w : windows)
        shown += w->isVisible() ? 1 : 0;
    QCOMPARE(shown, 1);
}

void TestWizardWindow::inlineErrorFollowsTheLanguage()
{
    QVERIFY(openWindow(Language::English));
    goToPastePage();
    PastePage *page = wizard()->pastePage();
    auto *error = page->findChild<QLabel *>(QStringLiteral("pasteErrorLabel"));
    auto isJapanese = [](const QString &s) {
        for (const QChar c : s) {
            if (c.script() == QChar::Script_Hiragana || c.script() == QChar::Script_Katakana)
                return true;
        }
        return false;
    };
    // The page's own message: an empty box.
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);
    const QString english = error->text();
    QVERIFY(!english.isEmpty() && !isJapanese(english));
    m_window->setLanguage(Language::Japanese);
    QVERIFY2(isJapanese(error->text()), qPrintable(error->text()));
    m_window->setLanguage(Language::English);
    QCOMPARE(error->text(), english);
    // The analyzer's message: text that is not text.
    page->setText(QString(200, QChar(u'\x01')));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("analysePushButton")), Qt::LeftButton);
    QVERIFY(error->isVisible());
    const QString refused = error->text();
    QVERIFY(!refused.isEmpty() && refused != english);
    m_window->setLanguage(Language::Japanese);
    QVERIFY2(isJapanese(error->text()), qPrintable(error->text()));
    // Set MAILDOCTOR_SCREENSHOT_DIR to look at the page as a user would.
    if (const QString dir = qEnvironmentVariable("MAILDOCTOR_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QCoreApplication::processEvents();
        m_window->grab().save(dir + QStringLiteral("/paste-error-ja.png"));
    }
}

void TestWizardWindow::relatedCauseOpensInPlace()
{
    QVERIFY(openWindow(Language::English));
    // Any diagnosis with a related cause will do; find the path to one.
    QList<Choice> path;
    QList<QList<Choice>> todo{{}};
    while (!todo.isEmpty() && path.isEmpty()) {
        const QList<Choice> p = todo.takeFirst();
        const WizardStep step = nextStep(m_reference.kb, p);
        if (step.kind == WizardStep::Kind::Diagnosis && !m_reference.kb.entry(step.id)->related.isEmpty())
            path = p;
        else if (step.kind == WizardStep::Kind::Question)
            for (const Answer &answer : m_reference.kb.node(step.id)->answers)
                todo.append(p + QList<Choice>{{step.id, answer.id}});
    }
    if (path.isEmpty())
        QSKIP("no diagnosis reached by questions has related causes");
    walk(path);
    const Entry *entry = m_reference.kb.entry(nextStep(m_reference.kb, path).id);
    const Entry *related = m_reference.kb.entry(entry->related.constFirst());
    ResultPage *page = wizard()->resultPage();
    auto *title = page->findChild<QLabel *>(QStringLiteral("titleLabel"));
    auto *body = page->findChild<QTextBrowser *>(QStringLiteral("diagnosisTextBrowser"));
    QVERIFY(body->toPlainText().contains(related->title.en));
    // Follow the first link with the keyboard: Tab to it, Enter.
    body->setFocus();
    body->moveCursor(QTextCursor::Start);
    QTest::keyClick(body, Qt::Key_Tab);
    QVERIFY(body->hasFocus());
    QTest::keyClick(body, Qt::Key_Return);
    QCOMPARE(title->text(), related->title.en);
    QCOMPARE(page->shownEntry(), related->id);
    auto *back = page->findChild<QLabel *>(QStringLiteral("relatedLabel"));
    QVERIFY(back->isVisible());
    page->showRelated({});
    QCOMPARE(title->text(), entry->title.en);
    QVERIFY(!back->isVisible());
    // The session never moved: it is still at the diagnosis that was reached.
    QCOMPARE(m_window->session().current().id, entry->id);
}

void TestWizardWindow::keyboardOnlyWalk()
{
    QVERIFY(openWindow(Language::English));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    for (const Choice &choice : path) {
        QuestionPage *page = currentQuestion();
        QVERIFY(page);
        QCOMPARE(page->nodeId(), choice.nodeId);
        const Node *node = m_reference.kb.node(choice.nodeId);
        int index = 0;
        while (node->answers.at(index).id != choice.answerId)
            ++index;
        // Focus starts on the first answer; arrows move, Alt+digit picks directly, Enter goes on.
        QTRY_COMPARE(QApplication::focusWidget(), page->answerButton(node->answers.constFirst().id));
        if (qobject_cast<QCommandLinkButton *>(QApplication::focusWidget())) {
            for (int i = 0; i < index; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
            QCOMPARE(QApplication::focusWidget(), page->answerButton(choice.answerId));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        } else {
            if (index < 9)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_1 + index), Qt::AltModifier);
            else
                for (int i = 0; i < index; ++i)
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
            // A mnemonic clicks with a short animation.
            QTRY_VERIFY(page->answerButton(choice.answerId)->isChecked());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        }
        QVERIFY(wizard()->currentPage() != page);
    }
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    // Alt+Q: back to the questions, the last answer still chosen.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Q, Qt::AltModifier);
    QTRY_VERIFY(currentQuestion()); // a mnemonic clicks after a short animation
    QCOMPARE(currentQuestion()->nodeId(), path.constLast().nodeId);
    QCOMPARE(currentQuestion()->selectedAnswer(), path.constLast().answerId);
    // Escape must not hide the embedded wizard.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(wizard()->isVisible());
    // Alt+S starts over.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(wizard()->currentId(), wizard()->startId());
}

void TestWizardWindow::restoreCaseRendersTheStep()
{
    QVERIFY(openWindow(Language::English));
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    m_window->restoreCase(path, {}, {});
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    QCOMPARE(m_window->session().current(), nextStep(m_reference.kb, path));
    QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
    QCOMPARE(currentQuestion()->nodeId(), path.constLast().nodeId);
    QCOMPARE(currentQuestion()->selectedAnswer(), path.constLast().answerId);

    const QString paste = pasteAnswer(m_reference.kb);
    if (paste.isEmpty())
        return;
    const QString entry = m_reference.kb.entries().constLast().id;
    m_window->restoreCase({{KnowledgeBase::startNodeId(), paste}}, sampleBounce, entry);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    QCOMPARE(wizard()->resultPage()->shownEntry(), entry);
    QCOMPARE(m_window->pastedText(), sampleBounce);
    QVERIFY(!m_window->analysis().causes.isEmpty());
    QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::PastePageId));

    // A path that no longer fits the knowledge base stops where it stops fitting.
    m_window->restoreCase({{KnowledgeBase::startNodeId(), QStringLiteral("removed-answer")}}, {}, {});
    QCOMPARE(wizard()->currentId(), wizard()->startId());
}

void TestWizardWindow::caseChangedFollowsTheCase()
{
    QVERIFY(openWindow(Language::English));
    QSignalSpy spy(m_window.get(), &MainWindow::caseChanged);
    const QList<Choice> path = pathToDiagnosis(m_reference.kb);
    walk(path);
    QCOMPARE(spy.count(), path.size());
    QTest::mouseClick(wizardButton("backPushButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), path.size() + 1);
    m_window->startOver();
    QCOMPARE(spy.count(), path.size() + 2);
    spy.clear();
    m_window->restoreCase(path, {}, {});
    QCOMPARE(spy.count(), 1);
}

void TestWizardWindow::extraKbQuestionAppearsByDataAlone()
{
    QTemporaryDir dir;
    QVERIFY(ExtraKb::write(dir.path(), m_reference.kb));
    QVERIFY(openWindow(Language::Japanese, dir.path()));
    QVERIFY(m_window->bannerText().isEmpty());
    clickAnswer(ExtraKb::symptomAnswer);
    QVERIFY(currentQuestion());
    QCOMPARE(currentQuestion()->nodeId(), ExtraKb::questionNode);
    QCOMPARE(currentQuestion()->title(), ExtraKb::questionJa);
    clickAnswer(ExtraKb::newDiagnosisAnswer);
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
    QCOMPARE(wizard()->findChild<QLabel *>(QStringLiteral("titleLabel"))->text(), ExtraKb::titleJa);
    m_window->setLanguage(Language::English);
    QTRY_COMPARE(wizard()->findChild<QLabel *>(QStringLiteral("titleLabel"))->text(), ExtraKb::titleEn);
}

void TestWizardWindow::brokenOverlayShowsBannerAndKeepsBuiltIn()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"entries\": [ {\"id\": \"half-written\", ");
    broken.close();
    QVERIFY(openWindow(Language::English, dir.path()));
    const QString banner = m_window->bannerText();
    QVERIFY(!banner.isEmpty());
    QVERIFY2(banner.contains(QStringLiteral("broken.json")), qPrintable(banner));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("kbBannerLabel"))->isVisible());
    // The built-in knowledge base is in use and the wizard works.
    QCOMPARE(currentQuestion()->nodeId(), KnowledgeBase::startNodeId());
    walk(pathToDiagnosis(m_reference.kb));
    QCOMPARE(wizard()->currentId(), int(DoctorWizard::ResultPageId));
}

QTEST_MAIN(TestWizardWindow)
#include "tst_wizardwindow.moc"
