// The case history: round trips, search, outcomes, damaged files and recovery after a kill.

#include "store/casestore.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace MailDoctor;

namespace {

CaseRecord sampleCase()
{
    CaseRecord r;
    r.language = Language::Japanese;
    r.path = { { QStringLiteral("start"), QStringLiteral("paste") } };
    r.pastedText = QStringLiteral("Final-Recipient: rfc822; hanako@example.jp\n"
                                  "Diagnostic-Code: smtp; 550 5.1.1 <hanako@example.jp>... User unknown\n"
                                  "宛先が見つかりません、ご確認ください。\n");
    r.analysis.input = QStringLiteral("-");
    r.analysis.kind = QStringLiteral("dsn");
    r.analysis.severity = QStringLiteral("permanent");
    r.analysis.causes.append({ QStringLiteral("user-unknown"),
                               QStringLiteral("user-unknown"),
                               0.9,
                               QStringLiteral("you"),
                               { QStringLiteral("550 5.1.1 User unknown") } });
    RecipientFinding rf;
    rf.address = QStringLiteral("hanako@example.jp");
    rf.action = QStringLiteral("failed");
    rf.status = QStringLiteral("5.1.1");
    rf.replyCode = QStringLiteral("550");
    rf.remoteMta = QStringLiteral("mx.example.jp");
    rf.diagnostic = QStringLiteral("550 5.1.1 <hanako@example.jp>... User unknown");
    rf.reason = QStringLiteral("userunknown");
    rf.cause = QStringLiteral("user-unknown");
    r.analysis.recipients.append(rf);
    r.analysis.codes.reply = { QStringLiteral("550") };
    r.analysis.codes.enhanced = { QStringLiteral("5.1.1") };
    r.pastedDiagnosis = QStringLiteral("user-unknown");
    r.diagnosis = QStringLiteral("user-unknown");
    r.cause = QStringLiteral("user-unknown");
    r.callerName = QStringLiteral("山田 太郎");
    r.ticket = QStringLiteral("T-2024-0042");
    r.notes = QStringLiteral("Called at 10:02, \"urgent\";\nsecond line 日本語");
    r.elapsedSeconds = 125;
    return r;
}

void compareRecords(const CaseRecord &a, const CaseRecord &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.created, b.created);
    QCOMPARE(a.updated, b.updated);
    QCOMPARE(a.language, b.language);
    QCOMPARE(a.path.size(), b.path.size());
    for (qsizetype i = 0; i < a.path.size(); ++i) {
        QCOMPARE(a.path.at(i).nodeId, b.path.at(i).nodeId);
        QCOMPARE(a.path.at(i).answerId, b.path.at(i).answerId);
    }
    QCOMPARE(a.pastedText, b.pastedText);
    QCOMPARE(a.analysis.toJson(), b.analysis.toJson());
    QCOMPARE(a.pastedDiagnosis, b.pastedDiagnosis);
    QCOMPARE(a.diagnosis, b.diagnosis);
    QCOMPARE(a.cause, b.cause);
    QCOMPARE(a.callerName, b.callerName);
    QCOMPARE(a.ticket, b.ticket);
    QCOMPARE(a.notes, b.notes);
    QCOMPARE(a.outcome, b.outcome);
    QCOMPARE(a.elapsedSeconds, b.elapsedSeconds);
    QCOMPARE(a.finished, b.finished);
}

} // namespace

class TestCaseStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void saveAndLoadRoundTrip();
    void saveUpdatesTheSameCase();
    void usesWriteAheadLog();
    void unfinishedCaseIsTheNewestNotFinished();
    void search_data();
    void search();
    void searchDateRange();
    void setOutcome();
    void passwordsAreNotStored();
    void damagedFileIsKeptAsideAndAFreshStoreStarts_data();
    void damagedFileIsKeptAsideAndAFreshStoreStarts();
    void unopenableStoreIsAnErrorValue();
    void killedMidCaseRecoversEverythingSaved();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaseStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("history/cases.sqlite"));
}

void TestCaseStore::cleanup()
{
    m_dir.reset();
}

void TestCaseStore::saveAndLoadRoundTrip()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    QVERIFY(store.isOpen());
    CaseRecord r = sampleCase();
    QVERIFY(!store.save(&r).isError());
    QVERIFY(!r.id.isEmpty());
    QVERIFY(r.created.isValid());

    const std::optional<CaseRecord> loaded = store.load(r.id);
    QVERIFY(loaded.has_value());
    compareRecords(*loaded, r);
    QCOMPARE(loaded->recipientDomains(), QStringList { QStringLiteral("example.jp") });
    QVERIFY(!store.load(QStringLiteral("no-such-id")).has_value());
}

