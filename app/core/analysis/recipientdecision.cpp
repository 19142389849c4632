#include "recipientdecision.h"

#include "smtpcodes.h"
#include "textsearch.h"

#include <QStringList>

#include <algorithm>

#include <string_view>

namespace MailDoctor::Analysis {

namespace {


} // namespace

// Exchange Online's own status details (three digits) and the codes it uses differently.
QString microsoftReason(const QString &status)
{
    static const char *const exact[][2] = {
        {"5.1.10", "userunknown"},   {"5.1.351", "userunknown"}, {"5.4.312", "networkerror"},
        {"4.4.312", "networkerror"}, {"5.4.316", "expired"},     {"4.4.316", "expired"},
        {"5.4.300", "expired"},      {"5.7.509", "authfailure"}, {"5.7.508", "authfailure"},
        {"4.7.650", "badreputation"}, {"5.7.506", "blocked"},    {"5.7.507", "blocked"},
        {"5.7.511", "blocked"},      {"5.7.513", "blocked"},
    };
    for (const auto &e : exact) {
        if (status == QLatin1String(e[0]))
            return QString::fromLatin1(e[1]);
    }
    const QStringList parts = status.split(u'.');
    if (parts.size() == 3 && parts.at(1) == QLatin1String("7")) {
        const int detail = parts.at(2).toInt();
        if (parts.at(0) == QLatin1String("5") && detail >= 606 && detail <= 649)
            return QStringLiteral("blocked");
        if (parts.at(0) == QLatin1String("4") && detail >= 500 && detail <= 899)
            return QStringLiteral("blocked");
    }
    return {};
}

// Orange and La Poste end their replies with a label and a number ("LPN007_416", "OFR_417").
QString francePttReason(QStringView lowerDiagnostic)
{
    qsizetype at = -1;
    for (const char *label : {"lpn", "ofr", "ouk"}) {
        at = lowerDiagnostic.lastIndexOf(QLatin1String(label));
        if (at >= 0)
            break;
    }
    if (at < 0) {
        if (lowerDiagnostic.contains(QLatin1String("spf/dns de votre nom de domaine")))
            return QStringLiteral("authfailure");
        return {};
    }
    qsizetype end = at;
    while (end < lowerDiagnostic.size() && !lowerDiagnostic.at(end).isSpace() && lowerDiagnostic.at(end) != u'['
           && lowerDiagnostic.at(end) != u')')
        ++end;
    const QStringView token = lowerDiagnostic.mid(at, end - at);
    if (token.size() < 3)
        return {};
    const QStringView code = token.right(3);
    static const char *const codes[][2] = {
        {"101", "blocked"},     {"102", "blocked"},       {"103", "blocked"},      {"104", "toomanyconn"},
        {"305", "securityerror"}, {"401", "authfailure"}, {"402", "securityerror"}, {"403", "rejected"},
        {"405", "rejected"},    {"415", "rejected"},      {"416", "userunknown"},  {"417", "mailboxfull"},
        {"420", "suspend"},     {"421", "rejected"},      {"426", "suspend"},      {"505", "systemerror"},
        {"506", "spamdetected"}, {"510", "blocked"},      {"514", "mesgtoobig"},   {"517", "authfailure"},
        {"630", "policyviolation"}, {"999", "blocked"},
        // "Service refused, please try later" without a stated cause: nothing can be said.
        {"105", "undefined"},   {"107", "undefined"},     {"108", "undefined"},    {"109", "undefined"},
        {"201", "undefined"},   {"423", "undefined"},     {"424", "undefined"},    {"513", "undefined"},
    };
    for (const auto &c : codes) {
        if (code == QLatin1String(c[0]))
            return QString::fromLatin1(c[1]);
    }
    return {};
}

QString reasonFromCategory(const QString &category)
{
    static constexpr std::string_view map[][2] = {
        { "bad-mailbox", "userunknown" },      { "bad-domain", "hostunknown" },
        { "quota-issues", "mailboxfull" },     { "inactive-mailbox", "suspend" },
        { "spam-related", "spamdetected" },    { "policy-related", "policyviolation" },
        { "content-related", "contenterror" }, { "virus-related", "virusdetected" },
        { "message-expired", "expired" },      { "no-answer-from-host", "expired" },
        { "bad-connection", "networkerror" },  { "routing-errors", "systemerror" },
        { "protocol-errors", "systemerror" },  { "relaying-issues", "norelaying" },
        { "invalid-sender", "rejected" },      { "bad-configuration", "systemerror" },
    };
    for (const auto &m : map) {
        if (equalsAscii(category, m[0]))
            return QString::fromLatin1(m[1].data(), qsizetype(m[1].size()));
    }
    return {};
}

namespace {

QString vendorReason(QStringView diagnostic, const TextSearch &text, const DeliveryFact &fact);

} // namespace

QString reasonFromVendorWording(QStringView diagnostic, const DeliveryFact &fact)
{
    return vendorReason(diagnostic, TextSearch(diagnostic), fact);
}

namespace {

QString vendorReason(QStringView diagnostic, const TextSearch &text, const DeliveryFact &fact)
{
    if (!fact.category.isEmpty()) {
        const QString r = reasonFromCategory(fact.category);
        if (!r.isEmpty())
            return r;
    }
    if (fact.vendor == QLatin1String("kddi")) {
        if (text.contains("was rejected by a remote mail server"))
            return QStringLiteral("filtered");
        // au (KDDI) answers "550 : User unknown" for its reception filter and "<a@b>: User unknown" otherwise.
        if (text.contains("550 : user unknown"))
            return QStringLiteral("filtered");
        if (text.contains(">: user unknown"))
            return QStringLiteral("userunknown");
    }
    if (fact.vendor == QLatin1String("franceptt")) {
        const QString r = francePttReason(diagnostic.toString().toLower());
        if (!r.isEmpty())
            return r;
    }
    if (fact.vendor == QLatin1String("docomo")) {
        // NTT docomo: an unknown user refused after DATA is its reception filter, at RCPT a real unknown user.
        if (fact.status == QLatin1String("5.1.1") || fact.status == QLatin1String("5.0.911"))
            return QStringLiteral("userunknown");
        if (fact.status == QLatin1String("5.2.0"))
            return QStringLiteral("filtered");
        if (text.contains("552 too much mail data"))
            return QStringLiteral("mailboxfull");
        if (text.contains("552 too many recipients"))
            return QStringLiteral("toomanyconn");
        if (text.contains("503 bad sequence of commands")
            || text.contains("504 command parameter not implemented"))
            return QStringLiteral("syntaxerror");
        if (fact.status == QLatin1String("5.0.0") && fact.command == QLatin1String("RCPT"))
            return QStringLiteral("userunknown");
        if (fact.status == QLatin1String("5.0.0") && fact.command == QLatin1String("DATA"))
            return QStringLiteral("rejected");
    }
    if (fact.vendor == QLatin1String("messagelabs") && text.view().substr(0, 4) == "542 " && text.contains(" rejected"))
        return QStringLiteral("userunknown");
    // Cox states its reason as an "AUP#" code after the reply.
    if (const qsizetype aup = indexOfAscii(diagnostic, "AUP#"); aup >= 0) {
        qsizetype end = aup + 4;
        while (end < diagnostic.size() && !diagnostic.at(end).isSpace())
            ++end;
        const QStringView code = diagnostic.mid(aup + 4, end - aup - 4);
        static const char *const cox[][2] = {
            {"CXBL", "blocked"},      {"CXDNS", "requireptr"},   {"CXSNDR", "authfailure"}, {"CXSMTP", "rejected"},
            {"CXCNCT", "toomanyconn"}, {"CXMXRT", "toomanyconn"}, {"CDRBL", "blocked"},      {"CXTHRT", "securityerror"},
            {"CXMJ", "securityerror"},
        };
        for (const auto &c : cox) {
            if (code == QLatin1String(c[0]))
                return QString::fromLatin1(c[1]);
        }
        if (code.startsWith(QLatin1String("IPBL")))
            return QStringLiteral("blocked");
        if (code.startsWith(QLatin1String("URLBL")))
            return QStringLiteral("spamdetected");
        // Spectrum: "AUP#In-1310", four digits; ranges as its published table groups them.
        QString digits;
        for (QChar c : code) {
            if (c.isDigit())
                digits += c;
            else if (digits.size() < 4)
                digits.clear();
        }
        if (digits.size() == 4) {
            const int n = digits.toInt();
            static const struct { int from, to; const char *reason; } spectrum[] = {
                {1000, 1000, "blocked"},     {1010, 1010, "rejected"},     {1020, 1080, "rejected"},
                {1090, 1090, "systemerror"}, {1100, 1150, "requireptr"},  {1160, 1190, "policyviolation"},
                {1200, 1250, "blocked"},     {1260, 1260, "networkerror"}, {1300, 1340, "toomanyconn"},
                {1350, 1490, "speeding"},    {1500, 1500, "rejected"},     {1520, 1520, "rejected"},
                {1530, 1530, "mesgtoobig"},  {1540, 1550, "speeding"},     {1560, 1560, "policyviolation"},
                {1580, 1580, "speeding"},
            };
            for (const auto &e : spectrum) {
                if (n >= e.from && n <= e.to)
                    return QString::fromLatin1(e.reason);
            }
        }
    }
    if (fact.vendor == QLatin1String("tencent") && text.contains("frequency limited"))
        return QStringLiteral("toomanyconn");
    if (fact.vendor == QLatin1String("mimecast") && text.contains("host network not allowed"))
        return QStringLiteral("policyviolation");
    if (fact.vendor == QLatin1String("yahoo")
        && text.contains("temporarily deferred due to unexpected volume or user complaints"))
        return QStringLiteral("rejected");
    if (fact.vendor == QLatin1String("facebook") && text.contains("rcp-p2"))
        return QStringLiteral("filtered");
    if (fact.vendor == QLatin1String("yahoo") && text.contains("dd this user doesn't have a"))
        return QStringLiteral("userunknown");
    if (fact.vendor == QLatin1String("microsoft")
        && text.contains("requested action not taken: mailbox unavailable"))
        return QStringLiteral("userunknown");
    if (fact.vendor == QLatin1String("microsoft") || fact.status.size() > 6) {
        const QString r = microsoftReason(fact.status);
        if (!r.isEmpty())
            return r;
    }
    // A mailing-list service that refuses the post: the group is closed or does not exist.
    if (fact.recipient.endsWith(QLatin1String("@googlegroups.com"), Qt::CaseInsensitive) && fact.status.isEmpty())
        return QStringLiteral("rejected");
    // Gmail's own bounces end the remote reply with "(state N)": the step of its SMTP client.
    // The wordings every diagnostic is asked about come from the reason tables' one pass over it.
    const qsizetype state = diagnosticHas(Wording::StateNumber, fact, text)
        ? diagnostic.lastIndexOf(QLatin1String(" (state "))
        : -1;
    if (state >= 0) {
        const qsizetype close = diagnostic.indexOf(u')', state);
        const QStringView number = close > state ? diagnostic.mid(state + 8, close - state - 8) : QStringView();
        static const char *const states[][2] = {{"6", "systemerror"}, {"8", "systemerror"}, {"9", "systemerror"},
                                                {"12", "norelaying"},  {"13", "blocked"},     {"14", "userunknown"},
                                                {"15", "filtered"},    {"17", "filtered"},    {"18", "filtered"}};
        for (const auto &st : states) {
            if (number == QLatin1String(st[0]))
                return QString::fromLatin1(st[1]);
        }
    }
    // "<a@b>... No such user" is an unknown user unless the refusal came after DATA (a filter).
    if (diagnosticHas(Wording::NoSuchUser, fact, text) && fact.command != QLatin1String("DATA"))
        return QStringLiteral("userunknown");
    // IMail gives up after a number of attempts: "Delivery failed 20 attempts".
    if (text.view().substr(0, 16) == "delivery failed " && diagnosticHas(Wording::Attempts, fact, text))
        return QStringLiteral("expired");
    return reasonFromMailSystemPhrases(fact, text);
}

} // namespace

QString withoutReplyCode(const QString &text, QStringView reply, QChar separator, QStringView status)
{
    if (reply.isEmpty()) {
        QString needle(separator);
        needle += status;
        return QString(text).replace(needle, QString());
    }
    const qsizetype length = reply.size() + 1 + status.size();
    const QStringView t(text);
    QString out;
    qsizetype copied = 0; // text before this is in out (or taken out)
    for (qsizetype p = indexOfChar(t, reply.front().unicode(), copied); p >= 0 && p + length <= t.size();
         p = indexOfChar(t, reply.front().unicode(), p)) {
        if (t.sliced(p, reply.size()) == reply && t.at(p + reply.size()) == separator
            && t.sliced(p + reply.size() + 1, status.size()) == status) {
            out.append(t.sliced(copied, p - copied));
            copied = p + length;
            p = copied;
        } else {
            ++p;
        }
    }
    if (copied == 0)
        return text; // nothing taken out: the same string, no copy
    out.append(t.sliced(copied));
    return out;
}

// A multi-line reply repeats its codes on every line ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1"):
// keep them once in front so the phrases between them read as one sentence.
QString joinMultilineReply(const QString &diag, const QString &reply, const QString &status)
{
    if (reply.isEmpty())
        return diag;
    bool continued = false; // the reply code followed by '-' somewhere (dashes are fewer than digits)
    for (qsizetype p = indexOfChar(diag, u'-', reply.size()); p >= 0 && !continued; p = indexOfChar(diag, u'-', p + 1))
        continued = QStringView(diag).sliced(p - reply.size(), reply.size()) == reply;
    if (!continued)
        return diag;
    QString out = diag;
    for (const QChar sep : {QChar(u'-'), QChar(u' ')}) {
        if (!status.isEmpty())
            out = withoutReplyCode(out, reply, sep, status);
        out = withoutReplyCode(out, reply, sep, QStringView());
    }
    out = out.simplified();
    if (!diag.contains(reply))
        return out;
    auto hasSpace = [](const QString &s) { return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); }); };
    if (hasSpace(reply) || hasSpace(status))
        return QString(reply + u' ' + (status.isEmpty() ? QString() : status + u' ') + out).simplified();
    // Codes without spaces before a simplified rest, joined with single spaces: already simplified.
    QString joined = reply;
    for (const QString *part : std::initializer_list<const QString *>{&status, &out}) {
        if (!part->isEmpty())
            joined += u' ' + *part;
    }
    return joined;
}

