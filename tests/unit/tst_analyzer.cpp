// The bounce analyzer over our own fixtures (tests/data/bounces, one per mail-system family and
// per tricky case), plus the pieces it is built from: status and reply codes, the did-you-mean
// check, and the speed-ups of the pattern matcher, each checked against a plain reference.

#include "analysis/bouncereader.h"
#include "analysis/didyoumean.h"
#include "analysis/reasons.h"
#include "analysis/recipientdecision.h"
#include "analysis/smtpcodes.h"
#include "analysis/textsearch.h"
#include "analyzer.h"
#include "knowledgebase.h"
#include "linereader.h"
#include "mime/mimemessage.h"
#include "patternmatcher.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <thread>
#include <vector>

using namespace MailDoctor;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(MAILDOCTOR_TEST_DATA "/bounces/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The expressions the codes were first found with; the hand-written scanners must agree.
FoundCodes referenceCodes(QStringView text)
{
    static const QRegularExpression reply(QStringLiteral("(?<![\\w.+:/-])([2-5][0-9][0-9])(?=[ \\-:]|$)(?![\\-:][0-9])"));
    static const QRegularExpression enhanced(QStringLiteral("(?<![\\w.])([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?![\\w.]*[0-9])"));
    static const QRegularExpression pop3(QStringLiteral("-ERR\\s*\\[([A-Za-z][A-Za-z/-]*)\\]"));
    static const QRegularExpression imap(QStringLiteral("\\b(?:NO|BAD|BYE|OK)\\s+\\[([A-Za-z][A-Za-z-]*)"));
    static const QRegularExpression client(QStringLiteral("\\b0x([0-9A-Fa-f]{8})\\b"));
    auto collect = [&](const QRegularExpression &re, QStringList *into, bool upper, const QString &prefix) {
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            QString c = it.next().captured(1);
            if (upper)
                c = c.toUpper();
            c.prepend(prefix);
            if (!into->contains(c))
                into->append(c);
        }
    };
    FoundCodes codes;
    collect(reply, &codes.reply, false, {});
    collect(enhanced, &codes.enhanced, false, {});
    collect(pop3, &codes.pop3, true, {});
    collect(imap, &codes.imap, true, {});
    collect(client, &codes.client, true, QStringLiteral("0x"));
    return codes;
}

QStringList sampleTexts()
{
    QStringList texts = {
        QStringLiteral("550 5.1.1 <a@b.example>... User unknown"),
        QStringLiteral("550-5.7.1 [192.0.2.1] blocked\n550 5.7.1 see https://example.com/5.7.1.2"),
        QStringLiteral("-ERR [AUTH] Authentication failed.\nA1 NO [AUTHENTICATIONFAILED] Invalid credentials"),
        QStringLiteral("Error 0x800CCC0D, 0x800ccc0e and 0x1234 and a0x800CCC0F"),
        QStringLiteral("4.4.7 5.1.1a1 5.1.1.2 v5.1.1 2.0.0 5.1234.1 553:5 421- 451"),
        QStringLiteral("version 5.65/1.37 at 12:34:56 on 2026-04-29, code 554\n"),
        QStringLiteral("* BYE [ALERT] going down\r\nOK [READ-WRITE] done"),
        // Responses inside responses, codes glued to words, an 'x' without its '0'.
        QStringLiteral("NO [NO [ABC] BAD\t[X-Y] xOK [Z] OK[Q]\nx 0x0x800CCC0E 00x800CCC0E 0x800CCC0Ex (0x800ccc0f)"),
        // Codes at several offsets within a block of eight characters, after letters and other scripts.
        QStringLiteral("1234567 550-5.7.1 x\n123456 421 4.7.0 y\n12345 552:5.2.2\nabcdefg550 x 5.1.1"),
        // Reply and status codes interleaved, repeated and overlapping: each kind resumes after its own.
        QStringLiteral("550 5.1.1 550 5.1.1 250 2.5.250 5.250.1 450:4.2.1 4.2.1.550 550.5 5.5.5-550 4.2.10 421"),
        QString::fromUtf8("\xe5\xae\x9b\xe5\x85\x88" "550 5.1.1 \xef\xbc\x95\xef\xbc\x95\xef\xbc\x90 "
                          "\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88 451 4.3.2"),
    };
    for (const QString &name : QDir(QStringLiteral(MAILDOCTOR_TEST_DATA "/bounces")).entryList(QDir::Files))
        texts.append(QString::fromUtf8(fixture(name)));
    return texts;
}

// Every line of the sample texts: the expressions match line by line.
// Every knowledge-base pattern that is a regular expression.
QList<const Pattern *> expressionsOf(const KnowledgeBase &kb)
{
    QList<const Pattern *> out;
    for (const Entry &e : kb.entries()) {
        for (const Pattern &p : e.patterns) {
            if (p.kind == PatternKind::Regex)
                out.append(&p);
        }
    }
    return out;
}

QStringList sampleLines()
{
    QStringList lines;
    for (const QString &t : sampleTexts())
        lines += t.split(u'\n');
    return lines;
}

} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void entryIsTheBestOfItsCause_data();
    void entryIsTheBestOfItsCause();
    void fixtures_data();
    void fixtures();
    void statusCodes_data();
    void statusCodes();
    void replyCodes_data();
    void replyCodes();
    void statusCodesOfAClass();
    void standardCodes();
    void standardStatusCodesAgreeWithSplitting();
    void didYouMean_data();
    void didYouMean();
    void emptyAndBinaryInput();
    void pasteWithoutRecipients();
    void manyRecipientLinesStayBounded();
    void codesMatchReferenceExpressions();
    void codeScannersOnRandomText();
    void requiredLiteralsAreSound();
    void rankAgreesWithPlainMatching();
    void causeSets();
    void extractCodesAddsTheMissing();
    void diagnosticWordings_data();
    void multilineReplyAsSimplified_data();
    void smtpCommandsSharingALetter_data();
    void smtpCommandsSharingALetter();
    void smtpCommandAgreesWithPlainSearch();
    void equalsAsciiAgreesWithQStringCompare();
    void withoutReplyCodeAgreesWithReplace();
    void replyIsTemporaryAgreesWithJoinedText();
    void multilineReplyAsSimplified();
    void diagnosticWordings();
    void requiredLiteralsOfExpressions_data();
    void requiredLiteralsOfExpressions();
    void requiredLiteralClauses_data();
    void requiredLiteralClauses();
    void binaryIsOneStrayControlInTwenty_data();
    void binaryIsOneStrayControlInTwenty();
    void looksBinaryAgreesWithPlainLoop();
    void provingLiteralsOfExpressions_data();
    void provingLiteralsOfExpressions();
    void provingLiteralsDecideLines();
    void unprovenBranchClauses_data();
    void unprovenBranchClauses();
    void unprovenBranchesHoldEveryOtherMatch();
    void lowerCaseAgreesWithCaselessMatching();

private:
    KbLoadResult m_loaded;
};

void TestAnalyzer::initTestCase()
{
    m_loaded = loadKnowledgeBase(QString());
    QVERIFY2(!m_loaded.kb.entries().isEmpty(), "the built-in knowledge base did not load");
}

void TestAnalyzer::entryIsTheBestOfItsCause_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("docomo-filtered-at-data") << "docomo-filtered-at-data.eml";
    QTest::newRow("docomo-filter-status-5.2.0") << "docomo-filter-status-5.2.0.eml";
    QTest::newRow("sendmail-mailbox-full") << "sendmail-mailbox-full.eml";
    QTest::newRow("postfix-user-unknown") << "postfix-user-unknown.eml";
}

void TestAnalyzer::entryIsTheBestOfItsCause()
{
    // Where a cause has several entries (a carrier's reception filter next to the general one),
    // each recipient gets the entry whose patterns fit its report best, not simply the first.
    QFETCH(QString, file);
    const Analyzer analyzer(&m_loaded.kb);
    const AnalysisResult r = analyzer.analyze(fixture(file), file);
    QVERIFY(!r.recipients.isEmpty());
    const PatternMatcher matcher(&m_loaded.kb);
    for (const RecipientFinding &rf : r.recipients) {
        QVERIFY(!rf.kb.isEmpty());
        QCOMPARE(m_loaded.kb.entry(rf.kb)->cause, rf.cause);
        const QList<EntryMatch> matches = matcher.rank(rf.diagnostic);
        for (const EntryMatch &m : matches) {
            if (m.entry->cause == rf.cause) {
                QCOMPARE(rf.kb, m.entry->id);
                break;
            }
        }
    }
}