void TestCaseStore::saveUpdatesTheSameCase()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    CaseRecord r = sampleCase();
    QVERIFY(!store.save(&r).isError());
    const QDateTime created = r.created;
    r.notes += QStringLiteral("\nmore");
    r.path.append({ QStringLiteral("next"), QStringLiteral("yes") });
    QVERIFY(!store.save(&r).isError());
    QCOMPARE(store.count(), 1);
    QCOMPARE(r.created, created);
    QVERIFY(r.updated >= created);
    compareRecords(*store.load(r.id), r);
}

void TestCaseStore::usesWriteAheadLog()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    CaseRecord r = sampleCase();
    QVERIFY(!store.save(&r).isError());
    QVERIFY2(QFile::exists(m_path + QStringLiteral("-wal")), "journal_mode=WAL keeps a -wal file while open");
}

void TestCaseStore::unfinishedCaseIsTheNewestNotFinished()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    QVERIFY(!store.unfinishedCase().has_value());

    CaseRecord older = sampleCase();
    older.notes = QStringLiteral("older");
    QVERIFY(!store.save(&older).isError());
    QTest::qWait(5);
    CaseRecord newer = sampleCase();
    newer.notes = QStringLiteral("newer");
    QVERIFY(!store.save(&newer).isError());
    QTest::qWait(5);
    CaseRecord done = sampleCase();
    done.finished = true;
    QVERIFY(!store.save(&done).isError());

    std::optional<CaseRecord> u = store.unfinishedCase();
    QVERIFY(u.has_value());
    QCOMPARE(u->id, newer.id);

    const QList<CaseRecord> all = store.unfinishedCases();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).id, newer.id);
    QCOMPARE(all.at(1).id, older.id);

    QVERIFY(!store.setFinished(newer.id, true).isError());
    u = store.unfinishedCase();
    QVERIFY(u.has_value());
    QCOMPARE(u->id, older.id);
    QCOMPARE(store.unfinishedCases().size(), 1);
}

void TestCaseStore::search_data()
{
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // notes of the cases found, newest first

    QTest::newRow("everything") << QString() << QString() << QString()
                                << QStringList { QStringLiteral("c"), QStringLiteral("b"),
                                                 QStringLiteral("a") };
    QTest::newRow("cause") << QStringLiteral("mailbox-full") << QString() << QString()
                           << QStringList { QStringLiteral("b") };
    QTest::newRow("domain-exact") << QString() << QStringLiteral("docomo.ne.jp") << QString()
                                  << QStringList { QStringLiteral("b") };
    QTest::newRow("domain-parent-finds-subdomain")
        << QString() << QStringLiteral("example.com") << QString() << QStringList { QStringLiteral("c") };
    QTest::newRow("domain-case-insensitive")
        << QString() << QStringLiteral("EXAMPLE.JP") << QString() << QStringList { QStringLiteral("a") };
    QTest::newRow("domain-not-a-suffix-of-label")
        << QString() << QStringLiteral("ample.jp") << QString() << QStringList {};
    QTest::newRow("text-in-pasted") << QString() << QString() << QStringLiteral("quota")
                                    << QStringList { QStringLiteral("b") };
    QTest::newRow("text-japanese") << QString() << QString() << QStringLiteral("容量")
                                   << QStringList { QStringLiteral("b") };
    QTest::newRow("text-caller") << QString() << QString() << QStringLiteral("suzuki")
                                 << QStringList { QStringLiteral("c") };
    QTest::newRow("text-percent-is-literal")
        << QString() << QString() << QStringLiteral("100%") << QStringList { QStringLiteral("a") };
    QTest::newRow("text-two-words-all-must-match")
        << QString() << QString() << QStringLiteral("quota 容量") << QStringList { QStringLiteral("b") };
    QTest::newRow("cause-and-text-disagree")
        << QStringLiteral("mailbox-full") << QString() << QStringLiteral("suzuki") << QStringList {};
}

