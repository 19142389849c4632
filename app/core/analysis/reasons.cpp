#include "reasons.h"

#include "phraseset.h"
#include "smtpcodes.h"
#include "textsearch.h"

#include <QHash>
#include <QLatin1String>
#include <QtAlgorithms>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <string>
#include <vector>

namespace MailDoctor::Analysis {

namespace {

// A phrase table: plain phrases (any one found) and aligned phrases (all pieces found in this order,
// pieces separated by '\t'). Phrases are the short, well-known replies of mail servers, lower case.
struct PhraseTable
{
    std::vector<std::string_view> phrases;
    std::vector<std::vector<std::string_view>> aligned;
    std::vector<std::string_view> exceptions; ///< when one of these is present the table does not apply
};

std::vector<std::string_view> list(std::initializer_list<const char *> items)
{
    std::vector<std::string_view> out;
    out.reserve(items.size());
    for (const char *i : items)
        out.emplace_back(i);
    return out;
}

std::vector<std::vector<std::string_view>> alignedList(std::initializer_list<const char *> items)
{
    std::vector<std::vector<std::string_view>> out;
    for (const char *i : items) {
        std::vector<std::string_view> pieces;
        const char *start = i;
        for (const char *p = i;; ++p) {
            if (*p == '\t' || *p == '\0') {
                pieces.emplace_back(start, size_t(p - start));
                if (*p == '\0')
                    break;
                start = p + 1;
            }
        }
        out.push_back(std::move(pieces));
    }
    return out;
}

const std::array<PhraseTable, size_t(Reason::Count)> &tables()
{
    static const std::array<PhraseTable, size_t(Reason::Count)> t = [] {
        std::array<PhraseTable, size_t(Reason::Count)> x;
        x[size_t(Reason::MailboxFull)] = {
            list({"452 insufficient disk space", "account disabled temporarly for exceeding receiving limits",
                  "boite du destinataire pleine", "exceeded storage allocation", "full mailbox",
                  "mailbox exceeds allowed size", "mailbox size limit exceeded",
                  "mailbox would exceed maximum allowed storage", "mailfolder is full", "no space left on device",
                  "not sufficient disk space", "quota violation for", "too much mail data",
                  "user has exceeded quota, bouncing mail", "user has too many messages on the server",
                  "user's space has been used up", "mailbox is full", "over the allowed quota",
                  "recipient's mailbox is full"}),
            alignedList({"account is \t quota", "disk\tquota", "enough \t space", "mailbox \texceeded\t limit",
                         "mailbox \tfull", "mailbox \tquota", "maildir \tquota", "over \tquota", "quota \texceeded"}),
            {}};
        x[size_t(Reason::MesgTooBig)] = {
            list({"exceeded maximum inbound message size", "exceeded the maximum incoming message size",
                  "line limit exceeded", "max message size exceeded", "message file too big",
                  "message length exceeds administrative limit", "message size exceeds fixed limit",
                  "message size exceeds maximum value",
                  "message too big", "size limit", "taille limite du message atteinte", "message is too large"}),
            {},
            {}};
        x[size_t(Reason::ExceedLimit)] = {list({"message header size exceeds limit", "message too large"}), {}, {}};
        x[size_t(Reason::Suspend)] = {
            list({" is currently suspended", " temporary locked", "archived recipient",
                  "boite du destinataire archivee", "email account that you tried to reach is disabled",
                  "has been suspended", "inactive account", "invalid/inactive user", "is a deactivated mailbox",
                  "is unavailable: user is terminated", "mailbox currently suspended", "mailbox disabled",
                  "mailbox is frozen", "mailbox unavailable or access denied",
                  "recipient rejected: temporarily inactive", "recipient suspend the service",
                  "the email account that you tried to reach is inactive",
                  "this account has been disabled or discontinued", "this account has been temporarily suspended",
                  "this address no longer accepts mail", "this mailbox is disabled", "user or domain is disabled",
                  "user suspended", "vdelivermail: account is locked email bounced"}),
            {},
            {}};
        x[size_t(Reason::HasMoved)] = {list({" has been replaced by "}), {}, {}};
        x[size_t(Reason::NoRelaying)] = {
            list({"as a relay", "email address is not verified.", "insecure mail relay",
                  "is not permitted to relay through this server without authentication",
                  "mail server requires authentication when attempting to send to a non-local e-mail address",
                  "no relaying", "not a gateway", "not allowed to relay through this machine",
                  "not an open relay, so get lost", "not local host", "relay access denied", "relay denied",
                  "relay not permitted", "relaying denied", "relaying mail to ", "specified domain is not allowed",
                  "that domain isn't in my list of allowed rcpthost", "this system is not configured to relay mail",
                  "unable to relay ", "we don't handle mail for"}),
            {},
            {}};
        x[size_t(Reason::AuthFailure)] = {
            list({"//spf.pobox.com", "bad spf records for", "dmarc policy",
                  "doesn't meet the required authentication level", "please inspect your spf settings",
                  "sender policy framework (spf) fail", "sender policy framework violation",
                  "spf (sender policy framework) domain authentication fail", "spf check: fail",
                  "the 5322.from address doesn't meet the authentication requirements defined for the sender"}),
            alignedList({" is not allowed to send mail.\t_401", "is not allowed to send from <\t per it's spf record"}),
            {}};
        x[size_t(Reason::UserUnknown)] = {
            list({"#5.1.1 bad address", "550 address invalid", "5.1.0 address rejected.", "address does not exist",
                  "address not present in directory", "address unknown", "can't accept user", "does not exist.",
                  "destination addresses were unknown", "destination server rejected recipients",
                  "email address does not exist", "email address could not be found", "invalid address",
                  "invalid mailbox", "invalid mailbox path", "invalid recipient", "is not a known user",
                  "is not a valid mailbox", "is not an active address at this host", "mailbox does not exist",
                  "mailbox invalid", "mailbox is inactive", "mailbox is unavailable", "mailbox not present",
                  "mailbox not found", "mailbox unavaiable", "nessun utente simile in questo indirizzo",
                  "no account by that name here", "no existe dicha persona", "no existe ese usuario ",
                  "no mail box available for this user", "no mailbox by that name is currently available",
                  "no mailbox found", "no such address here", "no such mailbox", "no such person at this address",
                  "no such recipient", "no such user", "no thank you rejected: account unavailable",
                  "no valid recipients, bye", "not a valid recipient", "not a valid user here",
                  "not a local address", "not email addresses", "recipient address rejected. (in reply to rcpt to command)",
                  "recipient address rejected: access denied", "recipient address rejected: invalid user",
                  "recipient address rejected: invalid-recipient", "recipient address rejected: unknown user",
                  "recipient address rejected: userunknown", "recipient does not exist", "recipient is not accepted",
                  "recipient is not local", "recipient not exist", "recipient not found", "recipient not ok",
                  "recipient refuses to accept your mail", "recipient unknown",
                  "requested action not taken: mailbox unavailable", "resolver.adr.recipient notfound",
                  "sorry, user unknown", "sorry, badrcptto", "sorry, no mailbox here by that name",
                  "sorry, your envelope recipient has been denied",
                  "that domain or user isn't in my list of allowed rcpthosts",
                  "the email account that you tried to reach does not exist",
                  "the following recipients was undeliverable", "the user's email name is not found",
                  "there is no one at this address", "this address no longer accepts mail",
                  "this email address is wrong or no longer valid", "this recipient is in my badrecipientto list",
                  "this recipient is not in my validrcptto list", "this spectator does not exist", "unknown mailbox",
                  "unknown recipient", "unknown user", "user does not exist", "user missing home directory",
                  "user not active", "user not exist", "user not found", "user not known", "user unknown",
                  "utilisateur inconnu !", "vdeliver: invalid or unknown virtual user",
                  "weil die adresse nicht gefunden wurde oder keine e-mails empfangen kann",
                  "your envelope recipient is in my badrcptto list", "no such local user",
                  "user doesn't exist", "no mailbox here by that name", "is not a valid e-mail address"}),
            alignedList({"<\t> not found", "<\t>... blocked by ", "account \t does not exist at the organization",
                         "adresse d au moins un destinataire invalide. invalid recipient.\t416",
                         "adresse d au moins un destinataire invalide. invalid recipient.\t418", "bad\trecipient",
                         "mailbox \tdoes not exist", "mailbox \tunavailable or access denied", "no \t in name directory",
                         "non\texistent user", "rcpt <\t does not exist", "rcpt (\tt exist ", "recipient \t was not found in",
                         "recipient address rejected: user \t  does not exist",
                         "recipient address rejected: user unknown in \t  table", "said: 550\t5.1.1 \t user unknown ",
                         "this user doesn't have a \t account", "unknown e\tmail address", "unknown local\tpart",
                         "user \t was not found", "user \t does not exist", "user (\t) unknown"}),
            {}};
        x[size_t(Reason::Filtered)] = {
            list({"account is protected by", "bounced address", "has restricted sms e-mail",
                  "is not accepting any mail", "message filtered", "message rejected due to user rules",
                  "not found recipient account", "recipient id refuse to receive mail",
                  "recipient is only accepting mail from specific email addresses",
                  "refused due to recipient preferences", "user not found", "user refuses to receive this mail",
                  "user reject", "you have been blocked by the recipient"}),
            {},
            {}};
        x[size_t(Reason::RequirePtr)] = {
            list({"access denied. ip name lookup failed",
                  "all mail servers must have a ptr record with a valid reverse dns entry",
                  "bad dns ptr resource record", "cannot find your hostname", "cannot resolve your address.",
                  "client host rejected: cannot find your hostname", "fix reverse dns for ",
                  "ips with missing ptr records", "no ptr record found.",
                  "please get a custom reverse dns name from your isp for your host", "ptr record setup",
                  "reverse dns failed", "reverse dns required", "sender ip reverse lookup rejected",
                  "the ip address sending this message does not have a ptr record setup",
                  "the corresponding forward dns entry does not point to the sending ip",
                  "this system will not accept messages from servers/devices with no reverse dns",
                  "unresolvable relay host name",
                  "we do not accept mail from hosts with dynamic ip or generic dns ptr-records"}),
            alignedList({"domain \t mismatches client ip", "dns lookup failure: \t try again later",
                         "reverse dns lookup for host \t failed permanently",
                         "server access \t forbidden by invalid rdns record of your mail server",
                         "service permits \t unverifyable sending ips"}),
            {}};
        x[size_t(Reason::NotCompliantRfc)] = {
            list({"this message is not rfc 5322 compliant",
                  "https://support.google.com/mail/?p=rfcmessagenoncompliant"}),
            alignedList({" multiple \t header"}),
            {}};
        x[size_t(Reason::BadReputation)] = {
            list({"a poor email reputation score", "has been temporarily rate limited due to ip reputation",
                  "ip/domain reputation problems", "likely suspicious due to the very low reputation",
                  "none/bad reputation", "temporarily deferred due to unexpected volume or user complaints",
                  "the sending mta's poor reputation"}),
            {},
            {}};
        x[size_t(Reason::ContentError)] = {
            list({"duplicate header", "header size exceeds maximum permitted",
                  "improper use of 8-bit data in message header",
                  "message header size, or recipient list, exceeds policy limit",
                  "message mime complexity exceeds the policy maximum",
                  "routing loop detected -- too many received: headers", "this message contain invalid mime headers",
                  "this message contain improperly-formatted binary content",
                  "this message contain text that uses unnecessary base64 encoding"}),
            {},
            {}};
        x[size_t(Reason::Rejected)] = {
            list({"access denied (in reply to mail from command)", "access denied (sender blacklisted)",
                  "address rejected", "administrative prohibition", "batv failed to verify",
                  "batv validation failure",
                  "backscatter protection detected an invalid or expired email address",
                  "because the sender isn't on the recipient's list of senders to accept mail from",
                  "bogus mail from", "can't determine purported responsible address",
                  "connections not accepted from servers without a valid sender domain", "denied [bouncedeny]",
                  "denied by secumail valid-address-filter", "delivery not authorized, message refused",
                  "does not exist e2110", "domain of sender address ", "email address is on senderfilterconfig list",
                  "emetteur invalide", "empty envelope senders not allowed", "envelope blocked - ",
                  "error: no third-party dsns", "from: domain is invalid. please provide a valid from:",
                  "fully qualified email address required", "invalid domain, see <url:", "invalid sender",
                  "is not a registered gateway user", "mail from not owned by user",
                  "message rejected: email address is not verified", "mx records for ", "null sender is not allowed",
                  "recipient addresses rejected : access denied", "recipient not accepted. (batv: no tag",
                  "returned mail not accepted here", "rfc 1035 violation: recursive cname records for",
                  "rule imposed mailbox access for", "sending this from a different address or alias using the ",
                  "sender address has been blacklisted", "sender email address rejected",
                  "sender is in my black list", "sender is spammer", "sender not pre-approved", "sender rejected",
                  "sender domain is empty", "sender verify failed", "sender was rejected", "spam reporting address",
                  "syntax error: empty email address", "the message has been rejected by batv defense",
                  "this server does not accept mail from", "transaction failed unsigned dsn for",
                  "unroutable sender address", "you are not allowed to post to this mailing list",
                  "you are sending to/from an address that has been blacklisted",
                  "your access to submit messages to this e-mail system has been rejected",
                  "your email address has been blacklisted"}),
            {},
            list({"5.1.0 address rejected", "recipient address rejected", "sender ip address rejected"})};
        x[size_t(Reason::HostUnknown)] = {
            list({"domain does not exist", "domain is not reachable", "domain must exist",
                  "host or domain name not found", "host unknown", "host unreachable",
                  "mail domain mentioned in email address is unknown", "name or service not known", "no such domain",
                  "recipient address rejected: unknown domain name", "recipient domain must exist",
                  "the account or domain may not exist", "unknown host", "unroutable address",
                  "unrouteable address"}),
            alignedList({"553 \t does not exist"}),
            {}};
        x[size_t(Reason::SpamDetected)] = {
            list({" - spam", "//www.spamhaus.org/help/help_spam_16.htm", "//dsbl.org/help/help_spam_16.htm",
                  "//mail.163.com/help/help_spam_16.htm", "554 5.7.0 reject, id=", "appears to be unsolicited",
                  "blacklisted url in message", "block for spam", "blocked by policy: no spam please",
                  "blocked by spamassassin", "blocked for abuse. see http://att.net/blocks",
                  "cannot be forwarded because it was detected as spam",
                  "considered unsolicited bulk e-mail (spam) by our mail filters", "content filter rejection",
                  "cyberoam anti spam engine has identified this email as a bulk email", "denied due to spam list",
                  "high probability of spam", "is classified as spam and is rejected", "listed in work.drbl.imedia.ru",
                  "the mail server detected your message as spam and has prevented delivery.",
                  "mail appears to be unsolicited", "mail content denied", "may consider spam",
                  "message considered as spam or virus", "message contains spam or virus", "message content rejected",
                  "message detected as spam", "message filtered", "message looks like spam",
                  "message is being rejected as it seems to be a spam", "message refused by mailmarshal spamprofiler",
                  "message refused by trustwave seg spamprofiler", "message rejected as spam",
                  "message rejected because of unacceptable content", "message rejected due to suspected spam content",
                  "message rejected for policy reasons", "message was rejected for possible spam/virus content",
                  "our email server thinks this email is spam", "our system has detected that this message is ",
                  "probable spam", "reject bulk.advertising", "rejected: spamassassin score ", "rejected - bulk email",
                  "rejecting banned content", "rejecting mail content",
                  "related to content with spam-like characteristics", "sender domain listed at ",
                  "sending address not accepted due to spam filter", "spam blocked", "spam check",
                  "spam content matched", "spam detected", "spam email", "spam message rejected.",
                  "spam not accepted", "spam refused", "spam rejection", "spam score ", "spambouncer identified spam",
                  "spamming not allowed", "too many spam complaints", "too much spam.",
                  "the email message was detected as spam", "the message has been rejected by spam filtering engine",
                  "the message was rejected due to classification as bulk mail",
                  "the content of this message looked like spam", "this message appears to be spam",
                  "this message has been identified as spam", "this message has been scored as spam with a probability",
                  "this message was classified as spam",
                  "this message was rejected by recurrent pattern detection system",
                  "transaction failed spam message not queued", "we dont accept spam",
                  "your email appears similar to spam we have received before",
                  "your email breaches local uribl policy", "your email had spam-like ", "your email is considered spam",
                  "your email is probably spam", "your email was detected as spam",
                  "your message as spam and has prevented delivery",
                  "your message has been temporarily blocked by our filter",
                  "your message has been rejected because it appears to be spam",
                  "your message has triggered a spam block", "your message may contain the spam contents",
                  "your message failed several antispam checks"}),
            alignedList({"greylisted\t please try again in", "mail score (\t over ", "mail rejete. mail rejected. \t506",
                         "our filters rate at and above \t percent probability of being spam", "rejected by \t (spam)",
                         "rejected due to spam \tclassification", "rejected due to spam \tcontent",
                         "rule imposed as \t is blacklisted on", "spam \t exceeded", "this message scored \t spam points"}),
            {}};
        x[size_t(Reason::Speeding)] = {
            list({"mail sent from your ip address has been temporarily rate limited", "please try again slower",
                  "receiving mail at a rate that prevents additional messages from being delivered"}),
            {},
            {}};
        x[size_t(Reason::TooManyConn)] = {
            list({"all available ips are at maximum connection limit", "connection rate limit exceeded",
                  "exceeds per-domain connection limit for", "has exceeded the max emails per hour ",
                  "throttling failure: daily message quota exceeded",
                  "throttling failure: maximum sending rate exceeded", "too many connections",
                  "too many concurrent smtp connections", "too many errors from your ip", "too many recipients",
                  "too many smtp sessions for this host", "trop de connexions, ",
                  "we have already made numerous attempts to deliver this message"}),
            {},
            {}};
        x[size_t(Reason::Blocked)] = {
            list({" said: 550 blocked", "//www.spamcop.net/bl.", "bad sender ip address", "banned sending ip",
                  "blacklisted by", "blocked using ", "blocked - see http", "dnsbl:attrbl",
                  "client host rejected: abus detecte gu_eib_02", "client host rejected: abus detecte gu_eib_04",
                  "client host rejected: may not be mail exchanger", "client host rejected: was not authenticated",
                  "confirm this mail server", "connection dropped", "connection refused by",
                  "connection reset by peer", "connection was dropped by remote host",
                  "connections not accepted from ip addresses on spamhaus xbl", "currently sending spam see: ",
                  "domain does not exist:", "dynamic/zombied/spam ips blocked", "error: no valid recipients from ",
                  "esmtp not accepting connections", "extreme bad ip profile", "go away", "helo command rejected:",
                  "host network not allowed", "hosts with dynamic ip", "invalid ip for sending mail of domain",
                  "is in a black list", "is not allowed to send mail from", "mailfrom domain is listed in spamhaus",
                  "no access from mail server", "no matches to nameserver query",
                  "not currently accepting mail from your ip", "part of their network is on our block list",
                  "please use the smtp server of your isp", "refused - see http", "rejected - multi-blacklist",
                  "rejected because the sending mta or the sender has not passed validation", "rejecting open proxy",
                  "sender ip address rejected", "server access forbidden by your ip ",
                  "service not available, closing transmission channel",
                  "smtp error from remote mail server after initial connection:",
                  "sorry, that domain isn't in my list of allowed rcpthosts",
                  "sorry, your remotehost looks suspiciously like spammer",
                  "temporarily deferred due to unexpected volume or user complaints",
                  "to submit messages to this e-mail system has been rejected", "too many spams from your ip",
                  "too many unwanted messages have been sent from the following ip address above", "was blocked by ",
                  "we do not accept mail from dynamic ips", "you are not allowed to connect", "you are sending spam",
                  "your ip address is listed in the rbl", "your network is temporary blacklisted",
                  "your server requires confirmation"}),
            alignedList({"(\t@\t:blocked)", "access from ip address \t blocked", "client host \t blocked using",
                         "connections will not be accepted from \t because the ip is in spamhaus's list",
                         "dnsbl:rbl \t>_is_blocked", "email blocked by \t.barracudacentral.org",
                         "email blocked by \tspamhaus", "host \t refused to talk to me: \t blocked",
                         "ip \t is blocked by earthlink", "is in an \trbl on ", "mail server at \t is blocked",
                         "mail from \t refused:", "mail from \t refused, see \torbs", "message from \t rejected based on blacklist",
                         "messages from \t temporarily deferred due to user complaints", "server ip \t listed as abusive",
                         "sorry! your ip address\t is blocked by rbl", "the domain \t is blacklisted",
                         "the email \t is blacklisted", "the ip\t is blacklisted",
                         "veuillez essayer plus tard. service refused, please try later. \t103",
                         "veuillez essayer plus tard. service refused, please try later. \t510",
                         "your access ip\t has been rejected", "your sender's ip address is listed at \t.abuseat.org"}),
            {}};
        x[size_t(Reason::VirusDetected)] = {
            list({"it has a potentially executable attachment",
                  "the message was rejected because it contains prohibited virus or spam content",
                  "this form of attachment has been used by recent viruses or other malware", "virus detected",
                  "virus phishing/malicious_url detected", "your message was infected with a virus"}),
            {},
            {}};
        x[size_t(Reason::PolicyViolation)] = {
            list({"an illegal attachment on your message", "because the recipient is not accepting mail with ",
                  "by non-member to a members-only list", "closed mailing list", "denied by policy",
                  "email not accepted for policy reasons", "email rejected due to security policies",
                  "header are not accepted", "header error", "local policy violation",
                  "message bounced due to organizational settings", "message given low priority",
                  "message not accepted for policy reasons", "message rejected due to local policy",
                  "messages with multiple addresses", "rejected for policy reasons", "protocol violation",
                  "the email address used to send your message is not subscribed to this group",
                  "the message was rejected by organization policy",
                  "this message was blocked because its content presents a potential",
                  "we do not accept messages containing images or other attachments", "you're using a mass mailer"}),
            alignedList({"you have exceeded the\tallowable number of posts without solving a captcha"}),
            {}};
        x[size_t(Reason::SystemError)] = {
            list({"aliasing/forwarding loop broken", "can't create user output file", "could not load drd for domain",
                  "internal error reading data", "internal server error: operation now in progress",
                  "interrupted system call", "it encountered an error while being processed",
                  "it would create a mail loop", "local configuration error", "local error in processing",
                  "loop was found in the mail exchanger", "loops back to myself", "mail system configuration error",
                  "queue file write error", "recipient deferred because there is no mdb",
                  "remote server is misconfigured", "server configuration error", "service currently unavailable",
                  "system config error", "temporary local problem", "timeout waiting for input",
                  "transaction failed "}),
            alignedList({"unable to connect \tdaemon"}),
            {}};
        x[size_t(Reason::NetworkError)] = {
            list({"could not connect and send the mail to", "dns records for the destination computer could not be found",
                  "hop count exceeded - possible mail loop", "host is unreachable", "host name lookup failure",
                  "host not found, try again", "mail forwarding loop for ", "malformed name server reply",
                  "malformed or unexpected name server reply", "maximum forwarding loop count exceeded",
                  "message looping", "message probably in a routing loop", "no route to host", "too many hops",
                  "unable to resolve route ", "unrouteable mail domain"}),
            {},
            {}};
        x[size_t(Reason::SystemFull)] = {
            list({"mail system full", "requested mail action aborted: exceeded storage allocation"}), {}, {}};
        x[size_t(Reason::NotAccept)] = {
            list({"does not accept mail (nullmx)", "host/domain does not accept mail", "host does not accept mail",
                  "mail receiving disabled", "name server: .: host not found", "no mx record found for domain=",
                  "no route for current request", "smtp protocol returned a permanent error"}),
            {},
            {}};
        x[size_t(Reason::Expired)] = {
            list({"connection timed out", "could not find a gateway for", "delivery attempts will continue to be",
                  "delivery expired", "delivery time expired", "failed to deliver to domain ", "giving up on",
                  "have been failing for a long time", "has been delayed", "it has not been collected after",
                  "message expired after sitting in queue for", "message expired, cannot connect to remote server",
                  "message expired, connection refulsed", "message timed out",
                  "retry time not reached for any host after a long failure period", "server did not respond",
                  "this message has been in the queue too long", "unable to deliver message after multiple retries",
                  "was not reachable within the allowed queue period",
                  "your message could not be delivered for more than"}),
            alignedList({"could not be delivered for\t days"}),
            {}};
        x[size_t(Reason::FailedStartTls)] = {
            list({"starttls is required to send mail", "tls required but not supported",
                  "must issue a starttls command first", "a secure connection is required",
                  "message requires tls but the remote server does not support it"}),
            {},
            {}};
        x[size_t(Reason::SecurityError)] = {
            list({"account not subscribed to ses", "authentication credentials invalid", "authentication failure",
                  "authentication required", "authentication turned on in your email client",
                  "executable files are not allowed in compressed files", "insecure mail relay",
                  "recipient address rejected: access denied",
                  "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
                  "unauthenticated senders not allowed", "verification failure",
                  "you are not authorized to send mail, authentication is required"}),
            alignedList({"authentication failed; server \t said: ", "authentification invalide\t305",
                         "authentification requise\t402", "domain \t is a dead domain",
                         "user \t is not authorized to perform ses:sendrawemail on resource"}),
            {}};
        x[size_t(Reason::MailerError)] = {
            list({" || exit ", "procmail: ", "bin/procmail", "bin/maidrop", "command failed: ",
                  "command died with status ", "command output:", "mailer error", "pipe to |/", "x-unix; "}),
            {},
            {}};
        x[size_t(Reason::Vacation)] = {
            list({"i am away on vacation", "i am away until", "i am out of the office",
                  "i will be traveling for work on"}),
            {},
            {}};
        return x;
    }();
    return t;
}

bool alignedIn(const TextSearch &text, const std::vector<std::string_view> &pieces)
{
    qsizetype from = 0;
    for (const std::string_view &p : pieces) {
        const qsizetype at = text.indexOf(p, from);
        if (at < 0)
            return false;
        from = at + qsizetype(p.size());
    }
    return true;
}

struct VendorPhrase
{
    std::string_view phrase; ///< lower case (a view: its length is known without strlen on every check)
    const char *reason;
};

// Wording of particular mail systems (Domino, Exchange, carriers, hosted filters) that the general
// phrase tables do not cover or would read differently. Checked before them, like a mail system's
// own rules. Short error strings only.
constexpr VendorPhrase mailSystemPhrases[] = {
    // qmail and its clones
    {"but my name was rejected", "blocked"},    {"sorry, i wasn't able to establish an smtp connection", "networkerror"},
    {"although i'm listed as a best-preference mx or a for that host", "networkerror"},
    {"sorry, i couldn't find a mail exchanger or ip address", "notaccept"},
    {"sorry, i couldn't find any host ", "hostunknown"},
    {"disk quota exceeded", "mailboxfull"},
    {"unable to contact ldap server", "systemerror"},
    {"temporary failure in ldap lookup", "systemerror"},
    {"timeout while performing search on ldap server", "systemerror"},
    {"mailaddress is administrativ", "suspend"},
    {"the message exeeded the maximum size the user accepts", "exceedlimit"},
    // DragonFly, OpenSMTPD, IMail, Zoho and other small MTAs
    {"dns lookup failure: host ", "hostunknown"},
    {"could not deliver for the last ", "expired"},
    {"network error on destination mxs", "networkerror"},
    {"envelope expired", "expired"},
    {"invalid final delivery userid", "userunknown"},
    {"unknown user:", "userunknown"},
    {"because the address couldn't be found", "userunknown"},
    {"host not reachable", "expired"},
    {"retry timeout exceeded", "expired"},
    {"duplicated message-id", "systemerror"},
    {"your message was not delivered within ", "expired"},
    // Google's DNS errors
    {"doesn't receive email according to the administrator", "notaccept"},
    {"dns type 'mx' lookup of ", "networkerror"},
    {"the recipient server did not accept our requests to connect", "expired"},
    {"dns error: could not contact dns servers", "expired"},
    {"dns error: domain name not found", "hostunknown"},
    {"dns error: dns server returned answer with no data", "hostunknown"},
    {"has sent to too many recipients this hour", "speeding"},
    // Exchange Online
    {"message expired, dns query failed", "networkerror"},
    {"message expired", "expired"},
    // Trend Micro, Lotus Notes / Domino
    {"(and other recipients in the same domain)", "userunknown"},
    {"not listed in domino directory", "userunknown"},
    {"domino ディレクトリには見つかりません", "userunknown"},
    {"ディレクトリのリストにありません", "userunknown"},
    {"not listed in public name & address book", "userunknown"},
    {"the recipient name is not recognized", "userunknown"},
    {"the e-mail account does not exist at the organization", "userunknown"},
    {"resolver.adr.recipnotfound", "userunknown"},
    {"resolver.adr.exrecipnotfound", "userunknown"},
    {"recipient not found by smtp address lookup", "userunknown"},
    {"the number of messages in recipient's mailbox exceeded the local limit", "mailboxfull"},
    {"the recipient's mailbox is full", "mailboxfull"},
    {"resolver.rst.recipsizelimit", "mesgtoobig"},
    {"resolver.rst.authrequired", "securityerror"},
    {"resolver.rst.notauthorized", "rejected"},
    {"resolver.rst.restrictedtorecipientspermission", "rejected"},
    {"mailbox has moved", "hasmoved"},
    {"the destination mailbox is inactive", "suspend"},
};

// What one pass of the automaton found in a diagnostic: per reason, whether one of its phrases, one
// of its exceptions or a piece of one of its aligned phrases is there, and the ids found.
} // namespace

struct PhraseHits
{
    std::bitset<size_t(Reason::Count)> phrase;
    std::bitset<size_t(Reason::Count)> exception;
    std::bitset<size_t(Reason::Count)> alignedPiece;
    quint64 mailSystem = 0;       ///< bit k: mailSystemPhrases[k] is there
    quint32 wording = 0;          ///< bit k: Wording(k) is there
    /// Bit per phrase id: found. Aligned phrases ask for each of their pieces, a bit is cheaper than a search.
    std::bitset<2048> ids;

