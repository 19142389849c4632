// The prepared text for phrase searches against QString's own lower-casing and a plain search.

#include "analysis/textsearch.h"
#include "textscan.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <string>

using namespace MailDoctor::Analysis;

class TestTextSearch : public QObject
{
    Q_OBJECT

private slots:
    void lowersLikeQString_data();
    void lowersLikeQString();
    void caselessRangeHasNoLowerCase();
    void randomTextsLowerAndSearchAlike();
    void longTextsLowerAlike();
    void manySearchesAgreeWithPlainFind();
    void searchesAtTheEndAndOverZeroBytesAgreeWithPlainFind();
    void charSearchAndTrimAgreeWithQt();
    void asciiCaseInsensitiveSearchAgreesWithNaive();
    void anchoredSearchAgreesWithQt();
    void longLowerCaseComparisonsAgreeWithNaive();
    void paddedSearchAgreesWithFind();
};

void TestTextSearch::lowersLikeQString_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii-short") << QStringLiteral("550 User Unknown");
    QTest::newRow("ascii-long") << QStringLiteral("550 5.1.1 <Taro@Example.JP>: Recipient address rejected: "
                                                  "User unknown in local recipient table [@AZaz`{]");
    QTest::newRow("japanese-after-ascii") << QStringLiteral("Delivery FAILED: 宛先のメールアドレスが見つかりません");
    QTest::newRow("japanese-and-ascii-runs") << QStringLiteral("宛先 <Taro.YAMADA@Example.JP> は存在しません (550 5.1.1 USER UNKNOWN) 〒ＡＢＣ");
    QTest::newRow("latin-after-eight") << QStringLiteral("ABCDEFGHÄÖÜ and more");
    QTest::newRow("dotted-capital-i") << QStringLiteral("İSTANBUL MAIL SERVER");
    QTest::newRow("kelvin-sign") << QStringLiteral("Temperature 300\u212A REJECTED");
    QTest::newRow("surrogate-pair") << QStringLiteral("MAILBOX FULL \U0001F4E7 QUOTA");
    QTest::newRow("line-breaks") << QStringLiteral("Line ONE\r\nLine TWO\n\tTabbed");
}

void TestTextSearch::lowersLikeQString()
{
    QFETCH(QString, text);
    const TextSearch search(text);
    const QByteArray expected = text.toLower().toUtf8();
    QCOMPARE(QByteArray(search.view().data(), qsizetype(search.view().size())), expected);
}

void TestTextSearch::caselessRangeHasNoLowerCase()
{
    // The range copied without asking Qt for the lower case must hold no character that has one.
    for (char32_t c = TextSearch::CaselessFrom; c <= TextSearch::CaselessTo; ++c)
        QCOMPARE(QChar::toLower(c), c);
    const QString kana = QStringLiteral("メールボックスが一杯です。宛先不明「ユーザー」");
    const TextSearch search(kana);
    QCOMPARE(QByteArray(search.view().data(), qsizetype(search.view().size())), kana.toUtf8());
}

void TestTextSearch::randomTextsLowerAndSearchAlike()
{
    // Long enough for the sixteen- and eight-at-a-time paths, with the first non-ASCII character
    // anywhere (after a run of ASCII of any length).
    QRandomGenerator rng(20261122);
    const QString alphabet = QStringLiteral("abcXYZ @.:<>09\n\r\tAZaz`{[éÉ日本ＡΣ");
    for (int round = 0; round < 300; ++round) {
        QString text;
        const int n = int(rng.bounded(120));
        const bool ascii = round % 2 == 0;
        const int asciiRun = int(rng.bounded(n + 1));
        for (int i = 0; i < n; ++i) {
            const int pick = int(rng.bounded(ascii || i < asciiRun ? 25 : alphabet.size()));
            text += alphabet.at(pick);
        }
        const TextSearch search(text);
        const QByteArray lower = text.toLower().toUtf8();
        QCOMPARE(QByteArray(search.view().data(), qsizetype(search.view().size())), lower);
        const std::string plain(lower.constData(), size_t(lower.size()));
        for (int k = 0; k < 10; ++k) {
            std::string phrase;
            if (k % 2 == 0 && lower.size() > 2) { // a piece of the text: found where it is
                const int from = int(rng.bounded(int(lower.size()) - 1));
                phrase = plain.substr(size_t(from), size_t(1 + rng.bounded(4)));
            } else {
                for (int j = 0; j < 3; ++j)
                    phrase += "abcxyz@."[rng.bounded(8)];
            }
            const size_t at = plain.find(phrase);
            QCOMPARE(search.indexOf(phrase), at == std::string::npos ? qsizetype(-1) : qsizetype(at));
            QCOMPARE(search.contains(phrase), at != std::string::npos);
        }
    }
}

