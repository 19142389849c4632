// Renders each page type in both languages to PNG files (for the README and for checking the layout
// by eye). Not a test: run it offscreen, e.g.
//   QT_QPA_PLATFORM=offscreen ./maildoctor_screenshots DIR [PASTE-SAMPLE-FILE] [BROKEN-OVERLAY-DIR]

#include "doctorwizard.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "pastepage.h"
#include "questionpage.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextStream>

using namespace MailDoctor;

namespace {

void settle()
{
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

bool save(QWidget *window, const QString &dir, const QString &name)
{
    settle();
    const QString path = dir + QLatin1Char('/') + name + QLatin1String(".png");
    const bool ok = window->grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << '\n';
    return ok;
}

/** The first start answer that leads to another question, and the paste answer. */
const Answer *startAnswer(const KnowledgeBase &kb, bool paste)
{
    const Node *start = kb.node(KnowledgeBase::startNodeId());
    if (!start)
        return nullptr;
    for (const Answer &answer : start->answers) {
        if (paste ? answer.paste : !answer.next.isEmpty())
            return &answer;
    }
    return nullptr;
}

/** A path of answers to a diagnosis of the given severity, or empty. */
QList<Choice> pathToSeverity(const KnowledgeBase &kb, const QString &severity)
{
    QList<QList<Choice>> todo{{}};
    while (!todo.isEmpty()) {
        const QList<Choice> path = todo.takeFirst();
        const WizardStep step = nextStep(kb, path);
        if (step.kind == WizardStep::Kind::Diagnosis && kb.entry(step.id)->severity == severity)
            return path;
        if (step.kind == WizardStep::Kind::Question && path.size() < 12) {
            for (const Answer &answer : kb.node(step.id)->answers)
                todo.append(path + QList<Choice>{{step.id, answer.id}});
        }
    }
    return {};
}

void click(DoctorWizard *wizard, const QString &answerId)
{
    auto *page = qobject_cast<QuestionPage *>(wizard->currentPage());
    if (page && page->answerButton(answerId))
        page->answerButton(answerId)->click();
    if (page && !qobject_cast<QCommandLinkButton *>(page->answerButton(answerId)))
        wizard->next();
    settle();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailDoctorScreenshots"));
    QApplication::setApplicationName(QStringLiteral("maildoctor"));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const QString pasteSample = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const QString brokenOverlay = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    QDir().mkpath(dir);

    Translations translations;
    int failures = 0;
    for (const Language language : {Language::Japanese, Language::English}) {
        translations.apply(language);
        const QString code = languageCode(language);
        MainWindow window(loadKnowledgeBase({}), &translations);
        window.resize(900, 680);
        window.show();
        DoctorWizard *wizard = window.wizard();
        failures += !save(&window, dir, QStringLiteral("start-") + code);

        // A question page, then the first answers on to a diagnosis.
        if (const Answer *answer = startAnswer(window.knowledgeBase(), false)) {
            click(wizard, answer->id);
            failures += !save(&window, dir, QStringLiteral("question-") + code);
            for (int guard = 0; guard < 20 && qobject_cast<QuestionPage *>(wizard->currentPage()); ++guard) {
                const Node *node = window.knowledgeBase().node(window.session().current().id);
                click(wizard, node->answers.constFirst().id);
            }
            if (wizard->currentId() == DoctorWizard::ResultPageId)
                failures += !save(&window, dir, QStringLiteral("result-") + code);
        }

        // A warning: the result page must say that there is no need to resend.
        const QList<Choice> warning = pathToSeverity(window.knowledgeBase(), QStringLiteral("warning"));
        if (!warning.isEmpty()) {
            window.restoreCase(warning, {}, {});
            failures += !save(&window, dir, QStringLiteral("result-warning-") + code);
        }

        // The paste page with an analysis, then the diagnosis of its top cause.
        window.startOver();
        if (const Answer *answer = startAnswer(window.knowledgeBase(), true)) {
            click(wizard, answer->id);
            if (PastePage *paste = wizard->pastePage()) {
                if (!pasteSample.isEmpty())
                    paste->loadFile(pasteSample);
                failures += !save(&window, dir, QStringLiteral("paste-") + code);
                if (paste->isComplete()) {
                    wizard->next();
                    failures += !save(&window, dir, QStringLiteral("paste-result-") + code);
                }
            }
        }
        // The banner shown when the helpdesk's own additions are broken.
        if (!brokenOverlay.isEmpty()) {
            MainWindow broken(loadKnowledgeBase(brokenOverlay), &translations);
            broken.resize(900, 680);
            broken.show();
            failures += !save(&broken, dir, QStringLiteral("banner-") + code);
        }
    }
    return failures == 0 ? 0 : 1;
}
