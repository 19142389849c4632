#include "analyzer.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace MailDoctor {

namespace {

QString kindFromCodes(const FoundCodes &codes)
{
    if (!codes.pop3.isEmpty())
        return QStringLiteral("pop3-reply");
    if (!codes.imap.isEmpty())
        return QStringLiteral("imap-reply");
    if (!codes.reply.isEmpty() || !codes.enhanced.isEmpty())
        return QStringLiteral("smtp-reply");
    if (!codes.client.isEmpty())
        return QStringLiteral("client-message");
    return QStringLiteral("unknown");
}

} // namespace

Analyzer::Analyzer(const KnowledgeBase *kb) : m_kb(kb), m_matcher(kb) {}

AnalysisResult Analyzer::analyze(const QByteArray &data, const QString &inputName) const
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(data);
    return analyzeText(text, inputName);
}

AnalysisResult Analyzer::analyzeText(const QString &text, const QString &inputName) const
{
    AnalysisResult result;
    result.input = inputName;
    if (text.trimmed().isEmpty()) {
        result.error = QCoreApplication::translate("MailDoctor::Analyzer", "The input is empty.");
        return result;
    }
    result.codes = extractCodes(text);
    result.kind = kindFromCodes(result.codes);
    rankCauses(text, &result);
    if (result.kind == QLatin1String("unknown") && !result.causes.isEmpty())
        result.kind = QStringLiteral("client-message");
    return result;
}

void Analyzer::rankCauses(const QString &text, AnalysisResult *result) const
{
    const QList<EntryMatch> matches = m_matcher.rank(text);
    QStringList seenCauses;
    for (const EntryMatch &m : matches) {
        if (seenCauses.contains(m.entry->cause))
            continue;
        seenCauses.append(m.entry->cause);
        result->causes.append({m.entry->cause, m.entry->id, PatternMatcher::confidenceForScore(m.score),
                               m.entry->actor, m.evidence});
    }
    if (!matches.isEmpty())
        result->severity = matches.first().entry->severity;
}

} // namespace MailDoctor
