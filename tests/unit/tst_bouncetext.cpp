// Reading a returned message's text without a DSN part: recipients, their paragraphs, and the SMTP
// command a reply answered.

#include "analysis/bouncereader.h"
#include "analysis/reasons.h"
#include "analysis/recipientdecision.h"
#include "analysis/textsearch.h"
#include "analysis/smtpcodes.h"
#include "mime/mimemessage.h"

#include <QRandomGenerator>
#include <QTest>

using namespace MailDoctor::Analysis;

class TestBounceText : public QObject
{
    Q_OBJECT

private slots:
    void smtpCommand_data();
    void smtpCommand();
    void replyCodeAnywhereInNoise();
    void mailSystemWording_data();
    void mailSystemWording();
    void multilineReply_data();
    void multilineReply();
    void paragraphJoinsAsSimplified();
    void preambleReasonLeadsTheEvidence();
    void preambleCodesOnlyWithoutTheBlocksOwn_data();
    void preambleCodesOnlyWithoutTheBlocksOwn();
    void recipientLeadIns_data();
    void recipientLeadIns();
    void fewAndManyRecipientsKeepTheirParagraphs_data();
    void fewAndManyRecipientsKeepTheirParagraphs();
    void explanationEndsAtTheQuotedOriginal_data();
    void explanationEndsAtTheQuotedOriginal();
    void dsnRecipientsAndVendor_data();
    void dsnRecipientsAndVendor();
    void originalHeaderFields_data();
    void originalHeaderFields();
    void htmlEntities_data();
    void htmlEntities();
    void htmlTagsThatBreakLines();
    void reportReadsItsTextLikeTheScan_data();
    void reportReadsItsTextLikeTheScan();
};

void TestBounceText::smtpCommand_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("command");
    QTest::newRow("none") << QStringLiteral("550 5.1.1 User unknown") << QString();
    QTest::newRow("rcpt") << QStringLiteral("RCPT TO:<taro@example.jp> 550 5.1.1 User unknown") << QStringLiteral("RCPT");
    QTest::newRow("later-step-wins") << QStringLiteral("MAIL FROM:<a@example.jp> ok; RCPT TO:<b@example.jp> ok; DATA 554 rejected")
                                     << QStringLiteral("DATA");
    QTest::newRow("glued-word-is-not-a-command") << QStringLiteral("DATABASE error after RCPT TO") << QStringLiteral("RCPT");
    QTest::newRow("only-glued") << QStringLiteral("DATABASE and EMAIL.EXAMPLE.JP") << QString();
    QTest::newRow("starttls") << QStringLiteral("STARTTLS failed: 454 TLS not available") << QStringLiteral("STARTTLS");
    QTest::newRow("auth-mechanism") << QStringLiteral("AUTH LOGIN 535 authentication failed") << QStringLiteral("AUTH");
    QTest::newRow("xforward") << QStringLiteral("in reply to XFORWARD") << QStringLiteral("XFORWARD");
    QTest::newRow("lower-case-is-prose") << QStringLiteral("the data was rejected after rcpt") << QString();
    QTest::newRow("too-short") << QStringLiteral("RCP") << QString();
}

void TestBounceText::smtpCommand()
{
    QFETCH(QString, text);
    QFETCH(QString, command);
    QCOMPARE(findSmtpCommand(text), command);
}

void TestBounceText::replyCodeAnywhereInNoise()
{
    // Noise full of numbers that are not reply codes (four digits, versions, paths, single digits),
    // each wrapped in letters so that no three-digit number forms by accident; one code is put at a
    // random place, so that it falls anywhere relative to the sixteen-character steps of the search.
    static const char *const noise[] = {"a1234b", "v5.5b", "a12b", "x/12y", "q1w", "ab", " ", "日本"};
    static const char *const codes[] = {"550", "421", "250", "552"};
    QRandomGenerator rng(20261125);
    for (int round = 0; round < 400; ++round) {
        QStringList tokens;
        const int count = int(rng.bounded(40));
        for (int i = 0; i < count; ++i)
            tokens.append(QString::fromUtf8(noise[rng.bounded(int(std::size(noise)))]));
        QCOMPARE(findReplyCode(tokens.join(QString())), QString());
        const QString code = QString::fromLatin1(codes[rng.bounded(int(std::size(codes)))]);
        tokens.insert(int(rng.bounded(tokens.size() + 1)), u' ' + code + u' ');
        const QString text = tokens.join(QString());
        QVERIFY2(findReplyCode(text) == code, qPrintable(text));
    }
}

