#include "analyzer.h"

#include "analysis/bouncereader.h"
#include "analysis/didyoumean.h"
#include "analysis/reasons.h"
#include "analysis/recipientdecision.h"
#include "analysis/smtpcodes.h"
#include "mime/mimemessage.h"

#include <QCoreApplication>
#include <QSet>

#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif


namespace MailDoctor {

namespace {

// Beyond this much text the knowledge-base patterns only read the start: error texts are short,
// and a huge paste must still be diagnosed in a few milliseconds.
constexpr qsizetype RankLimit = 64 * 1024;

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

// Same answer as data.trimmed().isEmpty(), without copying the input.
bool isBlank(const QByteArray &data)
{
    for (const char c : data) {
        if (c != ' ' && (c < '\t' || c > '\r')) // QByteArray's spaces: ASCII only
            return false;
    }
    return true;
}

// A control character that text does not use (tab, line breaks, form feed and ESC, which starts
// ISO-2022-JP shifts, are text).
int isStrayControl(uchar c)
{
    return (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != 0x1b) & (c != 0x0c);
}

#if defined(__SSE2__)
// The lanes of @p v that hold a stray control character, as -1. A byte is below 0x20 when it equals
// its minimum with 0x1f; the bytes 9 to 13 and the pair VT/ESC (0x0b, 0x1b: one bit apart) are each
// found in one test, and VT, in both, cancels out: what is left of the low bytes after taking
// tab, LF, FF, CR and ESC away, which are all low, is their exclusive or.
__m128i strayLanes(__m128i v)
{
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
    const __m128i tabToCr = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_add_epi8(v, _mm_set1_epi8(-'\t')), _mm_set1_epi8(4)),
                                           _mm_setzero_si128());
    const __m128i vtOrEsc = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(char(0xef))), _mm_set1_epi8(0x0b));
    return _mm_xor_si128(low, _mm_xor_si128(tabToCr, vtOrEsc));
}

// Per lane of @p v: one less than the smaller of its differences (exclusive or) from LF and CR,
// which is below 0x1f exactly for the bytes below 0x20 other than LF and CR (a line break gives
// 0xff, a byte from 0x20 up keeps its high bits). Mail is mostly printable bytes and line breaks:
// where no lane of a block is below 0x1f, the block holds no stray control.
__m128i besideLineBreaks(__m128i v)
{
    const __m128i nearest = _mm_min_epu8(_mm_xor_si128(v, _mm_set1_epi8('\n')), _mm_xor_si128(v, _mm_set1_epi8('\r')));
    return _mm_sub_epi8(nearest, _mm_set1_epi8(1));
}
#endif

// The stray control characters of @p d in [from, to). The last sixteen bytes before @p to are read
// as one block, with the lanes before @p from left out, when there are sixteen.
qsizetype strayControls(const uchar *d, qsizetype from, qsizetype to)
{
    qsizetype i = from;
    qsizetype controls = 0;
#if defined(__SSE2__)
    auto load = [d](qsizetype at) { return _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + at)); };
    const __m128i zero = _mm_setzero_si128();
    __m128i sums = zero; // two 64-bit counts
    // Sixty-four bytes to a round, counted only when they hold a low byte besides line breaks (one
    // round in ten in real mail: tabs, ISO-2022-JP's ESC...). A lane counts up to four per round.
    while (i + 64 <= to) {
        const qsizetype stop = qMin(to - 63, i + 63 * 64);
        __m128i lanes = zero;
        for (; i < stop; i += 64) {
            const __m128i a = load(i);
            const __m128i b = load(i + 16);
            const __m128i c = load(i + 32);
            const __m128i e = load(i + 48);
            const __m128i least = _mm_min_epu8(_mm_min_epu8(besideLineBreaks(a), besideLineBreaks(b)),
                                               _mm_min_epu8(besideLineBreaks(c), besideLineBreaks(e)));
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(least, _mm_set1_epi8(0x1e)), least)) == 0)
                continue;
            lanes = _mm_sub_epi8(_mm_sub_epi8(lanes, strayLanes(a)), strayLanes(b));
            lanes = _mm_sub_epi8(_mm_sub_epi8(lanes, strayLanes(c)), strayLanes(e));
        }
        sums = _mm_add_epi64(sums, _mm_sad_epu8(lanes, zero));
    }
    // Thirty-two bytes to a round, without a branch per line break (every line has one, and a
    // branch on them mispredicts). A lane counts up to two per round: its byte holds the count of
    // 127 rounds before the lanes are summed.
    while (i + 32 <= to) {
        const qsizetype stop = qMin(to - 31, i + 127 * 32);
        __m128i lanes = zero;
        for (; i < stop; i += 32)
            lanes = _mm_sub_epi8(_mm_sub_epi8(lanes, strayLanes(load(i))), strayLanes(load(i + 16)));
        sums = _mm_add_epi64(sums, _mm_sad_epu8(lanes, zero));
    }
    __m128i lanes = zero;
    for (; i + 16 <= to; i += 16)
        lanes = _mm_sub_epi8(lanes, strayLanes(load(i)));
    if (i < to && to >= 16) {
        // The last sixteen bytes, of which those before i were counted already.
        static const uchar edge[32] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
        const __m128i fresh = _mm_loadu_si128(reinterpret_cast<const __m128i *>(edge + (to - i)));
        lanes = _mm_sub_epi8(lanes, _mm_and_si128(strayLanes(load(to - 16)), fresh));
        i = to;
    }
    sums = _mm_add_epi64(sums, _mm_sad_epu8(lanes, zero));
    controls = qsizetype(_mm_cvtsi128_si32(sums)) + qsizetype(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
#endif
    for (; i < to; ++i)
        controls += isStrayControl(d[i]);
    return controls;
}

} // namespace