void TestAnalyzer::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("cause");

    // Rows are named after the case; status "" means "not checked", cause "" too.
    QTest::newRow("postfix-user-unknown-crlf-folded-dsn")
        << "postfix-user-unknown.eml" << "dsn" << "saburo@recipient.example" << "userunknown" << "5.1.1" << "user-unknown";
    QTest::newRow("sendmail-mailbox-full")
        << "sendmail-mailbox-full.eml" << "bounce" << "shiro@quota.example" << "mailboxfull" << "5.2.2" << "mailbox-full";
    QTest::newRow("qmail-host-unknown")
        << "qmail-host-unknown.eml" << "bounce" << "rokuro@no-such-domain.example" << "hostunknown" << "5.1.2"
        << "host-unknown";
    QTest::newRow("exim-first-recipient-unknown")
        << "exim-two-recipients.eml" << "bounce" << "kuro@one.example" << "userunknown" << "5.1.1" << "user-unknown";
    QTest::newRow("exim-second-recipient-too-large")
        << "exim-two-recipients.eml" << "bounce" << "mike@two.example" << "mesgtoobig" << "5.3.4" << "message-too-large";
    QTest::newRow("docomo-filtered-at-data")
        << "docomo-filtered-at-data.eml" << "dsn" << "haru-0101@docomo.ne.jp" << "rejected" << "5.0.0"
        << "recipient-filtered";
    QTest::newRow("japanese-iso2022jp-base64")
        << "japanese-iso2022jp-base64.eml" << "bounce" << "natsu@carrier.example" << "userunknown" << "5.1.1"
        << "user-unknown";
    QTest::newRow("truncated-paste")
        << "truncated-paste.txt" << "bounce" << "jiro@example.org" << "userunknown" << "5.1.1" << "user-unknown";
    QTest::newRow("forwarded-bounce")
        << "forwarded-bounce.eml" << "bounce" << "sakura@partner.example" << "norelaying" << "5.7.1" << "relaying-denied";
    QTest::newRow("auto-reply-japanese-subject")
        << "auto-reply-japanese.eml" << "auto-reply" << "kumi@partner.example" << "vacation" << "" << "auto-reply";
    QTest::newRow("arf-complaint")
        << "arf-complaint.eml" << "feedback-report" << "reader@isp.example" << "feedback" << "" << "";
    QTest::newRow("did-you-mean-docomo")
        << "did-you-mean-docomo.eml" << "bounce" << "hanako@docomo.ne.jo" << "hostunknown" << "" << "";
    QTest::newRow("exchange-online-nonstandard-code")
        << "nonstandard-code.eml" << "dsn" << "mei@partner.example" << "authfailure" << "5.7.509"
        << "sender-authentication-failed";
    QTest::newRow("sendmail-delay-warning")
        << "sendmail-delay-warning.eml" << "bounce" << "ken@slow.example" << "expired" << "" << "";
}

void TestAnalyzer::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, address);
    QFETCH(QString, reason);
    QFETCH(QString, status);
    QFETCH(QString, cause);

    const QByteArray data = fixture(file);
    QVERIFY2(!data.isEmpty(), qPrintable(QStringLiteral("missing fixture %1").arg(file)));
    const Analyzer analyzer(&m_loaded.kb);
    const AnalysisResult r = analyzer.analyze(data, file);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.kind, kind);
    const RecipientFinding *found = nullptr;
    for (const RecipientFinding &rf : r.recipients) {
        if (rf.address == address)
            found = &rf;
    }
    QVERIFY2(found, qPrintable(QStringLiteral("recipient %1 not found").arg(address)));
    QCOMPARE(found->reason, reason);
    if (!status.isEmpty())
        QCOMPARE(found->status, status);
    if (!cause.isEmpty() && m_loaded.kb.cause(cause))
        QCOMPARE(found->cause, cause);
    QVERIFY(!r.causes.isEmpty());
    // Evidence is always input text, never invented.
    const QString text = QString::fromUtf8(data);
    for (const CauseFinding &c : r.causes) {
        for (const QString &e : c.evidence) {
            if (file.startsWith(QLatin1String("japanese")))
                break; // base64: the evidence is decoded text
            QVERIFY2(text.contains(e.left(30)) || e.contains(u':'), qPrintable(e));
        }
    }
}

void TestAnalyzer::statusCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::newRow("plain") << "550 5.1.1 <a@b.example>... User unknown" << "5.1.1";
    QTest::newRow("generic-code-loses") << "554 5.0.0 Service unavailable; 550 5.2.2 Mailbox full" << "5.2.2";
    QTest::newRow("ip-address-is-not-a-code") << "host 5.1.2.3 said: 550 rejected" << "";
    QTest::newRow("version-is-not-a-code") << "Sendmail v5.1.1 is here" << "";
    QTest::newRow("three-digit-detail") << "550 5.7.509 Access denied" << "5.7.509";
    QTest::newRow("447-only-as-fallback") << "4.4.7 and 4.2.2 quota" << "4.2.2";
}

void TestAnalyzer::statusCodes()
{
    QFETCH(QString, text);
    QFETCH(QString, status);
    QCOMPARE(Analysis::findStatusCode(text), status);
}

void TestAnalyzer::replyCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reply");
    QTest::newRow("550") << "host said: 550 5.1.1 unknown" << "550";
    QTest::newRow("5xx-before-4xx") << "451 temporary, then 550 permanent" << "550";
    QTest::newRow("part-of-number") << "id 15500 and 5.5.0" << "";
    QTest::newRow("local-delivery-program") << "X-Unix; 550 exit code" << "";
    QTest::newRow("at-start") << "550 rejected" << "550";
    QTest::newRow("at-end") << "greylisted, try again later 451" << "451";
    QTest::newRow("after-short-numbers") << "1 22 333 4444 550" << "550";
    QTest::newRow("after-letters") << "ax550 b" << "550";
    QTest::newRow("two-digits-only") << "55 0 5 50" << "";
}

void TestAnalyzer::replyCodes()
{
    QFETCH(QString, text);
    QFETCH(QString, reply);
    QCOMPARE(Analysis::findReplyCode(text), reply);
}

void TestAnalyzer::statusCodesOfAClass()
{
    const QString text = QStringLiteral("2.0.0 ok, then 5.1.1 unknown, then 4.2.2 full");
    QCOMPARE(Analysis::findStatusCode(text, u'5'), QStringLiteral("5.1.1"));
    QCOMPARE(Analysis::findStatusCode(text, u'4'), QStringLiteral("4.2.2"));
    QCOMPARE(Analysis::findStatusCode(text, u'2'), QStringLiteral("2.0.0"));
    QCOMPARE(Analysis::findStatusCode(QStringLiteral("only 5.1.1 here"), u'4'), QString());
}

void TestAnalyzer::standardCodes()
{
    QVERIFY(Analysis::isStandardStatusCode(u"5.1.1"));
    QVERIFY(Analysis::isStandardStatusCode(u"5.7.26"));
    QVERIFY(Analysis::isStandardStatusCode(u"4.4.7"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5.7.509"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5.1.351"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5.8.1"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5.1.1.1"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5..1"));
    QVERIFY(!Analysis::isStandardStatusCode(u"6.1.1"));
    QVERIFY(!Analysis::isStandardStatusCode(u"5.1"));
    QVERIFY(Analysis::isStandardReplyCode(u"550"));
    QVERIFY(Analysis::isStandardReplyCode(u"211"));
    QVERIFY(Analysis::isStandardReplyCode(u"556"));
    QVERIFY(!Analysis::isStandardReplyCode(u"542"));
    QVERIFY(!Analysis::isStandardReplyCode(u"5500"));
    QVERIFY(!Analysis::isStandardReplyCode(u"55"));
    QVERIFY(!Analysis::isStandardReplyCode(u"５５０")); // full-width digits are no code
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("userunknown"), false), QStringLiteral("5.0.911"));
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("mailboxfull"), true), QStringLiteral("4.0.922"));
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("filtered"), true), QStringLiteral("4.0.924"));
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("onhold"), false), QStringLiteral("5.0.901"));
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("userunknown"), true), QString());
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("no-such-reason"), false), QString());
    // The names are looked up exactly: no other case, no prefix, no longer name.
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("UserUnknown"), false), QString());
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("userunknow"), false), QString());
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("userunknowns"), false), QString());
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("virusdetected"), true), QStringLiteral("4.0.981"));
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("hostunknown"), true), QString());
    QCOMPARE(Analysis::pseudoStatusCode(QStringLiteral("hasmoved"), false), QStringLiteral("5.0.916"));
    QCOMPARE(Analysis::reasonForStatusCode(u"5.2.2"), QStringLiteral("mailboxfull"));
    QCOMPARE(Analysis::reasonForStatusCode(QStringLiteral("5.7.26")), QStringLiteral("authfailure"));
    QCOMPARE(Analysis::reasonForStatusCode(QStringLiteral("5.9.9")), QString());
}

