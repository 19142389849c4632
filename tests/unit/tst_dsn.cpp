// RFC 3464 message/delivery-status parsing, with the irregular forms real MTAs send.

#include "mime/dsn.h"
#include "mime/mimemessage.h"

#include <QFile>
#include <QTest>

using namespace MailDoctor;

class TestDsn : public QObject
{
    Q_OBJECT

private slots:
    void perMessageFields();
    void foldedDiagnosticCode_data();
    void foldedDiagnosticCode();
    void severalRecipients();
    void missingFields();
    void extensionFields();
    void repeatedFieldNames();
    void reportOutlivesItsText();
    void recipientsWithoutBlankLines();
    void noPerMessageBlock();
    void blanksBeforeColon();
    void statusCode_data();
    void statusCode();
    void typePrefix_data();
    void typePrefix();
    void fromParsedMessage();
    void emptyAndJunk_data();
    void emptyAndJunk();
    void sharedValues_data();
    void sharedValues();
    void sharedValueOutlivesReport();
    void foldedValueOfLongReportHoldsLittle();
    void knownNamesInAnySpelling();
    void valuesTrimmedAsQtTrims_data();
    void valuesTrimmedAsQtTrims();
};

void TestDsn::perMessageFields()
{
    const Dsn::Report report = Dsn::parse(u"Reporting-MTA: dns; mx1.example.org\r\n"
                                          u"Received-From-MTA: DNS; client.example.net\r\n"
                                          u"Arrival-Date: Sun, 22 Nov 2026 10:00:00 +0900\r\n"
                                          u"\r\n"
                                          u"Final-Recipient: rfc822; a@example.com\r\n"
                                          u"Action: failed\r\n"
                                          u"Status: 5.1.1\r\n");
    QCOMPARE(report.reportingMta, QStringLiteral("mx1.example.org"));
    QCOMPARE(report.receivedFromMta, QStringLiteral("client.example.net"));
    QCOMPARE(report.arrivalDate, QStringLiteral("Sun, 22 Nov 2026 10:00:00 +0900"));
    QCOMPARE(report.fields.value(QStringLiteral("reporting-mta")), QStringLiteral("dns; mx1.example.org"));
    QCOMPARE(report.recipients.size(), 1);
}

void TestDsn::foldedDiagnosticCode_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("type");

    QTest::newRow("gmail-style-continuations")
        << QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                          "Action: failed\n"
                          "Status: 5.1.1\n"
                          "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\n"
                          "    not exist. Please try\n"
                          "\t550 5.1.1 double-checking the recipient's email address\n")
        << QStringLiteral("550-5.1.1 The email account that you tried to reach does not exist. Please try "
                          "550 5.1.1 double-checking the recipient's email address")
        << QStringLiteral("smtp");
    QTest::newRow("crlf-folded") << QStringLiteral(
        "Final-Recipient: rfc822; a@example.com\r\nAction: failed\r\nStatus: 5.2.2\r\n"
        "Diagnostic-Code: SMTP; 552 5.2.2 Mailbox full\r\n  (quota exceeded)\r\n")
                                 << QStringLiteral("552 5.2.2 Mailbox full (quota exceeded)")
                                 << QStringLiteral("smtp");
    QTest::newRow("unindented-continuation")
        << QStringLiteral("Final-Recipient: rfc822; a@example.com\nStatus: 5.0.0\n"
                          "Diagnostic-Code: X-Unix; delivery via local: permission denied\n"
                          "while writing to mailbox\n")
        << QStringLiteral("delivery via local: permission denied while writing to mailbox")
        << QStringLiteral("x-unix");
    QTest::newRow("no-type") << QStringLiteral("Final-Recipient: rfc822; a@example.com\nStatus: 5.0.0\n"
                                               "Diagnostic-Code: 550 Host unknown\n")
                             << QStringLiteral("550 Host unknown") << QString();
}

void TestDsn::foldedDiagnosticCode()
{
    QFETCH(QString, body);
    QFETCH(QString, diagnostic);
    QFETCH(QString, type);
    const Dsn::Report report = Dsn::parse(body);
    QCOMPARE(report.recipients.size(), 1);
    QCOMPARE(report.recipients.first().diagnosticCode, diagnostic);
    QCOMPARE(report.recipients.first().diagnosticType, type);
}

