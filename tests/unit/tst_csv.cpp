// CSV export of cases: RFC 4180 quoting, UTF-8 with BOM, masking, formula-looking cells.

#include "store/csvexport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace MailDoctor;

namespace {

/** A small RFC 4180 reader, so that the tests check what a spreadsheet would read back. */
QList<QStringList> parseCsv(const QString &text, bool *wellFormed)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    *wellFormed = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (fieldStarted && !field.isEmpty())
                *wellFormed = false; // a quote inside an unquoted field
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text.at(i + 1) != QLatin1Char('\n'))
                *wellFormed = false; // a bare CR outside quotes
        } else if (c == QLatin1Char('\n')) {
            if (i == 0 || text.at(i - 1) != QLatin1Char('\r'))
                *wellFormed = false; // records end in CRLF
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        *wellFormed = false;
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void field_data();
    void field();
    void recordEndsInCrlf();
    void exportRoundTripsThroughAReader();
    void exportStartsWithBomAndIsUtf8();
    void exportMasksAddressesByDefault();
    void exportWritesAFile();
};

void TestCsv::field_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("resolved") << QStringLiteral("resolved");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("550, user unknown") << QStringLiteral("\"550, user unknown\"");
    QTest::newRow("quotes") << QStringLiteral("say \"hello\"") << QStringLiteral("\"say \"\"hello\"\"\"");
    QTest::newRow("lf") << QStringLiteral("line1\nline2") << QStringLiteral("\"line1\nline2\"");
    QTest::newRow("crlf") << QStringLiteral("line1\r\nline2") << QStringLiteral("\"line1\r\nline2\"");
    QTest::newRow("cr") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("japanese") << QStringLiteral("宛先不明") << QStringLiteral("宛先不明");
    QTest::newRow("japanese-with-comma")
        << QStringLiteral("容量超過,再送") << QStringLiteral("\"容量超過,再送\"");
    QTest::newRow("japanese-ideographic-comma")
        << QStringLiteral("容量超過、再送") << QStringLiteral("容量超過、再送");
    QTest::newRow("formula-equals") << QStringLiteral("=HYPERLINK(\"x\")")
                                    << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("formula-plus") << QStringLiteral("+81 3 1234") << QStringLiteral("'+81 3 1234");
    QTest::newRow("leading-dash-note") << QStringLiteral("- called back") << QStringLiteral("'- called back");
    QTest::newRow("at-sign") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("dash-inside-is-fine")
        << QStringLiteral("5.1.1 - unknown") << QStringLiteral("5.1.1 - unknown");
}

void TestCsv::field()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(csvField(value), expected);
}

void TestCsv::recordEndsInCrlf()
{
    QCOMPARE(csvRecord({ QStringLiteral("a"), QStringLiteral("b,c"), QString() }),
             QStringLiteral("a,\"b,c\",\r\n"));
}

void TestCsv::exportRoundTripsThroughAReader()
{
    KnowledgeBase kb;
    CaseRecord r;
    r.id = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000001");
    r.created = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    r.updated = r.created;
    r.callerName = QStringLiteral("山田, \"太郎\"");
    r.ticket = QStringLiteral("T-1");
    r.notes = QStringLiteral("first line, with comma\r\nsecond \"quoted\" line\nthird 日本語の行");
    r.pastedText = QStringLiteral("550 5.1.1 User unknown\n宛先が見つかりません");
    r.outcome = CaseOutcome::Resolved;
    r.elapsedSeconds = 42;
    CaseRecord second;
    second.id = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000002");
    second.notes = QStringLiteral("plain");

    CsvExportOptions options;
    options.mask = MaskOptions::none();
    const QByteArray bytes = casesToCsv({ r, second }, kb, options);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)), &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(rows.size(), 3);
    const QStringList &headerRow = rows.at(0);
    QCOMPARE(rows.at(1).size(), headerRow.size());
    QCOMPARE(rows.at(2).size(), headerRow.size());
    auto column = [&headerRow](const char *name) {
        return headerRow.indexOf(QCoreApplication::translate("MailDoctor::CsvExport", name));
    };
    QVERIFY(column("Notes") >= 0);
    QCOMPARE(rows.at(1).at(column("Notes")), r.notes);
    QCOMPARE(rows.at(1).at(column("Caller")), r.callerName);
    QCOMPARE(rows.at(1).at(column("Pasted text")), r.pastedText);
    QCOMPARE(rows.at(1).at(column("Case")), r.id);
    QCOMPARE(rows.at(1).at(column("Outcome")), caseOutcomeText(CaseOutcome::Resolved));
    QCOMPARE(rows.at(1).at(column("Elapsed seconds")), QStringLiteral("42"));
    QCOMPARE(rows.at(2).at(column("Notes")), QStringLiteral("plain"));
}

void TestCsv::exportStartsWithBomAndIsUtf8()
{
    KnowledgeBase kb;
    CaseRecord r;
    r.notes = QStringLiteral("メールボックス");
    const QByteArray bytes = casesToCsv({ r }, kb, {});
    QCOMPARE(bytes.left(3), QByteArray("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(QStringLiteral("メールボックス").toUtf8()));
    QVERIFY(bytes.endsWith("\r\n"));
}

void TestCsv::exportMasksAddressesByDefault()
{
    KnowledgeBase kb;
    CaseRecord r;
    r.notes = QStringLiteral("wrote to hanako@example.jp");
    r.pastedText = QStringLiteral("<taro.yamada@example.co.jp>: 550 User unknown\npassword=opensesame");
    RecipientFinding rf;
    rf.address = QStringLiteral("taro.yamada@example.co.jp");
    r.analysis.recipients.append(rf);
    const QString masked = QString::fromUtf8(casesToCsv({ r }, kb, {}));
    QVERIFY(!masked.contains(QStringLiteral("hanako@")));
    QVERIFY(!masked.contains(QStringLiteral("taro.yamada@")));
    QVERIFY(masked.contains(QStringLiteral("h***@example.jp")));
    QVERIFY(masked.contains(QStringLiteral("t***@example.co.jp")));
    QVERIFY(!masked.contains(QStringLiteral("opensesame")));

    CsvExportOptions open;
    open.mask = MaskOptions::none();
    const QString unmasked = QString::fromUtf8(casesToCsv({ r }, kb, open));
    QVERIFY(unmasked.contains(QStringLiteral("hanako@example.jp")));
    QVERIFY2(!unmasked.contains(QStringLiteral("opensesame")), "passwords never appear, masking or not");
}

void TestCsv::exportWritesAFile()
{
    QTemporaryDir dir;
    KnowledgeBase kb;
    CaseRecord r;
    r.notes = QStringLiteral("x");
    const QString path = dir.filePath(QStringLiteral("cases.csv"));
    QCOMPARE(writeCasesCsv(path, { r }, kb, {}), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), casesToCsv({ r }, kb, {}));
    QVERIFY(!writeCasesCsv(dir.filePath(QStringLiteral("missing/dir/cases.csv")), { r }, kb, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
