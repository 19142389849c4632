// Cold start of Mail Doctor to its first wizard page, against a bare QWizard with one page
// (bench_bare_wizard), plus the time to load and validate the knowledge base.
//
//   bench_startup [RUNS]   runs both programs RUNS times (default 10) and prints medians
//   bench_startup --once   one start, as the runner uses it (the steps of app/gui/main.cpp; the case
//                          controller only when MAILDOCTOR_BENCH_STORE names its database)
//
// Each run is timed inside (QElapsedTimer from main() to the first paint of the page) and outside
// (from QProcess::start() to the moment the child reports the first paint). Peak RSS comes from
// getrusage() in the child. It prints figures; it asserts nothing.

#include "benchfigures.h"
#include "startupprobe.h"

#include "casecontroller.h"
#include "doctorwizard.h"
#include "knowledgebase.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace MailDoctor;

namespace {

int runOnce(int argc, char *argv[], const QElapsedTimer &clock)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailDoctor"));
    QApplication::setApplicationName(QStringLiteral("maildoctor"));
    Translations translations;
    translations.apply(MainWindow::savedLanguage());
    QElapsedTimer kbClock;
    kbClock.start();
    KbLoadResult kb = loadKnowledgeBase(KnowledgeBase::defaultOverlayPath());
    const double kbMs = kbClock.nsecsElapsed() / 1e6;
    MainWindow window(std::move(kb), &translations);
    // As in main.cpp, with the case history in the runner's scratch folder (kept across runs, so
    // only the first run creates the database).
    const QString store = qEnvironmentVariable("MAILDOCTOR_BENCH_STORE");
    if (!store.isEmpty())
        new CaseController(&window, store);
    StartupProbe::FirstPaint probe(window.wizard()->currentPage() ? window.wizard()->currentPage()
                                                                  : window.wizard()->page(window.wizard()->startId()),
                                   &clock);
    window.show();
    QApplication::exec();
    StartupProbe::report(probe.elapsedNs() / 1e6, kbMs);
    return 0;
}

struct Figures
{
    QList<double> insideMs, outsideMs, rssMb, kbMs;
};

bool runChild(const QString &program, const QStringList &args, Figures *figures)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    child.start(program, args);
    double outside = -1;
    QByteArray output;
    while (child.waitForReadyRead(30000)) {
        output += child.readAll();
        if (outside < 0 && output.contains("first-page-shown"))
            outside = clock.nsecsElapsed() / 1e6;
    }
    child.waitForFinished(30000);
    output += child.readAll();
    const int at = output.indexOf("first-page-ms=");
    if (at < 0 || outside < 0 || child.exitCode() != 0)
        return false;
    const QList<QByteArray> fields = output.mid(at).trimmed().split(' ');
    for (const QByteArray &field : fields) {
        const QList<QByteArray> kv = field.split('=');
        if (kv.size() != 2)
            continue;
        if (kv.at(0) == "first-page-ms")
            figures->insideMs.append(kv.at(1).toDouble());
        else if (kv.at(0) == "rss-kb")
            figures->rssMb.append(kv.at(1).toDouble() / 1024);
        else if (kv.at(0) == "kb-ms")
            figures->kbMs.append(kv.at(1).toDouble());
    }
    figures->outsideMs.append(outside);
    return true;
}

int runAll(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QString self = QCoreApplication::applicationFilePath();
    const QString bare = QCoreApplication::applicationDirPath() + QStringLiteral("/bench_bare_wizard");
    if (!QFileInfo::exists(bare)) {
        std::fprintf(stderr, "bench_bare_wizard not found next to bench_startup\n");
        return 1;
    }
    const QTemporaryDir scratch;
    const QString store = scratch.filePath(QStringLiteral("cases.sqlite"));
    Figures app_, full_, bare_;
    // Alternate the programs so that a busy moment on the machine hits all alike.
    for (int i = 0; i < runs; ++i) {
        qunsetenv("MAILDOCTOR_BENCH_STORE");
        const bool wizardOnly = runChild(self, {QStringLiteral("--once")}, &app_);
        qputenv("MAILDOCTOR_BENCH_STORE", store.toLocal8Bit());
        const bool full = runChild(self, {QStringLiteral("--once")}, &full_);
        if (!wizardOnly || !full || !runChild(bare, {}, &bare_)) {
            std::fprintf(stderr, "a run failed\n");
            return 1;
        }
    }
    // Load and validation in this process, warm, as it happens on every start.
    QList<double> kbWarm;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        const KbLoadResult kb = loadKnowledgeBase({});
        kbWarm.append(clock.nsecsElapsed() / 1e6);
        if (kb.kb.entries().isEmpty())
            return 1;
    }
    std::printf("medians over %d runs (platform %s)\n", runs, qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("%-30s %12s %12s %10s\n", "", "inside ms", "outside ms", "peak MB");
    std::printf("%-30s %12.1f %12.1f %10.1f\n", "bare QWizard, one page", BenchFigures::median(bare_.insideMs),
                BenchFigures::median(bare_.outsideMs), BenchFigures::median(bare_.rssMb));
    std::printf("%-30s %12.1f %12.1f %10.1f\n", "Mail Doctor, start page", BenchFigures::median(app_.insideMs),
                BenchFigures::median(app_.outsideMs), BenchFigures::median(app_.rssMb));
    std::printf("%-30s %12.1f %12.1f %10.1f\n", "  + case history (main.cpp)", BenchFigures::median(full_.insideMs),
                BenchFigures::median(full_.outsideMs), BenchFigures::median(full_.rssMb));
    std::printf("%-30s %12.2fx %11.2fx %9.2fx   (target: within 1.5x)\n", "ratio, start page",
                BenchFigures::median(app_.insideMs) / BenchFigures::median(bare_.insideMs), BenchFigures::median(app_.outsideMs) / BenchFigures::median(bare_.outsideMs),
                BenchFigures::median(app_.rssMb) / BenchFigures::median(bare_.rssMb));
    std::printf("%-30s %12.2fx %11.2fx %9.2fx\n", "ratio, with case history", BenchFigures::median(full_.insideMs) / BenchFigures::median(bare_.insideMs),
                BenchFigures::median(full_.outsideMs) / BenchFigures::median(bare_.outsideMs), BenchFigures::median(full_.rssMb) / BenchFigures::median(bare_.rssMb));
    std::printf("knowledge base load + validation: %.2f ms at start-up, %.2f ms warm (target: under 5 ms)\n",
                BenchFigures::median(app_.kbMs), BenchFigures::median(kbWarm));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    if (argc > 1 && qstrcmp(argv[1], "--once") == 0)
        return runOnce(argc, argv, clock);
    return runAll(argc, argv);
}