void TestAnalyzer::standardStatusCodesAgreeWithSplitting()
{
    // The digits read by hand against the registry check as first written: split at '.', toInt().
    auto plain = [](const QString &code) {
        const QStringList parts = code.split(u'.');
        if (parts.size() != 3 || !QStringList{QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("5")}.contains(parts[0]))
            return false;
        bool ok1 = false;
        bool ok2 = false;
        const int subject = parts[1].toInt(&ok1);
        const int detail = parts[2].toInt(&ok2);
        static const int maxDetail[] = {0, 10, 4, 6, 7, 6, 10, 30};
        return ok1 && ok2 && parts[2].size() <= 3 && subject >= 0 && subject <= 7 && detail >= 0
            && detail <= maxDetail[subject];
    };
    const QStringList pieces = {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("8"),
                                QStringLiteral("10"), QStringLiteral("11"), QStringLiteral("30"), QStringLiteral("31"),
                                QStringLiteral("007"), QStringLiteral("0010"), QStringLiteral("999"), QStringLiteral("+1"),
                                QStringLiteral("-0"), QStringLiteral(" 1"), QStringLiteral("1 "), QStringLiteral("1a"),
                                QStringLiteral(""), QStringLiteral("\u0661")};
    int standard = 0;
    for (const char *cls : {"2", "4", "5", "3"}) {
        for (const QString &subject : pieces) {
            for (const QString &detail : pieces) {
                const QString code = QLatin1String(cls) + u'.' + subject + u'.' + detail;
                QCOMPARE(Analysis::isStandardStatusCode(code), plain(code));
                standard += plain(code);
            }
        }
    }
    QVERIFY(standard > 20);
}

void TestAnalyzer::didYouMean_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("transposed-gmail") << "taro@gmial.com" << "taro@gmail.com";
    QTest::newRow("comma-for-dot") << "taro@ezweb,ne.jp" << "taro@ezweb.ne.jp";
    QTest::newRow("full-width") << QString::fromUtf8("ｔａｒｏ＠ｄｏｃｏｍｏ．ｎｅ．ｊｐ") << "taro@docomo.ne.jp";
    QTest::newRow("two-edits-softbank") << "taro@sofbank.ne.jo" << "taro@softbank.ne.jp";
    QTest::newRow("correct-address") << "taro@docomo.ne.jp" << "";
    QTest::newRow("real-neighbour-domain") << "taro@ymail.com" << "";
    QTest::newRow("unrelated-domain") << "taro@example.com" << "";
    QTest::newRow("known-domain-in-capitals") << "Taro@GMAIL.COM" << "";
    QTest::newRow("trailing-dot") << "taro@gmail.com." << "taro@gmail.com";
    QTest::newRow("doubled-dot") << "taro@gmail..com" << "taro@gmail.com";
    QTest::newRow("other-first-letter-same-ending") << "taro@hmail.com" << "taro@gmail.com";
    QTest::newRow("short-domain-missing-letter") << "taro@q.com" << "taro@qq.com";
    QTest::newRow("two-letters-too-many") << "taro@googlemail.commm" << "taro@googlemail.com";
    QTest::newRow("three-letters-too-many") << "taro@googlemail.commmm" << "";
    QTest::newRow("both-ends-changed") << "taro@xdocomo.ne.j" << "";
    QTest::newRow("commas-and-a-space") << "taro@ocn,ne,jp " << "taro@ocn.ne.jp";
}

void TestAnalyzer::didYouMean()
{
    QFETCH(QString, address);
    QFETCH(QString, suggestion);
    QCOMPARE(Analysis::suggestAddress(address), suggestion);
}

void TestAnalyzer::emptyAndBinaryInput()
{
    const Analyzer analyzer(&m_loaded.kb);
    QVERIFY(!analyzer.analyze(QByteArray(), QStringLiteral("-")).error.isEmpty());
    QVERIFY(!analyzer.analyze(QByteArray(" \n\t\n"), QStringLiteral("-")).error.isEmpty());
    QByteArray binary(4096, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char(i % 7);
    const AnalysisResult r = analyzer.analyze(binary, QStringLiteral("-"));
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.recipients.isEmpty());
}

void TestAnalyzer::pasteWithoutRecipients()
{
    // A dialog's text: no returned message, no recipients; the knowledge base is the engine.
    const Analyzer analyzer(&m_loaded.kb);
    const AnalysisResult r = analyzer.analyzeText(QStringLiteral("Nothing to see here, just a note."), QStringLiteral("-"));
    QVERIFY(r.error.isEmpty());
    QVERIFY(r.recipients.isEmpty());
    QVERIFY(r.causes.isEmpty());
    QCOMPARE(r.severity, QStringLiteral("unknown"));
}

void TestAnalyzer::manyRecipientLinesStayBounded()
{
    // A runaway paste naming tens of thousands of addresses: a bounded result, never a crash.
    QByteArray text = "From: MAILER-DAEMON@mx.example\nSubject: Mail delivery failed\n\n"
                      "This message was created automatically by mail delivery software.\n\n";
    for (int i = 0; i < 30000; ++i)
        text += "    550 5.1.1 <user" + QByteArray::number(i) + "@example.org>... User unknown\n";
    const Analyzer analyzer(&m_loaded.kb);
    const AnalysisResult r = analyzer.analyze(text, QStringLiteral("-"));
    QVERIFY(r.error.isEmpty());
    QVERIFY(!r.recipients.isEmpty());
    QVERIFY(r.recipients.size() <= 1000);
    QCOMPARE(r.recipients.first().reason, QStringLiteral("userunknown"));
    QVERIFY(!r.causes.isEmpty());
    QVERIFY(r.causes.first().evidence.size() <= 24);
}

void TestAnalyzer::codeScannersOnRandomText()
{
    // The scanners read sixteen characters packed into bytes at a time: random texts of digits,
    // code punctuation, IMAP's letters and characters beyond Latin-1 whose low byte is a digit or
    // one of those letters (U+0135, U+FF15...), at every length and alignment, against the
    // reference expressions and, for the reply code, a plain search.
    static const char16_t alphabet[] = u"0123455552.. -:[]NOBKADxXy\u0135\u0432\uff15\u4e35\u014e\u0142\u00b5";
    const QRegularExpression window(QStringLiteral("(?<![./0-9])[0-9]{3}(?![./0-9])"));
    auto plainReply = [&](const QString &t) -> QString {
        static const int preferred[] = {550, 552, 553, 551, 521, 525, 523, 524, 530, 533, 534, 535, 538, 555, 556, 554,
                                        500, 501, 502, 503, 504, 421, 450, 451, 452, 422, 430, 432, 453, 454, 455, 458,
                                        459, 211, 214, 220, 221, 235, 250, 251, 252, 253, 334, 354};
        QSet<int> found;
        for (auto it = window.globalMatch(t); it.hasNext();)
            found.insert(it.next().captured().toInt());
        if (found.isEmpty() || t.contains(QLatin1String("x-unix"), Qt::CaseInsensitive))
            return {};
        for (int code : preferred) {
            if (found.contains(code))
                return QString::number(code);
        }
        return {};
    };
    QRandomGenerator rng(7);
    int replies = 0;
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int size = int(rng.bounded(100));
        for (int i = 0; i < size; ++i)
            text += QChar(alphabet[rng.bounded(quint32(std::size(alphabet) - 1))]);
        const QString reply = plainReply(text);
        QCOMPARE(Analysis::findReplyCode(text), reply);
        replies += reply.isEmpty() ? 0 : 1;
        const FoundCodes got = extractCodes(text);
        const FoundCodes want = referenceCodes(text);
        QCOMPARE(got.reply, want.reply);
        QCOMPARE(got.enhanced, want.enhanced);
        QCOMPARE(got.imap, want.imap);
    }
    QVERIFY(replies > 300);
}

void TestAnalyzer::codesMatchReferenceExpressions()
{
    const QStringList texts = sampleTexts();
    QVERIFY(texts.size() > 5);
    for (const QString &t : texts) {
        QStringList lines = t.split(u'\n');
        lines.append(t);
        for (const QString &line : std::as_const(lines)) {
            const FoundCodes got = extractCodes(line);
            const FoundCodes want = referenceCodes(line);
            QCOMPARE(got.reply, want.reply);
            QCOMPARE(got.enhanced, want.enhanced);
            QCOMPARE(got.pop3, want.pop3);
            QCOMPARE(got.imap, want.imap);
            QCOMPARE(got.client, want.client);
        }
    }
}