void TestDsn::severalRecipients()
{
    const Dsn::Report report = Dsn::parse(u"Reporting-MTA: dns; mx.example.org\n"
                                          u"\n"
                                          u"Original-Recipient: rfc822;first@example.com\n"
                                          u"Final-Recipient: RFC822; <first@example.com>\n"
                                          u"Action: failed\n"
                                          u"Status: 5.1.1 (bad destination mailbox address)\n"
                                          u"Remote-MTA: dns; mx.example.com\n"
                                          u"Diagnostic-Code: smtp; 550 5.1.1 User unknown\n"
                                          u"Last-Attempt-Date: Sun, 22 Nov 2026 10:00:00 +0900\n"
                                          u"\n"
                                          u"Final-Recipient: rfc822; second@example.net\n"
                                          u"Action: delayed\n"
                                          u"Status: 4.4.7\n"
                                          u"Will-Retry-Until: Mon, 23 Nov 2026 10:00:00 +0900\n"
                                          u"\n"
                                          u"Final-Recipient: rfc822; third@example.jp\n"
                                          u"Action: Delivered (to mailbox)\n"
                                          u"Status: 2.0.0\n");
    QCOMPARE(report.recipients.size(), 3);
    const Dsn::Recipient &first = report.recipients.at(0);
    QCOMPARE(first.finalRecipient, QStringLiteral("first@example.com"));
    QCOMPARE(first.originalRecipient, QStringLiteral("first@example.com"));
    QCOMPARE(first.action, QStringLiteral("failed"));
    QCOMPARE(first.status, QStringLiteral("5.1.1"));
    QCOMPARE(first.remoteMta, QStringLiteral("mx.example.com"));
    QCOMPARE(first.lastAttemptDate, QStringLiteral("Sun, 22 Nov 2026 10:00:00 +0900"));
    QCOMPARE(first.fields.value(QStringLiteral("final-recipient")),
             QStringLiteral("RFC822; <first@example.com>"));
    const Dsn::Recipient &second = report.recipients.at(1);
    QCOMPARE(second.finalRecipient, QStringLiteral("second@example.net"));
    QCOMPARE(second.action, QStringLiteral("delayed"));
    QCOMPARE(second.status, QStringLiteral("4.4.7"));
    QCOMPARE(second.willRetryUntil, QStringLiteral("Mon, 23 Nov 2026 10:00:00 +0900"));
    QVERIFY(second.originalRecipient.isEmpty());
    QCOMPARE(report.recipients.at(2).action, QStringLiteral("delivered"));
}

void TestDsn::missingFields()
{
    const Dsn::Report report = Dsn::parse(u"Final-Recipient: rfc822; a@example.com\nAction: failed\n");
    QCOMPARE(report.recipients.size(), 1);
    const Dsn::Recipient &r = report.recipients.first();
    QCOMPARE(r.finalRecipient, QStringLiteral("a@example.com"));
    QVERIFY(r.status.isEmpty());
    QVERIFY(r.diagnosticCode.isEmpty());
    QVERIFY(r.remoteMta.isEmpty());
    QVERIFY(report.reportingMta.isEmpty());

    // A block with only Status and a diagnostic still is a recipient (the address is elsewhere).
    const Dsn::Report noAddress
        = Dsn::parse(u"Reporting-MTA: dns; x\n\nStatus: 5.7.1\nDiagnostic-Code: smtp; 550 no\n");
    QCOMPARE(noAddress.recipients.size(), 1);
    QVERIFY(noAddress.recipients.first().finalRecipient.isEmpty());
    QCOMPARE(noAddress.recipients.first().status, QStringLiteral("5.7.1"));
}