void TestTextSearch::longTextsLowerAlike()
{
    // Texts shorter and longer than the bytes a TextSearch keeps inline, lowered as QString lowers them:
    // ASCII only; a run of ASCII and then characters of two and three UTF-8 bytes (the buffer grows
    // past the inline bytes while lowering, the ASCII before kept); a dotted capital I or a surrogate
    // pair late in the text (the whole text the general way).
    QRandomGenerator rng(20261130);
    const QString wide = QStringLiteral("aB \u00c9\u00e9\u65e5\u672c\uff21\u03a3");
    for (int round = 0; round < 240; ++round) {
        const int n = 100 + int(rng.bounded(700));
        const int asciiRun = round % 3 == 0 ? n : int(rng.bounded(n));
        QString text;
        for (int i = 0; i < n; ++i)
            text += i < asciiRun ? QChar(u"aZ .<@"[rng.bounded(6)]) : wide.at(int(rng.bounded(wide.size())));
        if (round % 4 == 1)
            text.insert(int(rng.bounded(n)), round % 8 == 1 ? QStringLiteral("\u0130") : QStringLiteral("\U0001F4E7"));
        const TextSearch search(text);
        QCOMPARE(QByteArray(search.view().data(), qsizetype(search.view().size())), text.toLower().toUtf8());
        const std::string lower(search.view());
        const std::string tail = lower.substr(lower.size() - qMin<size_t>(lower.size(), 5));
        QCOMPARE(search.indexOf(tail), qsizetype(lower.find(tail)));
    }
}

void TestTextSearch::manySearchesAgreeWithPlainFind()
{
    // Long texts (the thirty-two-at-a-time search and the bytes after the text) asked about many
    // phrases: every answer, from every offset, must be find()'s.
    QRandomGenerator rng(20261123);
    for (int round = 0; round < 60; ++round) {
        std::string text;
        const int n = int(rng.bounded(400));
        for (int i = 0; i < n; ++i)
            text += "abcd <@.>\n"[rng.bounded(10)];
        const TextSearch search(QString::fromLatin1(text.data(), qsizetype(text.size())));
        QCOMPARE(search.view(), std::string_view(text));
        for (int k = 0; k < 60; ++k) {
            std::string phrase;
            if (k % 3 != 2 && n > 1) { // a piece of the text, up to 40 bytes long
                const int from = int(rng.bounded(n));
                phrase = text.substr(size_t(from), size_t(1 + rng.bounded(40)));
            } else {
                const int m = int(1 + rng.bounded(6));
                for (int j = 0; j < m; ++j)
                    phrase += "abcdz@"[rng.bounded(6)];
            }
            const size_t from = size_t(rng.bounded(n + 2));
            const size_t at = text.find(phrase, from);
            const qsizetype expected = from >= text.size() && !phrase.empty() ? -1
                : (at == std::string::npos ? qsizetype(-1) : qsizetype(at));
            QCOMPARE(search.indexOf(phrase, qsizetype(from)), expected);
            QCOMPARE(search.contains(phrase), text.find(phrase) != std::string::npos);
        }
    }
}

