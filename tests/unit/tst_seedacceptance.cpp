#include "analyzer.h"
#include "kbvalidator.h"
#include "knowledgebase.h"
#include "patternmatcher.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace MailDoctor;

/* The seed acceptance cases (../shared/acceptance/seed-cases.jsonl): every error text from the
 * helpdesk pages the knowledge base was written from must lead to its cause, through the analyzer
 * and through the knowledge-base patterns alone, so that the data carries the result by itself. */
class TestSeedAcceptance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtInKnowledgeBaseIsValid();
    void everyCauseHasAnEntry();
    void everyCatalogueCauseIsKnown();
    void analyzerFindsSeedCause_data();
    void analyzerFindsSeedCause();
    void patternsAloneFindSeedCause_data();
    void patternsAloneFindSeedCause();
    void patternsRecogniseFamily_data();
    void patternsRecogniseFamily();

private:
    void addSeedRows();

    KnowledgeBase m_kb;
    QList<KbProblem> m_loadProblems;
    // Built once: they prepare their tables from the whole knowledge base, as the app does at start.
    std::unique_ptr<Analyzer> m_analyzer;
    std::unique_ptr<PatternMatcher> m_matcher;
};

namespace {

QString sharedPath(const QString &relative)
{
    return QStringLiteral(MAILDOCTOR_SHARED_DIR "/") + relative;
}

QString problemLines(const QList<KbProblem> &problems)
{
    QStringList lines;
    for (const KbProblem &p : problems)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void TestSeedAcceptance::initTestCase()
{
    m_kb.loadDirectory(KnowledgeBase::builtInPath(), &m_loadProblems);
    QVERIFY2(!m_kb.isEmpty(), "the built-in knowledge base is not embedded");
    m_analyzer = std::make_unique<Analyzer>(&m_kb);
    m_matcher = std::make_unique<PatternMatcher>(&m_kb);
}

void TestSeedAcceptance::builtInKnowledgeBaseIsValid()
{
    QList<KbProblem> problems = m_loadProblems;
    problems += validateKnowledgeBase(m_kb);
    QVERIFY2(problems.isEmpty(), qPrintable(problemLines(problems)));
}

void TestSeedAcceptance::everyCauseHasAnEntry()
{
    QVERIFY(!m_kb.causes().isEmpty());
    QStringList uncovered;
    for (const Cause &cause : m_kb.causes()) {
        if (m_kb.entriesForCause(cause.id).isEmpty())
            uncovered.append(cause.id);
    }
    QVERIFY2(uncovered.isEmpty(), qPrintable(QStringLiteral("causes without an entry: ") + uncovered.join(u' ')));
}

void TestSeedAcceptance::everyCatalogueCauseIsKnown()
{
    // causes.json is generated from the catalogue; a cause added there must reach the data too.
    QFile tsv(sharedPath(QStringLiteral("spec/causes.tsv")));
    if (!tsv.open(QIODevice::ReadOnly | QIODevice::Text))
        QSKIP("spec/causes.tsv not found under MAILDOCTOR_SHARED_DIR; the shared material is not here");
    bool header = true;
    int count = 0;
    while (!tsv.atEnd()) {
        const QString line = QString::fromUtf8(tsv.readLine()).trimmed();
        if (header || line.isEmpty()) {
            header = false;
            continue;
        }
        const QString id = line.section(QLatin1Char('\t'), 0, 0);
        QVERIFY2(m_kb.cause(id), qPrintable(QStringLiteral("cause missing from causes.json: ") + id));
        QVERIFY2(!m_kb.entriesForCause(id).isEmpty(), qPrintable(QStringLiteral("no entry for cause ") + id));
        ++count;
    }
    QCOMPARE(count, int(m_kb.causes().size()));
}

void TestSeedAcceptance::addSeedRows()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("accepted");
    QTest::addColumn<QString>("severity");

    QFile file(sharedPath(QStringLiteral("acceptance/seed-cases.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("acceptance/seed-cases.jsonl not found under MAILDOCTOR_SHARED_DIR; the shared material is not here");
    int rows = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonObject row = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QStringList accepted{row.value(QLatin1String("cause")).toString()};
        const QJsonArray accept = row.value(QLatin1String("accept")).toArray();
        for (const QJsonValue &v : accept)
            accepted.append(v.toString());
        const QByteArray id = row.value(QLatin1String("id")).toString().toUtf8();
        QTest::newRow(id.constData()) << row.value(QLatin1String("input")).toString() << accepted
                                      << row.value(QLatin1String("severity")).toString();
        ++rows;
    }
    QVERIFY2(rows > 0, "the seed case file is empty");
}

void TestSeedAcceptance::analyzerFindsSeedCause_data()
{
    addSeedRows();
}

void TestSeedAcceptance::analyzerFindsSeedCause()
{
    QFETCH(QString, input);
    QFETCH(QStringList, accepted);
    QFETCH(QString, severity);

    const AnalysisResult result = m_analyzer->analyzeText(input, QString::fromUtf8(QTest::currentDataTag()));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY2(!result.causes.isEmpty(), "no cause recognised");
    const QString top = result.causes.first().cause;
    QVERIFY2(accepted.contains(top), qPrintable(QStringLiteral("top cause %1 (entry %2), expected %3")
                                                    .arg(top, result.causes.first().kb, accepted.join(u'|'))));
    if (!severity.isEmpty())
        QCOMPARE(result.severity, severity);
}

void TestSeedAcceptance::patternsAloneFindSeedCause_data()
{
    addSeedRows();
}

void TestSeedAcceptance::patternsAloneFindSeedCause()
{
    QFETCH(QString, input);
    QFETCH(QStringList, accepted);
    QFETCH(QString, severity);

    const QList<EntryMatch> ranked = m_matcher->rank(input);
    QVERIFY2(!ranked.isEmpty(), "no knowledge-base pattern matched");
    const Entry *top = ranked.first().entry;
    QString runnerUp;
    if (ranked.size() > 1)
        runnerUp = QStringLiteral(", runner-up %1 (%2)").arg(ranked.at(1).entry->id).arg(ranked.at(1).score);
    QVERIFY2(accepted.contains(top->cause), qPrintable(QStringLiteral("top entry %1 (cause %2, score %3)%4, expected %5")
                                                           .arg(top->id, top->cause)
                                                           .arg(ranked.first().score)
                                                           .arg(runnerUp, accepted.join(u'|'))));
    if (!severity.isEmpty())
        QCOMPARE(top->severity, severity);
}

namespace {

struct FamilySample
{
    const char *name;
    const char *cause;
    const char *severity; ///< empty: not checked
    const char *text;
};

// Our own samples of the same families as the seeds, in the wordings of other servers and mail
// programs (Postfix, Exim, qmail, Sendmail, Exchange, Gmail, Outlook, Thunderbird, iPhone), so that
// the patterns are checked for the family and not for one seed sentence.
const FamilySample familySamples[] = {
    {"postfix-user-unknown", "user-unknown", "permanent",
     "<hanako@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <hanako@example.jp>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"},
    {"exim-no-such-user", "user-unknown", "permanent",
     "hanako@example.jp\n    SMTP error from remote mail server after RCPT TO:<hanako@example.jp>:\n    550 No such user here"},
    {"gmail-account-not-exist", "user-unknown", "permanent",
     "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos"},
    {"exchange-recipnotfound", "user-unknown", "permanent",
     "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"},
    {"qmail-no-mailbox", "user-unknown", "permanent",
     "<taro@example.ne.jp>:\n192.0.2.5 does not like recipient.\nRemote host said: 550 sorry, no mailbox here by that name. (#5.1.1)"},
    {"sendmail-user-unknown-ja", "user-unknown", "permanent",
     "受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。 サーバーの応答: '550 5.1.1 <jiro@example.co.jp>... User unknown'"},
    {"mailbox-unavailable-invalid", "user-unknown", "permanent",
     "550 5.1.1 <x@example.org>: Recipient address rejected: undeliverable address: unknown user"},
    {"yahoo-no-account", "user-unknown", "permanent",
     "554 delivery error: dd This user doesn't have a yahoo.co.jp account (hanako@yahoo.co.jp) [0] - mta1.mail.example"},
    {"host-unknown-postfix", "host-unknown", "permanent",
     "<hanako@exampel.jp>: Host or domain name not found. Name service error for name=exampel.jp type=A: Host not found"},
    {"host-unknown-gmail", "host-unknown", "permanent",
     "DNS Error: Address resolution of exampel.co.jp. failed: Domain name not found"},
    {"host-unknown-qmail", "host-unknown", "permanent",
     "Sorry, I couldn't find any host named exmaple.jp. (#5.1.2)"},
    {"host-unknown-returned-subject", "host-unknown", "permanent",
     "Subject: Returned mail: see transcript for details\n550 5.1.2 <hanako@exmaple.jp>... Host unknown (Name server: exmaple.jp: host not found)"},
    {"mailbox-full-postfix", "mailbox-full", "permanent",
     "552 5.2.2 <hanako@example.jp>: Mailbox full"},
    {"mailbox-full-gmail-temp", "mailbox-full", "transient",
     "452-4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to"},
    {"mailbox-full-exim", "mailbox-full", "permanent",
     "hanako@example.jp\n    mailbox is full: retry timeout exceeded"},
    {"mailbox-full-quota-ja", "mailbox-full", "",
     "相手のメールボックスの容量がいっぱいです"},
    {"too-large-postfix", "message-too-large", "permanent",
     "552 5.3.4 Message size exceeds fixed limit"},
    {"too-large-exchange", "message-too-large", "permanent",
     "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum message size"},
    {"too-large-gmail", "message-too-large", "permanent",
     "552-5.2.3 Your message exceeded Google's message size limits."},
    {"delay-postfix", "delivery-delayed", "warning",
     "This is the mail system at host mail.example.jp.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old."},
    {"delay-exchange", "delivery-delayed", "warning",
     "Delivery is delayed to these recipients or groups: hanako@example.jp\nThis message hasn't been delivered yet. Delivery will continue to be attempted."},
    {"delay-gmail", "delivery-delayed", "warning",
     "Delivery incomplete\nThere was a temporary problem delivering your message to hanako@example.jp. Gmail will retry for 47 more hours. You'll be notified if the delivery fails permanently."},
    {"expired-postfix", "delivery-expired", "permanent",
     "<hanako@example.jp>: delivery temporarily suspended: connect to mx.example.jp[192.0.2.9]:25: Connection timed out\nmessage was in the queue too long"},
    {"expired-exim", "delivery-expired", "permanent",
     "hanako@example.jp\n    retry timeout exceeded"},
    {"expired-exchange", "delivery-expired", "permanent",
     "Delivery has failed to these recipients or groups:\nThe message couldn't be delivered because the destination server didn't respond within the allotted time. 4.4.7 Message expired"},
    {"dns-timeout-sendmail", "dns-timeout", "transient",
     "451 4.4.3 <hanako@example.net>... example.net: Name server timeout"},
    {"dns-host-lookup", "dns-timeout", "transient",
     "Host name lookup failure; temporary failure in name resolution"},
    {"blocked-spamhaus", "blocked", "permanent",
     "554 5.7.1 Service unavailable; Client host [192.0.2.77] blocked using zen.spamhaus.org"},
    {"blocked-microsoft", "blocked", "permanent",
     "550 5.7.606 Access denied, banned sending IP [192.0.2.7]. To request removal from this list please visit https://sender.office.com"},
    {"blocked-ptr", "blocked", "permanent",
     "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.31]"},
    {"blocked-ptr-gmail", "blocked", "permanent",
     "550-5.7.25 The IP address sending this message does not have a PTR record setup"},
    {"filtered-docomo-data", "recipient-filtered", "permanent",
     "<hanako@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.1] said: 550 Unknown user hanako@docomo.ne.jp (in reply to end of DATA command)"},
    {"filtered-recipient-policy", "recipient-filtered", "permanent",
     "550 5.7.1 Message rejected by recipient's filter rules"},
    {"spam-gmail", "spam-rejected", "permanent",
     "550-5.7.1 [192.0.2.4] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail"},
    {"spam-score", "spam-rejected", "permanent",
     "554 5.7.1 Message rejected as spam by Content Filtering."},
    {"service-unavailable-bare", "service-unavailable", "permanent",
     "554 5.0.0 Service unavailable"},
    {"loop-postfix", "mail-loop", "permanent",
     "<hanako@example.jp>: mail forwarding loop for hanako@example.jp"},
    {"loop-exchange", "mail-loop", "permanent",
     "554 5.4.14 Hop count exceeded - possible mail loop"},
    {"remote-config", "remote-server-error", "permanent",
     "554 5.3.5 Local configuration error"},
    {"remote-temp", "remote-server-error", "transient",
     "451 4.3.0 Temporary local problem - please try later"},
    {"disabled-gmail", "account-disabled", "permanent",
     "550-5.2.1 The email account that you tried to reach is disabled."},
    {"spf-gmail", "sender-authentication-failed", "permanent",
     "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users"},
    {"dmarc-reject", "sender-authentication-failed", "permanent",
     "550 5.7.1 Email rejected per DMARC policy for example.jp"},
    {"rate-too-many", "rate-limited", "transient",
     "421 4.7.0 Too many connections from your host, try again later"},
    {"rate-recipients", "rate-limited", "transient",
     "452 4.5.3 Too many recipients"},
    {"virus-found", "virus-detected", "permanent",
     "554 5.7.1 Message rejected: virus found (Eicar-Test-Signature)"},
    {"attachment-blocked", "virus-detected", "permanent",
     "552-5.7.0 This message was blocked because its content presents a potential security issue."},
    {"content-header", "content-rejected", "permanent",
     "550-5.7.1 Our system has detected that this message is not RFC 5322 compliant: 'From' header is missing."},
    {"null-mx", "domain-accepts-no-mail", "permanent",
     "556 5.1.10 Recipient address has null MX"},
    {"moved", "recipient-moved", "permanent",
     "551 5.1.6 User not local; please try <hanako@new.example.jp>"},
    {"auto-reply-ja", "auto-reply", "info",
     "件名: 自動応答: 会議のご案内\n現在出張中のため、8月20日まで返信が遅れます。"},
    {"auto-reply-en", "auto-reply", "info",
     "Subject: Automatic reply: Meeting\nI am out of the office until Monday with limited access to email."},
    {"delivered", "delivery-report", "info",
     "Action: delivered\nStatus: 2.0.0\nYour message has been delivered to the following recipients"},
    {"pbs-variant", "pop-before-smtp-required", "local",
     "553 sorry, you must check your mail before sending (POP before SMTP)"},
    {"relay-postfix", "relaying-denied", "local",
     "554 5.7.1 <hanako@example.com>: Relay access denied"},
    {"relay-exchange", "relaying-denied", "local",
     "550 5.7.1 Unable to relay for hanako@example.com"},
    {"relay-ja-outlook", "relaying-denied", "local",
     "送信者の電子メール アドレスが拒否されたため、メッセージを送信できませんでした。 サーバーの応答: 553 5.7.1 <hanako@example.com>... Relaying denied"},
    {"auth-required", "relaying-denied", "local",
     "530 5.7.0 Authentication required"},
    {"smtp-auth-535", "smtp-auth-failed", "local",
     "535 5.7.8 Error: authentication failed: authentication failure"},
    {"smtp-auth-gmail", "app-password-required", "local",
     "534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor"},
    {"smtp-auth-exim", "smtp-auth-failed", "local",
     "535 Incorrect authentication data"},
    {"sender-not-owned", "sender-not-local", "local",
     "553 5.7.1 <taro@other.example>: Sender address rejected: not owned by user taro@example.jp"},
    {"sender-domain-postfix", "sender-domain-invalid", "local",
     "450 4.1.8 <taro@exmaple.jp>: Sender address rejected: Domain not found"},
    {"helo-postfix", "helo-required", "local",
     "503 5.5.1 Error: send HELO/EHLO first"},
    {"smtputf8", "unsupported-option", "permanent",
     "555 5.5.4 Unsupported option: SMTPUTF8"},
    {"comma", "address-syntax", "local",
     "553 5.1.3 <hanako@example,co,jp>... Invalid route address"},
    {"fullwidth", "address-syntax", "local",
     "501 5.1.3 Bad recipient address syntax: invalid characters in address"},
    {"server-not-found-outlook", "server-not-found", "local",
     "タスク 'pop.example.jp - 受信中' でエラー (0x800CCC0D) が報告されました: '受信 (POP3) サーバー (pop.example.jp) が見つかりません。アカウントのプロパティのサーバー名を確認してください。'"},
    {"server-not-found-en", "server-not-found", "local",
     "The host 'smtp.example.jp' could not be found. Please verify that you have entered the server name correctly. Account: 'taro', Server: 'smtp.example.jp', Protocol: SMTP, Port: 587, Secure(SSL): No, Socket Error: 11001, Error Number: 0x800CCC0D"},
    {"server-not-found-tb", "server-not-found", "local",
     "サーバー smtp.example.jp が見つかりませんでした。設定を確認して、もう一度試してください。"},
    {"timeout-wlm", "connection-timeout", "local",
     "サーバーに接続できません。 アカウント: 'taro', サーバー: 'smtp.example.jp', プロトコル: SMTP, ポート: 587, セキュリティ(SSL): なし, ソケット エラー: 10060, エラー番号: 0x800CCC0E"},
    {"timeout-outlook-send", "connection-timeout", "local",
     "タスク 'smtp.example.jp - 送信中' でエラー (0x8004210B) が報告されました: '送信 (SMTP) サーバーからの応答を待機中に操作がタイムアウトしました。'"},
    {"receive-timeout", "connection-timeout", "local",
     "タスク 'pop.example.jp - 受信中' でエラー (0x8004210A) が報告されました: '受信 (POP3) サーバーからの応答を待機中に操作がタイムアウトしました。'"},
    {"interrupted", "connection-timeout", "local",
     "サーバーへの接続が中断されました。 エラー番号: 0x800CCC0F"},
    {"port25", "port25-blocked", "local",
     "サーバーに接続できません。 アカウント: 'taro', サーバー: 'smtp.example.jp', プロトコル: SMTP, ポート: 25, セキュリティ(SSL): なし, ソケット エラー: 10060, エラー番号: 0x800CCC0E"},
    {"port25-en", "port25-blocked", "local",
     "The connection to the server has failed. Account: 'taro', Server: 'mail.example.jp', Protocol: SMTP, Port: 25, Secure(SSL): No, Socket Error: 10060, Error Number: 0x800CCC0E"},
    {"tls-starttls", "tls-settings-mismatch", "local",
     "530 5.7.0 Must issue a STARTTLS command first"},
    {"tls-0x800ccc1a", "tls-settings-mismatch", "local",
     "Your server does not support the connection encryption type you have specified. Try changing the encryption method. Error Number: 0x800CCC1A"},
    {"cert", "tls-settings-mismatch", "local",
     "The server you are connected to is using a security certificate that does not match the name of the server"},
    {"pop-auth-outlook", "pop-auth-failed", "local",
     "タスク 'pop.example.jp - 受信中' でエラー (0x800CCC92) が報告されました: '受信 (POP3) 電子メール サーバーがログオンを受け付けませんでした。'"},
    {"pop-auth-en", "pop-auth-failed", "local",
     "Your e-mail server rejected your login. Verify your user name and password for this account in Account Settings. The server responded: -ERR Authentication failed."},
    {"imap-auth", "pop-auth-failed", "local",
     "a001 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"},
    {"pop-auth-oe", "pop-auth-failed", "local",
     "メール サーバーにログオンできませんでした。パスワードが拒否されました。 アカウント: 'pop.example.jp', サーバー: 'pop.example.jp', プロトコル: POP3, サーバーの応答: '-ERR invalid password', ポート: 110, セキュリティ (SSL): なし, サーバー エラー: 0x800CCC90, エラー番号: 0x800CCC92"},
    {"lock", "mailbox-locked", "transient",
     "メール サーバーにログオンできませんでした。パスワードが拒否されました。 サーバーの応答: '-ERR [IN-USE] Unable to lock maildrop: Mailbox is locked by POP server'"},
    {"lock-dovecot", "mailbox-locked", "transient",
     "-ERR [IN-USE] Couldn't open INBOX: Mailbox is locked"},
    {"spa-en", "spa-enabled", "local",
     "Unable to logon to the server using Secure Password Authentication. Account: 'pop.example.jp', Error Number: 0x800CCC18"},
    {"login-delay", "login-too-frequent", "transient",
     "-ERR [LOGIN-DELAY] Minimum time between logins is 300 seconds"},
    {"outlook-sender-rejected", "sender-not-local", "local",
     "Sending reported error (0x800CCC78): 'Cannot send the message. Verify the e-mail address in your account properties. The server responded: 553 5.7.1 <taro@example.jp>: Sender address rejected: not owned by user taro@other.example'"},
    {"exchange-send-as", "sender-not-local", "local",
     "550 5.7.60 SMTP; Client does not have permissions to send as this sender"},
    {"postfix-client-access-denied", "blocked", "permanent",
     "554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied"},
    {"tb-relay", "relaying-denied", "local",
     "Sending of the message failed. An error occurred while sending mail. The mail server responded: 5.7.1 <hanako@example.com>... Relaying denied. Please verify that your email address is correct in your account settings and try again."},
    {"tb-pbs-ja", "pop-before-smtp-required", "local",
     "メールを送信中にエラーが発生しました。メールサーバーの応答: 553 5.3.0 <hanako@example.com>... Please receive your mail before sending. 送信者のアドレスが正しく設定されているか確認して、もう一度送信してください。"},
    {"wlm-password", "pop-auth-failed", "local",
     "パスワードが拒否されました"},
    {"tb-login-failed-ja", "pop-auth-failed", "local",
     "サーバー pop.example.jp へのユーザー名 taro でのログインに失敗しました。"},
    {"smtp-auth-required-ja", "relaying-denied", "local",
     "送信 (SMTP) サーバーで認証が必要です"},
    {"iphone-password-ja", "pop-auth-failed", "local",
     "メールを取得できません\n\"pop.example.jp\"のユーザ名またはパスワードが正しくありません。"},
    {"greylist", "delivery-delayed", "warning",
     "Action: delayed\nDiagnostic-Code: smtp; 451 4.7.1 <hanako@example.jp>: Recipient address rejected: Greylisted, see http://postgrey.example/"},
    {"content-restrictions", "content-rejected", "permanent",
     "550 5.7.1 Message rejected due to content restrictions"},
    {"mailbox-not-exist", "user-unknown", "permanent",
     "550 5.1.1 Mailbox does not exist"},
    {"mailbox-unavailable", "user-unknown", "permanent",
     "550 Requested action not taken: mailbox unavailable"},
    {"ms-dmarc", "sender-authentication-failed", "permanent",
     "550 5.7.509 Access denied, sending domain example.jp does not pass DMARC verification and has a DMARC policy of reject."},
    {"size-ja", "message-too-large", "",
     "メッセージのサイズがサーバーの制限を超えています"},
    {"recipient-filter-access", "recipient-filtered", "permanent",
     "550 5.7.1 <hanako@example.jp>: Recipient address rejected: Access denied"},
    {"spamcop", "blocked", "permanent",
     "550 5.7.1 Service unavailable; client [192.0.2.1] blocked using bl.spamcop.net"},
    {"reputation", "blocked", "permanent",
     "554 5.7.1 Your access to this mail system has been rejected due to the sending MTA's poor reputation."},
    {"sender-domain-8", "sender-domain-invalid", "local",
     "553 5.1.8 <taro@nonexistent.example>... Domain of sender address taro@nonexistent.example does not exist"},
    {"helo-exim", "helo-required", "local",
     "503 5.5.1 EHLO/HELO first"},
    {"helo-qmail", "helo-required", "local",
     "503 5.5.1 sorry, that command must come after HELO/EHLO"},
    {"docomo-unknown-user", "recipient-filtered", "permanent",
     "Your message was rejected by mfsmx.docomo.ne.jp for the following reason: Unknown user:jiro@docomo.ne.jp"},
    {"ezweb-data", "recipient-filtered", "permanent",
     "<hanako@ezweb.ne.jp>: host lsean.ezweb.ne.jp[192.0.2.3] said: 550 <hanako@ezweb.ne.jp>: User unknown (in reply to end of DATA command)"},
    {"softbank-rcpt", "user-unknown", "permanent",
     "<hanako@softbank.ne.jp>: host mx.softbank.ne.jp[192.0.2.4] said: 550 Invalid recipient: <hanako@softbank.ne.jp> (in reply to RCPT TO command)"},
    {"tb-connect-failed-ja", "server-not-found", "local",
     "サーバー pop.example.jp への接続に失敗しました。"},
    {"wlm-port25-en", "port25-blocked", "local",
     "Cannot connect to server. Account: 'taro', Server: 'mail.example.jp', Protocol: SMTP, Port: 25, Secure(SSL): No, Socket Error: 10060, Error Number: 0x800CCC0E"},
    {"delay-cannot-send", "delivery-delayed", "warning",
     "Subject: Warning: cannot send message for 4 hours"},
    {"expired-unable", "delivery-expired", "permanent",
     "Unable to deliver message to <hanako@example.jp> after 5 days"},
    {"pbs-receive-before", "pop-before-smtp-required", "local",
     "553 5.3.0 <hanako@example.com>... Please receive before sending"},
    {"qmail-rcpthosts", "relaying-denied", "local",
     "553 sorry, that domain isn't in my list of allowed rcpthosts; no valid cert for gatewaying (#5.7.1)"},
    {"exim-unknown-local-part", "user-unknown", "permanent",
     "550 Unknown local part hanako in <hanako@example.jp>"},
    {"bad-destination", "user-unknown", "permanent",
     "550 5.1.1 Bad destination mailbox address"},
    {"dynamic-ip-use-isp", "blocked", "permanent",
     "550 5.7.0 <hanako@example.jp>... Mail from dynamic IP addresses is refused; please use the SMTP server of your ISP."},
    {"blocked-for-abuse", "blocked", "permanent",
     "550 Error - Blocked for abuse. See http://postmaster.example.net/"},
    {"exim-domain-not-exist", "host-unknown", "permanent",
     "553 mx.exmaple.co.jp does not exist"},
    {"gmail-from-header", "content-rejected", "permanent",
     "550-5.7.1 [2001:db8::1] Messages with multiple addresses in From: header are not accepted."},
    {"spf-gmail-designate", "sender-authentication-failed", "permanent",
     "550-5.7.26 The MAIL FROM domain [example.jp] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.8]."},
};

} // namespace

void TestSeedAcceptance::patternsRecogniseFamily_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("severity");
    for (const FamilySample &s : familySamples) {
        QTest::newRow(s.name) << QString::fromUtf8(s.text) << QString::fromLatin1(s.cause)
                              << QString::fromLatin1(s.severity);
    }
}

void TestSeedAcceptance::patternsRecogniseFamily()
{
    QFETCH(QString, text);
    QFETCH(QString, cause);
    QFETCH(QString, severity);

    const QList<EntryMatch> ranked = m_matcher->rank(text);
    QVERIFY2(!ranked.isEmpty(), "no knowledge-base pattern matched");
    const Entry *top = ranked.first().entry;
    QVERIFY2(top->cause == cause, qPrintable(QStringLiteral("top entry %1 (cause %2, score %3), expected %4")
                                                 .arg(top->id, top->cause)
                                                 .arg(ranked.first().score)
                                                 .arg(cause)));
    if (!severity.isEmpty())
        QCOMPARE(top->severity, severity);
}

QTEST_GUILESS_MAIN(TestSeedAcceptance)
#include "tst_seedacceptance.moc"
