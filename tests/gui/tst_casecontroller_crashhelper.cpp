// Test helper for tst_casecontroller: the real window and case controller, driven like a user
// (answers clicked, notes typed), then left running until the test kills it with SIGKILL.

#include "casecontroller.h"
#include "doctorwizard.h"
#include "helpdeskpanel.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "questionpage.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLinkButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <cstdio>

using namespace MailDoctor;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailDoctorTest"));
    QApplication::setApplicationName(QStringLiteral("tst_casecontroller_crashhelper"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3)
        return 2;
    // args: store path, then node:answer pairs to click
    Translations translations;
    translations.apply(Language::English);
    MainWindow window(loadKnowledgeBase({}), &translations);
    new CaseController(&window, args.at(1));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 6;
    for (const QString &step : args.mid(2)) {
        auto *page = qobject_cast<QuestionPage *>(window.wizard()->currentPage());
        if (!page || page->nodeId() != step.section(QLatin1Char(':'), 0, 0))
            return 3;
        QAbstractButton *button = page->answerButton(step.section(QLatin1Char(':'), 1));
        if (!button)
            return 4;
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
        if (!qobject_cast<QCommandLinkButton *>(button))
            QTest::mouseClick(window.wizard()->findChild<QPushButton *>(QStringLiteral("nextPushButton")),
                              Qt::LeftButton);
    }
    auto *caller = window.findChild<QLineEdit *>(QStringLiteral("callerLineEdit"));
    auto *notes = window.findChild<QPlainTextEdit *>(QStringLiteral("notesPlainTextEdit"));
    if (!caller || !notes)
        return 5;
    QTest::keyClicks(caller, QStringLiteral("Kenji Watanabe"));
    QTest::keyClicks(notes, QStringLiteral("Mail stopped after the router was replaced; 2nd call"));
    // A pause in typing, as a person makes; then the test pulls the plug.
    QTest::qWait(700);
    std::printf("ready\n");
    std::fflush(stdout);
    return QApplication::exec();
}
