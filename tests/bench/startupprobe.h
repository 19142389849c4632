#pragma once

// Shared by the start-up benchmarks: notices the first paint of a widget, prints the figures of
// one run, and (in the runner) starts runs and prints medians.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <sys/resource.h>

#include <cstdio>

namespace StartupProbe {

/** Quits the application on the first paint of a widget and remembers when that happened. */
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *widget, const QElapsedTimer *clock) : m_clock(clock) { widget->installEventFilter(this); }
    qint64 elapsedNs() const { return m_ns; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_ns < 0) {
            m_ns = m_clock->nsecsElapsed();
            // Report at once so the runner's external clock stops at the same moment.
            std::printf("first-page-shown\n");
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer *m_clock;
    qint64 m_ns = -1;
};

inline long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/** One line the runner parses: "first-page-ms=12.3 rss-kb=45678 kb-ms=1.2". */
inline void report(double firstPageMs, double kbMs)
{
    std::printf("first-page-ms=%.2f rss-kb=%ld kb-ms=%.3f\n", firstPageMs, peakRssKb(), kbMs);
    std::fflush(stdout);
}

} // namespace StartupProbe