void TestAnalyzer::requiredLiteralsAreSound()
{
    // Wherever a knowledge-base expression matches a line, the line holds one literal of each of its
    // clauses: the prefilter never hides a match.
    const QStringList lines = sampleLines();
    int checked = 0;
    int clauses = 0;
    for (const Pattern *pattern : expressionsOf(m_loaded.kb)) {
        const Pattern &p = *pattern;
        const QList<QStringList> required = PatternMatcher::requiredLiteralClauses(p.value);
        QCOMPARE(required.value(0), PatternMatcher::requiredLiterals(p.value));
        clauses += int(required.size());
        for (const QString &line : std::as_const(lines)) {
            if (!p.regex.match(line).hasMatch())
                continue;
            ++checked;
            const QString lower = line.toLower();
            for (const QStringList &literals : required) {
                bool any = false;
                for (const QString &l : literals)
                    any = any || lower.contains(l);
                QVERIFY2(any, qPrintable(QStringLiteral("%1 matched \"%2\" without %3").arg(p.value, line, literals.join(u'|'))));
            }
        }
    }
    qInfo("checked %d matching lines against %d clauses", checked, clauses);
}

void TestAnalyzer::rankAgreesWithPlainMatching()
{
    // The prefilter and the per-line caches only skip work that cannot change the result: trying
    // every pattern on every line ranks the same entries with the same scores and evidence, for
    // all entries and for the entries of a few causes.
    const PatternMatcher matcher(&m_loaded.kb);
    auto plainRank = [this](QStringView text, const QSet<QString> *causes) {
        QList<QStringView> lines;
        LineReader reader(text);
        for (QStringView line; reader.next(&line);)
            lines.append(line);
        QList<EntryMatch> out;
        for (const Entry &entry : m_loaded.kb.entries()) {
            if (causes && !causes->contains(entry.cause))
                continue;
            EntryMatch m;
            m.entry = &entry;
            for (const Pattern &p : entry.patterns) {
                bool hit = false;
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const FoundCodes codes = extractCodes(lines.at(i));
                    const QStringList *list = p.kind == PatternKind::ReplyCode ? &codes.reply
                        : p.kind == PatternKind::EnhancedCode                  ? &codes.enhanced
                        : p.kind == PatternKind::Pop3Code                      ? &codes.pop3
                        : p.kind == PatternKind::ImapCode                      ? &codes.imap
                        : p.kind == PatternKind::ClientCode                    ? &codes.client
                                                                               : nullptr;
                    const bool lineHit = list ? list->contains(p.value) : p.regex.match(lines.at(i)).hasMatch();
                    if (!lineHit)
                        continue;
                    hit = true;
                    if (!m.evidenceLines.contains(int(i)))
                        m.evidenceLines.append(int(i));
                }
                if (hit) {
                    m.score += p.weight;
                    m.strongest = std::max(m.strongest, p.weight);
                }
            }
            if (m.score <= 0)
                continue;
            std::sort(m.evidenceLines.begin(), m.evidenceLines.end());
            for (int i : std::as_const(m.evidenceLines))
                m.evidence.append(lines.at(i).trimmed().toString());
            out.append(m);
        }
        std::stable_sort(out.begin(), out.end(), [](const EntryMatch &a, const EntryMatch &b) {
            return a.score != b.score ? a.score > b.score : a.strongest > b.strongest;
        });
        return out;
    };
    auto describe = [](const QList<EntryMatch> &matches) {
        QStringList out;
        for (const EntryMatch &m : matches) {
            QStringList lines;
            for (int i : m.evidenceLines)
                lines.append(QString::number(i));
            out.append(QStringLiteral("%1 %2 %3 [%4] at %5")
                           .arg(m.entry->id)
                           .arg(m.score)
                           .arg(m.strongest)
                           .arg(m.evidence.join(u'|'), lines.join(u',')));
        }
        return out;
    };

    QStringList texts = sampleTexts();
    // Line ends of every kind, text that is not ASCII (the literals are looked up in a lower-cased
    // copy), a capital I with a dot (two characters in lower case) and a character beyond 16 bits.
    texts += {QStringLiteral("550 5.1.1 User unknown\r\n\r\n550 5.2.2 Mailbox full\n"),
              QStringLiteral("\nNo such user here\n\n"),
              QString::fromUtf8("\xe5\xae\x9b\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e\n550 5.1.1 \xc3\x9cser unknown"),
              QString::fromUtf8("\xc4\xb0NVALID RECIPIENT\n550 5.1.1 USER UNKNOWN\nquota exceeded"),
              QString::fromUtf8("\xf0\x9f\x98\x80 mailbox full\n552 5.2.2 over quota \xf0\x9f\x98\x80"),
              QString::fromUtf8("\xef\xbc\xa1 Relay access denied \xe2\x84\xaa\n-ERR [AUTH] login failed"),
              // Whole expressions found as their spelled-out strings, in any case; and the same next
              // to letters that PCRE pairs with 's' and 'k' though they lower to other letters.
              QString::fromUtf8("Unknown Local-User\nMAILBOX IS FULL \xe8\x87\xaa\xe5\x8b\x95\xe8\xbf\x94\xe4\xbf\xa1\n"
                                "ACCESS denied; recipient not found"),
              QString::fromUtf8("u\xc5\xbf" "er unknown\nMAILBOX IS FULL\nuser unknown \xe2\x84\xaa")};
    // Phrases at every alignment against the scan's sixteen-character blocks, next to line breaks
    // and characters beyond ASCII that end a block's run; a line longer than the scan's buffer, its
    // phrases across the refills.
    for (int shift = 0; shift <= 16; ++shift) {
        const QString pad(shift, u' ');
        texts += pad + QChar(0xe9) + QStringLiteral("User Unknown\n") + pad + QStringLiteral("Mailbox Full") + QChar(0x3042)
            + QStringLiteral("Relay Access Denied\r\n") + QString(shift, u'x') + QStringLiteral("\n552 5.2.2 over quota");
    }
    QString longLine;
    while (longLine.size() < 1500)
        longLine += QStringLiteral("Mailbox full; User unknown; relay access denied; ");
    texts += longLine + QStringLiteral("\n550 5.1.1 ") + longLine;
    QSet<QString> someCauses;
    CauseSet someCauseSet;
    for (qsizetype i = 0; i < m_loaded.kb.causes().size(); i += 3) {
        someCauses.insert(m_loaded.kb.causes().at(i).id);
        QCOMPARE(matcher.causeIndex(m_loaded.kb.causes().at(i).id), i);
        someCauseSet.insert(i);
    }
    QCOMPARE(someCauseSet.size(), someCauses.size());
    QCOMPARE(matcher.causeIndex(QStringLiteral("no-such-cause")), -1);
    PatternMatcher prepared(&m_loaded.kb);
    prepared.prepare(someCauseSet);
    int ranked = 0;
    for (const QString &text : std::as_const(texts)) {
        const QList<EntryMatch> all = matcher.rank(text);
        ranked += int(all.size());
        QCOMPARE(describe(all), describe(plainRank(text, nullptr)));
        QCOMPARE(describe(matcher.rank(text, &someCauses)), describe(plainRank(text, &someCauses)));
        QCOMPARE(describe(matcher.rank(text, someCauseSet)), describe(plainRank(text, &someCauses)));
        // Without evidence: the same entries, scores and order, and no lines.
        QList<EntryMatch> scoresOnly = plainRank(text, &someCauses);
        for (EntryMatch &m : scoresOnly) {
            m.evidence.clear();
            m.evidenceLines.clear();
        }
        QCOMPARE(describe(matcher.rank(text, someCauseSet, PatternMatcher::Evidence::None)), describe(scoresOnly));
        // A set prepared with a search of its own ranks the same.
        QCOMPARE(describe(prepared.rank(text, someCauseSet)), describe(plainRank(text, &someCauses)));
        QCOMPARE(describe(prepared.rank(text, someCauseSet, PatternMatcher::Evidence::None)), describe(scoresOnly));
    }
    QVERIFY(ranked > 10);

    // A prepared set's search is built by its first ranking: threads that rank with it at once
    // all get the same results.
    PatternMatcher shared(&m_loaded.kb);
    shared.prepare(someCauseSet);
    std::vector<QStringList> seen(4);
    std::vector<std::thread> threads;
    for (QStringList &out : seen) {
        threads.emplace_back([&shared, &texts, &someCauseSet, &describe, &out] {
            for (const QString &text : std::as_const(texts))
                out += describe(shared.rank(text, someCauseSet));
        });
    }
    for (std::thread &t : threads)
        t.join();
    QStringList expected;
    for (const QString &text : std::as_const(texts))
        expected += describe(plainRank(text, &someCauses));
    for (const QStringList &out : seen)
        QCOMPARE(out, expected);
}

void TestAnalyzer::diagnosticWordings_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::newRow("gmail-state") << QStringLiteral("550 5.1.1 The email account does not exist (state 14).");
    QTest::newRow("state-without-space") << QStringLiteral("550 rejected(state 14)");
    QTest::newRow("sendmail-no-such-user") << QStringLiteral("<taro@example.jp>... No such user");
    QTest::newRow("imail-attempts") << QStringLiteral("Delivery failed 20 Attempts: host not found");
    QTest::newRow("attempts-glued") << QStringLiteral("delivery failed after 3attempts");
    QTest::newRow("non-ascii") << QString::fromUtf8("\xe5\xae\x9b\xe5\x85\x88 ... NO SUCH USER \xc3\x9c (STATE 9)");
    QTest::newRow("empty") << QString();
}

