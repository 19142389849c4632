#pragma once

// Small helpers every benchmark uses to print figures: medians, thread CPU time, peak RSS.

#include <QList>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>

namespace BenchFigures {

/** The median (the mean of the middle two for an even count); 0 for no values. */
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

/** CPU time of this thread: the machine is shared, wall time alone would measure the neighbours. */
inline double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/** Peak resident set size of this process in MB. */
inline double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

} // namespace BenchFigures
