#include "recipientdecision.h"

#include "smtpcodes.h"

namespace MailDoctor::Analysis {

namespace {

struct VendorPhrase
{
    const char *phrase; ///< lower case
    const char *reason;
};

// Wording of particular mail systems (Domino, Exchange, carriers, hosted filters) that the general
// phrase tables do not cover or would read differently. Checked before them, like a mail system's
// own rules. Short error strings only.
const VendorPhrase vendorPhrases[] = {
    // qmail and its clones
    {"sorry, i wasn't able to establish an smtp connection", "networkerror"},
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
    {"host not reachable", "expired"},
    {"retry timeout exceeded", "expired"},
    // Google's DNS errors
    {"doesn't receive email according to the administrator", "notaccept"},
    {"dns type 'mx' lookup of ", "networkerror"},
    {"the recipient server did not accept our requests to connect", "expired"},
    // Exchange Online
    {"message expired, dns query failed", "networkerror"},
    {"message expired", "expired"},
    // Trend Micro, Lotus Notes / Domino
    {"(and other recipients in the same domain)", "userunknown"},
    {"not listed in domino directory", "userunknown"},
    {"domino ディレクトリには見つかりません", "userunknown"},
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

} // namespace

QString reasonFromVendorWording(QStringView lowerDiagnostic, const DeliveryFact &fact)
{
    // A mailing-list service that refuses the post: the group is closed or does not exist.
    if (fact.recipient.endsWith(QLatin1String("@googlegroups.com"), Qt::CaseInsensitive))
        return QStringLiteral("rejected");
    // IMail gives up after a number of attempts: "Delivery failed 20 attempts".
    if (lowerDiagnostic.startsWith(QLatin1String("delivery failed ")) && lowerDiagnostic.contains(QLatin1String(" attempts")))
        return QStringLiteral("expired");
    for (const VendorPhrase &v : vendorPhrases) {
        if (lowerDiagnostic.contains(QString::fromUtf8(v.phrase)))
            return QString::fromLatin1(v.reason);
    }
    return {};
}

// A multi-line reply repeats its codes on every line ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1"):
// keep them once in front so the phrases between them read as one sentence.
QString joinMultilineReply(const QString &diag, const QString &reply, const QString &status)
{
    if (reply.isEmpty() || !diag.contains(reply + u'-'))
        return diag;
    QString out = diag;
    for (const QChar sep : {QChar(u'-'), QChar(u' ')}) {
        if (!status.isEmpty())
            out.replace(reply + sep + status, QString());
        out.replace(reply + sep, QString());
    }
    out = out.simplified();
    if (diag.contains(reply))
        out = reply + u' ' + (status.isEmpty() ? QString() : status + u' ') + out;
    return out.simplified();
}

void completeFact(DeliveryFact *f)
{
    QString &diag = f->diagnostic;
    if (!diag.isEmpty()) {
        const QString inText = findStatusCode(diag);
        const QString reply = findReplyCode(diag, inText.isEmpty() ? QChar() : inText.at(0));
        f->status = preferStatusCode(f->status, inText, reply);
        if (f->replyCode.isEmpty())
            f->replyCode = reply;
        diag = joinMultilineReply(diag, reply, inText);
    }
    if (f->reason.isEmpty()) {
        const QString lower = diag.toLower();
        f->reason = reasonFromVendorWording(lower, *f);
    }
    const QString reason = decideReason(*f);
    f->reason = reason;

    if (reason == QLatin1String("feedback") || reason == QLatin1String("vacation")) {
        f->replyCode.clear();
        return;
    }
    if (f->status.isEmpty()) {
        const QString text = f->replyCode + u' ' + diag;
        // Exim words an expiry of its retry period without a code; it is still a temporary failure.
        const bool temporary = (text.size() >= 4 && textIsTemporary(text))
            || diag.contains(QLatin1String("retry timeout exceeded"), Qt::CaseInsensitive)
            || diag.contains(QLatin1String("have been failing for a long time"), Qt::CaseInsensitive);
        const bool permanent = text.size() >= 4 && textIsPermanent(text);
        f->status = pseudoStatusCode(reason, temporary && (permanent || temporary));
    }
    // A reply code of another class than the status is from another part of the conversation.
    if (!f->status.isEmpty() && !f->replyCode.isEmpty() && f->status.at(0) != f->replyCode.at(0)) {
        const QString again = findReplyCode(diag, f->status.at(0));
        f->replyCode = again.startsWith(f->status.at(0)) ? again : QString();
    }
}

} // namespace MailDoctor::Analysis