void TestAnalyzer::diagnosticWordings()
{
    // The wordings found in the reason tables' pass are what a search of the prepared text finds.
    QFETCH(QString, diagnostic);
    Analysis::DeliveryFact fact;
    fact.diagnostic = diagnostic;
    const auto search = fact.diagnosticSearch();
    const std::pair<Analysis::Wording, std::string_view> wordings[] = {
        {Analysis::Wording::StateNumber, " (state "},
        {Analysis::Wording::NoSuchUser, "... no such user"},
        {Analysis::Wording::Attempts, " attempts"}};
    for (const auto &[wording, text] : wordings)
        QCOMPARE(Analysis::diagnosticHas(wording, fact, *search), search->contains(text));
}

void TestAnalyzer::multilineReplyAsSimplified_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("status");
    QTest::newRow("repeated-codes") << QStringLiteral("550-5.7.1 Refused\n550-5.7.1  by  policy\n550 5.7.1 here ")
                                    << QStringLiteral("550") << QStringLiteral("5.7.1");
    QTest::newRow("no-status") << QStringLiteral("452-Too many\n452 recipients") << QStringLiteral("452") << QString();
    QTest::newRow("nothing-but-codes") << QStringLiteral("550-5.1.1\n550 5.1.1") << QStringLiteral("550")
                                       << QStringLiteral("5.1.1");
    QTest::newRow("nothing-but-reply") << QStringLiteral("421-\n421 ") << QStringLiteral("421") << QString();
    QTest::newRow("codes-with-spaces") << QStringLiteral("550-x 550 y") << QStringLiteral("550") << QStringLiteral(" 5.1 ");
}

void TestAnalyzer::multilineReplyAsSimplified()
{
    // Joined as the codes in front of the rest, all simplified (what the codes once went through).
    QFETCH(QString, diagnostic);
    QFETCH(QString, reply);
    QFETCH(QString, status);
    QString rest = diagnostic;
    for (const QChar sep : {QChar(u'-'), QChar(u' ')}) {
        if (!status.isEmpty())
            rest.replace(reply + sep + status, QString());
        rest.replace(reply + sep, QString());
    }
    const QString expected =
        QString(reply + u' ' + (status.isEmpty() ? QString() : status + u' ') + rest.simplified()).simplified();
    QCOMPARE(Analysis::joinMultilineReply(diagnostic, reply, status), expected);
}

void TestAnalyzer::smtpCommandsSharingALetter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("command");
    // Commands that open with the same letter are each found where they first occur.
    QTest::newRow("auth-mechanisms") << QStringLiteral("AUTH CRAM-MD5 then AUTH PLAIN: 535 failed") << QStringLiteral("AUTH");
    QTest::newRow("rcpt-to-after-rcpt") << QStringLiteral("RCPTX RCPT TO:<a@example.jp>") << QStringLiteral("RCPT");
    QTest::newRow("ehlo-helo") << QStringLiteral("HELO refused, EHLO refused") << QStringLiteral("EHLO");
    QTest::newRow("auth-then-mail") << QStringLiteral("AUTH DIGEST-MD5 ok MAIL FROM:<a@example.jp> 553")
                                    << QStringLiteral("MAIL");
    QTest::newRow("capitals-without-commands") << QStringLiteral("SMTP DSN MTA QQ ZZ") << QString();
}

void TestAnalyzer::smtpCommandsSharingALetter()
{
    QFETCH(QString, text);
    QFETCH(QString, command);
    QCOMPARE(Analysis::findSmtpCommand(text), command);
}

void TestAnalyzer::smtpCommandAgreesWithPlainSearch()
{
    // The capitals found thirty-two characters at a time against a search for each command, on
    // random texts of capitals, small letters, digits, spaces and characters beyond Latin-1 (which
    // packed into bytes must not read as capitals), commands placed at every alignment.
    auto plain = [](const QString &t) -> QString {
        static const char *const commands[] = {"HELO", "EHLO", "STARTTLS", "AUTH PLAIN", "AUTH LOGIN", "AUTH CRAM-",
                                               "AUTH DIGEST-", "MAIL F", "RCPT", "RCPT T", "DATA", "QUIT", "XFORWARD"};
        auto glue = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'@' && c <= u'Z') || (c >= u'a' && c <= u'z'); };
        for (int k = int(std::size(commands)) - 1; k >= 0; --k) {
            const QLatin1String e(commands[k]);
            const qsizetype at = t.size() < 4 ? -1 : t.indexOf(e);
            if (at < 0)
                continue;
            if (!e.contains(u' ')
                && ((at > 0 && glue(t.at(at - 1))) || (at + e.size() < t.size() && glue(t.at(at + e.size())))))
                continue;
            return e == QLatin1String("STARTTLS") || e == QLatin1String("XFORWARD") ? QString(e) : QString(e.left(4));
        }
        return {};
    };
    static const char16_t alphabet[] = u"AEHLORSTDQUX ABCZ az09.:-\u0141\u4141\u0158\u00c1\u0041";
    const QStringList commands{QStringLiteral("RCPT TO"), QStringLiteral("MAIL FROM"), QStringLiteral("DATA"),
                               QStringLiteral("EHLO"), QStringLiteral("STARTTLS"), QStringLiteral("AUTH LOGIN")};
    QRandomGenerator rng(4242);
    int found = 0;
    for (int round = 0; round < 4000; ++round) {
        QString text;
        const int size = int(rng.bounded(120));
        for (int i = 0; i < size; ++i)
            text += QChar(alphabet[rng.bounded(quint32(std::size(alphabet) - 1))]);
        if (round % 2 == 0)
            text.insert(rng.bounded(size + 1), u' ' + commands.at(rng.bounded(commands.size())) + u' ');
        const QString expected = plain(text);
        QCOMPARE(Analysis::findSmtpCommand(text), expected);
        found += expected.isEmpty() ? 0 : 1;
    }
    QVERIFY(found > 1500);
}

void TestAnalyzer::extractCodesAddsTheMissing()
{
    // Codes added to those of earlier texts: each kind keeps its first-seen order without repeats,
    // as merging the text's own codes does.
    FoundCodes first = extractCodes(u"550 5.1.1 unknown user; -ERR [AUTH] failed");
    FoundCodes merged = first;
    const QString more = QStringLiteral("452 4.2.2 over quota\n550 5.1.1 again\n-ERR [IN-USE] busy\n"
                                        "* NO [ALERT] x\nerror 0x800ccc0d");
    merged.merge(extractCodes(more));
    FoundCodes added = first;
    extractCodes(more, &added);
    QCOMPARE(added.reply, merged.reply);
    QCOMPARE(added.enhanced, merged.enhanced);
    QCOMPARE(added.pop3, merged.pop3);
    QCOMPARE(added.imap, merged.imap);
    QCOMPARE(added.client, merged.client);
    QCOMPARE(added.reply, (QStringList{QStringLiteral("550"), QStringLiteral("452")}));
    QCOMPARE(added.enhanced, (QStringList{QStringLiteral("5.1.1"), QStringLiteral("4.2.2")}));
    QCOMPARE(added.pop3, (QStringList{QStringLiteral("AUTH"), QStringLiteral("IN-USE")}));
    QCOMPARE(added.client, QStringList{QStringLiteral("0x800CCC0D")});
}

void TestAnalyzer::causeSets()
{
    CauseSet a;
    QCOMPARE(a.size(), 0);
    QVERIFY(!a.contains(0));
    QVERIFY(!a.contains(-1));
    a.insert(3);
    a.insert(-1); // no such cause
    a.insert(64); // a second word
    a.insert(3);
    QCOMPARE(a.size(), 2);
    QVERIFY(a.contains(3) && a.contains(64) && !a.contains(63) && !a.contains(65) && !a.contains(200));
    CauseSet b;
    b.insert(200);
    b.insert(4);
    CauseSet c = a; // a copy is independent
    c.unite(b);
    QCOMPARE(c.size(), 4);
    QVERIFY(c.contains(3) && c.contains(4) && c.contains(64) && c.contains(200));
    QCOMPARE(a.size(), 2);
    QVERIFY(!a.contains(4));
    b.unite(a);
    QCOMPARE(b.size(), 4);
    // Equal sets are equal (and hash alike) however many words they were given.
    QVERIFY(b == c);
    QCOMPARE(qHash(b), qHash(c));
    QVERIFY(a != c);
    CauseSet small;
    small.insert(3);
    CauseSet wide;
    wide.insert(3);
    wide.insert(130);
    QVERIFY(small != wide);
    CauseSet far;
    far.insert(200);
    QVERIFY(far != CauseSet());
}