void TestBounceText::mailSystemWording_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("reason");
    QTest::newRow("qmail-quota") << QStringLiteral("Sorry, Disk Quota Exceeded for this user") << QStringLiteral("mailboxfull");
    QTest::newRow("moved") << QStringLiteral("550 5.1.6 Mailbox has moved") << QStringLiteral("hasmoved");
    QTest::newRow("first-in-the-table-wins") << QStringLiteral("mailbox has moved; disk quota exceeded")
                                             << QStringLiteral("mailboxfull");
    QTest::newRow("none") << QStringLiteral("550 5.1.1 User unknown") << QString();
}

void TestBounceText::mailSystemWording()
{
    // Through the recipient's own prepared diagnostic and through a text prepared apart: the same.
    QFETCH(QString, diagnostic);
    QFETCH(QString, reason);
    DeliveryFact fact;
    fact.diagnostic = diagnostic;
    QCOMPARE(reasonFromMailSystemPhrases(fact, *fact.diagnosticSearch()), reason);
    QCOMPARE(reasonFromVendorWording(diagnostic, DeliveryFact()), reason);
}

void TestBounceText::multilineReply_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("joined");
    QTest::newRow("repeated-codes") << QStringLiteral("550-5.7.1 Message refused 550-5.7.1 by policy 550 5.7.1 here")
                                    << QStringLiteral("550 5.7.1 Message refused by policy here");
    QTest::newRow("single-line") << QStringLiteral("550 5.1.1 User unknown") << QStringLiteral("550 5.1.1 User unknown");
    QTest::newRow("code-inside-a-number") << QStringLiteral("id 5500-12 then 550 5.1.1 unknown")
                                          << QStringLiteral("id 5500-12 then 550 5.1.1 unknown");
}

void TestBounceText::multilineReply()
{
    QFETCH(QString, diagnostic);
    QFETCH(QString, joined);
    QCOMPARE(joinMultilineReply(diagnostic, QStringLiteral("550"), QStringLiteral("5.7.1")), joined);
}

void TestBounceText::paragraphJoinsAsSimplified()
{
    // A recipient's paragraph becomes one line with single spaces: what joining its lines with a
    // space and simplifying gives, for runs of ASCII, tabs, other spaces (U+3000, U+00A0) and Japanese,
    // and for prose (ASCII words, mostly single spaces) whose spaces fall anywhere in the eight-character
    // steps of the copy.
    QRandomGenerator rng(20261127);
    const QString mixed = QStringLiteral("abcdefghij0123 .,;:\t\u3000\u00a0\u2003日本語ＡX");
    const QString prose = QStringLiteral("abcdefghijklmnopqrstuvwxyz.,     \t");
    for (int round = 0; round < 600; ++round) {
        const QString &alphabet = round % 2 ? prose : mixed;
        QStringList lines;
        const int count = 1 + int(rng.bounded(4));
        for (int l = 0; l < count; ++l) {
            QString line = QStringLiteral("w");
            const int n = int(rng.bounded(60));
            for (int i = 0; i < n; ++i)
                line += alphabet.at(int(rng.bounded(alphabet.size())));
            lines.append(line);
        }
        const QString text = QStringLiteral("<taro@example.jp>: ") + lines.join(u'\n');
        const QList<RecipientReading> readings = scanBounceText(text);
        QCOMPARE(readings.size(), qsizetype(1));
        QCOMPARE(readings.first().fact.diagnostic, lines.join(u' ').simplified());
    }
}