bool Analyzer::looksBinary(QByteArrayView data)
{
    if (data.size() >= 2 && ((data.at(0) == '\xff' && data.at(1) == '\xfe') || (data.at(0) == '\xfe' && data.at(1) == '\xff')))
        return false;
    // A stray NUL or control character happens in real mail; a file full of them is not text.
    const qsizetype n = qMin<qsizetype>(data.size(), 8192);
    const uchar *d = reinterpret_cast<const uchar *>(data.data());
    // Text is what has at most n / 20 of them: when the bytes before the last n / 20 hold none (or
    // few enough), those last cannot change the answer, and are not read.
    const qsizetype rest = n / 20;
    qsizetype controls = strayControls(d, 0, n - rest);
    if ((controls + rest) * 20 <= n)
        return false;
    controls += strayControls(d, n - rest, n);
    return n > 0 && controls * 20 > n;
}

namespace {

void flagNonstandard(FoundCodes *codes)
{
    for (const QString &c : std::as_const(codes->reply)) {
        if (!Analysis::isStandardReplyCode(c) && !codes->nonstandard.contains(c))
            codes->nonstandard.append(c);
    }
    for (const QString &c : std::as_const(codes->enhanced)) {
        if (!Analysis::isStandardStatusCode(c) && !codes->nonstandard.contains(c))
            codes->nonstandard.append(c);
    }
}

bool isInfoReason(const QString &reason)
{
    return reason == QLatin1String("vacation") || reason == QLatin1String("delivered")
        || reason == QLatin1String("feedback");
}

// Reasons that say little about the cause: a strong knowledge-base pattern may then name it better.
bool isVagueReason(const QString &reason)
{
    static const char *const vague[] = {"onhold", "undefined", "systemerror", "networkerror", "securityerror",
                                        "syntaxerror"};
    for (const char *v : vague) {
        if (reason == QLatin1String(v))
            return true;
    }
    return false;
}

} // namespace

