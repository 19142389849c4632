// Hostile and broken input: the reader and the analyzer must neither crash nor hang, and must stay
// within bounded memory. Time is reported, never asserted: CTest's timeout for this test is the hang guard.

#include "analyzer.h"
#include "knowledgebase.h"
#include "mime/dsn.h"
#include "mime/mimemessage.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace MailDoctor;

namespace {

QByteArray binaryJunk(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray junk(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        junk[i] = static_cast<char>(random.bounded(256));
    return junk;
}

QByteArray nestedMultiparts(int levels)
{
    QByteArray head = "From: a@example.org\nTo: b@example.org\nSubject: nested\nMIME-Version: 1.0\n";
    QByteArray tail;
    for (int i = 0; i < levels; ++i) {
        const QByteArray boundary = "b" + QByteArray::number(i);
        head += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary + "\n";
        tail.prepend("\n--" + boundary + "--\n");
    }
    return head + "Content-Type: text/plain\n\n550 5.1.1 innermost text\n" + tail;
}

QByteArray nestedMessages(int levels)
{
    QByteArray data;
    for (int i = 0; i < levels; ++i)
        data += "From: a@example.org\nSubject: level " + QByteArray::number(i)
            + "\nContent-Type: message/rfc822\n\n";
    return data + "From: a@example.org\nSubject: last\n\nbody\n";
}

int depthOf(const Mime::Part &part)
{
    int deepest = 0;
    for (const Mime::Part &child : part.children)
        deepest = qMax(deepest, depthOf(child));
    return deepest + 1;
}

qsizetype textOf(const Mime::Part &part)
{
    qsizetype n = part.text().size() + part.decodedHeader("subject").size();
    for (const Mime::Part &child : part.children)
        n += textOf(child);
    return n;
}

void add(QList<QPair<QByteArray, QByteArray>> *list, const char *name, const QByteArray &data)
{
    list->append({ QByteArray(name), data });
}

QByteArray multipartHeader(const QByteArray &boundary)
{
    return "From: a@example.org\nTo: b@example.org\nSubject: s\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\""
        + boundary + "\"\n\n";
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mimeSurvives_data();
    void mimeSurvives();
    void analyzerSurvives_data();
    void analyzerSurvives();
    void deepNestingIsCut();
    void deepMessageNestingIsCut();
    void tooManyPartsAreCut();
    void tooManyHeadersAreCut();
    void unclosedBoundaryKeepsTheText();
    void brokenBase64DecodesWhatItCan();
    void unknownCharsetFallsBack();
    void dsnSurvivesJunk();

private:
    QList<QPair<QByteArray, QByteArray>> inputs() const;
    KnowledgeBase m_kb;
};

void TestBadInput::initTestCase()
{
    QList<KbProblem> problems;
    m_kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
}

/** Every hostile input, by name; shared by the reader and analyzer slots. */
QList<QPair<QByteArray, QByteArray>> TestBadInput::inputs() const
{
    QList<QPair<QByteArray, QByteArray>> list;
    add(&list, "empty", QByteArray());
    add(&list, "only-newlines", QByteArray(1000, '\n'));
    add(&list, "nul-bytes", QByteArray(4096, '\0'));
    add(&list, "binary-junk", binaryJunk(256 * 1024, 42));
    add(&list, "binary-after-headers", "From: a@example.org\nSubject: junk\n\n" + binaryJunk(64 * 1024, 7));
    {
        QByteArray big = "From: a@example.org\nTo: b@example.org\nSubject: big\n\n";
        const QByteArray line
            = "550 5.1.1 <user@example.jp>: Recipient address rejected: User unknown in table\n";
        big.reserve(50 * 1024 * 1024 + line.size());
        while (big.size() < 50 * 1024 * 1024)
            big += line;
        add(&list, "50mb-input", big);
    }
    add(&list, "1mb-single-line", QByteArray(1024 * 1024, 'x'));
    add(&list, "1mb-header-line",
        "Subject: " + QByteArray(1024 * 1024, 'y') + "\nFrom: a@example.org\n\nbody\n");
    {
        QByteArray folded = "From: a@example.org\nSubject: start\n";
        for (int i = 0; i < 100000; ++i)
            folded += " fold\n";
        add(&list, "100k-folded-lines", folded + "\nbody\n");
    }
    add(&list, "1mb-encoded-word-starts",
        "Subject: " + QByteArray(512 * 1024, '=').replace("==", "=?") + "\n\nx");
    add(&list, "1mb-delimiters-mid-line",
        multipartHeader("b") + QByteArray(1024 * 1024, '-').replace("---", "--b"));
    add(&list, "nested-1000-multiparts", nestedMultiparts(1000));
    add(&list, "nested-1000-messages", nestedMessages(1000));
    add(&list, "broken-base64",
        "From: a@example.org\nSubject: s\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n====\n%%%%\nQUJD\x01\x02\nA\n");
    add(&list, "unknown-charset",
        "From: a@example.org\nSubject: =?x-nothing?B?AAAA?=\nContent-Type: text/plain; charset=\"\xff\xfe"
            + QByteArray(10000, 'c') + "\"\n\n\x82\xa0\xe9\x1b$B\n");
    add(&list, "unclosed-boundary", multipartHeader("never") + "--never\nContent-Type: text/plain\n\nstart");
    add(&list, "empty-boundary", multipartHeader("") + "--\n\n--\n");
    {
        QByteArray many = multipartHeader("p");
        for (int i = 0; i < 30000; ++i)
            many += "--p\n\nx\n";
        add(&list, "30k-parts", many);
    }
    {
        QByteArray headers;
        for (int i = 0; i < 200000; ++i)
            headers += "X-H: v\n";
        add(&list, "200k-headers", "From: a@example.org\n" + headers + "\nbody\n");
    }
    add(&list, "utf16-odd-length",
        QByteArray("\xff\xfe"
                   "a\0b\0c",
                   7));
    return list;
}

void TestBadInput::mimeSurvives_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const auto &entry : inputs())
        QTest::newRow(entry.first.constData()) << entry.second;
}