void TestBounceText::preambleReasonLeadsTheEvidence()
{
    // A report that gives the reason before the address: the coded line of the preamble comes first in
    // the evidence, then the recipient's own lines from its address on, eight lines in all. The block has more lines than
    // fit on the stack, the case that once lost memory when the two lists were joined.
    QStringList block;
    for (int i = 1; i <= 10; ++i)
        block.append(QStringLiteral("Line %1 of the recipient's paragraph").arg(i));
    const QString reason = QStringLiteral("Delivery failed: 550 5.1.1 The mailbox does not exist.");
    const QString text = reason + QStringLiteral("\nThe following recipients were affected:\n\n<taro@example.jp>\n")
        + block.join(u'\n') + u'\n';
    const QList<RecipientReading> readings = scanBounceText(text);
    QCOMPARE(readings.size(), qsizetype(1));
    const QStringList evidence = readings.first().evidence;
    QCOMPARE(evidence.size(), qsizetype(8));
    QCOMPARE(evidence.first(), reason);
    QVERIFY2(readings.first().fact.diagnostic.startsWith(reason), qPrintable(readings.first().fact.diagnostic));
    QCOMPARE(evidence.at(1), QStringLiteral("<taro@example.jp>"));
    QCOMPARE(evidence.last(), block.at(5));
}

void TestBounceText::preambleCodesOnlyWithoutTheBlocksOwn_data()
{
    // The preamble's coded lines (reply or status codes) lead the diagnostic only when the recipient's
    // own lines have no code; the sentences before the address stand in for an empty paragraph.
    QTest::addColumn<QString>("preamble");
    QTest::addColumn<QString>("block");
    QTest::addColumn<QString>("diagnostic");
    QTest::newRow("coded-preamble-uncoded-block")
        << QStringLiteral("Delivery failed.\nReason: 550 no such user\nPlease check.\nStatus 5.1.1 given")
        << QStringLiteral("Mailbox missing") << QStringLiteral("Reason: 550 no such user Status 5.1.1 given Mailbox missing");
    QTest::newRow("coded-preamble-coded-block")
        << QStringLiteral("Delivery failed.\nReason: 550 no such user") << QStringLiteral("452 4.2.2 over quota")
        << QStringLiteral("452 4.2.2 over quota");
    QTest::newRow("first-line-coded") << QStringLiteral("554 rejected\nThe following recipients:")
                                      << QStringLiteral("Mailbox missing") << QStringLiteral("554 rejected Mailbox missing");
    QTest::newRow("uncoded-preamble") << QStringLiteral("Delivery failed.\nPlease check the address.")
                                      << QStringLiteral("Mailbox missing") << QStringLiteral("Mailbox missing");
    QTest::newRow("uncoded-preamble-empty-block")
        << QStringLiteral("Delivery failed.\nPlease check the address.\nThe following recipients:") << QString()
        << QStringLiteral("Delivery failed. Please check the address.");
    QTest::newRow("coded-preamble-empty-block") << QStringLiteral("Delivery failed.\n550 5.1.1 no such user")
                                                << QString() << QStringLiteral("550 5.1.1 no such user");
}

void TestBounceText::preambleCodesOnlyWithoutTheBlocksOwn()
{
    QFETCH(QString, preamble);
    QFETCH(QString, block);
    QFETCH(QString, diagnostic);
    const QString text = preamble + QStringLiteral("\n\n<taro@example.jp>") + (block.isEmpty() ? QString() : u'\n' + block) + u'\n';
    const QList<RecipientReading> readings = scanBounceText(text);
    QCOMPARE(readings.size(), qsizetype(1));
    QCOMPARE(readings.first().fact.diagnostic, diagnostic);
}

void TestBounceText::recipientLeadIns_data()
{
    // A sentence that leads into an address names a recipient; the sender's address does not.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("recipient");
    QTest::newRow("your-message-to") << QStringLiteral("Your MESSAGE TO <Taro@Example.JP> could not be delivered.\n550 5.1.1 unknown")
                                     << QStringLiteral("Taro@Example.JP");
    QTest::newRow("following-recipient") << QStringLiteral("Delivery failed for the following Recipient: \"hanako@example.jp\"")
                                         << QStringLiteral("hanako@example.jp");
    QTest::newRow("addressed-to-in-parentheses") << QStringLiteral("A message Addressed To (jiro@example.jp) bounced")
                                                 << QStringLiteral("jiro@example.jp");
    QTest::newRow("mail-from-is-the-sender") << QStringLiteral("Your mail from <me@example.jp> failed: 550 denied") << QString();
    QTest::newRow("rcpt-to-in-a-sentence-is-not-a-lead-in")
        << QStringLiteral("In reply to RCPT TO failed <saburo@example.jp> 550 unknown") << QString();
    QTest::newRow("no-lead-in") << QStringLiteral("Contact postmaster@example.jp for help") << QString();
}