void TestTextSearch::searchesAtTheEndAndOverZeroBytesAgreeWithPlainFind()
{
    // The search reads past the text into zero bytes kept there: a text that holds zero bytes itself,
    // phrases that end in one, and phrases that only a start in the last bytes could match must all
    // be answered as find() answers them, for every length around the thirty-two the search steps by.
    QRandomGenerator rng(20261127);
    for (int n = 0; n < 80; ++n) {
        for (int round = 0; round < 4; ++round) {
            std::string text;
            for (int i = 0; i < n; ++i)
                text += "ab\0c"[rng.bounded(4)];
            const TextSearch search(QString::fromLatin1(text.data(), qsizetype(text.size())));
            QCOMPARE(search.view(), std::string_view(text));
            for (int k = 0; k < 20; ++k) {
                std::string phrase;
                if (k % 2 == 0 && n > 0) { // the text's last bytes, or a piece reaching past its end
                    const int m = int(1 + rng.bounded(qMin(n, 6)));
                    phrase = text.substr(size_t(n - m));
                    if (k % 4 == 2)
                        phrase += "ab\0"[rng.bounded(3)];
                } else {
                    const int m = int(2 + rng.bounded(4));
                    for (int j = 0; j < m; ++j)
                        phrase += "ab\0c"[rng.bounded(4)];
                }
                const size_t from = size_t(rng.bounded(n + 1));
                const size_t at = text.find(phrase, from);
                const qsizetype expected = from >= text.size() ? -1 : (at == std::string::npos ? qsizetype(-1) : qsizetype(at));
                QCOMPARE(search.indexOf(phrase, qsizetype(from)), expected);
            }
        }
    }
}

void TestTextSearch::charSearchAndTrimAgreeWithQt()
{
    // indexOfChar(), trimmedView() and simplifiedText() against QStringView's own answers, on texts with white space
    // (ASCII and not) at the ends and the characters looked for anywhere, before and after eight; and
    // on prose (words and mostly single spaces), which simplifiedText() reads eight characters at a time.
    QRandomGenerator rng(20261124);
    const QString spaced = QStringLiteral("ab@\n\r \t.\u3000\u00a0\u2028日x\x01");
    const QString prose = QStringLiteral("abcdefghijklmnopqrstuvwxyz@.    \t");
    for (int round = 0; round < 800; ++round) {
        const QString &alphabet = round % 2 ? prose : spaced;
        QString text;
        const int n = int(rng.bounded(70)); // past two steps of sixteen and the last, overlapping one
        for (int i = 0; i < n; ++i)
            text += alphabet.at(int(rng.bounded(alphabet.size())));
        const QStringView view(text);
        QCOMPARE(MailDoctor::trimmedView(view), view.trimmed());
        QCOMPARE(MailDoctor::simplifiedText(text), text.simplified());
        for (const char16_t c : {u'@', u'\n', u'x', u'\u3000', u'z'}) {
            const qsizetype from = qsizetype(rng.bounded(n + 1));
            QCOMPARE(MailDoctor::indexOfChar(view, c, from), view.indexOf(QChar(c), from));
            const qsizetype either = MailDoctor::indexOfEither(view, c, u'.', from);
            const qsizetype cAt = view.indexOf(QChar(c), from);
            const qsizetype dotAt = view.indexOf(QChar(u'.'), from);
            QCOMPARE(either, cAt < 0 ? dotAt : dotAt < 0 ? cAt : qMin(cAt, dotAt));
        }
    }
}

void TestTextSearch::asciiCaseInsensitiveSearchAgreesWithNaive()
{
    // indexOfAsciiCi() against a plain loop, with phrases that start with a letter (either case
    // matches) or not, and texts holding characters one bit away from the letters ('X' ^ 0x20 is 'x',
    // '8' | 0x20 is '8'...).
    auto naive = [](QStringView text, std::string_view phrase, qsizetype from) -> qsizetype {
        for (qsizetype i = from; i + qsizetype(phrase.size()) <= text.size(); ++i) {
            bool all = true;
            for (size_t k = 0; k < phrase.size() && all; ++k) {
                const char16_t c = text.at(i + qsizetype(k)).unicode();
                all = (c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c) == char16_t(phrase[k]);
            }
            if (all)
                return i;
        }
        return -1;
    };
    QRandomGenerator rng(20261126);
    const QString alphabet = QStringLiteral("xXyY8\u0078\u0178X-x:");
    static const char *const phrases[] = {"x", "xy", "x-u", "8x", ":x", "yyx", "-", "xyx-x8yy:", "yyyyyyyyyyx", "x:"};
    for (int round = 0; round < 500; ++round) {
        QString text;
        const int n = int(rng.bounded(round % 4 == 0 ? 120 : 50));
        for (int i = 0; i < n; ++i)
            text += alphabet.at(int(rng.bounded(alphabet.size())));
        for (const char *p : phrases) {
            const qsizetype from = qsizetype(rng.bounded(n + 1));
            QCOMPARE(indexOfAsciiCi(text, p, from), naive(text, p, from));
            const qsizetype m = qsizetype(std::strlen(p));
            QCOMPARE(startsWithAsciiCi(text, p), m <= text.size() && naive(text.first(m), p, 0) == 0);
            QCOMPARE(endsWithAsciiCi(text, p), m <= text.size() && naive(text.last(m), p, 0) == 0);
        }
    }
}