void TestCaseStore::search()
{
    QFETCH(QString, cause);
    QFETCH(QString, domain);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    auto make = [](const QString &notes, const QString &address, const QString &c, const QString &pasted,
                   const QString &caller) {
        CaseRecord r;
        r.notes = notes;
        r.cause = c;
        r.diagnosis = c;
        r.pastedText = pasted;
        r.callerName = caller;
        RecipientFinding rf;
        rf.address = address;
        r.analysis.recipients.append(rf);
        return r;
    };
    QList<CaseRecord> cases = {
        make(QStringLiteral("a"), QStringLiteral("taro@example.jp"), QStringLiteral("user-unknown"),
             QStringLiteral("550 User unknown, disk 100% used"), QStringLiteral("Tanaka")),
        make(QStringLiteral("b"), QStringLiteral("hanako@docomo.ne.jp"), QStringLiteral("mailbox-full"),
             QStringLiteral("552 quota exceeded / 容量超過"), QStringLiteral("Sato")),
        make(QStringLiteral("c"), QStringLiteral("ken@mail.example.com"), QStringLiteral("relay-denied"),
             QStringLiteral("554 Relay access denied"), QStringLiteral("Suzuki")),
    };
    for (CaseRecord &r : cases) {
        QVERIFY(!store.save(&r).isError());
        QTest::qWait(3); // distinct update times give a stable newest-first order
    }
    CaseQuery q;
    q.cause = cause;
    q.domain = domain;
    q.text = text;
    QStringList found;
    const QList<CaseRecord> result = store.search(q);
    for (const CaseRecord &r : result)
        found.append(r.notes);
    QCOMPARE(found, expected);
}

void TestCaseStore::searchDateRange()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    CaseRecord old = sampleCase();
    old.created = QDateTime(QDate(2024, 1, 10), QTime(9, 0), Qt::UTC);
    old.notes = QStringLiteral("january");
    QVERIFY(!store.save(&old).isError());
    CaseRecord recent = sampleCase();
    recent.created = QDateTime(QDate(2024, 3, 5), QTime(15, 30), Qt::UTC);
    recent.notes = QStringLiteral("march");
    QVERIFY(!store.save(&recent).isError());

    CaseQuery q;
    q.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    QList<CaseRecord> r = store.search(q);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().notes, QStringLiteral("march"));

    q = {};
    q.to = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    r = store.search(q);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().notes, QStringLiteral("january"));

    q.from = QDateTime(QDate(2024, 1, 11), QTime(0, 0), Qt::UTC);
    QVERIFY(store.search(q).isEmpty());
}

void TestCaseStore::setOutcome()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    CaseRecord r = sampleCase();
    QVERIFY(!store.save(&r).isError());
    QCOMPARE(store.load(r.id)->outcome, CaseOutcome::Open);
    QVERIFY(!store.setOutcome(r.id, CaseOutcome::Escalated).isError());
    QCOMPARE(store.load(r.id)->outcome, CaseOutcome::Escalated);
    QCOMPARE(store.setOutcome(QStringLiteral("missing"), CaseOutcome::Resolved).code,
             StoreError::Code::NotFound);

    for (CaseOutcome o : allCaseOutcomes()) {
        QCOMPARE(caseOutcomeFromCode(caseOutcomeCode(o)), o);
        QVERIFY(!caseOutcomeText(o).isEmpty());
    }
}

void TestCaseStore::passwordsAreNotStored()
{
    CaseStore store;
    QVERIFY(!store.open(m_path).isError());
    CaseRecord r = sampleCase();
    r.pastedText = QStringLiteral("+OK ready\nUSER taro\nPASS hunter2secret\n-ERR [AUTH] invalid password\n"
                                  "334 UGFzc3dvcmQ6\nb3BlbnNlc2FtZQ==\n535 failed\n");
    r.analysis.causes.first().evidence
        = { QStringLiteral("PASS hunter2secret"), QStringLiteral("b3BlbnNlc2FtZQ==") };
    r.analysis.recipients.first().diagnostic = QStringLiteral("C: PASS hunter2secret");
    QVERIFY(!store.save(&r).isError());
    store.close();
    QFile raw(m_path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QFile wal(m_path + QStringLiteral("-wal"));
    QByteArray bytes = raw.readAll();
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    QVERIFY(!bytes.contains("hunter2secret"));
    QVERIFY(!bytes.contains("b3BlbnNlc2FtZQ=="));
    QVERIFY(bytes.contains("-ERR [AUTH] invalid password"));
}

void TestCaseStore::damagedFileIsKeptAsideAndAFreshStoreStarts_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 73 + 11) % 256));
    QTest::newRow("garbage-bytes") << garbage;
    QTest::newRow("text-file") << QByteArray("this is not a database, just a note\n");
    // A real header followed by overwritten pages: SQLite opens it but the integrity check fails.
    QTest::newRow("header-then-garbage") << QByteArray("SQLite format 3\0", 16) + garbage;
}

