#pragma once

#include <QString>
#include <QStringView>

#include <memory>

namespace MailDoctor::Analysis {

class TextSearch;
struct PhraseHits;

/** What is known about one recipient's failed delivery before the reason is decided. */
struct DeliveryFact
{
    QString recipient;
    QString diagnostic;     ///< the server's reply or the MTA's explanation
    QString diagnosticType; ///< "SMTP", "X-UNIX", ... (upper case); empty when unknown
    QString status;         ///< enhanced status code, may be empty
    QString replyCode;
    QString command;        ///< SMTP command the error answered: CONN, HELO, EHLO, MAIL, RCPT, DATA
    QString action;         ///< failed | delayed | delivered | relayed | expanded | expired
    QString reason;         ///< a reason the mail system's own format already settles, may be empty
    QString remoteMta;
    QString vendor;         ///< mail system family when known: "microsoft", "kddi", ... (lower case)
    QString category;       ///< a bounce category the mail system states itself (PowerMTA), lower case
    bool temporary = false; ///< the mail system says it gave up on a temporary failure

    /**
     * The diagnostic prepared for phrase searches. Several steps search the same diagnostic: it is
     * prepared once and shared by the copies of this fact until the diagnostic changes.
     */
    std::shared_ptr<const TextSearch> diagnosticSearch() const;
    /**
     * The phrases of the reason tables and of mail systems' own wordings found in @p text, in one
     * pass; kept with the prepared diagnostic when @p text is diagnosticSearch()'s.
     */
    std::shared_ptr<const PhraseHits> diagnosticPhrases(const TextSearch &text) const;

private:
    mutable std::shared_ptr<const TextSearch> m_search; ///< prepared from m_searched
    mutable std::shared_ptr<const PhraseHits> m_phrases; ///< found in m_search, once asked for
    mutable QString m_searched;
};

/** Reason names, in the order the message-phrase tables are consulted. */
enum class Reason {
    MailboxFull, MesgTooBig, ExceedLimit, Suspend, HasMoved, NoRelaying, AuthFailure, UserUnknown,
    Filtered, RequirePtr, NotCompliantRfc, BadReputation, ContentError, Rejected, HostUnknown,
    SpamDetected, Speeding, TooManyConn, Blocked, VirusDetected, PolicyViolation, SystemError,
    NetworkError, SystemFull, NotAccept, Expired, FailedStartTls, SecurityError, MailerError, Vacation,
    Count
};

/** The Sisimai v5 name of a reason ("mailboxfull"). */
const QString &reasonName(Reason reason);

/** True when the text contains (ignoring case) one of the phrases that point at @p reason. */
bool textPointsAt(Reason reason, QStringView text);
/** As above, for a text already prepared for searching. */
bool textPointsAt(Reason reason, const TextSearch &text);
/** textPointsAt() for @p fact's diagnostic, from the phrases found in it once (see DeliveryFact). */
bool diagnosticPointsAt(Reason reason, const DeliveryFact &fact);

/**
 * Decides the Sisimai v5 reason for one recipient: the status code's class, the reply code, the
 * SMTP command and ordered message-phrase tables, as Sisimai does, so the figures are comparable.
 */
QString decideReason(const DeliveryFact &fact);
/** As above, with the diagnostic already prepared for phrase searches (it must be fact.diagnostic). */
QString decideReason(const DeliveryFact &fact, const TextSearch &diagnostic);

/**
 * The reason of the first mail system's own wording (Domino, Exchange, carriers, hosted filters, in
 * the order of their table) that @p text holds; empty when none. @p text is @p fact's diagnostic.
 */
QString reasonFromMailSystemPhrases(const DeliveryFact &fact, const TextSearch &text);

/** Wordings that mail systems' own rules look for in a diagnostic, found in the reason tables' pass. */
enum class Wording {
    StateNumber,  ///< " (state ": Gmail's step of its SMTP client
    NoSuchUser,   ///< "... no such user"
    Attempts,     ///< " attempts": IMail's count of delivery attempts
    Count
};

/**
 * True when @p text, @p fact's prepared diagnostic, holds @p wording (as text.contains() would say),
 * from the phrases found in it once (see DeliveryFact).
 */
bool diagnosticHas(Wording wording, const DeliveryFact &fact, const TextSearch &text);

/** True for reasons that a mail-system-specific rule may still refine (undefined, onhold, ...). */
bool reasonIsRetryable(const QString &reason);

} // namespace MailDoctor::Analysis
