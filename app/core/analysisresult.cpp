#include "analysisresult.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace MailDoctor {

namespace {

void mergeList(QStringList &into, const QStringList &from)
{
    for (const QString &s : from) {
        if (!into.contains(s))
            into.append(s);
    }
}

} // namespace

bool FoundCodes::isEmpty() const
{
    return reply.isEmpty() && enhanced.isEmpty() && pop3.isEmpty() && imap.isEmpty() && client.isEmpty();
}

void FoundCodes::merge(const FoundCodes &other)
{
    mergeList(reply, other.reply);
    mergeList(enhanced, other.enhanced);
    mergeList(pop3, other.pop3);
    mergeList(imap, other.imap);
    mergeList(client, other.client);
    mergeList(nonstandard, other.nonstandard);
}

QJsonObject AnalysisResult::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("schema"), 1);
    o.insert(QLatin1String("input"), input);
    o.insert(QLatin1String("kind"), kind);
    o.insert(QLatin1String("severity"), severity);

    QJsonArray causeArray;
    for (const CauseFinding &c : causes) {
        QJsonObject co;
        co.insert(QLatin1String("cause"), c.cause);
        co.insert(QLatin1String("kb"), c.kb);
        co.insert(QLatin1String("confidence"), qRound(c.confidence * 1000) / 1000.0);
        co.insert(QLatin1String("actor"), c.actor);
        co.insert(QLatin1String("evidence"), QJsonArray::fromStringList(c.evidence));
        causeArray.append(co);
    }
    o.insert(QLatin1String("causes"), causeArray);

    QJsonArray recipientArray;
    for (const RecipientFinding &r : recipients) {
        QJsonObject ro;
        ro.insert(QLatin1String("address"), r.address);
        ro.insert(QLatin1String("action"), r.action);
        ro.insert(QLatin1String("status"), r.status);
        ro.insert(QLatin1String("reply_code"), r.replyCode);
        ro.insert(QLatin1String("remote_mta"), r.remoteMta);
        ro.insert(QLatin1String("diagnostic"), r.diagnostic);
        ro.insert(QLatin1String("reason"), r.reason);
        ro.insert(QLatin1String("cause"), r.cause);
        if (!r.kb.isEmpty())
            ro.insert(QLatin1String("kb"), r.kb);
        if (!r.didYouMean.isEmpty())
            ro.insert(QLatin1String("did_you_mean"), r.didYouMean);
        recipientArray.append(ro);
    }
    o.insert(QLatin1String("recipients"), recipientArray);

    QJsonObject orig;
    orig.insert(QLatin1String("from"), original.from);
    orig.insert(QLatin1String("to"), original.to);
    orig.insert(QLatin1String("subject"), original.subject);
    orig.insert(QLatin1String("date"), original.date);
    orig.insert(QLatin1String("message_id"), original.messageId);
    if (original.receivedCount > 0)
        orig.insert(QLatin1String("received_count"), original.receivedCount);
    o.insert(QLatin1String("original"), orig);

    QJsonObject codeObject;
    codeObject.insert(QLatin1String("reply"), QJsonArray::fromStringList(codes.reply));
    codeObject.insert(QLatin1String("enhanced"), QJsonArray::fromStringList(codes.enhanced));
    codeObject.insert(QLatin1String("pop3"), QJsonArray::fromStringList(codes.pop3));
    codeObject.insert(QLatin1String("imap"), QJsonArray::fromStringList(codes.imap));
    codeObject.insert(QLatin1String("client"), QJsonArray::fromStringList(codes.client));
    codeObject.insert(QLatin1String("nonstandard"), QJsonArray::fromStringList(codes.nonstandard));
    o.insert(QLatin1String("codes"), codeObject);

    if (!error.isEmpty())
        o.insert(QLatin1String("error"), error);
    return o;
}

QString AnalysisResult::errorText() const
{
    return errorSource ? QCoreApplication::translate("MailDoctor::Analyzer", errorSource) : error;
}

} // namespace MailDoctor
