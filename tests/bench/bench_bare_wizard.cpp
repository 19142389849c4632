// The baseline for bench_startup: a bare QWizard with one page, timed from main() to its first paint.

#include "startupprobe.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QWizard wizard;
    auto *page = new QWizardPage;
    page->setTitle(QStringLiteral("What is happening with your mail?"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("A bare wizard page."), page));
    wizard.addPage(page);
    StartupProbe::FirstPaint probe(page, &clock);
    wizard.show();
    QApplication::exec();
    StartupProbe::report(probe.elapsedNs() / 1e6, 0);
    return 0;
}