Analyzer::Analyzer(const KnowledgeBase *kb) : m_kb(kb), m_matcher(kb)
{
    QSet<QString> seen;
    for (const Entry &e : m_kb->entries()) {
        if (seen.contains(e.cause))
            m_causesWithSeveralEntries.insert(e.cause);
        seen.insert(e.cause);
        if (!m_firstEntry.contains(e.cause))
            m_firstEntry.insert(e.cause, &e);
    }
    // The catalogue's own reason column first, then the closest cause for reasons it does not name.
    for (const Cause &c : m_kb->causes()) {
        if (!c.reason.isEmpty() && !m_causeForReason.contains(c.reason))
            m_causeForReason.insert(c.reason, c.id);
        // Only the returned-mail causes can stand in for a vague reason of a returned message.
        const qsizetype index = m_matcher.causeIndex(c.id);
        if (c.reason.isEmpty() && c.area == QLatin1String("bounce"))
            m_causesWithoutReason.insert(index);
        else
            m_causesForReason[c.reason].insert(index);
    }
    static const char *const fallbacks[][2] = {
        {"userunknown", "user-unknown"},        {"hostunknown", "host-unknown"},
        {"mailboxfull", "mailbox-full"},        {"mesgtoobig", "message-too-large"},
        {"exceedlimit", "message-too-large"},   {"expired", "delivery-expired"},
        {"networkerror", "dns-timeout"},        {"blocked", "blocked"},
        {"requireptr", "blocked"},              {"badreputation", "blocked"},
        {"filtered", "recipient-filtered"},     {"spamdetected", "spam-rejected"},
        {"virusdetected", "virus-detected"},    {"suspend", "account-disabled"},
        {"authfailure", "sender-authentication-failed"},
        {"norelaying", "relaying-denied"},      {"rejected", "sender-not-local"},
        {"securityerror", "smtp-auth-failed"},  {"systemerror", "remote-server-error"},
        {"systemfull", "remote-server-error"},  {"mailererror", "remote-server-error"},
        {"toomanyconn", "rate-limited"},        {"speeding", "rate-limited"},
        {"policyviolation", "content-rejected"}, {"contenterror", "content-rejected"},
        {"notcompliantrfc", "content-rejected"}, {"notaccept", "domain-accepts-no-mail"},
        {"hasmoved", "recipient-moved"},        {"syntaxerror", "unsupported-option"},
        {"failedstarttls", "tls-settings-mismatch"}, {"onhold", "service-unavailable"},
        {"undefined", "service-unavailable"},   {"vacation", "auto-reply"},
        {"delivered", "delivery-report"},       {"feedback", "spam-rejected"},
    };
    for (const auto &f : fallbacks) {
        const QString reason = QString::fromLatin1(f[0]);
        const QString cause = QString::fromLatin1(f[1]);
        if (!m_causeForReason.contains(reason) && m_kb->cause(cause))
            m_causeForReason.insert(reason, cause);
    }

    // The sets of causes analyzeRecipients() ranks with: for every reason it can meet, with the
    // reason's own cause or the two it may turn into. Each gets a search for its own literals.
    QSet<QString> reasons;
    for (int r = 0; r < int(Analysis::Reason::Count); ++r)
        reasons.insert(Analysis::reasonName(Analysis::Reason(r)));
    for (auto it = m_causeForReason.cbegin(); it != m_causeForReason.cend(); ++it)
        reasons.insert(it.key());
    for (auto it = m_causesForReason.cbegin(); it != m_causesForReason.cend(); ++it)
        reasons.insert(it.key());
    for (const char *r : {"onhold", "undefined", "syntaxerror"})
        reasons.insert(QString::fromLatin1(r));
    for (const QString &reason : std::as_const(reasons)) {
        const ReasonPlan &plan = *m_reasonPlans.insert(reason, planFor(reason));
        if (plan.info)
            continue;
        for (const QString &cause : {plan.cause, QStringLiteral("recipient-filtered"), QStringLiteral("user-unknown")}) {
            const CauseSet candidates = candidatesFor(reason, cause);
            if (ranksFor(candidates, cause))
                m_matcher.prepare(candidates);
        }
    }
}

CauseSet Analyzer::candidatesFor(const QString &reason, const QString &cause) const
{
    CauseSet candidates = m_causesForReason.value(reason);
    if (isVagueReason(reason) || cause.isEmpty())
        candidates.unite(m_causesWithoutReason);
    if (!cause.isEmpty())
        candidates.insert(m_matcher.causeIndex(cause)); // a cause of the knowledge base
    return candidates;
}

Analyzer::ReasonPlan Analyzer::planFor(const QString &reason) const
{
    ReasonPlan plan;
    plan.cause = defaultCauseForReason(reason);
    plan.candidates = candidatesFor(reason, plan.cause);
    plan.info = isInfoReason(reason);
    plan.vague = isVagueReason(reason);
    plan.ranks = !plan.info && ranksFor(plan.candidates, plan.cause);
    return plan;
}

bool Analyzer::ranksFor(const CauseSet &candidates, const QString &cause) const
{
    // A cause with several entries (a carrier's filter next to the general one) needs the
    // patterns to choose the entry even when the cause itself is settled.
    return candidates.size() > 1 || cause.isEmpty() || m_causesWithSeveralEntries.contains(cause);
}

QString Analyzer::defaultCauseForReason(const QString &reason) const
{
    return m_causeForReason.value(reason);
}