bool replyIsTemporary(const QString &replyCode, const QString &diagnostic, const TextSearch &prepared)
{
    const QString text = replyCode + u' ' + diagnostic;
    if (replyCode.contains(u' '))
        return textIsTemporary(text);
    if (codeIsTemporary(text))
        return true;
    // The wordings start with a space: without one in the reply code they lie in the diagnostic, or
    // open it after the joining space. The prepared text lowers beyond ASCII too, but the only
    // characters it lowers into ASCII letters are U+212A (into 'k', in neither wording) and U+0130
    // (into 'i' and a combining dot, which no wording's 'i' is followed by): it finds what an ASCII
    // search of the joined text finds.
    const std::string_view lowered = prepared.view();
    return prepared.contains(" temporar") || prepared.contains(" persistent")
        || lowered.substr(0, 8) == "temporar" || lowered.substr(0, 10) == "persistent";
}

void completeFact(DeliveryFact *f)
{
    QString &diag = f->diagnostic;
    if (!diag.isEmpty()) {
        QString inText = findStatusCode(diag);
        // In a failure report a success code is an earlier step of the conversation.
        if (inText.startsWith(u'2') && f->action != QLatin1String("delivered")) {
            QString failure = findStatusCode(diag, u'5');
            if (failure.isEmpty())
                failure = findStatusCode(diag, u'4');
            if (!failure.isEmpty())
                inText = failure;
        }
        const QString reply = findReplyCode(diag, inText.isEmpty() ? QChar() : inText.at(0));
        f->status = preferStatusCode(f->status, inText, reply);
        if (f->replyCode.isEmpty())
            f->replyCode = reply;
        diag = joinMultilineReply(diag, reply, inText);
    }
    const std::shared_ptr<const TextSearch> prepared = f->diagnosticSearch();
    const TextSearch &search = *prepared;
    if (f->reason.isEmpty())
        f->reason = vendorReason(diag, search, *f);
    // A mail system's own code that says nothing about the cause stays undecided.
    const QString reason = f->reason == QLatin1String("undefined") ? f->reason : decideReason(*f, search);
    f->reason = reason;

    if (reason == QLatin1String("feedback") || reason == QLatin1String("vacation")) {
        f->replyCode.clear();
        return;
    }
    if (f->status.isEmpty()) {
        // Exim gives up on its own retry schedule ("retry timeout exceeded"): a temporary failure
        // that expired. Mail.ru and GMX reword it as a permanent one.
        const bool eximRetry = indexOfAscii(diag, "retry timeout exceeded") >= 0
            && f->vendor != QLatin1String("mailru") && f->vendor != QLatin1String("gmx");
        const bool temporary = f->temporary || eximRetry
            || (f->replyCode.size() + diag.size() >= 3 && replyIsTemporary(f->replyCode, diag, search))
            || indexOfAscii(diag, "have been failing for a long time") >= 0;
        // Whether the text also reads as permanent changes nothing ("temporary && (permanent ||
        // temporary)" is "temporary"), so textIsPermanent() is not asked.
        f->status = pseudoStatusCode(reason, temporary);
    }
    // A reply code of another class than the status is from another part of the conversation.
    if (!f->status.isEmpty() && !f->replyCode.isEmpty() && f->status.at(0) != f->replyCode.at(0)) {
        const QString again = findReplyCode(diag, f->status.at(0));
        f->replyCode = again.startsWith(f->status.at(0)) ? again : QString();
    }
}

} // namespace MailDoctor::Analysis
