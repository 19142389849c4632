#include "patternmatcher.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace MailDoctor {

namespace {

const QRegularExpression &replyCodeRe()
{
    // A three-digit reply code standing on its own: not part of a longer number, a date or
    // a dotted status ("552 ", "550-", "'553 ").
    static const QRegularExpression re(QStringLiteral("(?<![\\w.+:/-])([2-5][0-9][0-9])(?=[ \\-:]|$)(?![\\-:][0-9])"));
    return re;
}

const QRegularExpression &enhancedCodeRe()
{
    static const QRegularExpression re(QStringLiteral("(?<![\\w.])([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?![\\w.]*[0-9])"));
    return re;
}

const QRegularExpression &pop3CodeRe()
{
    static const QRegularExpression re(QStringLiteral("-ERR\\s*\\[([A-Za-z][A-Za-z/-]*)\\]"));
    return re;
}

const QRegularExpression &imapCodeRe()
{
    static const QRegularExpression re(QStringLiteral("\\b(?:NO|BAD|BYE|OK)\\s+\\[([A-Za-z][A-Za-z-]*)"));
    return re;
}

const QRegularExpression &clientCodeRe()
{
    static const QRegularExpression re(QStringLiteral("\\b0x([0-9A-Fa-f]{8})\\b"));
    return re;
}

void collect(const QRegularExpression &re, QStringView text, QStringList *into, bool upper)
{
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString code = m.captured(1);
        if (upper)
            code = code.toUpper();
        if (!into->contains(code))
            into->append(code);
    }
}

bool lineHas(const QStringList &codes, const QString &code)
{
    return codes.contains(code);
}

} // namespace

FoundCodes extractCodes(QStringView text)
{
    FoundCodes codes;
    collect(replyCodeRe(), text, &codes.reply, false);
    collect(enhancedCodeRe(), text, &codes.enhanced, false);
    collect(pop3CodeRe(), text, &codes.pop3, true);
    collect(imapCodeRe(), text, &codes.imap, true);
    QStringList client;
    collect(clientCodeRe(), text, &client, true);
    for (const QString &c : std::as_const(client))
        codes.client.append(QLatin1String("0x") + c);
    return codes;
}

PatternMatcher::PatternMatcher(const KnowledgeBase *kb) : m_kb(kb) {}

double PatternMatcher::confidenceForScore(double score)
{
    return score <= 0 ? 0.0 : score / (score + 1.5);
}

QList<EntryMatch> PatternMatcher::rank(QStringView text) const
{
    // Split once; every pattern then walks the same lines.
    QList<QStringView> lines;
    for (QStringView line : text.tokenize(u'\n'))
        lines.append(line.endsWith(u'\r') ? line.chopped(1) : line);

    QList<FoundCodes> lineCodes;
    bool codesDone = false;
    auto codesOf = [&](int i) -> const FoundCodes & {
        if (!codesDone) {
            lineCodes.reserve(lines.size());
            for (QStringView line : std::as_const(lines))
                lineCodes.append(extractCodes(line));
            codesDone = true;
        }
        return lineCodes.at(i);
    };

    QList<EntryMatch> matches;
    for (const Entry &entry : m_kb->entries()) {
        EntryMatch match;
        QList<int> hitLines;
        for (const Pattern &pattern : entry.patterns) {
            bool hit = false;
            for (int i = 0; i < lines.size(); ++i) {
                bool lineHit = false;
                switch (pattern.kind) {
                case PatternKind::Regex:
                    lineHit = pattern.regex.isValid() && pattern.regex.match(lines.at(i)).hasMatch();
                    break;
                case PatternKind::ReplyCode:
                    lineHit = lineHas(codesOf(i).reply, pattern.value);
                    break;
                case PatternKind::EnhancedCode:
                    lineHit = lineHas(codesOf(i).enhanced, pattern.value);
                    break;
                case PatternKind::Pop3Code:
                    lineHit = lineHas(codesOf(i).pop3, pattern.value);
                    break;
                case PatternKind::ImapCode:
                    lineHit = lineHas(codesOf(i).imap, pattern.value);
                    break;
                case PatternKind::ClientCode:
                    lineHit = lineHas(codesOf(i).client, pattern.value);
                    break;
                }
                if (lineHit) {
                    hit = true;
                    if (!hitLines.contains(i))
                        hitLines.append(i);
                }
            }
            if (hit) {
                match.score += pattern.weight;
                match.strongest = std::max(match.strongest, pattern.weight);
            }
        }
        if (match.score <= 0)
            continue;
        std::sort(hitLines.begin(), hitLines.end());
        match.entry = &entry;
        match.evidenceLines = hitLines;
        for (int i : std::as_const(hitLines))
            match.evidence.append(lines.at(i).trimmed().toString());
        matches.append(std::move(match));
    }
    std::stable_sort(matches.begin(), matches.end(), [](const EntryMatch &a, const EntryMatch &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.strongest > b.strongest;
    });
    return matches;
}

} // namespace MailDoctor