void TestDsn::extensionFields()
{
    const Dsn::Report report = Dsn::parse(u"Reporting-MTA: dns; mx.example.org\n"
                                          u"X-Postfix-Queue-ID: 4QABC123\n"
                                          u"X-Postfix-Sender: rfc822; sender@example.net\n"
                                          u"\n"
                                          u"Final-Recipient: rfc822; a@example.com\n"
                                          u"X-Actual-Recipient: rfc822; alias@example.com\n"
                                          u"Action: failed\n"
                                          u"Status: 5.0.0\n"
                                          u"X-Display-Name: Kuro\n"
                                          u"  Neko\n");
    QCOMPARE(report.fields.value(QStringLiteral("x-postfix-queue-id")), QStringLiteral("4QABC123"));
    QCOMPARE(report.fields.value(QStringLiteral("x-postfix-sender")),
             QStringLiteral("rfc822; sender@example.net"));
    QCOMPARE(report.recipients.size(), 1);
    const Dsn::Recipient &r = report.recipients.first();
    QCOMPARE(r.fields.value(QStringLiteral("x-actual-recipient")),
             QStringLiteral("rfc822; alias@example.com"));
    QCOMPARE(r.fields.value(QStringLiteral("x-display-name")), QStringLiteral("Kuro Neko"));
}

void TestDsn::repeatedFieldNames()
{
    // Names match in lower case whatever their spelling: the per-message block keeps the first of a
    // repeated name, a recipient the last; a second Final-Recipient (any spelling) starts a recipient.
    const Dsn::Report report = Dsn::parse(u"X-Queue: first\nx-QUEUE: second\n\n"
                                          u"Final-Recipient: rfc822; a@example.com\n"
                                          u"X-Note: one\nX-NOTE: two\n"
                                          u"FINAL-RECIPIENT: rfc822; b@example.com\n");
    QCOMPARE(report.fields.value(QStringLiteral("x-queue")), QStringLiteral("first"));
    QCOMPARE(report.fields.size(), 1);
    QVERIFY(report.fields.contains(QStringLiteral("x-queue")));
    QVERIFY(!report.fields.contains(QStringLiteral("X-Queue"))); // lookups are in lower case
    QCOMPARE(report.recipients.size(), 2);
    QCOMPARE(report.recipients.at(0).fields.value(QStringLiteral("x-note")), QStringLiteral("two"));
    QCOMPARE(report.recipients.at(0).fields.size(), 2);
    QCOMPARE(report.recipients.at(1).finalRecipient, QStringLiteral("b@example.com"));
}

void TestDsn::reportOutlivesItsText()
{
    // The fields are views into the text the report shares: a recipient copied out keeps them valid
    // after the report is gone and the caller's string was written to.
    QString body = QStringLiteral("Reporting-MTA: dns; mx.example.org\n\n"
                                  "Final-Recipient: rfc822; a@example.com\n"
                                  "Diagnostic-Code: smtp; 550 5.1.1 no such\n"
                                  "    user here\n"
                                  "X-Extra: kept\n");
    Dsn::Recipient copy;
    {
        const Dsn::Report report = Dsn::parse(body);
        copy = report.recipients.first();
        body.fill(u'#');
    }
    QCOMPARE(copy.fields.value(QStringLiteral("x-extra")), QStringLiteral("kept"));
    QCOMPARE(copy.fields.value(QStringLiteral("diagnostic-code")), QStringLiteral("smtp; 550 5.1.1 no such user here"));
    QCOMPARE(copy.diagnosticCode, QStringLiteral("550 5.1.1 no such user here"));
}

void TestDsn::recipientsWithoutBlankLines()
{
    const Dsn::Report report = Dsn::parse(u"Reporting-MTA: dns; mx.example.org\n"
                                          u"Final-Recipient: rfc822; one@example.com\n"
                                          u"Action: failed\n"
                                          u"Status: 5.1.1\n"
                                          u"Final-Recipient: rfc822; two@example.com\n"
                                          u"Original-Recipient: rfc822; two-orig@example.com\n"
                                          u"Action: failed\n"
                                          u"Status: 5.2.1\n");
    QCOMPARE(report.reportingMta, QStringLiteral("mx.example.org"));
    QCOMPARE(report.recipients.size(), 2);
    QCOMPARE(report.recipients.at(0).finalRecipient, QStringLiteral("one@example.com"));
    QCOMPARE(report.recipients.at(0).status, QStringLiteral("5.1.1"));
    QCOMPARE(report.recipients.at(1).finalRecipient, QStringLiteral("two@example.com"));
    QCOMPARE(report.recipients.at(1).originalRecipient, QStringLiteral("two-orig@example.com"));
    QCOMPARE(report.recipients.at(1).status, QStringLiteral("5.2.1"));
}