void TestBounceText::recipientLeadIns()
{
    QFETCH(QString, text);
    QFETCH(QString, recipient);
    const QList<RecipientReading> readings = scanBounceText(text);
    QCOMPARE(readings.isEmpty() ? QString() : readings.first().fact.recipient, recipient);
}

void TestBounceText::fewAndManyRecipientsKeepTheirParagraphs_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("three") << 3;
    QTest::newRow("eight") << 8;
    QTest::newRow("nine") << 9;
    QTest::newRow("thirty") << 30;
}

void TestBounceText::fewAndManyRecipientsKeepTheirParagraphs()
{
    // Each recipient's paragraph, then transcript lines that name the recipients again in another
    // case: every line must reach its own recipient, however many there are.
    QFETCH(int, count);
    QString text = QStringLiteral("This is the mail system at host mx.example.jp.\n\n");
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("<User%1@Example.JP>: host mx%1.example.jp said: 550 5.1.1 mailbox %1 unknown\n\n").arg(i);
    text += QStringLiteral("--- transcript ---\n");
    for (int i = count - 1; i >= 0; --i)
        text += QStringLiteral("RCPT TO:<uSER%1@eXAMPLE.jp> answered code-%1\n").arg(i);

    const QList<RecipientReading> readings = scanBounceText(text);
    QCOMPARE(readings.size(), qsizetype(count));
    for (int i = 0; i < count; ++i) {
        const DeliveryFact &f = readings.at(i).fact;
        QCOMPARE(f.recipient, QStringLiteral("User%1@Example.JP").arg(i));
        QVERIFY2(f.diagnostic.contains(QStringLiteral("mailbox %1 unknown").arg(i)), qPrintable(f.diagnostic));
        QVERIFY2(f.diagnostic.contains(QStringLiteral("code-%1").arg(i)), qPrintable(f.diagnostic));
        QCOMPARE(f.remoteMta, QStringLiteral("mx%1.example.jp").arg(i));
    }
}

void TestBounceText::explanationEndsAtTheQuotedOriginal_data()
{
    // The line that opens the quoted original, found whatever its case, indentation and the dashes
    // around it; lines that only look like one (other dash counts, Sendmail's preamble) are text.
    QTest::addColumn<QString>("marker");
    QTest::addColumn<bool>("cuts");
    QTest::newRow("exim-copy") << QStringLiteral("------ This is a copy of the message, including all the headers. ------") << true;
    QTest::newRow("indented-original-message") << QStringLiteral("   ----- Original Message -----") << true;
    QTest::newRow("glued-dashes") << QStringLiteral("-----Original Message-----") << true;
    QTest::newRow("eight-dashes") << QStringLiteral("--------Returned mail--------") << true;
    QTest::newRow("more-dashes-than-the-marker") << QStringLiteral("--------- Original Message -----") << false;
    QTest::newRow("fewer-dashes-than-the-marker") << QStringLiteral("---- Original Message -----") << false;
    QTest::newRow("spaces-after-the-dashes-count") << QStringLiteral("-----  Original Message -----") << false;
    QTest::newRow("boundary-of-many-dashes") << QStringLiteral("----------------------------------------") << false;
    QTest::newRow("header-block") << QStringLiteral("Received: from mx.example.jp (mx.example.jp [192.0.2.1])") << true;
    QTest::newRow("return-path") << QStringLiteral("return-path: <taro@example.jp>") << true;
    QTest::newRow("sendmail-preamble") << QStringLiteral("The original message was received at Sat, 4 Oct 2025 08:00:07 +0900") << false;
    QTest::newRow("original-attached") << QStringLiteral("The original message was attached below.") << true;
    QTest::newRow("original-was-lost") << QStringLiteral("The original message was lost.") << false;
    QTest::newRow("mbox-from-line") << QStringLiteral("From taro@example.jp  Sat Oct  4 08:00:07 2025") << true;
    QTest::newRow("from-in-prose") << QStringLiteral("From taro@example.jp we heard nothing") << false;
    QTest::newRow("dotted-capital-i") << QStringLiteral("\u0130ncluded is a copy of the message") << false;
    QTest::newRow("included-copy") << QStringLiteral("INCLUDED IS A COPY OF THE message") << true;
}

