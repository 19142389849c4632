// maildoctor: the GUI entry point. It only wires things together: language, knowledge base, window.

#include "casecontroller.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace MailDoctor;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailDoctor"));
    QApplication::setApplicationName(QStringLiteral("maildoctor"));

    Translations translations;
    translations.apply(MainWindow::savedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Mail Doctor: find out why mail fails."));
    parser.addHelpOption();
    const QCommandLineOption kbDir(QStringLiteral("kb-dir"),
                                   QCoreApplication::translate("main", "Read knowledge-base additions from DIR."),
                                   QStringLiteral("DIR"));
    parser.addOption(kbDir);
    parser.process(app);

    KbLoadResult kb = loadKnowledgeBase(parser.isSet(kbDir) ? parser.value(kbDir)
                                                            : KnowledgeBase::defaultOverlayPath());
    MainWindow window(std::move(kb), &translations);

    // --- Attach optional parts to the window here (case history, helpdesk panel, printing). ---
    new CaseController(&window); // a child of the window

    window.show();
    return QApplication::exec();
}