    bool found(int id) const { return ids[size_t(id)]; }
};

namespace {

static_assert(std::size(mailSystemPhrases) <= 64, "PhraseHits::mailSystem has a bit per mail-system phrase");

// The text of each Wording, in its order.
constexpr std::string_view wordings[] = {" (state ", "... no such user", " attempts"};
static_assert(std::size(wordings) == size_t(Wording::Count));

// Every phrase and every piece of an aligned phrase of all tables in one automaton: one pass over
// a diagnostic finds all of them, instead of one search per phrase. Each id knows the tables that
// use it, so a pass costs the text's length and the few phrases found, not the tables' size.
class PhraseAutomaton
{
public:
    PhraseAutomaton()
    {
        const auto &t = tables();
        std::vector<std::array<std::bitset<size_t(Reason::Count)>, 3>> uses;
        auto use = [&](int id, size_t role, size_t r) {
            if (size_t(id) >= uses.size())
                uses.resize(size_t(id) + 1);
            uses[size_t(id)][role].set(r);
        };
        for (size_t r = 0; r < t.size(); ++r) {
            for (auto p : t[r].phrases)
                use(m_set.add(p), 0, r);
            for (auto p : t[r].exceptions)
                use(m_set.add(p), 1, r);
            for (const auto &a : t[r].aligned) {
                std::vector<int> ids;
                for (auto p : a) {
                    ids.push_back(m_set.add(p));
                    use(ids.back(), 2, r);
                }
                m_aligned[r].push_back(ids);
            }
        }
        m_mailSystem.assign(uses.size(), -1);
        for (size_t k = 0; k < std::size(mailSystemPhrases); ++k) {
            const int id = m_set.add(mailSystemPhrases[k].phrase);
            if (size_t(id) >= uses.size()) {
                uses.resize(size_t(id) + 1);
                m_mailSystem.resize(size_t(id) + 1, -1);
            }
            if (m_mailSystem[size_t(id)] < 0) // a phrase listed twice counts where it comes first
                m_mailSystem[size_t(id)] = int(k);
        }
        m_wording.assign(uses.size(), 0);
        for (size_t k = 0; k < std::size(wordings); ++k) {
            const int id = m_set.add(wordings[k]);
            if (size_t(id) >= uses.size()) {
                uses.resize(size_t(id) + 1);
                m_mailSystem.resize(size_t(id) + 1, -1);
                m_wording.resize(size_t(id) + 1, 0);
            }
            m_wording[size_t(id)] |= quint32(1) << k;
        }
        // One automaton for every diagnostic, of long phrases that diagnostics follow for many bytes:
        // rows five levels deep (about 300 KB) take most steps through a row.
        m_set.build(5);
        if (size_t(m_set.size()) > PhraseHits().ids.size())
            qFatal("PhraseHits::ids has fewer bits than the reason tables have phrases");
        m_uses = std::move(uses);
    }