void TestBounceText::explanationEndsAtTheQuotedOriginal()
{
    QFETCH(QString, marker);
    QFETCH(bool, cuts);
    const QString before = QStringLiteral("Delivery to taro@example.jp failed.\n\n550 5.1.1 User unknown\n\n");
    const QString text = before + marker + QStringLiteral("\nSubject: hello\n");
    qsizetype originalAt = -2;
    const QStringView explanation = explanationPart(text, &originalAt);
    QCOMPARE(explanation, cuts ? QStringView(before) : QStringView(text));
    QCOMPARE(originalAt, cuts ? before.size() : qsizetype(-1));
}

void TestBounceText::dsnRecipientsAndVendor_data()
{
    // The mail system family from the remote host, the recipient's domain or the report's sender, in
    // any case and with characters beyond ASCII; the DSN's fields in any case; a recipient repeated
    // in another case is one recipient.
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("remoteMta");
    QTest::addColumn<QString>("vendor");
    const QString daemon = QStringLiteral("MAILER-DAEMON@mx.example.jp");
    QTest::newRow("kddi-host-in-capitals") << daemon << QStringLiteral("taro@example.jp")
                                           << QStringLiteral("LSEAN.EZWEB.NE.JP") << QStringLiteral("kddi");
    QTest::newRow("docomo-recipient-domain") << daemon << QStringLiteral("<Hanako@DoCoMo.ne.jp>")
                                             << QString() << QStringLiteral("docomo");
    QTest::newRow("outlook-host") << daemon << QStringLiteral("jiro@example.jp")
                                  << QStringLiteral("mail.protection.OUTLOOK.com") << QStringLiteral("microsoft");
    QTest::newRow("hotmail-sender") << QStringLiteral("postmaster@HOTMAIL.COM") << QStringLiteral("jiro@example.jp")
                                    << QStringLiteral("mx.example.jp") << QStringLiteral("microsoft");
    QTest::newRow("mailru-sender-ends-the-header") << QStringLiteral("MAILER-DAEMON@corp.MAIL.RU")
                                                   << QStringLiteral("saburo@example.jp") << QString()
                                                   << QStringLiteral("mailru");
    QTest::newRow("wide-letters-in-the-host") << daemon << QStringLiteral("shiro@example.jp")
                                              << QStringLiteral("ＭＸ.QQ.COM") << QStringLiteral("tencent");
    QTest::newRow("host-beyond-ascii-names-none") << daemon << QStringLiteral("goro@example.jp")
                                                  << QStringLiteral("mx.ézweb.ne.jp") << QString();
    QTest::newRow("facebook-domain-exactly") << daemon << QStringLiteral("rokuro@FACEBOOK.COM")
                                             << QString() << QStringLiteral("facebook");
    QTest::newRow("not-quite-facebook") << daemon << QStringLiteral("rokuro@myfacebook.com")
                                        << QString() << QString();
}

void TestBounceText::dsnRecipientsAndVendor()
{
    QFETCH(QString, from);
    QFETCH(QString, recipient);
    QFETCH(QString, remoteMta);
    QFETCH(QString, vendor);
    const QString address = firstAddress(recipient);
    QString message = QStringLiteral(
        "From: %1\r\nTo: sender@example.jp\r\nSubject: Returned mail\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.jp\r\n\r\n"
        "Final-Recipient: rfc822; %2\r\nAction: FAILED\r\nStatus: 5.1.1\r\n")
                          .arg(from, recipient);
    if (!remoteMta.isEmpty())
        message += QStringLiteral("Remote-MTA: dns; %1\r\n").arg(remoteMta);
    message += QStringLiteral("Diagnostic-Code: smtp; 550 5.1.1 unknown\r\n\r\n"
                              "Final-Recipient: rfc822; %1\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--\r\n")
                   .arg(address.toUpper());
    const BounceReading reading = readBounce(MailDoctor::Mime::parseMessage(message.toUtf8()));
    QCOMPARE(reading.kind, QStringLiteral("dsn"));
    QCOMPARE(reading.recipients.size(), qsizetype(1));
    const DeliveryFact &f = reading.recipients.first().fact;
    QCOMPARE(f.recipient, address);
    QCOMPARE(f.action, QStringLiteral("failed"));
    QCOMPARE(f.diagnosticType, QStringLiteral("SMTP"));
    QCOMPARE(f.vendor, vendor);
}

