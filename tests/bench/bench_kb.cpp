// Knowledge-base start-up cost: loading the built-in data and validating it, in phases.
// Prints medians over repeated runs in one process; the first (cold) run is printed apart.

#include "benchfigures.h"
#include "kbvalidator.h"
#include "knowledgebase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace MailDoctor;
using BenchFigures::median;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 21;
    QTextStream out(stdout);

    QList<double> load, validate, total, lint;
    qsizetype entries = 0, patterns = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        KnowledgeBase kb;
        QList<KbProblem> problems;
        kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
        const qint64 loaded = timer.nsecsElapsed();
        // What the application does at start: structure, references and the overlay's patterns.
        problems += validateKnowledgeBase(kb, PatternCheck::SkipBuiltIn);
        const qint64 validated = timer.nsecsElapsed();
        // What `kb lint` (and the build) does in addition: compile every built-in expression.
        KnowledgeBase fresh;
        QList<KbProblem> ignored;
        fresh.loadDirectory(KnowledgeBase::builtInPath(), &ignored);
        QElapsedTimer lintTimer;
        lintTimer.start();
        problems += validateKnowledgeBase(fresh, PatternCheck::All);
        const qint64 linted = lintTimer.nsecsElapsed();
        if (!problems.isEmpty()) {
            out << "the built-in knowledge base has " << problems.size() << " problems\n";
            return 1;
        }
        entries = kb.entries().size();
        patterns = 0;
        for (const Entry &e : kb.entries())
            patterns += e.patterns.size();
        if (i == 0) {
            out << "cold: load " << loaded / 1e6 << " ms, validate " << (validated - loaded) / 1e6
                << " ms, full lint validation " << linted / 1e6 << " ms\n";
            continue;
        }
        load.append(loaded / 1e6);
        validate.append((validated - loaded) / 1e6);
        total.append(validated / 1e6);
        lint.append(linted / 1e6);
    }
    out << "entries " << entries << ", patterns " << patterns << ", runs " << runs - 1 << '\n';
    out << "median load " << median(load) << " ms, validate " << median(validate) << " ms, total "
        << median(total) << " ms (start-up path)\n";
    out << "median full lint validation (compiles every pattern) " << median(lint) << " ms\n";
    return 0;
}
