// Analyzer throughput over the development corpus, one thread: inputs/s, MB/s, peak RSS, and the
// time from a 1 MB paste to its diagnosis. Prints figures; never asserts on timing.

#include "benchfigures.h"

#include "analysis/bouncereader.h"
#include "analysis/recipientdecision.h"
#include "analyzer.h"
#include "knowledgebase.h"
#include "mime/mimemessage.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace MailDoctor;
using namespace BenchFigures;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString dir = QStringLiteral(MAILDOCTOR_SHARED_DIR "/corpus/set-of-emails-dev");
    const QStringList names = QDir(dir).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    if (names.isEmpty()) {
        out << "no corpus in " << dir << " (set MAILDOCTOR_SHARED_DIR)\n";
        return 1;
    }
    QList<QByteArray> corpus;
    qint64 corpusBytes = 0;
    for (const QString &n : names) {
        QFile f(dir + u'/' + n);
        if (f.open(QIODevice::ReadOnly)) {
            corpus.append(f.readAll());
            corpusBytes += corpus.last().size();
        }
    }

    const KbLoadResult loaded = loadKnowledgeBase(QString());
    const Analyzer analyzer(&loaded.kb);

    // The corpus repeated until at least 4,000 inputs (or the count given), analysed five times;
    // the median run counts.
    const int wanted = argc > 1 ? QByteArray(argv[1]).toInt() : 4000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int rounds = qMax(1, (wanted + int(corpus.size()) - 1) / int(corpus.size()));
    const qint64 inputs = qint64(rounds) * corpus.size();
    const qint64 bytes = qint64(rounds) * corpusBytes;
    QList<double> seconds;
    QList<double> cpuSeconds;
    qint64 recipients = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = threadCpuSeconds();
        for (int r = 0; r < rounds; ++r) {
            for (const QByteArray &message : std::as_const(corpus))
                recipients += analyzer.analyze(message, QString()).recipients.size();
        }
        cpuSeconds.append(threadCpuSeconds() - cpu0);
        seconds.append(double(timer.nsecsElapsed()) / 1e9);
    }
    const double s = median(seconds);
    const double cpu = median(cpuSeconds);
    out << "corpus: " << corpus.size() << " files, " << corpusBytes << " bytes; " << inputs
        << " inputs per run, " << runs << " runs (" << recipients / runs << " recipients per run)\n";
    out << "median run: " << QString::number(s, 'f', 3) << " s\n";
    out << "inputs/s: " << QString::number(double(inputs) / s, 'f', 0) << " (wall clock), "
        << QString::number(double(inputs) / cpu, 'f', 0) << " (thread CPU time)\n";
    out << "MB/s: " << QString::number(double(bytes) / s / 1e6, 'f', 1) << " (wall clock), "
        << QString::number(double(bytes) / cpu / 1e6, 'f', 1) << " (thread CPU time)\n";

    if (argc > 3 && QByteArray(argv[3]) == "quick") // for profilers: the throughput loop only
        return 0;

    // Where the time goes: the MIME reader alone, then reading the bounce, then deciding reasons.
    {
        QElapsedTimer timer;
        timer.start();
        qint64 parts = 0;
        for (const QByteArray &message : std::as_const(corpus))
            parts += Mime::parseMessage(message).root.children.size();
        const double parse = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        qint64 found = 0;
        for (const QByteArray &message : std::as_const(corpus))
            found += Analysis::readBounce(Mime::parseMessage(message)).recipients.size();
        const double read = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        for (const QByteArray &message : std::as_const(corpus)) {
            const Analysis::BounceReading reading = Analysis::readBounce(Mime::parseMessage(message));
            for (const Analysis::RecipientReading &r : reading.recipients) {
                Analysis::DeliveryFact fact = r.fact;
                Analysis::completeFact(&fact);
            }
        }
        const double decide = double(timer.nsecsElapsed()) / 1e9;
        out << "stages per input: parse " << QString::number(parse / corpus.size() * 1e6, 'f', 1) << " us, +read "
            << QString::number((read - parse) / corpus.size() * 1e6, 'f', 1) << " us, +decide "
            << QString::number((decide - read) / corpus.size() * 1e6, 'f', 1) << " us (" << parts + found
            << ")\n";
    }

    // A 1 MB paste: a returned message followed by a large pasted log, as users do.
    QByteArray paste = corpus.first();
    const QByteArray filler = "2026-04-29 23:34:45 relay=mx.example.jp. dsn=4.0.0 stat=Deferred: Connection timed out\n";
    while (paste.size() < 1024 * 1024)
        paste += filler;
    QList<double> pasteMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        const AnalysisResult r = analyzer.analyzeText(QString::fromUtf8(paste), QStringLiteral("-"));
        pasteMs.append(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(r)
    }
    out << "1 MB paste to diagnosis: " << QString::number(median(pasteMs), 'f', 2) << " ms (median of 5)\n";
    out << "peak RSS: " << QString::number(peakRssMb(), 'f', 1) << " MB\n";
    return 0;
}