void TestBounceText::originalHeaderFields_data()
{
    // The returned original's fields read in one walk over its header, against Part::decodedHeader()
    // and headerCount() asked field by field: names in any case, a field given twice (the first
    // counts), encoded words, names of the same length as the wanted ones, fields missing.
    QTest::addColumn<QString>("header");
    QTest::newRow("plain") << QStringLiteral("From: Taro <taro@example.jp>\r\nTo: hanako@example.org\r\nSubject: hello\r\n"
                                             "Date: Sat, 4 Oct 2025 08:00:07 +0900\r\nMessage-ID: <1@example.jp>\r\n");
    QTest::newRow("cases-and-repeats") << QStringLiteral("received: from a\r\nRECEIVED: from b\r\nfrom: first@example.jp\r\n"
                                                         "FROM: second@example.jp\r\nmessage-id: <x@y>\r\nMessage-Id: <z@y>\r\n"
                                                         "TO: a@b.jp\r\nDATE: today\r\nsubject:  two   spaces \r\n");
    QTest::newRow("encoded-subject") << QStringLiteral("From: a@b.jp\r\nSubject: =?UTF-8?B?5pel5pys6Kqe?= and more\r\nReceived: x\r\n");
    QTest::newRow("same-lengths") << QStringLiteral("Cc: c@d.jp\r\nFrox: no\r\nSubjecx: no\r\nReceivex: no\r\nMessage-IX: no\r\n"
                                                    "From: a@b.jp\r\n");
    QTest::newRow("missing") << QStringLiteral("From: a@b.jp\r\nX-Mailer: test\r\n");
}

void TestBounceText::originalHeaderFields()
{
    QFETCH(QString, header);
    const QString message = QStringLiteral(
        "From: MAILER-DAEMON@example.jp\r\nTo: taro@example.jp\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\n<hanako@example.org>: 550 5.1.1 unknown\r\n\r\n"
        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n%1\r\n--b--\r\n").arg(header);
    const MailDoctor::OriginalMessage original = readBounce(MailDoctor::Mime::parseMessage(message.toUtf8())).original;
    const MailDoctor::Mime::ParseResult plain = MailDoctor::Mime::parseMessage(header.toUtf8());
    QVERIFY(plain.hasHeaders);
    const MailDoctor::Mime::Part &h = plain.root;
    QCOMPARE(original.from, h.decodedHeader("From").simplified());
    QCOMPARE(original.to, h.decodedHeader("To").simplified());
    QCOMPARE(original.subject, h.decodedHeader("Subject").simplified());
    QCOMPARE(original.date, h.decodedHeader("Date").simplified());
    QCOMPARE(original.messageId, h.decodedHeader("Message-ID").simplified());
    QCOMPARE(original.receivedCount, int(h.headerCount("Received")));
}

void TestBounceText::htmlEntities_data()
{
    // An HTML-only report's text: the four entities decoded once each, as replacing them in turn gives
    // ("&amp;lt;" stays "&lt;"), a bare '&' kept, and entities at the very start and end.
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("all-four") << QStringLiteral("a &lt;b&gt;&nbsp;c &amp; d") << QStringLiteral("a <b> c & d");
    QTest::newRow("escaped-entity-stays") << QStringLiteral("&amp;lt;x&amp;amp;") << QStringLiteral("&lt;x&amp;");
    QTest::newRow("bare-ampersands") << QStringLiteral("&&lt;&l&gt;t; & &am") << QStringLiteral("&<&l>t; & &am");
    QTest::newRow("unknown-entity") << QStringLiteral("&quot;q&quot;") << QStringLiteral("&quot;q&quot;");
    QTest::newRow("none") << QStringLiteral("550 5.1.1 unknown") << QStringLiteral("550 5.1.1 unknown");
}

void TestBounceText::htmlEntities()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    const QString message = QStringLiteral("From: taro@example.jp\r\nSubject: hello\r\nContent-Type: text/html\r\n\r\n"
                                           "<div>%1</div>\r\n").arg(html);
    const BounceReading reading = readBounce(MailDoctor::Mime::parseMessage(message.toUtf8()));
    QCOMPARE(reading.explanation.trimmed(), text);
}