    /** Finds every phrase of the tables in @p text. */
    PhraseHits scan(std::string_view text) const
    {
        PhraseHits hits;
        m_set.scan(text, [&](int id, size_t) {
            if (hits.found(id))
                return;
            hits.ids.set(size_t(id));
            const auto &u = m_uses[size_t(id)];
            hits.phrase |= u[0];
            hits.exception |= u[1];
            hits.alignedPiece |= u[2];
            if (const int k = m_mailSystem[size_t(id)]; k >= 0)
                hits.mailSystem |= quint64(1) << k;
            hits.wording |= m_wording[size_t(id)];
        });
        return hits;
    }

    bool pointsAt(Reason r, const PhraseHits &hits, const TextSearch &text) const
    {
        const size_t i = size_t(r);
        if (hits.exception[i])
            return false;
        if (hits.phrase[i])
            return true;
        if (!hits.alignedPiece[i])
            return false;
        const PhraseTable &table = tables()[i];
        for (size_t k = 0; k < m_aligned[i].size(); ++k) {
            bool all = true;
            for (int id : m_aligned[i][k])
                all = all && hits.found(id);
            if (all && alignedIn(text, table.aligned[k]))
                return true;
        }
        return false;
    }

private:
    PhraseSet m_set;
    /// per phrase id: the reasons using it as a phrase [0], an exception [1], a piece of an aligned phrase [2]
    std::vector<std::array<std::bitset<size_t(Reason::Count)>, 3>> m_uses;
    std::vector<int> m_mailSystem; ///< per phrase id: its index in mailSystemPhrases, or -1
    std::vector<quint32> m_wording; ///< per phrase id: the bits of the Wordings it is
    std::array<std::vector<std::vector<int>>, size_t(Reason::Count)> m_aligned;
};

const PhraseAutomaton &automaton()
{
    static const PhraseAutomaton a;
    return a;
}

bool tablePointsAt(Reason reason, const TextSearch &text)
{
    if (text.view().empty())
        return false;
    return automaton().pointsAt(reason, automaton().scan(text.view()), text);
}

// The reason named @p name, or Reason::Count for a name that is none of them ("undefined", "").
Reason reasonNamed(const QString &name)
{
    static const QHash<QString, Reason> byName = [] {
        QHash<QString, Reason> h;
        for (int r = 0; r < int(Reason::Count); ++r)
            h.insert(reasonName(Reason(r)), Reason(r));
        return h;
    }();
    return name.isEmpty() ? Reason::Count : byName.value(name, Reason::Count);
}

// True when @p s is one of the string literals @p items. Their lengths are known where they are
// written (no strlen per item), and only an item of the same length is compared, inline.
template<size_t... N>
bool isOneOf(const QString &s, const char (&...items)[N])
{
    return (equalsAscii(s, std::string_view(items, N - 1)) || ...);
}

// Per-decision cache: the diagnostic is scanned once, each table then answers from the result. The
// fact's reason and the status code's are compared by number: probe() asks about them for every reason.
class Probe
{
public:
    Probe(const DeliveryFact &fact, const TextSearch &text)
        : m_fact(fact), m_text(text), m_statusReason(reasonForStatusCode(fact.status)),
          m_factReasonIs(reasonNamed(fact.reason)), m_statusReasonIs(reasonNamed(m_statusReason)),
          m_greeting(isOneOf(fact.command, "CONN", "EHLO", "HELO")),
          m_beforeData(m_greeting || isOneOf(fact.command, "MAIL", "RCPT")), m_automaton(automaton()),
          m_hits(fact.diagnosticPhrases(text)), m_empty(text.view().empty())
    {
    }