AnalysisResult Analyzer::analyze(const QByteArray &data, const QString &inputName) const
{
    AnalysisResult result;
    result.input = inputName;
    if (isBlank(data)) {
        result.errorSource = QT_TRANSLATE_NOOP("MailDoctor::Analyzer", "The input is empty.");
        result.error = result.errorText();
        return result;
    }
    if (looksBinary(QByteArrayView(data))) {
        result.errorSource = QT_TRANSLATE_NOOP("MailDoctor::Analyzer", "The input is not text (it looks like a binary file).");
        result.error = result.errorText();
        return result;
    }

    const Mime::ParseResult parsed = Mime::parseMessage(data);
    Analysis::BounceReading reading = Analysis::readBounce(parsed);
    result.original = reading.original;

    if (!reading.recipients.isEmpty()) {
        result.kind = reading.kind;
        analyzeRecipients(reading, &result);
        return result;
    }

    // No returned message: an error line, a dialog's text or a server reply. The knowledge-base
    // patterns are the engine here.
    QString text;
    if (parsed.hasHeaders) {
        text = reading.explanation;
        if (text.trimmed().isEmpty())
            text = parsed.root.text();
        const QString subject = parsed.root.decodedHeader("Subject");
        if (!subject.isEmpty())
            text.prepend(subject + u'\n');
    } else {
        text = parsed.root.text();
    }
    const QStringView ranked = QStringView(text).left(RankLimit);
    result.codes = extractCodes(ranked);
    flagNonstandard(&result.codes);
    result.kind = reading.kind != QLatin1String("unknown") ? reading.kind : kindFromCodes(result.codes);
    rankCauses(ranked, &result);
    if (result.kind == QLatin1String("unknown") && !result.causes.isEmpty())
        result.kind = QStringLiteral("client-message");
    return result;
}

AnalysisResult Analyzer::analyzeText(const QString &text, const QString &inputName) const
{
    return analyze(text.toUtf8(), inputName);
}

const Entry *Analyzer::entryFor(const QString &cause, const QList<EntryMatch> &matches) const
{
    for (const EntryMatch &m : matches) {
        if (m.entry->cause == cause)
            return m.entry;
    }
    return m_firstEntry.value(cause); // entriesForCause(cause).first(), without the list
}

void Analyzer::addCause(AnalysisResult *result, const QString &cause, const Entry *entry, double confidence,
                        const QStringList &evidence) const
{
    for (CauseFinding &c : result->causes) {
        if (c.cause == cause) {
            c.confidence = qMax(c.confidence, confidence);
            // A few lines show the cause; hundreds of recipients with the same one add nothing.
            for (const QString &e : evidence) {
                if (c.evidence.size() >= 24)
                    break;
                if (!c.evidence.contains(e))
                    c.evidence.append(e);
            }
            return;
        }
    }
    const Cause *catalogued = entry ? nullptr : m_kb->cause(cause);
    QString actor = entry ? entry->actor : (catalogued ? catalogued->actor : QString());
    result->causes.append({cause, entry ? entry->id : QString(), confidence, actor, evidence});
}