void TestTextSearch::anchoredSearchAgreesWithQt()
{
    // containsAsciiAnchored() against QStringView::contains(), the phrase found by each of its
    // characters, in texts full of near misses (the anchor without the rest, pieces at either end).
    QRandomGenerator rng(20261129);
    const QString alphabet = QStringLiteral("ko.utlcmKO\u00f6");
    static const char *const phrases[] = {".outlook.com", "ok", "k", "o.k", "..", "kk.o"};
    for (int round = 0; round < 400; ++round) {
        QString text;
        const int n = int(rng.bounded(60));
        for (int i = 0; i < n; ++i)
            text += round % 3 == 0 && i % 13 == 0 ? QStringLiteral(".outlook.com") : QString(alphabet.at(int(rng.bounded(alphabet.size()))));
        for (const char *p : phrases) {
            const std::string_view phrase(p);
            const bool expected = QStringView(text).contains(QLatin1String(p));
            for (size_t anchor = 0; anchor <= phrase.size(); ++anchor) // one past the end: the first character's search
                QCOMPARE(containsAsciiAnchored(text, phrase, anchor), expected);
        }
    }
}

void TestTextSearch::longLowerCaseComparisonsAgreeWithNaive()
{
    // equalsLowerAscii() on phrases of eight characters and more (compared eight at a time) against a
    // plain loop: texts that differ from the phrase in one place, by case or by a character beside the
    // letters ('@', '[', '`', '{') or beyond ASCII (U+0141, whose low byte is 'A'; U+FF21).
    QRandomGenerator rng(20261131);
    const QString swaps = QStringLiteral("@[`{\u0141\uff21");
    for (int round = 0; round < 2000; ++round) {
        std::string phrase;
        const int m = 1 + int(rng.bounded(30));
        for (int j = 0; j < m; ++j)
            phrase += "az-. 0"[rng.bounded(6)];
        QString text = QString::fromLatin1(phrase.data(), qsizetype(phrase.size()));
        for (int j = 0; j < m; ++j) {
            if (rng.bounded(3) == 0)
                text[j] = text.at(j).toUpper();
        }
        if (round % 2)
            text[int(rng.bounded(m))] = swaps.at(int(rng.bounded(swaps.size())));
        bool expected = true;
        for (int j = 0; j < m; ++j) {
            const char16_t c = text.at(j).unicode();
            expected = expected && (c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c) == char16_t(uchar(phrase[size_t(j)]));
        }
        QCOMPARE(MailDoctor::equalsLowerAscii(QStringView(text), phrase), expected);
        QCOMPARE(startsWithAsciiCi(QString(text + QStringLiteral("tail")), phrase), expected);
    }
}

void TestTextSearch::paddedSearchAgreesWithFind()
{
    // paddedContains() against std::string_view::find(): short and long texts (zero bytes among them),
    // needles from the text (at its end too), absent, longer than the text, one byte or empty; the
    // padding after the text holds the needle's last byte, so a start past the end must not count.
    QRandomGenerator rng(20261201);
    for (int round = 0; round < 3000; ++round) {
        const int n = int(rng.bounded(round % 5 == 0 ? 120 : 40));
        std::string text;
        for (int i = 0; i < n; ++i)
            text += "ab.-@x\0"[rng.bounded(7)];
        std::string needle;
        const int kind = int(rng.bounded(4));
        if (kind <= 1 && n > 0) {
            const size_t length = 1 + rng.bounded(quint32(qMin(n, 20)));
            const size_t from = kind == 0 ? size_t(n) - length : rng.bounded(quint32(size_t(n) - length + 1));
            needle = text.substr(from, length);
        } else {
            for (int j = 0, m = int(rng.bounded(8)); j < m; ++j)
                needle += "ab.-@x"[rng.bounded(6)];
        }
        std::string padded = text;
        padded.append(size_t(MailDoctor::PaddedBytes), needle.empty() ? 'a' : needle.back());
        QCOMPARE(MailDoctor::paddedContains(padded.data(), qsizetype(n), needle), text.find(needle) != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