    bool has(Reason r) const { return !m_empty && m_automaton.pointsAt(r, *m_hits, m_text); }

    const DeliveryFact &m_fact;
    const TextSearch &m_text;
    const QString m_statusReason;
    const Reason m_factReasonIs;   ///< the fact's reason, Reason::Count when it is none of the tables'
    const Reason m_statusReasonIs; ///< the status code's reason, likewise
    const bool m_greeting;         ///< the command is CONN, EHLO or HELO
    const bool m_beforeData;       ///< the command came before DATA: a greeting, MAIL or RCPT

private:
    const PhraseAutomaton &m_automaton;
    const std::shared_ptr<const PhraseHits> m_hits;
    const bool m_empty;
};

bool isExplicit(const QString &reason)
{
    return !reason.isEmpty() && !equalsAscii(reason, "undefined") && !equalsAscii(reason, "onhold");
}

// The first pass: each reason's own test of status, command and phrases (Sisimai's "ProbesInto").
bool probe(Reason r, Probe &p)
{
    const DeliveryFact &f = p.m_fact;
    if (p.m_factReasonIs == r)
        return true;
    const Reason sr = p.m_statusReasonIs;
    switch (r) {
    case Reason::MailboxFull:
    case Reason::MesgTooBig:
    case Reason::ExceedLimit:
    case Reason::AuthFailure:
    case Reason::RequirePtr:
    case Reason::TooManyConn:
    case Reason::Blocked:
        return sr == r || p.has(r);
    case Reason::Suspend:
        return f.replyCode == QLatin1String("525") || p.has(r);
    case Reason::HasMoved:
    case Reason::NotCompliantRfc:
    case Reason::BadReputation:
    case Reason::Speeding:
        return p.has(r);
    case Reason::NoRelaying:
        if (p.m_factReasonIs == Reason::SecurityError || p.m_factReasonIs == Reason::SystemError
            || f.reason == QLatin1String("undefined"))
            return false;
        if (p.m_greeting)
            return false;
        return p.has(r);
    case Reason::UserUnknown:
        if (sr == Reason::UserUnknown) {
            for (Reason other : {Reason::NoRelaying, Reason::Blocked, Reason::MailboxFull, Reason::HasMoved,
                                 Reason::Rejected, Reason::NotAccept}) {
                if (p.has(other))
                    return false;
            }
            return true;
        }
        return f.command == QLatin1String("RCPT") && p.has(r);
    case Reason::Filtered:
        if (sr == Reason::Filtered)
            return p.has(Reason::UserUnknown) || p.has(Reason::Filtered);
        if (p.m_beforeData)
            return false;
        return p.has(Reason::Filtered) || p.has(Reason::UserUnknown);
    case Reason::ContentError:
        if (probe(Reason::SpamDetected, p))
            return false;
        return sr == r || p.has(r);
    case Reason::Rejected: {
        if (sr == r)
            return true;
        if (f.command == QLatin1String("MAIL"))
            return p.has(r);
        if (f.command == QLatin1String("DATA") && sr != Reason::UserUnknown)
            return p.has(r);
        // No status reason counts as "undefined": not explicit.
        if (!isExplicit(p.m_statusReason) || sr == Reason::SecurityError || sr == Reason::SystemError)
            return p.has(r);
        return false;
    }
    case Reason::HostUnknown:
        if (sr == r)
            return !p.has(Reason::NetworkError);
        return p.has(r);
    case Reason::SpamDetected:
        if (f.status.isEmpty())
            return false;
        if (sr == r)
            return true;
        if (p.m_beforeData)
            return false;
        return p.has(r);
    default:
        return false;
    }
}

} // namespace

const QString &reasonName(Reason reason)
{
    static const char *const names[] = {
        "mailboxfull", "mesgtoobig",   "exceedlimit",  "suspend",       "hasmoved",        "norelaying",
        "authfailure", "userunknown",  "filtered",     "requireptr",    "notcompliantrfc", "badreputation",
        "contenterror", "rejected",    "hostunknown",  "spamdetected",  "speeding",        "toomanyconn",
        "blocked",     "virusdetected", "policyviolation", "systemerror", "networkerror",  "systemfull",
        "notaccept",   "expired",      "failedstarttls", "securityerror", "mailererror",   "vacation"};
    static_assert(std::size(names) == size_t(Reason::Count));
    static const std::array<QString, size_t(Reason::Count)> strings = [] {
        std::array<QString, size_t(Reason::Count)> a;
        for (size_t i = 0; i < a.size(); ++i)
            a[i] = QString::fromLatin1(names[i]);
        return a;
    }();
    return strings[size_t(reason)];
}

namespace {

// a == b, at once for the same characters in memory (a copy of the diagnostic shares them): the
// prepared diagnostic is asked for several times per recipient.
bool sameText(const QString &a, const QString &b)
{
    return (a.size() == b.size() && a.constData() == b.constData()) || a == b;
}

} // namespace

std::shared_ptr<const TextSearch> DeliveryFact::diagnosticSearch() const
{
    if (!m_search || !sameText(m_searched, diagnostic)) {
        m_search = std::make_shared<const TextSearch>(diagnostic);
        m_searched = diagnostic;
        m_phrases.reset();
    }
    return m_search;
}

std::shared_ptr<const PhraseHits> DeliveryFact::diagnosticPhrases(const TextSearch &text) const
{
    if (&text != m_search.get() || !sameText(m_searched, diagnostic)) // another text: found afresh
        return std::make_shared<const PhraseHits>(automaton().scan(text.view()));
    if (!m_phrases)
        m_phrases = std::make_shared<const PhraseHits>(automaton().scan(text.view()));
    return m_phrases;
}

QString reasonFromMailSystemPhrases(const DeliveryFact &fact, const TextSearch &text)
{
    const quint64 found = fact.diagnosticPhrases(text)->mailSystem;
    return found ? QString::fromLatin1(mailSystemPhrases[qCountTrailingZeroBits(found)].reason) : QString();
}

bool diagnosticHas(Wording wording, const DeliveryFact &fact, const TextSearch &text)
{
    return (fact.diagnosticPhrases(text)->wording >> int(wording)) & 1;
}

bool textPointsAt(Reason reason, QStringView text)
{
    return tablePointsAt(reason, TextSearch(text));
}

bool diagnosticPointsAt(Reason reason, const DeliveryFact &fact)
{
    const std::shared_ptr<const TextSearch> search = fact.diagnosticSearch();
    return !search->view().empty() && automaton().pointsAt(reason, *fact.diagnosticPhrases(*search), *search);
}

bool textPointsAt(Reason reason, const TextSearch &text)
{
    return tablePointsAt(reason, text);
}

bool reasonIsRetryable(const QString &reason)
{
    return reason.isEmpty()
        || isOneOf(reason, "undefined", "onhold", "systemerror", "securityerror", "expired", "networkerror",
                   "hostunknown", "userunknown");
}

QString decideReason(const DeliveryFact &fact)
{
    return decideReason(fact, *fact.diagnosticSearch());
}

QString decideReason(const DeliveryFact &fact, const TextSearch &diagnostic)
{
    if (!fact.reason.isEmpty() && !reasonIsRetryable(fact.reason))
        return fact.reason;
    if (fact.status.startsWith(QLatin1String("2.")))
        return QStringLiteral("delivered");

    Probe p(fact, diagnostic);
    QString found;
    // Only a local delivery program's report (X-Unix) is read differently from an SMTP reply.
    const bool smtpType = !fact.diagnosticType.startsWith(QLatin1String("X-UNIX"));
    if (smtpType) {
        for (Reason r : {Reason::MailboxFull, Reason::MesgTooBig, Reason::ExceedLimit, Reason::Suspend,
                         Reason::HasMoved, Reason::NoRelaying, Reason::AuthFailure, Reason::UserUnknown,
                         Reason::Filtered, Reason::RequirePtr, Reason::NotCompliantRfc, Reason::BadReputation,
                         Reason::ContentError, Reason::Rejected, Reason::HostUnknown, Reason::SpamDetected,
                         Reason::Speeding, Reason::TooManyConn, Reason::Blocked}) {
            if (probe(r, p)) {
                found = reasonName(r);
                break;
            }
        }
    }
    if (!found.isEmpty())
        return found;

    // The second pass: the status code's own meaning and wider phrase tables ("anotherone").
    if (isExplicit(fact.reason))
        return fact.reason;
    QString fromStatus = p.m_statusReason;
    if (reasonIsRetryable(fromStatus) || !smtpType) {
        for (Reason r : {Reason::MailboxFull, Reason::AuthFailure, Reason::BadReputation, Reason::Speeding,
                         Reason::SpamDetected, Reason::VirusDetected, Reason::PolicyViolation, Reason::NoRelaying,
                         Reason::SystemError, Reason::NetworkError, Reason::Suspend, Reason::ContentError,
                         Reason::SystemFull, Reason::NotAccept, Reason::Expired, Reason::FailedStartTls,
                         Reason::SecurityError, Reason::MailerError}) {
            if (p.has(r))
                return reasonName(r);
        }
        if (fromStatus.isEmpty()) {
            const QStringView head = QStringView(fact.status).left(3);
            if (head == QLatin1String("5.6") || head == QLatin1String("4.6"))
                fromStatus = QStringLiteral("contenterror");
            else if (head == QLatin1String("5.7") || head == QLatin1String("4.7"))
                fromStatus = QStringLiteral("securityerror");
            else if (fact.diagnosticType.startsWith(QLatin1String("X-UNIX")))
                fromStatus = QStringLiteral("mailererror");
            else if (fact.reason == QLatin1String("syntaxerror") || [&] {
                         bool ok = false;
                         const int code = fact.replyCode.toInt(&ok);
                         return ok && ((code > 400 && code < 408) || (code > 500 && code < 508));
                     }())
                fromStatus = QStringLiteral("syntaxerror");
            else if (fact.action == QLatin1String("delayed") || fact.action == QLatin1String("expired"))
                fromStatus = QStringLiteral("expired");
            else if (fact.command == QLatin1String("EHLO") || fact.command == QLatin1String("HELO"))
                fromStatus = QStringLiteral("blocked");
        }
    }
    if (fromStatus == QLatin1String("undefined"))
        fromStatus.clear();
    if (fromStatus.isEmpty() && fact.action == QLatin1String("delayed"))
        fromStatus = QStringLiteral("expired");
    if (!fromStatus.isEmpty())
        return fromStatus;
    if (p.has(Reason::Vacation))
        return QStringLiteral("vacation");
    if (!fact.diagnostic.isEmpty())
        return QStringLiteral("onhold");
    return QStringLiteral("undefined");
}

} // namespace MailDoctor::Analysis
