#pragma once

#include <QMainWindow>

namespace MailDoctor {

/** The main window: hosts the wizard. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace MailDoctor
