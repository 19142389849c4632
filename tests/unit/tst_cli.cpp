// The command-line contract (../shared/spec/cli.md): exit codes, output shapes and batch behaviour.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(MAILDOCTOR_CLI), args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString fixture(const QString &name)
{
    return QStringLiteral(MAILDOCTOR_TEST_DATA "/kb/") + name;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void lintCleanBuiltIn();
    void lintReportsBrokenOverlay();
    void listPrintsEntries();
    void analyzeStdinPrintsContractObject();
    void batchKeepsGoingPastUnreadableInput();
    void textFormatInJapanese();
};

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-command") << QStringList{};
    QTest::newRow("unknown-command") << QStringList{QStringLiteral("diagnose")};
    QTest::newRow("unknown-format") << QStringList{QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("xml")};
    QTest::newRow("unknown-language") << QStringList{QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("fr")};
    QTest::newRow("missing-value") << QStringList{QStringLiteral("analyze"), QStringLiteral("--format")};
    QTest::newRow("unknown-option") << QStringList{QStringLiteral("kb"), QStringLiteral("lint"), QStringLiteral("--frobnicate")};
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

void TestCli::lintCleanBuiltIn()
{
    const Run r = runCli({QStringLiteral("kb"), QStringLiteral("lint")});
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCli::lintReportsBrokenOverlay()
{
    const Run r = runCli({QStringLiteral("kb"), QStringLiteral("lint"), QStringLiteral("--kb-dir"),
                          fixture(QStringLiteral("broken/unknown-cause"))});
    QCOMPARE(r.exitCode, 1);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QLatin1String("entries.json: mystery: unknown cause \"no-such-cause\"")), qPrintable(out));
}

void TestCli::listPrintsEntries()
{
    const Run r = runCli({QStringLiteral("kb"), QStringLiteral("list"), QStringLiteral("--lang"), QStringLiteral("ja")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 39);
    for (const QString &line : lines)
        QCOMPARE(line.count(QLatin1Char('\t')), 2);
}

void TestCli::analyzeStdinPrintsContractObject()
{
    const Run r = runCli({QStringLiteral("analyze")}, "550 5.1.1 <hanako@example.jp>... User unknown\n");
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("schema")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("input")).toString(), QStringLiteral("-"));
    for (const char *key : {"kind", "severity", "causes", "recipients", "original", "codes"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QVERIFY(!o.contains(QLatin1String("error")));
    const QJsonArray causes = o.value(QLatin1String("causes")).toArray();
    QVERIFY(!causes.isEmpty());
    QCOMPARE(causes.first().toObject().value(QLatin1String("cause")).toString(), QStringLiteral("user-unknown"));
    QVERIFY(o.value(QLatin1String("codes")).toObject().value(QLatin1String("enhanced")).toArray().contains(QStringLiteral("5.1.1")));
}

void TestCli::batchKeepsGoingPastUnreadableInput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("a.txt"));
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const QString last = dir.filePath(QStringLiteral("b.txt"));
    for (const QString &path : {first, last}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("553 Relaying denied\n");
    }
    const Run r = runCli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("jsonl"), first, missing, last});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QLatin1String("input")).toString(), first);
    const QJsonObject broken = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(broken.value(QLatin1String("input")).toString(), missing);
    QVERIFY(!broken.value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object().value(QLatin1String("input")).toString(), last);
}

void TestCli::textFormatInJapanese()
{
    const Run r = runCli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("text"),
                          QStringLiteral("--lang"), QStringLiteral("ja")},
                         "550 5.1.1 <hanako@example.jp>... User unknown\n");
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    QVERIFY2(japanese.match(out).hasMatch(), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
