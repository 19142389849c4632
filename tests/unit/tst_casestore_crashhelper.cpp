// Test helper for tst_casestore: types a case step by step into the store, saving after every
// step as the GUI does, and reports each commit on stdout until the test kills it.

#include "store/casestore.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace MailDoctor;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3)
        return 2;
    const QString round = args.at(2);
    CaseStore store;
    const StoreError e = store.open(args.at(1));
    if (e.isError()) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    CaseRecord r;
    r.language = Language::Japanese;
    r.callerName = QStringLiteral("佐藤 花子 (round %1)").arg(round);
    r.path.append({ QStringLiteral("start"), QStringLiteral("returned") });
    store.save(&r);
    r.ticket = QStringLiteral("INC-") + round;
    r.path.append({ QStringLiteral("returned"), QStringLiteral("paste") });
    store.save(&r);
    r.pastedText = QStringLiteral("Diagnostic-Code: smtp; 552 5.2.2 メールボックスが一杯です\n");
    r.analysis.kind = QStringLiteral("dsn");
    r.analysis.causes.append({ QStringLiteral("mailbox-full"),
                               QStringLiteral("mailbox-full"),
                               0.8,
                               QStringLiteral("recipient"),
                               { QStringLiteral("552 5.2.2") } });
    r.diagnosis = QStringLiteral("mailbox-full");
    r.cause = QStringLiteral("mailbox-full");
    store.save(&r);
    // Keep typing notes, one save per keystroke-sized step, until killed.
    for (int n = 0; n < 1000000; ++n) {
        r.notes = QStringLiteral("The caller says the mailbox was emptied yesterday; typed %1").arg(n);
        r.elapsedSeconds = n;
        if (store.save(&r).isError())
            return 1;
        std::printf("saved %d\n", n);
        std::fflush(stdout);
        QThread::msleep(2);
    }
    return 0;
}
