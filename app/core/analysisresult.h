#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace MailDoctor {

/** The codes found in an input, grouped by protocol (see spec: "codes"). */
struct FoundCodes
{
    QStringList reply;       ///< SMTP reply codes, "550"
    QStringList enhanced;    ///< enhanced status codes, "5.1.1"
    QStringList pop3;        ///< POP3 response codes, "AUTH", "IN-USE"
    QStringList imap;        ///< IMAP response codes, "AUTHENTICATIONFAILED"
    QStringList client;      ///< mail-program error numbers, "0x800CCC0D"
    QStringList nonstandard; ///< codes that RFC 5321 / the IANA registry do not define

    bool isEmpty() const;
    /** Adds the codes of other that are not yet present, keeping first-seen order. */
    void merge(const FoundCodes &other);
};

/** A ranked cause with the evidence that led to it. */
struct CauseFinding
{
    QString cause;    ///< id from causes.json
    QString kb;       ///< knowledge-base entry id
    double confidence = 0.0;
    QString actor;
    QStringList evidence; ///< input lines, verbatim
};

/** What one recipient's delivery attempt came to. */
struct RecipientFinding
{
    QString address;
    QString action; ///< failed | delayed | delivered | relayed | expanded | empty
    QString status; ///< enhanced status, "5.1.1"
    QString replyCode;
    QString remoteMta;
    QString diagnostic;
    QString reason; ///< Sisimai v5 reason
    QString cause;  ///< id from causes.json
    QString kb;     ///< knowledge-base entry id for this recipient's cause
    QString didYouMean;
    QStringList evidence;
};

/** Headers of the returned original message. */
struct OriginalMessage
{
    QString from;
    QString to;
    QString subject;
    QString date;
    QString messageId;
    int receivedCount = 0; ///< Received: hops in the returned original (a loop hint)
};

/** The analysis of one input: the object that `maildoctor-cli analyze` prints. */
struct AnalysisResult
{
    QString input; ///< path as given, or "-"
    QString kind = QStringLiteral("unknown");
    QString severity = QStringLiteral("unknown");
    QList<CauseFinding> causes;
    QList<RecipientFinding> recipients;
    OriginalMessage original;
    FoundCodes codes;
    QString error; ///< set only when the input could not be analysed
    /// The analyzer's error before translation (a literal in the "MailDoctor::Analyzer" context), if any.
    const char *errorSource = nullptr;

    /** The JSON object of the command-line contract (schema 1). */
    QJsonObject toJson() const;
    /** The error in the language in use now (the analyzer's own errors follow a language switch). */
    QString errorText() const;
};

} // namespace MailDoctor