void TestAnalyzer::requiredLiteralsOfExpressions_data()
{
    QTest::addColumn<QString>("regex");
    QTest::addColumn<QStringList>("literals");
    QTest::newRow("plain") << "User unknown" << QStringList{QStringLiteral("user unknown")};
    QTest::newRow("alternation") << "relay(ing)? denied|not permitted to relay"
                                 << QStringList{QStringLiteral(" denied"), QStringLiteral("not permitted to relay")};
    QTest::newRow("optional-group-skipped") << "(please )?receive your mail before sending"
                                            << QStringList{QStringLiteral("receive your mail before sending")};
    QTest::newRow("optional-char") << "colou?r settings" << QStringList{QStringLiteral("r settings")};
    QTest::newRow("class-breaks-run") << "55[0-4] mailbox full" << QStringList{QStringLiteral(" mailbox full")};
    QTest::newRow("lookahead-not-required") << "(?=abc)defgh" << QStringList{QStringLiteral("defgh")};
    QTest::newRow("japanese-two-chars") << "不在|自動(返信|応答)"
                                        << QStringList{QStringLiteral("不在"), QStringLiteral("自動")};
    QTest::newRow("nothing-required") << "a.b|cd" << QStringList();
}

void TestAnalyzer::requiredLiteralsOfExpressions()
{
    QFETCH(QString, regex);
    QFETCH(QStringList, literals);
    QCOMPARE(PatternMatcher::requiredLiterals(regex), literals);
}

void TestAnalyzer::requiredLiteralClauses_data()
{
    QTest::addColumn<QString>("regex");
    QTest::addColumn<QList<QStringList>>("clauses");
    QTest::newRow("sequence-keeps-every-part")
        << "mailbox .{0,20} (is )?full" << QList<QStringList>{{QStringLiteral("mailbox ")}, {QStringLiteral("full")}};
    QTest::newRow("group-in-sequence")
        << "(docomo|ezweb)\\.ne\\.jp.{0,30}user ?unknown"
        << QList<QStringList>{{QStringLiteral("unknown")}, {QStringLiteral(".ne.jp")}, {QStringLiteral("docomo"), QStringLiteral("ezweb")},
                              {QStringLiteral("user")}};
    QTest::newRow("alternation-pairs-branch-clauses")
        << "spf.{0,9}fail|failed .{0,9}dkim"
        << QList<QStringList>{{QStringLiteral("fail"), QStringLiteral("failed ")}, {QStringLiteral("spf"), QStringLiteral("dkim")}};
    QTest::newRow("negative-lookahead-requires-nothing")
        << "^(?!.*RCPT TO)user unknown" << QList<QStringList>{{QStringLiteral("user unknown")}};
    QTest::newRow("optional-group-requires-nothing") << "(mailbox )?full" << QList<QStringList>{{QStringLiteral("full")}};
    QTest::newRow("branch-without-literal") << "quota.{0,9}exceeded|a.b" << QList<QStringList>();
}

void TestAnalyzer::requiredLiteralClauses()
{
    QFETCH(QString, regex);
    QFETCH(QList<QStringList>, clauses);
    QCOMPARE(PatternMatcher::requiredLiteralClauses(regex), clauses);
}

void TestAnalyzer::binaryIsOneStrayControlInTwenty_data()
{
    // Text that is not text: more than one byte in twenty (of the first 8 KB) a control character
    // that text does not use. Tabs, line breaks, form feeds and ESC (ISO-2022-JP) are text.
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("refused");
    auto sprinkle = [](qsizetype size, qsizetype controls, qsizetype offset) {
        QByteArray d(size, 'a');
        for (qsizetype i = 0; i < size; i += 61)
            d[i] = '\n';
        for (qsizetype k = 0; k < controls; ++k)
            d[(offset + k * 7) % size] = char(k % 2 ? 0x01 : 0x00);
        return d;
    };
    QTest::newRow("49-in-1000") << sprinkle(1000, 49, 3) << false;
    QTest::newRow("51-in-1000") << sprinkle(1000, 51, 3) << true;
    QTest::newRow("51-in-1000-at-the-tail") << sprinkle(1000, 51, 640) << true;
    QTest::newRow("odd-length-short") << sprinkle(13, 1, 12) << true;
    QTest::newRow("first-8k-only") << sprinkle(8192, 400, 0) + QByteArray(8192, '\x02') << false;
    // Counted over more than 255 blocks of sixteen: the counts must survive being summed on the way.
    QTest::newRow("411-in-8192") << sprinkle(8192, 411, 5) << true;
    QTest::newRow("409-in-8192") << sprinkle(8192, 409, 5) << false;
    // Sixteen bytes apart, 300 of them fall in the same lane of the blocks: more than a byte counts.
    QByteArray oneLane(8192, 'a');
    for (qsizetype i = 0; i < 300 * 16; i += 16)
        oneLane[i] = '\0';
    for (qsizetype i = 0; i < 120; ++i)
        oneLane[5001 + i * 16] = '\x01';
    QTest::newRow("420-in-8192-most-in-one-lane") << oneLane << true;
    for (qsizetype i = 0; i < 11; ++i)
        oneLane[5001 + i * 16] = 'a';
    QTest::newRow("409-in-8192-most-in-one-lane") << oneLane << false;
    QByteArray vertical = sprinkle(1000, 0, 0);
    for (qsizetype i = 1; i < vertical.size(); i += 19)
        vertical[i] = '\x0b'; // a vertical tab sits between tab and carriage return, and is no text
    QTest::newRow("vertical-tabs") << vertical << true;
    QByteArray text(4000, 'x');
    for (qsizetype i = 0; i < text.size(); i += 5)
        text[i] = "\t\r\n\x1b\x0c"[(i / 5) % 5];
    QTest::newRow("text-controls") << text << false;
    QTest::newRow("high-bytes") << QByteArray(3000, '\xe3') << false;
}

void TestAnalyzer::binaryIsOneStrayControlInTwenty()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, refused);
    const AnalysisResult r = Analyzer(&m_loaded.kb).analyze(data, QStringLiteral("-"));
    QCOMPARE(r.errorSource != nullptr && QByteArray(r.errorSource).contains("binary"), refused);
}

void TestAnalyzer::looksBinaryAgreesWithPlainLoop()
{
    // The sixteen-bytes-at-a-time count (and its stop before the last twentieth) against a byte loop,
    // on random bytes around one stray control in twenty, of every length up to past 8 KB and at
    // every alignment.
    auto plain = [](QByteArrayView data) {
        if (data.startsWith("\xff\xfe") || data.startsWith("\xfe\xff"))
            return false;
        const qsizetype n = qMin<qsizetype>(data.size(), 8192);
        qsizetype controls = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const uchar c = uchar(data[i]);
            controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != 0x0c;
        }
        return n > 0 && controls * 20 > n;
    };
    QRandomGenerator rng(20261122);
    int binary = 0;
    int text = 0;
    for (int round = 0; round < 3000; ++round) {
        const qsizetype size = round < 100 ? round : qsizetype(rng.bounded(round % 10 == 0 ? 9000 : 1200));
        const qsizetype offset = rng.bounded(16);
        // Stray controls, text controls (VT among them, which is none) and other bytes, with one
        // stray byte in 14 to 33 on average.
        const quint32 strayIn = 14 + rng.bounded(20);
        QByteArray buffer(offset + size, 'a');
        for (qsizetype i = offset; i < buffer.size(); ++i) {
            if (rng.bounded(strayIn) == 0)
                buffer[i] = "\x00\x01\x08\x0b\x0e\x1a\x1c\x1f"[rng.bounded(8)];
            else if (rng.bounded(8) == 0)
                buffer[i] = "\t\n\r\x0c\x1b\x20\x7f\x80\x89\xe3\xff"[rng.bounded(11)];
            else
                buffer[i] = char(0x21 + rng.bounded(0x5e));
        }
        if (round % 97 == 0 && size >= 2)
            buffer[offset] = '\xff', buffer[offset + 1] = '\xfe';
        const QByteArrayView data = QByteArrayView(buffer).sliced(offset);
        const bool expected = plain(data);
        QCOMPARE(Analyzer::looksBinary(data), expected);
        ++(expected ? binary : text);
    }
    QVERIFY(binary > 300 && text > 300); // both answers, near the border too

    // Mail-like text: printable lines ending in CRLF, a tab, ESC or form feed here and there, and
    // stray controls gathered around a few places, as many as decide the answer (one in twenty,
    // give or take two): most 64-byte blocks are clean (the quick test passes over them) and a
    // miscounted block changes the answer.
    binary = text = 0;
    for (int round = 0; round < 2000; ++round) {
        const qsizetype size = 64 + qsizetype(rng.bounded(9000));
        const qsizetype offset = rng.bounded(16);
        QByteArray buffer(offset + size, 'a');
        for (qsizetype i = 0; i < size; ++i) {
            const qsizetype column = i % 72;
            char c = column == 70 ? '\r' : column == 71 ? '\n' : char(0x20 + rng.bounded(0x5f));
            if (rng.bounded(300) == 0)
                c = "\t\x1b\x0c"[rng.bounded(3)];
            buffer[offset + i] = c;
        }
        const qsizetype n = qMin<qsizetype>(size, 8192);
        const qsizetype strays = qMax<qsizetype>(0, n / 20 + qsizetype(rng.bounded(5)) - 2);
        const qsizetype spots[3] = {qsizetype(rng.bounded(quint32(n))), qsizetype(rng.bounded(quint32(n))),
                                    qsizetype(rng.bounded(quint32(n)))};
        std::vector<bool> placed(size_t(n), false);
        for (qsizetype k = 0; k < strays; ++k) {
            // Near its spot, on a byte that is not stray yet.
            qsizetype at = qBound<qsizetype>(0, spots[k % 3] + qsizetype(rng.bounded(401)) - 200, n - 1);
            while (placed[size_t(at)])
                at = (at + 1) % n;
            placed[size_t(at)] = true;
            buffer[offset + at] = "\x00\x01\x08\x0b\x0e\x1a\x1c\x1f"[rng.bounded(8)];
        }
        const QByteArrayView data = QByteArrayView(buffer).sliced(offset);
        const bool expected = plain(data);
        QCOMPARE(Analyzer::looksBinary(data), expected);
        ++(expected ? binary : text);
    }
    QVERIFY(binary > 200 && text > 200);
}