void TestDsn::noPerMessageBlock()
{
    const Dsn::Report report = Dsn::parse(u"\n\nFinal-Recipient: rfc822;a@example.com\nStatus: 5.1.1\n");
    QVERIFY(report.reportingMta.isEmpty());
    QCOMPARE(report.recipients.size(), 1);
    QCOMPARE(report.recipients.first().finalRecipient, QStringLiteral("a@example.com"));
}

void TestDsn::blanksBeforeColon()
{
    // One block, fields written "Name : value", the address with an "rfc/822" type (seen from a gateway).
    const Dsn::Report report = Dsn::parse(u"Reporting-MTA : dns;gw.example.net\n"
                                          u"Arrival-Date : Sun, 22 Nov 2026 10:00:00 GMT\n"
                                          u"Action : failed\n"
                                          u"Status : 5.0.0\n"
                                          u"Diagnostic-Code : smtp;550 5.7.54 Unable to relay\n"
                                          u"Original-Recipient : rfc/822;a@example.net\n"
                                          u"Remote-MTA : example.net\n");
    QCOMPARE(report.reportingMta, QStringLiteral("gw.example.net"));
    QCOMPARE(report.arrivalDate, QStringLiteral("Sun, 22 Nov 2026 10:00:00 GMT"));
    QCOMPARE(report.recipients.size(), 1);
    const Dsn::Recipient &r = report.recipients.first();
    QCOMPARE(r.action, QStringLiteral("failed"));
    QCOMPARE(r.status, QStringLiteral("5.0.0"));
    QCOMPARE(r.diagnosticCode, QStringLiteral("550 5.7.54 Unable to relay"));
    QCOMPARE(r.originalRecipient, QStringLiteral("a@example.net"));
    QCOMPARE(r.remoteMta, QStringLiteral("example.net"));
}

void TestDsn::statusCode_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "5.1.1"
                           << "5.1.1";
    QTest::newRow("comment") << "5.7.1 (delivery not authorized)"
                             << "5.7.1";
    QTest::newRow("three-digit-detail") << "5.7.510"
                                        << "5.7.510";
    QTest::newRow("leading-blanks") << "   4.2.2"
                                    << "4.2.2";
    QTest::newRow("reply-code-prefixed") << "550 5.1.1"
                                         << "5.1.1";
    QTest::newRow("not-a-code") << "failed"
                                << "failed";
}

void TestDsn::statusCode()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QString body = QStringLiteral("Final-Recipient: rfc822; a@b.example\nStatus: ") + value;
    const Dsn::Report report = Dsn::parse(body);
    QCOMPARE(report.recipients.size(), 1);
    QCOMPARE(report.recipients.first().status, expected);
}

void TestDsn::typePrefix_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stripped");
    QTest::addColumn<QString>("type");
    QTest::newRow("rfc822") << "rfc822; a@example.com"
                            << "a@example.com"
                            << "rfc822";
    QTest::newRow("upper-no-blank") << "RFC822;a@example.com"
                                    << "a@example.com"
                                    << "rfc822";
    QTest::newRow("dns") << "dns; [192.0.2.1]"
                         << "[192.0.2.1]"
                         << "dns";
    QTest::newRow("x-unix") << "X-Unix; something"
                            << "something"
                            << "x-unix";
    QTest::newRow("no-prefix") << "a@example.com"
                               << "a@example.com"
                               << "";
    QTest::newRow("semicolon-in-text") << "550 no such user; sorry"
                                       << "550 no such user; sorry"
                                       << "";
    QTest::newRow("rfc-slash-822") << "rfc/822;a@example.net"
                                   << "a@example.net"
                                   << "rfc/822";
    QTest::newRow("address-before-semicolon") << "<a@example.net>; gone"
                                              << "<a@example.net>; gone"
                                              << "";
}

void TestDsn::typePrefix()
{
    QFETCH(QString, value);
    QFETCH(QString, stripped);
    QFETCH(QString, type);
    QString gotType = QStringLiteral("unset");
    QCOMPARE(Dsn::stripTypePrefix(value, &gotType), stripped);
    QCOMPARE(gotType, type);
}

