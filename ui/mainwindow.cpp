#include "mainwindow.h"

namespace MailDoctor {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Mail Doctor"));
}

} // namespace MailDoctor