void TestBadInput::mimeSurvives()
{
    QFETCH(QByteArray, input);
    QElapsedTimer timer;
    timer.start();
    const Mime::ParseResult result = Mime::parseMessage(input);
    const qsizetype decoded = textOf(result.root);
    QVERIFY(decoded >= 0);
    QVERIFY(depthOf(result.root) <= 52);
    qInfo("%s: %lld ms", QTest::currentDataTag(), timer.elapsed());
}

void TestBadInput::analyzerSurvives_data()
{
    mimeSurvives_data();
}

void TestBadInput::analyzerSurvives()
{
    QFETCH(QByteArray, input);
    const Analyzer analyzer(&m_kb);
    QElapsedTimer timer;
    timer.start();
    const AnalysisResult result = analyzer.analyze(input, QStringLiteral("bad-input"));
    // Either a result or a plain "could not analyse" message; never both empty-handed and silent.
    QVERIFY(!result.kind.isEmpty() || !result.error.isEmpty());
    qInfo("%s: %lld ms", QTest::currentDataTag(), timer.elapsed());
}

void TestBadInput::deepNestingIsCut()
{
    const Mime::ParseResult result = Mime::parseMessage(nestedMultiparts(1000));
    QVERIFY(result.truncated);
    QVERIFY(!result.warning.isEmpty());
    QVERIFY(depthOf(result.root) <= 52);
    // The rest is kept as text, so the innermost line is still there to read.
    const Mime::Part *part = &result.root;
    while (!part->children.isEmpty())
        part = &part->children.first();
    QVERIFY(part->is("text", "plain"));
    QVERIFY(part->text().contains(QStringLiteral("550 5.1.1 innermost text")));

    const Mime::ParseResult shallow = Mime::parseMessage(nestedMultiparts(10));
    QVERIFY(!shallow.truncated);
    QCOMPARE(depthOf(shallow.root), 11);
}

void TestBadInput::deepMessageNestingIsCut()
{
    const Mime::ParseResult result = Mime::parseMessage(nestedMessages(1000));
    QVERIFY(result.truncated);
    QVERIFY(depthOf(result.root) <= 52);
}

void TestBadInput::tooManyPartsAreCut()
{
    QByteArray many = multipartHeader("p");
    for (int i = 0; i < 30000; ++i)
        many += "--p\n\nx\n";
    const Mime::ParseResult result = Mime::parseMessage(many);
    QVERIFY(result.truncated);
    QVERIFY(result.root.children.size() < 30000);
    QVERIFY(result.root.children.size() >= 1000);
}

void TestBadInput::tooManyHeadersAreCut()
{
    QByteArray headers = "From: a@example.org\n";
    for (int i = 0; i < 200000; ++i)
        headers += "X-H: v\n";
    const Mime::ParseResult result = Mime::parseMessage(QByteArray(headers + "\nbody\n"));
    QVERIFY(result.truncated);
    QVERIFY(result.root.headers.size() < 200000);
    QVERIFY(result.root.body.endsWith("body\n"));
}

void TestBadInput::unclosedBoundaryKeepsTheText()
{
    const Mime::ParseResult result = Mime::parseMessage(
        QByteArray(multipartHeader("never") + "--never\nContent-Type: text/plain\n\n550 truncated here"));
    QCOMPARE(result.root.children.size(), 1);
    QCOMPARE(result.root.children.first().text(), QStringLiteral("550 truncated here"));
    QVERIFY(!result.warning.isEmpty());
    QVERIFY(!result.truncated);
}

void TestBadInput::brokenBase64DecodesWhatItCan()
{
    QCOMPARE(Mime::decodeBase64("===="), QByteArray());
    QCOMPARE(Mime::decodeBase64("%%%%"), QByteArray());
    QCOMPARE(Mime::decodeBase64("QUJD\nnot base64 at all!\nREVG\n"), QByteArray("ABCDEF"));
    const QByteArray junk = binaryJunk(100000, 3);
    QVERIFY(Mime::decodeBase64(junk).size() <= junk.size());
}

void TestBadInput::unknownCharsetFallsBack()
{
    QCOMPARE(Mime::decodeText("plain ascii", "\xff\xfe bogus"), QStringLiteral("plain ascii"));
    QCOMPARE(Mime::decodeText("caf\xc3\xa9", QByteArray(10000, 'c')), QStringLiteral("café"));
    QCOMPARE(Mime::decodeText("caf\xc3\xa9", QByteArray("utf-8\0x", 7)), QStringLiteral("café"));
    QVERIFY(!Mime::decodeText(binaryJunk(4096, 9), "utf-8").isEmpty());
    QVERIFY(!Mime::decodeText(binaryJunk(4096, 10), "iso-2022-jp").isEmpty());
}

void TestBadInput::dsnSurvivesJunk()
{
    QElapsedTimer timer;
    timer.start();
    const QString junk = QString::fromLatin1(binaryJunk(1024 * 1024, 11));
    Dsn::parse(junk);
    QString manyRecipients;
    for (int i = 0; i < 20000; ++i)
        manyRecipients
            += QStringLiteral("Final-Recipient: rfc822; a%1@example.org\nStatus: 5.1.1\n\n").arg(i);
    const Dsn::Report report = Dsn::parse(manyRecipients);
    QVERIFY(!report.recipients.isEmpty());
    QVERIFY(report.recipients.size() < 20000);
    qInfo("dsn junk: %lld ms", timer.elapsed());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