void TestDsn::fromParsedMessage()
{
    QFile file(QStringLiteral(MAILDOCTOR_TEST_DATA "/mime/crlf-multipart-report.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Mime::ParseResult message = Mime::parseMessage(file.readAll());
    QCOMPARE(message.root.children.size(), 3);
    const Mime::Part &status = message.root.children.at(1);
    QVERIFY(status.is("message", "delivery-status"));
    const Dsn::Report report = Dsn::parse(status.text());
    QCOMPARE(report.reportingMta, QStringLiteral("relay.example.org"));
    QCOMPARE(report.fields.value(QStringLiteral("x-postfix-queue-id")), QStringLiteral("1A2B3C"));
    QCOMPARE(report.recipients.size(), 1);
    const Dsn::Recipient &r = report.recipients.first();
    QCOMPARE(r.finalRecipient, QStringLiteral("nobody@example.com"));
    QCOMPARE(r.originalRecipient, QStringLiteral("nobody@example.com"));
    QCOMPARE(r.diagnosticCode,
             QStringLiteral("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"));
}

void TestDsn::emptyAndJunk_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank-lines") << QStringLiteral("\n\r\n  \n");
    QTest::newRow("prose") << QStringLiteral("This is not a delivery status.\nJust text.");
    QTest::newRow("colon-only") << QStringLiteral(":\n: :\n");
    QTest::newRow("continuation-first") << QStringLiteral("   folded without a field\n");
    // Names with a character no field name has are not fields.
    QTest::newRow("8-bit-name") << QStringLiteral("Final-Recipi\u00e9nt: rfc822; a@example.com\n"
                                                  "R\u00e9porting-MTA: dns; mx.example.com\n");
    QTest::newRow("wide-in-name") << QStringLiteral("Final-Recipient\u5b9b: rfc822; a@example.com\n"
                                                    "Rep\uff4frting-MTA: dns; mx.example.com\n");
    QTest::newRow("control-in-name") << QStringLiteral("Final-\u0001Recipient: rfc822; a@example.com\n"
                                                       "Reporting\u007f-MTA: dns; mx.example.com\n");
    QTest::newRow("blank-inside-name") << QStringLiteral("Final Recipient: rfc822; a@example.com\n"
                                                         "Reporting-MTA dns: mx.example.com\n");
}

void TestDsn::emptyAndJunk()
{
    QFETCH(QString, body);
    const Dsn::Report report = Dsn::parse(body);
    QVERIFY(report.recipients.isEmpty());
    QVERIFY(report.reportingMta.isEmpty());
}

void TestDsn::sharedValues_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("diagnosticType");
    QTest::newRow("postfix-lower-case") << QStringLiteral("Reporting-MTA: dns; mx.example.org\n\n"
                                                          "Final-Recipient: rfc822; a@example.com\n"
                                                          "Action: failed\nStatus: 5.1.1\n"
                                                          "Remote-MTA: dns; mx.example.com\n"
                                                          "Diagnostic-Code: smtp; 550 5.1.1 unknown\n")
                                        << QStringLiteral("failed") << QStringLiteral("smtp");
    QTest::newRow("exchange-upper-case") << QStringLiteral("Final-Recipient: RFC822; <a@example.com>\n"
                                                           "Action: FAILED\nStatus: 5.7.1\n"
                                                           "Diagnostic-Code: SMTP; 550 5.7.1 denied\n")
                                         << QStringLiteral("failed") << QStringLiteral("smtp");
    QTest::newRow("action-with-comment") << QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                                                           "Action: Failed (permanent)\n"
                                                           "Diagnostic-Code: X-Unix; 255\n")
                                         << QStringLiteral("failed") << QStringLiteral("x-unix");
    QTest::newRow("action-lower-with-comment") << QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                                                                 "Action: delayed  (will retry)\n")
                                               << QStringLiteral("delayed") << QString();
    QTest::newRow("action-non-ascii") << QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                                                        "Action: \u0130ailed x\n")
                                      << QStringLiteral("\u0130ailed").toLower() << QString();
    QTest::newRow("folded-diagnostic") << QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                                                         "Action: failed\n"
                                                         "Diagnostic-Code: smtp; 550 5.1.1 no such\n"
                                                         "    user\n")
                                       << QStringLiteral("failed") << QStringLiteral("smtp");
}