void TestCaseStore::damagedFileIsKeptAsideAndAFreshStoreStarts()
{
    QFETCH(QByteArray, content);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    CaseStore store;
    const StoreError e = store.open(m_path);
    QCOMPARE(e.code, StoreError::Code::Damaged);
    QVERIFY(!e.message.isEmpty());
    QVERIFY2(e.message.contains(QDir::toNativeSeparators(e.keptCopy)), qPrintable(e.message));
    QVERIFY(e.keptCopy.contains(QRegularExpression(QStringLiteral("\\.damaged-\\d{8}-\\d{6}"))));
    QFile kept(e.keptCopy);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);

    QVERIFY(store.isOpen());
    CaseRecord r = sampleCase();
    QVERIFY(!store.save(&r).isError());
    QVERIFY(store.load(r.id).has_value());
    store.close();

    CaseStore again;
    QVERIFY(!again.open(m_path).isError());
    QCOMPARE(again.count(), 1);
}

void TestCaseStore::unopenableStoreIsAnErrorValue()
{
    // A plain file where the folder should be: the store cannot be created there.
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    CaseStore store;
    const StoreError e = store.open(blocker + QStringLiteral("/cases.sqlite"));
    QCOMPARE(e.code, StoreError::Code::CannotOpen);
    QVERIFY(!e.message.isEmpty());
    QVERIFY(!store.isOpen());
    CaseRecord r = sampleCase();
    QCOMPARE(store.save(&r).code, StoreError::Code::WriteFailed);
}

void TestCaseStore::killedMidCaseRecoversEverythingSaved()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    for (int round = 1; round <= 3; ++round) {
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        helper.start(QStringLiteral(MAILDOCTOR_CRASH_HELPER), { m_path, QString::number(round) });
        QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));

        // The helper prints "saved N" after each step is committed; kill it while it keeps typing.
        int lastSaved = -1;
        const int killAfter = 20 + round * 7;
        QByteArray pending;
        QElapsedTimer timer;
        timer.start();
        while (lastSaved < killAfter && timer.elapsed() < 60000) {
            if (!helper.waitForReadyRead(5000) && helper.state() != QProcess::Running)
                break;
            pending += helper.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl).trimmed();
                pending.remove(0, nl + 1);
                if (line.startsWith("saved "))
                    lastSaved = line.mid(6).toInt();
            }
        }
        QVERIFY2(lastSaved >= killAfter, "the helper did not get far enough");
        helper.kill(); // SIGKILL: no destructors, no close, no checkpoint
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        CaseStore store;
        const StoreError e = store.open(m_path);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        const std::optional<CaseRecord> u = store.unfinishedCase();
        QVERIFY(u.has_value());
        QCOMPARE(u->callerName, QStringLiteral("佐藤 花子 (round %1)").arg(round));
        QCOMPARE(u->ticket, QStringLiteral("INC-%1").arg(round));
        QCOMPARE(u->language, Language::Japanese);
        QCOMPARE(u->path.size(), 2);
        QCOMPARE(u->path.at(0).nodeId, QStringLiteral("start"));
        QCOMPARE(u->path.at(1).answerId, QStringLiteral("paste"));
        QVERIFY(u->pastedText.contains(QStringLiteral("552 5.2.2 メールボックスが一杯です")));
        QCOMPARE(u->analysis.causes.size(), 1);
        QCOMPARE(u->diagnosis, QStringLiteral("mailbox-full"));
        QVERIFY(!u->finished);
        // Every step reported as saved is there; at most the one being written when killed is newer.
        const QRegularExpression typed(QStringLiteral("typed (\\d+)$"));
        const QRegularExpressionMatch m = typed.match(u->notes);
        QVERIFY2(m.hasMatch(), qPrintable(u->notes));
        const int recovered = m.captured(1).toInt();
        QVERIFY2(recovered >= lastSaved && recovered <= lastSaved + 1,
                 qPrintable(QStringLiteral("recovered %1, last saved %2").arg(recovered).arg(lastSaved)));
        QCOMPARE(u->elapsedSeconds, qint64(recovered));
        QCOMPARE(store.count(), round);
    }
#endif
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
