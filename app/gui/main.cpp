#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailDoctor"));
    QApplication::setApplicationName(QStringLiteral("maildoctor"));
    MailDoctor::MainWindow window;
    window.show();
    return QApplication::exec();
}