void TestDsn::sharedValues()
{
    // The values share the report's text; read from a text the report may not share (raw data, which
    // it copies from), and against the plain derivations, they must come out the same.
    QFETCH(QString, body);
    QFETCH(QString, action);
    QFETCH(QString, diagnosticType);
    const Dsn::Report shared = Dsn::parse(body);
    const Dsn::Report copied = Dsn::parse(QString::fromRawData(body.constData(), body.size()));
    QCOMPARE(shared.recipients.size(), 1);
    QCOMPARE(copied.recipients.size(), 1);
    const Dsn::Recipient &a = shared.recipients.first();
    const Dsn::Recipient &b = copied.recipients.first();
    QCOMPARE(a.action, action);
    QCOMPARE(a.diagnosticType, diagnosticType);
    QCOMPARE(a.action.isNull(), action.isNull());
    QCOMPARE(a.finalRecipient, b.finalRecipient);
    QCOMPARE(a.action, b.action);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.remoteMta, b.remoteMta);
    QCOMPARE(a.diagnosticCode, b.diagnosticCode);
    QCOMPARE(a.diagnosticType, b.diagnosticType);
    QCOMPARE(shared.reportingMta, copied.reportingMta);
    // The plain derivation of the action: the field lowered, then cut at its first blank.
    const QString lowered = a.fields.value(QStringLiteral("action")).trimmed().toLower();
    const qsizetype blank = lowered.indexOf(QLatin1Char(' '));
    QCOMPARE(a.action, blank > 0 ? lowered.left(blank) : lowered);
    QCOMPARE(a.finalRecipient, QStringLiteral("a@example.com"));
}

void TestDsn::sharedValueOutlivesReport()
{
    // A value that shares the report's text stays itself once the report and the text are gone, and
    // writing to it (as its last owner) or to a copy of it touches nothing else.
    QString body = QStringLiteral("Final-Recipient: rfc822; a@example.com\n"
                                  "Action: failed\nStatus: 5.1.1 (unknown)\n"
                                  "Diagnostic-Code: smtp; 550 no such\n  user\n");
    QString status;
    QString diagnostic;
    QString recipient;
    {
        const Dsn::Report report = Dsn::parse(body);
        status = report.recipients.first().status;
        diagnostic = report.recipients.first().diagnosticCode;
        recipient = report.recipients.first().finalRecipient;
        QString copy = status;
        copy.append(QStringLiteral("!!"));
        QCOMPARE(copy, QStringLiteral("5.1.1!!"));
        QCOMPARE(report.recipients.first().status, QStringLiteral("5.1.1"));
    }
    body.fill(u'#');
    body.clear();
    QCOMPARE(status, QStringLiteral("5.1.1"));
    status.append(u'x');
    QCOMPARE(status, QStringLiteral("5.1.1x"));
    QCOMPARE(recipient, QStringLiteral("a@example.com"));
    QCOMPARE(diagnostic, QStringLiteral("550 no such user"));
    diagnostic.prepend(u'>');
    QCOMPARE(diagnostic, QStringLiteral(">550 no such user"));
}

void TestDsn::foldedValueOfLongReportHoldsLittle()
{
    // A folded value is joined in a buffer it keeps sharing after the parse: that buffer is sized for
    // the joined values, not for the whole text, so a long pasted report leaves no copy of its size
    // behind in the values a caller keeps.
    QString body = QStringLiteral("Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n"
                                  "Diagnostic-Code: smtp; 550 no such\n  user\n");
    const QString filler = QStringLiteral("X-Filler: 0123456789012345678901234567890123456789\n");
    while (body.size() < 1024 * 1024)
        body += filler;
    QString diagnostic;
    {
        const Dsn::Report report = Dsn::parse(body);
        QCOMPARE(report.recipients.size(), 1);
        diagnostic = report.recipients.first().diagnosticCode;
    }
    body.clear();
    QCOMPARE(diagnostic, QStringLiteral("550 no such user"));
    QVERIFY2(diagnostic.data_ptr().d_ptr() != nullptr, "the joined value shares its buffer");
    QVERIFY2(diagnostic.data_ptr().d_ptr()->allocatedCapacity() < 64 * 1024,
             qPrintable(QStringLiteral("the joined value keeps %1 characters alive")
                            .arg(diagnostic.data_ptr().d_ptr()->allocatedCapacity())));
}