void TestAnalyzer::provingLiteralsOfExpressions_data()
{
    QTest::addColumn<QString>("regex");
    QTest::addColumn<QStringList>("literals");
    QTest::addColumn<bool>("complete");
    QTest::newRow("plain") << "Access denied" << QStringList{QStringLiteral("access denied")} << true;
    QTest::newRow("optional-parts-and-listed-class")
        << "user ?unknown|unknown (local[- ])?user"
        << QStringList{QStringLiteral("user unknown"), QStringLiteral("userunknown"), QStringLiteral("unknown local-user"),
                       QStringLiteral("unknown local user"), QStringLiteral("unknown user")}
        << true;
    QTest::newRow("escaped-punctuation") << "docomo\\.ne\\.jp|can'?t" << QStringList{QStringLiteral("docomo.ne.jp"), QStringLiteral("can't"), QStringLiteral("cant")} << true;
    QTest::newRow("japanese") << "不在|自動(返信|応答)"
                              << QStringList{QStringLiteral("不在"), QStringLiteral("自動返信"), QStringLiteral("自動応答")} << true;
    QTest::newRow("some-branches") << "mailbox (is )?full|mailbox.{0,30}exceeded"
                                   << QStringList{QStringLiteral("mailbox is full"), QStringLiteral("mailbox full")} << false;
    QTest::newRow("short-branch") << "quota exceeded|ab" << QStringList{QStringLiteral("quota exceeded")} << false;
    QTest::newRow("pipe-in-class") << "[|]abc|def" << QStringList{QStringLiteral("|abc"), QStringLiteral("def")} << true;
    QTest::newRow("range") << "5[0-4]0 denied" << QStringList() << false;
    QTest::newRow("negated-class") << "no[^t] allowed" << QStringList() << false;
    QTest::newRow("word-boundary") << "\\bRBL\\b|spamhaus" << QStringList{QStringLiteral("spamhaus")} << false;
    QTest::newRow("lookahead") << "bad user(?! address)" << QStringList() << false;
    QTest::newRow("repeat") << "too+ big|size{2}" << QStringList() << false;
    QTest::newRow("possessive") << "colou?+r" << QStringList() << false;
    QTest::newRow("escaped-letter") << "\\x41bc|\\d00" << QStringList() << false;
    QTest::newRow("inline-option-reaches-later-branches") << "(?-i)abc|def" << QStringList() << false;
    QTest::newRow("cased-beyond-ascii") << "Größe|déjà vu|ＦＵＬＬ" << QStringList() << false;
    QTest::newRow("too-many-strings") << "(a|b|c|d)(e|f|g|h)(i|j|k|l)(m|n)" << QStringList() << false;
    QTest::newRow("unbalanced") << "abc)|def" << QStringList() << false;
}

void TestAnalyzer::provingLiteralsOfExpressions()
{
    QFETCH(QString, regex);
    QFETCH(QStringList, literals);
    QFETCH(bool, complete);
    bool gotComplete = !complete;
    QCOMPARE(PatternMatcher::provingLiterals(regex, &gotComplete), literals);
    QCOMPARE(gotComplete, complete);
}

void TestAnalyzer::provingLiteralsDecideLines()
{
    // On lines whose characters beyond ASCII have no case, a knowledge-base expression matches a
    // line holding one of its proofs (in any case), and, when they are complete, no other line.
    // Lines: the samples, and every proof in other cases, in context, and cut or changed by a
    // character.
    QStringList lines = sampleLines();
    struct Proven
    {
        const Pattern *pattern;
        QStringList proofs;
        bool complete;
    };
    QList<Proven> proven;
    for (const Pattern *p : expressionsOf(m_loaded.kb)) {
        bool all = false;
        const QStringList proofs = PatternMatcher::provingLiterals(p->value, &all);
        if (!proofs.isEmpty())
            proven.append({p, proofs, all});
    }
    const int withProofs = int(proven.size());
    const int complete = int(std::count_if(proven.cbegin(), proven.cend(), [](const Proven &e) { return e.complete; }));
    for (const Proven &e : std::as_const(proven)) {
        for (const QString &proof : e.proofs) {
            QString mixed = proof;
            for (qsizetype i = 0; i < mixed.size(); i += 2)
                mixed[i] = mixed.at(i).toUpper();
            QString changed = proof;
            changed[changed.size() / 2] = u'#';
            lines += {proof.toUpper(), QStringLiteral("550 5.1.1 <a@b.example> ") + mixed + QStringLiteral(" (see 4.2.2)"),
                      proof.chopped(1), proof.sliced(1), changed, QStringLiteral("x") + proof + QStringLiteral("x")};
        }
    }
    QVERIFY(withProofs >= 20);
    QVERIFY(complete >= 10);
    auto casedBeyondAscii = [](const QString &line) {
        return std::any_of(line.cbegin(), line.cend(), [](QChar c) {
            return c.unicode() >= 0x80
                && (c.isLower() || c.isUpper() || c.isTitleCase() || c.toLower() != c || c.toUpper() != c || c.toCaseFolded() != c);
        });
    };
    int checked = 0;
    for (const Proven &e : std::as_const(proven)) {
        const Pattern &p = *e.pattern;
        for (const QString &line : std::as_const(lines)) {
            if (casedBeyondAscii(line))
                continue;
            const QString lower = line.toLower();
            const bool holdsProof = std::any_of(e.proofs.cbegin(), e.proofs.cend(), [&](const QString &l) { return lower.contains(l); });
            const bool matches = p.regex.match(line).hasMatch();
            ++checked;
            if (holdsProof)
                QVERIFY2(matches, qPrintable(QStringLiteral("%1 does not match \"%2\"").arg(p.value, line)));
            else if (e.complete)
                QVERIFY2(!matches, qPrintable(QStringLiteral("%1 matches \"%2\" without a proof").arg(p.value, line)));
        }
    }
    qInfo("%d expressions with proofs, %d complete; %d lines checked", withProofs, complete, checked);
}

using BranchClauses = QList<QList<QStringList>>;

void TestAnalyzer::unprovenBranchClauses_data()
{
    QTest::addColumn<QString>("regex");
    QTest::addColumn<BranchClauses>("branches");
    QTest::newRow("one-left-out") << "mailbox (is )?full|mailbox.{0,30}exceeded"
                                  << BranchClauses{{QStringList{QStringLiteral("exceeded")}, QStringList{QStringLiteral("mailbox")}}};
    QTest::newRow("reply-code-and-words")
        << "user unknown|(?<![\\d.])5[0-9][0-9] .{0,20}no such (user|mailbox)"
        << BranchClauses{{QStringList{QStringLiteral("no such ")}, QStringList{QStringLiteral("user"), QStringLiteral("mailbox")}}};
    QTest::newRow("count-before-a-word") << "over quota|[0-9]+ bytes" << BranchClauses{{QStringList{QStringLiteral(" bytes")}}};
    // Nothing to narrow with: all spelled out, or a branch that requires nothing selective.
    QTest::newRow("all-proven") << "access denied|no such user" << BranchClauses{};
    QTest::newRow("short-branch") << "quota exceeded|ab" << BranchClauses{};
    QTest::newRow("one-branch-requires-nothing") << "over quota|[0-9]+ bytes|\\d{3}" << BranchClauses{};
    QTest::newRow("inline-option") << "(?i)over quota|mailbox.{0,30}exceeded" << BranchClauses{};
}

