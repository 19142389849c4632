// Prints how fast the MIME reader parses the development corpus (not a test: figures only).
// Each input is parsed, every leaf is transfer- and charset-decoded, and every delivery-status part is
// run through the DSN parser, which is what the analyzer needs from the reader.

#include "benchfigures.h"
#include "mime/dsn.h"
#include "mime/mimemessage.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace MailDoctor;
using namespace BenchFigures;

namespace {

qsizetype consume(const Mime::Part &part)
{
    qsizetype n = part.headers.size() + part.decodedHeader("subject").size();
    if (part.children.isEmpty()) {
        if (part.is("message", "delivery-status"))
            n += Dsn::parse(part.text()).recipients.size();
        else if (part.type == "text" || part.type == "message")
            n += part.text().size();
    }
    for (const Mime::Part &child : part.children)
        n += consume(child);
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString dir
        = QString::fromLocal8Bit(MAILDOCTOR_SHARED_DIR) + QStringLiteral("/corpus/set-of-emails-dev");
    const QStringList names = QDir(dir).entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
    if (names.isEmpty()) {
        out << "No corpus at " << dir << "; nothing to measure.\n";
        return 0;
    }
    QList<QByteArray> inputs;
    qsizetype corpusBytes = 0;
    for (const QString &name : names) {
        QFile file(dir + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly)) {
            inputs.append(file.readAll());
            corpusBytes += inputs.last().size();
        }
    }
    // An optional argument lowers the input count, e.g. for a run under callgrind.
    const int minimumInputs = argc > 1 ? qMax(1, QByteArray(argv[1]).toInt()) : 4000;
    const int rounds = (minimumInputs + int(inputs.size()) - 1) / int(inputs.size());
    const qsizetype total = qsizetype(rounds) * inputs.size();
    const double totalMb = double(corpusBytes) * rounds / (1024.0 * 1024.0);
    qsizetype sink = 0;
    const int runs = argc > 1 ? 1 : 5;

    // Mode 0: parse only; mode 1: parse and decode what the analyzer reads. Wall-clock figures are
    // printed, and the thread's CPU time as well: on a shared machine the latter is the steadier one.
    for (int mode = 0; mode < 2; ++mode) {
        QList<double> rates;
        QList<double> mbRates;
        QList<double> cpuRates;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuSeconds();
            timer.start();
            for (int r = 0; r < rounds; ++r) {
                for (const QByteArray &input : inputs) {
                    const Mime::ParseResult result = Mime::parseMessage(input);
                    sink += mode == 0 ? result.root.children.size() : consume(result.root);
                }
            }
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            rates.append(double(total) / seconds);
            mbRates.append(totalMb / seconds);
            cpuRates.append(double(total) / qMax(1e-9, threadCpuSeconds() - cpuStart));
        }
        if (mode == 0) {
            out << "corpus: " << inputs.size() << " files, " << corpusBytes / 1024 << " KiB, average "
                << corpusBytes / inputs.size() << " bytes; " << total
                << " inputs per run, median of 5 runs\n";
        }
        out << (mode == 0 ? "parse only:        " : "parse and decode:  ") << qRound(median(rates))
            << " messages/s, " << QString::number(median(mbRates), 'f', 1)
            << " MB/s (CPU time: " << qRound(median(cpuRates)) << " messages/s)\n";
    }

    // A 1 MB paste: a bounce whose body is a long log, as users paste from a server.
    QByteArray paste = inputs.first();
    QByteArray line
        = QByteArrayLiteral("Nov 22 10:00:00 mx postfix/smtp[123]: 0ABC: to=<user@example.jp>, "
                            "relay=mx.example.jp[192.0.2.1]:25, status=bounced (host said: 550 5.1.1 "
                            "<user@example.jp>: Recipient address rejected: User unknown)\n");
    while (paste.size() < 1024 * 1024)
        paste += line;
    QList<double> pasteMs;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Mime::ParseResult result = Mime::parseMessage(paste);
        sink += consume(result.root);
        pasteMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    out << "1 MB paste: " << QString::number(median(pasteMs), 'f', 2) << " ms (median of 5)\n";
    out << "(checksum " << sink << ")\n";
    return 0;
}