void TestDsn::knownNamesInAnySpelling()
{
    // Every field the parser acts on, in upper case and in an odd spelling; names of the same length
    // and first letter as a known one are other fields.
    for (const bool upper : { true, false }) {
        QString body = QStringLiteral("Reporting-MTA: dns; mx.example.org\nArrival-Date: today\n"
                                      "Received-From-MTA: dns; in.example.org\n\n"
                                      "Final-Recipient: rfc822; a@example.com\n"
                                      "Original-Recipient: rfc822; b@example.com\n"
                                      "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.com\n"
                                      "Diagnostic-Code: smtp; 550 unknown\nLast-Attempt-Date: yesterday\n"
                                      "Will-Retry-Until: never\nFinal-Log-ID: 42\n"
                                      "Finel-Recipient: rfc822; c@example.com\nStatut: 4.0.0\n");
        body = upper ? body.toUpper() : body.replace(QStringLiteral("Final-R"), QStringLiteral("fINAL-r"));
        const Dsn::Report report = Dsn::parse(body);
        const auto expect = [upper](const char *text) {
            const QString s = QString::fromLatin1(text);
            return upper ? s.toUpper() : s;
        };
        QCOMPARE(report.reportingMta, expect("mx.example.org"));
        QCOMPARE(report.arrivalDate, expect("today"));
        QCOMPARE(report.receivedFromMta, expect("in.example.org"));
        QCOMPARE(report.recipients.size(), 1);
        const Dsn::Recipient &r = report.recipients.first();
        QCOMPARE(r.finalRecipient, expect("a@example.com"));
        QCOMPARE(r.originalRecipient, expect("b@example.com"));
        QCOMPARE(r.action, QStringLiteral("failed"));
        QCOMPARE(r.status, QStringLiteral("5.1.1"));
        QCOMPARE(r.remoteMta, expect("mx.example.com"));
        QCOMPARE(r.diagnosticCode, expect("550 unknown"));
        QCOMPARE(r.diagnosticType, QStringLiteral("smtp"));
        QCOMPARE(r.lastAttemptDate, expect("yesterday"));
        QCOMPARE(r.willRetryUntil, expect("never"));
        QCOMPARE(r.fields.value(QStringLiteral("final-log-id")), QStringLiteral("42"));
        QCOMPARE(r.fields.value(QStringLiteral("finel-recipient")), expect("rfc822; c@example.com"));
        QCOMPARE(r.fields.value(QStringLiteral("statut")), QStringLiteral("4.0.0"));
    }
}

void TestDsn::valuesTrimmedAsQtTrims_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("5.1.1");
    QTest::newRow("tabs-and-blanks") << QStringLiteral("\t 5.1.1 \t");
    QTest::newRow("form-feed-vertical-tab") << QStringLiteral("\f\v5.1.1\v\f");
    QTest::newRow("no-break-space") << QStringLiteral("\u00a05.1.1\u00a0");
    QTest::newRow("ideographic-space") << QStringLiteral(" \u30005.1.1\u3000 ");
    QTest::newRow("next-line") << QStringLiteral("\u00855.1.1 \u0085");
    QTest::newRow("non-ascii-inside") << QStringLiteral(" \u30bf5.1.1\u30bf ");
    QTest::newRow("only-blanks") << QStringLiteral(" \t ");
    QTest::newRow("only-unicode-blanks") << QStringLiteral("\u3000\u00a0");
}

void TestDsn::valuesTrimmedAsQtTrims()
{
    // Values are trimmed inline for ASCII blanks; whatever the ends, the result is QString::trimmed()'s.
    QFETCH(QString, value);
    const Dsn::Report report
        = Dsn::parse(QStringLiteral("Final-Recipient: rfc822; a@example.com\nX-Value:") + value
                     + QStringLiteral("\nWill-Retry-Until:") + value + QStringLiteral("\n"));
    QCOMPARE(report.recipients.size(), 1);
    QCOMPARE(report.recipients.first().fields.value(QStringLiteral("x-value")), value.trimmed());
    QCOMPARE(report.recipients.first().willRetryUntil, value.trimmed());
}

QTEST_GUILESS_MAIN(TestDsn)
#include "tst_dsn.moc"
