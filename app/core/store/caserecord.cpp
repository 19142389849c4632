#include "caserecord.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace MailDoctor {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString domain = address.mid(at + 1).trimmed().toLower();
    // Addresses sometimes arrive in angle brackets or with a trailing dot from a DNS name.
    while (!domain.isEmpty() && (domain.endsWith(QLatin1Char('>')) || domain.endsWith(QLatin1Char('.'))))
        domain.chop(1);
    return domain;
}

} // namespace

QList<CaseOutcome> allCaseOutcomes()
{
    return { CaseOutcome::Open, CaseOutcome::Resolved, CaseOutcome::Escalated, CaseOutcome::FollowUp,
             CaseOutcome::Abandoned };
}

QString caseOutcomeCode(CaseOutcome outcome)
{
    switch (outcome) {
    case CaseOutcome::Open:
        return QStringLiteral("open");
    case CaseOutcome::Resolved:
        return QStringLiteral("resolved");
    case CaseOutcome::Escalated:
        return QStringLiteral("escalated");
    case CaseOutcome::FollowUp:
        return QStringLiteral("follow-up");
    case CaseOutcome::Abandoned:
        return QStringLiteral("abandoned");
    }
    return QStringLiteral("open");
}

CaseOutcome caseOutcomeFromCode(const QString &code)
{
    for (CaseOutcome o : allCaseOutcomes()) {
        if (caseOutcomeCode(o) == code)
            return o;
    }
    return CaseOutcome::Open;
}

QString caseOutcomeText(CaseOutcome outcome)
{
    switch (outcome) {
    case CaseOutcome::Open:
        //: Outcome of a helpdesk case: still being worked on
        return QCoreApplication::translate("MailDoctor::CaseOutcome", "Open");
    case CaseOutcome::Resolved:
        return QCoreApplication::translate("MailDoctor::CaseOutcome", "Resolved");
    case CaseOutcome::Escalated:
        //: Outcome of a helpdesk case: handed to a specialist or the provider
        return QCoreApplication::translate("MailDoctor::CaseOutcome", "Escalated");
    case CaseOutcome::FollowUp:
        //: Outcome of a helpdesk case: the caller will be called back
        return QCoreApplication::translate("MailDoctor::CaseOutcome", "Follow-up needed");
    case CaseOutcome::Abandoned:
        return QCoreApplication::translate("MailDoctor::CaseOutcome", "Abandoned");
    }
    return {};
}

QString CaseRecord::reference() const
{
    if (!ticket.trimmed().isEmpty())
        return ticket.trimmed();
    if (id.isEmpty())
        return {};
    return QStringLiteral("MD-") + id.left(8).toUpper();
}

QStringList CaseRecord::recipientDomains() const
{
    QStringList domains;
    auto add = [&domains](const QString &address) {
        const QString d = domainOf(address);
        if (!d.isEmpty() && !domains.contains(d))
            domains.append(d);
    };
    for (const RecipientFinding &r : analysis.recipients)
        add(r.address);
    if (domains.isEmpty()) {
        // A client message has no per-recipient facts; the returned original's To: is the next best hint.
        const QStringList to = analysis.original.to.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &a : to)
            add(a);
    }
    return domains;
}

QJsonArray choicesToJson(const QList<Choice> &choices)
{
    QJsonArray array;
    for (const Choice &c : choices) {
        QJsonObject o;
        o.insert(QLatin1String("node"), c.nodeId);
        o.insert(QLatin1String("answer"), c.answerId);
        array.append(o);
    }
    return array;
}

QList<Choice> choicesFromJson(const QJsonArray &array)
{
    QList<Choice> choices;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        choices.append(
            { o.value(QLatin1String("node")).toString(), o.value(QLatin1String("answer")).toString() });
    }
    return choices;
}

AnalysisResult analysisFromJson(const QJsonObject &o)
{
    AnalysisResult r;
    if (o.isEmpty())
        return r;
    r.input = o.value(QLatin1String("input")).toString();
    r.kind = o.value(QLatin1String("kind")).toString(r.kind);
    r.severity = o.value(QLatin1String("severity")).toString(r.severity);
    r.error = o.value(QLatin1String("error")).toString();

    const QJsonArray causes = o.value(QLatin1String("causes")).toArray();
    for (const QJsonValue &v : causes) {
        const QJsonObject c = v.toObject();
        CauseFinding f;
        f.cause = c.value(QLatin1String("cause")).toString();
        f.kb = c.value(QLatin1String("kb")).toString();
        f.confidence = c.value(QLatin1String("confidence")).toDouble();
        f.actor = c.value(QLatin1String("actor")).toString();
        f.evidence = stringList(c.value(QLatin1String("evidence")));
        r.causes.append(f);
    }

    const QJsonArray recipients = o.value(QLatin1String("recipients")).toArray();
    for (const QJsonValue &v : recipients) {
        const QJsonObject c = v.toObject();
        RecipientFinding f;
        f.address = c.value(QLatin1String("address")).toString();
        f.action = c.value(QLatin1String("action")).toString();
        f.status = c.value(QLatin1String("status")).toString();
        f.replyCode = c.value(QLatin1String("reply_code")).toString();
        f.remoteMta = c.value(QLatin1String("remote_mta")).toString();
        f.diagnostic = c.value(QLatin1String("diagnostic")).toString();
        f.reason = c.value(QLatin1String("reason")).toString();
        f.cause = c.value(QLatin1String("cause")).toString();
        f.kb = c.value(QLatin1String("kb")).toString();
        f.didYouMean = c.value(QLatin1String("did_you_mean")).toString();
        f.evidence = stringList(c.value(QLatin1String("evidence")));
        r.recipients.append(f);
    }

    const QJsonObject orig = o.value(QLatin1String("original")).toObject();
    r.original.from = orig.value(QLatin1String("from")).toString();
    r.original.to = orig.value(QLatin1String("to")).toString();
    r.original.subject = orig.value(QLatin1String("subject")).toString();
    r.original.date = orig.value(QLatin1String("date")).toString();
    r.original.messageId = orig.value(QLatin1String("message_id")).toString();
    r.original.receivedCount = orig.value(QLatin1String("received_count")).toInt();

    const QJsonObject codes = o.value(QLatin1String("codes")).toObject();
    r.codes.reply = stringList(codes.value(QLatin1String("reply")));
    r.codes.enhanced = stringList(codes.value(QLatin1String("enhanced")));
    r.codes.pop3 = stringList(codes.value(QLatin1String("pop3")));
    r.codes.imap = stringList(codes.value(QLatin1String("imap")));
    r.codes.client = stringList(codes.value(QLatin1String("client")));
    r.codes.nonstandard = stringList(codes.value(QLatin1String("nonstandard")));
    return r;
}

} // namespace MailDoctor