void TestAnalyzer::unprovenBranchClauses()
{
    QFETCH(QString, regex);
    QFETCH(BranchClauses, branches);
    QCOMPARE(PatternMatcher::unprovenBranchClauses(regex), branches);
}

void TestAnalyzer::unprovenBranchesHoldEveryOtherMatch()
{
    // Where a knowledge-base expression with proofs matches a line that holds none of them, the
    // line holds a literal of every clause of one of the branches the proofs leave out: ranking
    // runs the expression on those lines only. Lines: the samples, and every required literal of
    // those branches in context.
    QStringList lines = sampleLines();
    struct Narrowed
    {
        const Pattern *pattern;
        QStringList proofs;
        BranchClauses branches;
    };
    QList<Narrowed> narrowed;
    for (const Pattern *p : expressionsOf(m_loaded.kb)) {
        bool complete = false;
        const QStringList proofs = PatternMatcher::provingLiterals(p->value, &complete);
        if (proofs.isEmpty() || complete)
            continue;
        const BranchClauses branches = PatternMatcher::unprovenBranchClauses(p->value);
        if (branches.isEmpty())
            continue;
        narrowed.append({p, proofs, branches});
        for (const QList<QStringList> &branch : branches) {
            QString all = QStringLiteral("550 5.1.1 <a@b.example>");
            for (const QStringList &clause : branch)
                all += u' ' + clause.constFirst();
            lines += {all, all.toUpper(), all + QStringLiteral(" 421 too many")};
        }
    }
    QVERIFY(narrowed.size() >= 5);
    int checked = 0;
    int outside = 0;
    int unproven = 0; // matches without a proof
    for (const Narrowed &e : std::as_const(narrowed)) {
        for (const QString &line : std::as_const(lines)) {
            const QString lower = line.toLower();
            auto holds = [&](const QString &l) { return lower.contains(l); };
            if (std::any_of(e.proofs.cbegin(), e.proofs.cend(), holds))
                continue;
            const bool inBranch = std::any_of(e.branches.cbegin(), e.branches.cend(), [&](const QList<QStringList> &branch) {
                return std::all_of(branch.cbegin(), branch.cend(),
                                   [&](const QStringList &clause) { return std::any_of(clause.cbegin(), clause.cend(), holds); });
            });
            const bool matches = e.pattern->regex.match(line).hasMatch();
            ++checked;
            outside += inBranch ? 0 : 1;
            unproven += matches ? 1 : 0;
            QVERIFY2(inBranch || !matches,
                     qPrintable(QStringLiteral("%1 matches \"%2\" outside its unproven branches").arg(e.pattern->value, line)));
        }
    }
    QVERIFY(outside > 0 && unproven > 0);
    qInfo("%d expressions narrowed; %d lines checked, %d outside every branch, %d matches without a proof",
          int(narrowed.size()), checked, outside, unproven);
}

void TestAnalyzer::lowerCaseAgreesWithCaselessMatching()
{
    // What the proofs rest on: for every character of the knowledge base's proofs, the characters
    // PCRE matches with it case-insensitively are those with the same lower case, except cased
    // characters beyond ASCII (a text holding one is matched by its expressions).
    QString every;
    for (char32_t u = 1; u < 0x10000; ++u) {
        if (!QChar::isSurrogate(u))
            every.append(QChar(u));
    }
    QSet<QChar> chars;
    for (const Pattern *p : expressionsOf(m_loaded.kb)) {
        for (const QString &proof : PatternMatcher::provingLiterals(p->value))
            chars.unite(QSet<QChar>(proof.cbegin(), proof.cend()));
    }
    QVERIFY(chars.size() > 26);
    for (const QChar p : std::as_const(chars)) {
        const QRegularExpression re(QRegularExpression::escape(QString(p)),
                                    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        QSet<QChar> matched;
        for (auto it = re.globalMatch(every); it.hasNext();)
            matched.insert(it.next().captured(0).at(0));
        for (const QChar t : std::as_const(every)) {
            if (matched.contains(t) == (t.toLower() == p.toLower()))
                continue;
            QVERIFY2(t.unicode() >= 0x80 && (t.isLower() || t.isUpper() || t.isTitleCase() || t.toLower() != t || t.toUpper() != t),
                     qPrintable(QStringLiteral("U+%1 and %2").arg(t.unicode(), 4, 16, QLatin1Char('0')).arg(p)));
        }
    }
}

void TestAnalyzer::equalsAsciiAgreesWithQStringCompare()
{
    // The inline comparison the name tables use, against Qt's: texts that differ in length, case,
    // one character (also beyond ASCII with the same low byte) or not at all.
    const std::string_view names[] = { "", "a", "onhold", "undefined", "bad-mailbox", "userunknown", "RCPT" };
    const QString texts[] = { QString(),
                              QStringLiteral("a"),
                              QStringLiteral("A"),
                              QStringLiteral("onhold"),
                              QStringLiteral("onhol"),
                              QStringLiteral("onholds"),
                              QStringLiteral("Onhold"),
                              QStringLiteral("undefined"),
                              QStringLiteral("undefinee"),
                              QStringLiteral("bad-mailbox"),
                              QStringLiteral("bad_mailbox"),
                              QStringLiteral("userunknown"),
                              QString::fromUtf16(u"userunk\u016Eown"),
                              QStringLiteral("RCPT"),
                              QStringLiteral("rcpt"),
                              QStringLiteral("RCPT ") };
    int equal = 0;
    for (const QString &t : texts) {
        for (std::string_view n : names) {
            const bool plain = t == QLatin1String(n.data(), qsizetype(n.size()));
            QCOMPARE(Analysis::equalsAscii(t, n), plain);
            equal += plain;
        }
    }
    QCOMPARE(equal, 7); // each name once (the empty one by the null string)
}

void TestAnalyzer::withoutReplyCodeAgreesWithReplace()
{
    // Texts of code characters, so that codes repeat, overlap ("55550-5.5.5") and end the text cut short.
    const QString alphabet = QStringLiteral("55550-. 1a");
    const QString replies[] = { QStringLiteral("550"), QStringLiteral("55"), QStringLiteral("5"), QString() };
    const QString statuses[]
        = { QString(), QStringLiteral("5.5.0"), QStringLiteral("5"), QStringLiteral("5.") };
    QRandomGenerator random(20261122);
    int changed = 0;
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int length = random.bounded(24);
        for (int i = 0; i < length; ++i)
            text += alphabet.at(random.bounded(alphabet.size()));
        const QString &reply = replies[random.bounded(4)];
        const QString &status = statuses[random.bounded(4)];
        const QChar sep = random.bounded(2) ? QChar(u'-') : QChar(u' ');
        const QString expected = QString(text).replace(reply + sep + status, QString());
        QCOMPARE(Analysis::withoutReplyCode(text, reply, sep, status), expected);
        changed += expected != text;
    }
    QVERIFY(changed > 300); // the texts held codes often enough to tell
}

void TestAnalyzer::replyIsTemporaryAgreesWithJoinedText()
{
    // Diagnostics put together from wordings in any case, split or at the start, characters whose lower
    // case is ASCII (U+212A, U+0130) or longer, codes of both classes, and reply codes with a space.
    const QString pieces[] = { QStringLiteral(" temporary"),  QStringLiteral("Temporarily"),
                               QStringLiteral("PERSISTENT"),  QStringLiteral(" Persist"),
                               QStringLiteral("ent"),         QStringLiteral(" tempor"),
                               QStringLiteral("ar"),          QStringLiteral(" "),
                               QStringLiteral("x"),           QStringLiteral("450 "),
                               QStringLiteral("550 "),        QStringLiteral("4.2.2"),
                               QStringLiteral("5.1.1"),       QString::fromUtf16(u"pers\u0130stent"),
                               QString::fromUtf16(u"\u212A"), QString::fromUtf16(u"\u00C9t\u00E9"),
                               QStringLiteral("\n") };
    const QString replies[] = { QString(), QStringLiteral("450"), QStringLiteral("550"),
                                QStringLiteral("5 temporar"), QStringLiteral("x") };
    QRandomGenerator random(1122);
    int temporary = 0;
    for (int round = 0; round < 3000; ++round) {
        QString diagnostic;
        const int count = random.bounded(5);
        for (int i = 0; i < count; ++i)
            diagnostic += pieces[random.bounded(int(std::size(pieces)))];
        const QString &reply = replies[random.bounded(int(std::size(replies)))];
        const bool expected = Analysis::textIsTemporary(QString(reply + u' ' + diagnostic));
        QCOMPARE(Analysis::replyIsTemporary(reply, diagnostic, Analysis::TextSearch(diagnostic)), expected);
        temporary += expected;
    }
    QVERIFY(temporary > 500 && temporary < 2500); // both answers, often
}

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
