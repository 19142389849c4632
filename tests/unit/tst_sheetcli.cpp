// `maildoctor-cli sheet`: the remedy sheet rendered headless, as the contract in cli.md says.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSheetCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void entryToHtml_data();
    void entryToHtml();
    void inputToPdf();
    void maskingOption();
    void usageErrors_data();
    void usageErrors();
    void unknownEntry();
    void quietWithoutRuntimeDirectory();

private:
    int run(const QStringList &args, QByteArray *err = nullptr, bool withRuntimeDir = true);
    QString firstEntry();
    QTemporaryDir m_dir;
    QString m_bounce;
};

int TestSheetCli::run(const QStringList &args, QByteArray *err, bool withRuntimeDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command must pick offscreen by itself
    if (!withRuntimeDir)
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILDOCTOR_CLI), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString TestSheetCli::firstEntry()
{
    QProcess p;
    p.start(QStringLiteral(MAILDOCTOR_CLI), { QStringLiteral("kb"), QStringLiteral("list") });
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).section(QLatin1Char('\t'), 0, 0).trimmed();
}

void TestSheetCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bounce = m_dir.filePath(QStringLiteral("bounce.txt"));
    QFile f(m_bounce);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("This is the mail system at host mail.example.org.\n\n"
            "I'm sorry to have to inform you that your message could not be delivered.\n\n"
            "<nobody.here@example.net>: host mx.example.net[192.0.2.10] said: 550 5.1.1\n"
            "    <nobody.here@example.net>: Recipient address rejected: User unknown in\n"
            "    local recipient table (in reply to RCPT TO command)\n"
            "<img src=x onerror=alert(1)>\n");
}

void TestSheetCli::entryToHtml_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("present");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringList { QStringLiteral("Mail trouble remedy sheet") };
    QTest::newRow("ja") << QStringLiteral("ja") << QStringList { QStringLiteral("メールトラブル対処シート") };
    QTest::newRow("both") << QStringLiteral("both")
                          << QStringList { QStringLiteral("メールトラブル対処シート"),
                                           QStringLiteral("Mail trouble remedy sheet") };
}

void TestSheetCli::entryToHtml()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, present);
    const QString entry = firstEntry();
    QVERIFY(!entry.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("entry-%1.html").arg(lang));
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("sheet"), QStringLiteral("--lang"), lang, QStringLiteral("--entry"), entry,
                   QStringLiteral("-o"), out },
                 &err),
             0);
    QFile f(out);
    QVERIFY2(f.open(QIODevice::ReadOnly), err.constData());
    const QString html = QString::fromUtf8(f.readAll());
    for (const QString &p : present)
        QVERIFY2(html.contains(p), qPrintable(p));
}

void TestSheetCli::inputToPdf()
{
    const QString out = m_dir.filePath(QStringLiteral("bounce.pdf"));
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("sheet"), QStringLiteral("--lang"), QStringLiteral("ja"),
                   QStringLiteral("--page"), QStringLiteral("letter"), m_bounce, QStringLiteral("-o"), out },
                 &err),
             0);
    QFile f(out);
    QVERIFY2(f.open(QIODevice::ReadOnly), err.constData());
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains("/MediaBox [0 0 612.000000 792.000000]"));
}

void TestSheetCli::maskingOption()
{
    const QString masked = m_dir.filePath(QStringLiteral("masked.html"));
    const QString open = m_dir.filePath(QStringLiteral("open.html"));
    QCOMPARE(run({ QStringLiteral("sheet"), m_bounce, QStringLiteral("-o"), masked }), 0);
    QCOMPARE(
        run({ QStringLiteral("sheet"), QStringLiteral("--no-mask"), m_bounce, QStringLiteral("-o"), open }),
        0);
    QFile m(masked);
    QFile o(open);
    QVERIFY(m.open(QIODevice::ReadOnly) && o.open(QIODevice::ReadOnly));
    const QByteArray mh = m.readAll();
    const QByteArray oh = o.readAll();
    QVERIFY(!mh.contains("nobody.here@"));
    QVERIFY(mh.contains("n***@example.net"));
    QVERIFY(oh.contains("nobody.here@example.net"));
    QVERIFY(!mh.contains("<img") && !oh.contains("<img"));
}

void TestSheetCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-output") << QStringList { QStringLiteral("sheet"), QStringLiteral("--entry"),
                                                QStringLiteral("x") };
    QTest::newRow("no-entry-no-input")
        << QStringList { QStringLiteral("sheet"), QStringLiteral("-o"), QStringLiteral("a.pdf") };
    QTest::newRow("entry-and-input") << QStringList { QStringLiteral("sheet"), QStringLiteral("--entry"),
                                                      QStringLiteral("x"),     QStringLiteral("in.txt"),
                                                      QStringLiteral("-o"),    QStringLiteral("a.pdf") };
    QTest::newRow("bad-suffix") << QStringList { QStringLiteral("sheet"), QStringLiteral("--entry"),
                                                 QStringLiteral("x"), QStringLiteral("-o"),
                                                 QStringLiteral("a.docx") };
    QTest::newRow("bad-page") << QStringList { QStringLiteral("sheet"), QStringLiteral("--page"),
                                               QStringLiteral("a5") };
    QTest::newRow("bad-lang") << QStringList { QStringLiteral("sheet"), QStringLiteral("--lang"),
                                               QStringLiteral("fr") };
}

void TestSheetCli::usageErrors()
{
    QFETCH(QStringList, args);
    QCOMPARE(run(args), 2);
}

void TestSheetCli::unknownEntry()
{
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("sheet"), QStringLiteral("--entry"), QStringLiteral("no-such-entry"),
                   QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.html")) },
                 &err),
             1);
    QVERIFY(err.contains("no-such-entry"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.html"))));
}

void TestSheetCli::quietWithoutRuntimeDirectory()
{
    // A headless run (cron, a service) has no XDG runtime directory: stderr stays for our own messages.
    const QString out = m_dir.filePath(QStringLiteral("quiet.html"));
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("sheet"), QStringLiteral("--entry"), firstEntry(), QStringLiteral("-o"), out }, &err,
                 false),
             0);
    QVERIFY2(err.isEmpty(), err.constData());
    QVERIFY(QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestSheetCli)
#include "tst_sheetcli.moc"
