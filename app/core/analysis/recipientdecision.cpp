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
    {"not listed in domino directory", "userunknown"},
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
    Q_UNUSED(fact)
    for (const VendorPhrase &v : vendorPhrases) {
        if (lowerDiagnostic.contains(QLatin1String(v.phrase)))
            return QString::fromLatin1(v.reason);
    }
    return {};
}

void completeFact(DeliveryFact *f)
{
    const QString &diag = f->diagnostic;
    if (!diag.isEmpty()) {
        const QString inText = findStatusCode(diag);
        const QString reply = findReplyCode(diag, inText.isEmpty() ? QChar() : inText.at(0));
        f->status = preferStatusCode(f->status, inText, reply);
        if (f->replyCode.isEmpty())
            f->replyCode = reply;
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
        const bool temporary = text.size() >= 4 && textIsTemporary(text);
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