void Analyzer::analyzeRecipients(Analysis::BounceReading &reading, AnalysisResult *result) const
{
    bool allDelayed = true;
    bool allInfo = true;
    QString firstSeverity;
    for (Analysis::RecipientReading &r : reading.recipients) {
        Analysis::DeliveryFact fact = std::move(r.fact); // the reading's own: completed and taken
        Analysis::completeFact(&fact);

        RecipientFinding rf;
        rf.didYouMean = Analysis::suggestAddress(fact.recipient);

        // What is known of the reason before this recipient (worked out here for one the analyzer
        // was not built for).
        const auto known = m_reasonPlans.constFind(fact.reason);
        std::optional<ReasonPlan> unknownReason;
        if (known == m_reasonPlans.cend())
            unknownReason = planFor(fact.reason);
        const ReasonPlan &plan = unknownReason ? *unknownReason : *known;

        // Our cause: the reason's cause, refined by the knowledge base over what this recipient's
        // report says (e.g. "receive your mail before sending" turns a relay refusal into POP before SMTP).
        QString cause = plan.cause;
        // Sisimai reads an unknown-user reply as "filtered" whenever the command is not named; for the
        // user that is still an unknown address unless the refusal came after DATA (a carrier's filter)
        // or the wording is a filter's own.
        // An unknown-user reply after DATA is the recipient's reception filter (docomo and other carriers).
        // The diagnostic was prepared and its phrases found when the fact was completed.
        auto pointsAt = [&](Analysis::Reason reason) { return Analysis::diagnosticPointsAt(reason, fact); };
        if (fact.command == QLatin1String("DATA") && pointsAt(Analysis::Reason::UserUnknown)
            && m_kb->cause(QStringLiteral("recipient-filtered")))
            cause = QStringLiteral("recipient-filtered");
        else if (fact.reason == QLatin1String("filtered") && fact.command != QLatin1String("DATA")
            && pointsAt(Analysis::Reason::UserUnknown) && !pointsAt(Analysis::Reason::Filtered)
            && m_kb->cause(QStringLiteral("user-unknown")))
            cause = QStringLiteral("user-unknown");
        QList<EntryMatch> matches;
        // Only the causes that could refine this reason are worth matching.
        const bool ownCause = cause == plan.cause;
        const CauseSet candidates = ownCause ? plan.candidates : candidatesFor(fact.reason, cause);
        if (ownCause ? plan.ranks : !plan.info && ranksFor(candidates, cause)) {
            QString text = fact.diagnostic;
            qsizetype size = text.size();
            for (const QString &e : r.evidence)
                size += 1 + e.size();
            text.reserve(size);
            for (const QString &e : r.evidence)
                text += u'\n' + e;
            // Only the entries and their order are used here, not the lines that matched.
            matches = m_matcher.rank(QStringView(text).left(RankLimit), candidates, PatternMatcher::Evidence::None);
            for (const EntryMatch &m : std::as_const(matches)) {
                const Cause *c = m_kb->cause(m.entry->cause);
                if (!c)
                    continue;
                if (c->reason == fact.reason || (c->reason.isEmpty() && plan.vague)
                    || (cause.isEmpty() && m.score >= 2)) {
                    cause = c->id;
                    break;
                }
            }
        }
        if (!rf.didYouMean.isEmpty() && (fact.reason == QLatin1String("hostunknown")
                                         || fact.reason == QLatin1String("userunknown")
                                         || fact.reason == QLatin1String("notaccept")))
            cause = m_kb->cause(QStringLiteral("address-syntax")) ? QStringLiteral("address-syntax") : cause;
        rf.cause = cause;
        const Entry *entry = cause.isEmpty() ? nullptr : entryFor(cause, matches);
        rf.kb = entry ? entry->id : QString();
        if (!cause.isEmpty()) {
            const double confidence = (fact.reason == QLatin1String("onhold") || fact.reason == QLatin1String("undefined"))
                ? 0.4
                : 0.9;
            addCause(result, cause, entry, confidence, r.evidence);
            if (firstSeverity.isEmpty()) {
                if (entry)
                    firstSeverity = entry->severity;
                else if (const Cause *c = m_kb->cause(cause))
                    firstSeverity = c->severity;
            }
        }
        if (fact.action != QLatin1String("delayed"))
            allDelayed = false;
        if (!plan.info)
            allInfo = false;

        extractCodes(fact.diagnostic, &result->codes);
        // The fact is done with: its strings move into the finding.
        rf.address = std::move(fact.recipient);
        rf.action = std::move(fact.action);
        rf.status = std::move(fact.status);
        rf.replyCode = std::move(fact.replyCode);
        rf.remoteMta = std::move(fact.remoteMta);
        rf.diagnostic = std::move(fact.diagnostic);
        rf.reason = std::move(fact.reason);
        rf.evidence = std::move(r.evidence);
        result->recipients.append(std::move(rf));
    }
    flagNonstandard(&result->codes);

    if (allInfo) {
        result->severity = QStringLiteral("info");
    } else if (allDelayed || reading.warningOnly) {
        result->severity = QStringLiteral("warning");
        if (m_kb->cause(QStringLiteral("delivery-delayed"))) {
            const QList<const Entry *> entries = m_kb->entriesForCause(QStringLiteral("delivery-delayed"));
            QStringList evidence;
            for (const RecipientFinding &rf : std::as_const(result->recipients))
                evidence += rf.evidence;
            CauseFinding delayed{QStringLiteral("delivery-delayed"), entries.isEmpty() ? QString() : entries.first()->id,
                                 0.9, QStringLiteral("nobody"), evidence.mid(0, 8)};
            result->causes.prepend(delayed);
        }
    } else {
        result->severity = firstSeverity.isEmpty() ? QStringLiteral("permanent") : firstSeverity;
    }
}

void Analyzer::rankCauses(QStringView text, AnalysisResult *result) const
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