void TestBounceText::htmlTagsThatBreakLines()
{
    // <br>, <p>, </p>, <div>, </div> and <tr> in any case (and any tag that starts like them) give a
    // line break, other tags none: each tag against the rule written plainly.
    const QStringList tags = {QStringLiteral("br"),   QStringLiteral("BR/"),  QStringLiteral("p"),
                              QStringLiteral("P class=x"), QStringLiteral("/p"), QStringLiteral("/P"),
                              QStringLiteral("div"),  QStringLiteral("DiV"),  QStringLiteral("/div"),
                              QStringLiteral("tr"),   QStringLiteral("TR"),   QStringLiteral("td"),
                              QStringLiteral("/td"),  QStringLiteral("b"),    QStringLiteral("/b"),
                              QStringLiteral("d"),    QStringLiteral("t"),    QStringLiteral("/"),
                              QStringLiteral("pre"),  QStringLiteral("/dl"),  QStringLiteral("span"),
                              QStringLiteral("\u0130"), QString()};
    for (const QString &tag : tags) {
        const QString lower = tag.toLower();
        const bool breaks = lower.startsWith(QLatin1String("br")) || lower.startsWith(u'p')
            || lower.startsWith(QLatin1String("/p")) || lower.startsWith(QLatin1String("div"))
            || lower.startsWith(QLatin1String("/div")) || lower.startsWith(QLatin1String("tr"));
        const QString message = QStringLiteral("From: taro@example.jp\r\nSubject: hello\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                                               "one<%1>two\r\n").arg(tag);
        const BounceReading reading = readBounce(MailDoctor::Mime::parseMessage(message.toUtf8()));
        QCOMPARE(reading.explanation.trimmed(), breaks ? QStringLiteral("one\ntwo") : QStringLiteral("onetwo"));
    }
}

void TestBounceText::reportReadsItsTextLikeTheScan_data()
{
    // A plain-text report is read line by line once, for the quoted original and the recipients
    // together: the recipients must be those scanBounceText() finds in the explanation, whatever the
    // line endings, a missing last line break, or where the quoted original starts.
    QTest::addColumn<QString>("body");
    const QString paragraph = QStringLiteral("This is the mail system at host mx.example.jp.\n\n"
                                             "<taro@example.jp>: host mx.example.org[192.0.2.1] said: 550 5.1.1\n"
                                             "    User unknown (in reply to RCPT TO command)\n\n"
                                             "<hanako@example.jp>: mailbox full\n");
    QTest::newRow("lf") << paragraph;
    QTest::newRow("crlf") << QString(paragraph).replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    QTest::newRow("no-last-line-break") << paragraph + QStringLiteral("    quota exceeded");
    QTest::newRow("quoted-original") << paragraph + QStringLiteral("------ This is a copy of the message, including all the headers. ------\n"
                                                                   "To: jiro@example.jp\n\nhello\n");
    QTest::newRow("quoted-original-crlf")
        << QString(paragraph + QStringLiteral("----- Original message -----\nTo: <jiro@example.jp>\n"))
               .replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    QTest::newRow("original-on-the-first-line") << QStringLiteral("----- Original message -----\n") + paragraph;
    QTest::newRow("indented-lines") << QStringLiteral("  \t<saburo@example.jp>:  550 unknown \n \n\t  more words\n");
}

void TestBounceText::reportReadsItsTextLikeTheScan()
{
    QFETCH(QString, body);
    const QString message = QStringLiteral("From: MAILER-DAEMON@mx.example.jp\r\nTo: sender@example.jp\r\n"
                                           "Subject: Undelivered Mail Returned to Sender\r\n\r\n")
        + body;
    const BounceReading reading = readBounce(MailDoctor::Mime::parseMessage(message.toUtf8()));
    const QList<RecipientReading> scanned = scanBounceText(reading.explanation);
    QCOMPARE(reading.recipients.size(), scanned.size());
    for (qsizetype i = 0; i < scanned.size(); ++i) {
        const DeliveryFact &got = reading.recipients.at(i).fact;
        const DeliveryFact &expected = scanned.at(i).fact;
        QCOMPARE(got.recipient, expected.recipient);
        QCOMPARE(got.diagnostic, expected.diagnostic);
        QCOMPARE(got.command, expected.command);
        QCOMPARE(got.remoteMta, expected.remoteMta);
        QCOMPARE(reading.recipients.at(i).evidence, scanned.at(i).evidence);
    }
}

QTEST_APPLESS_MAIN(TestBounceText)
#include "tst_bouncetext.moc"
