#include "patternmatcher.h"

#include "analysis/textsearch.h"
#include "linereader.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <limits>
#include <mutex>

namespace MailDoctor {

namespace {

// ---------------------------------------------------------------- code scanners
// Hand-written equivalents of the expressions the codes were first found with (kept in
// tst_analyzer as the reference): these run on every line, a regular expression per code kind
// per line was most of the analysis time.

bool isAsciiWord(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHex(QChar c)
{
    const char16_t u = c.unicode();
    return isDigit(c) || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isPcreSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f' || u == u'\v';
}

void addOnce(QStringList *into, const QString &code)
{
    if (!into->contains(code))
        into->append(code);
}

// As above for a code as it stands in the text: a string is made only for a code not yet listed
// (the recipients of one bounce mostly repeat the same codes).
void addOnce(QStringList *into, QStringView code)
{
    if (!into->contains(code))
        into->append(code.toString());
}

// Where the next character from '2' to '5' (the first digit of a reply or status code) is at or
// after @p from, or t.size(). Most of a text is words: SSE2 passes over them sixteen at a time.
qsizetype nextCodeDigit(QStringView t, qsizetype from)
{
    const char16_t *d = t.utf16();
    const qsizetype n = t.size();
#if defined(__SSE2__)
    for (; from + 16 <= n; from += 16) {
        const int mask = _mm_movemask_epi8(bytesInRange(packedSixteen(d + from), '2', '5'));
        if (mask)
            return from + qCountTrailingZeroBits(uint(mask));
    }
#endif
    for (; from < n; ++from) {
        if (d[from] >= u'2' && d[from] <= u'5')
            return from;
    }
    return n;
}

// A reply code at @p i (a digit from '2' to '5'): three digits standing free. Sets @p end past it.
bool replyCodeAt(QStringView t, qsizetype i, qsizetype *end)
{
    const qsizetype n = t.size();
    if (i + 3 > n || !isDigit(t.at(i + 1)) || !isDigit(t.at(i + 2)))
        return false;
    if (i > 0) {
        const QChar b = t.at(i - 1);
        if (isAsciiWord(b) || b == u'.' || b == u'+' || b == u':' || b == u'/' || b == u'-')
            return false;
    }
    const qsizetype e = i + 3;
    // Followed by a space, '-' or ':', or at the very end (PCRE's '$': before a final newline too).
    bool ok = false;
    if (e == n || (e == n - 1 && t.at(e) == u'\n'))
        ok = true;
    else if (t.at(e) == u' ' || t.at(e) == u'-' || t.at(e) == u':')
        ok = true;
    if (!ok)
        return false;
    if (e + 1 < n && (t.at(e) == u'-' || t.at(e) == u':') && isDigit(t.at(e + 1)))
        return false;
    *end = e;
    return true;
}

// An enhanced status code at @p i (a digit from '2' to '5'). Sets @p end past it.
bool enhancedCodeAt(QStringView t, qsizetype i, qsizetype *end)
{
    const qsizetype n = t.size();
    if (t.at(i) == u'3')
        return false;
    if (i > 0 && (isAsciiWord(t.at(i - 1)) || t.at(i - 1) == u'.'))
        return false;
    qsizetype p = i + 1;
    if (p >= n || t.at(p) != u'.')
        return false;
    ++p;
    qsizetype d = p;
    while (d < n && isDigit(t.at(d)))
        ++d;
    if (d == p || d - p > 3 || d >= n || t.at(d) != u'.')
        return false;
    p = d + 1;
    d = p;
    while (d < n && isDigit(t.at(d)))
        ++d;
    if (d == p || d - p > 3)
        return false;
    // Nothing of letters, digits and dots that ends in a digit may follow ("5.1.1.2", "5.1.1a1").
    for (qsizetype k = d; k < n && (isAsciiWord(t.at(k)) || t.at(k) == u'.'); ++k) {
        if (isDigit(t.at(k)))
            return false;
    }
    *end = d;
    return true;
}

// The reply codes ("550") and enhanced status codes ("5.1.1") of @p t, in one pass over the places
// where either can start. Each kind goes on from where its last code ended, as a scan of its own
// would; a null list leaves its kind out. A reply code's string is one of a table made once: a shared
// copy, not a new string.
void scanReplyAndEnhancedCodes(QStringView t, QStringList *replies, QStringList *enhanced)
{
    static const std::vector<QString> replyTexts = [] {
        std::vector<QString> texts;
        for (int code = 200; code < 600; ++code)
            texts.push_back(QString::number(code));
        return texts;
    }();
    const qsizetype n = t.size();
    qsizetype replyFrom = 0;
    qsizetype enhancedFrom = 0;
    for (qsizetype i = nextCodeDigit(t, 0); i < n; i = nextCodeDigit(t, i + 1)) {
        qsizetype end = 0;
        if (replies && i >= replyFrom && replyCodeAt(t, i, &end)) {
            const QString &code = replyTexts[size_t((t.at(i).unicode() - u'2') * 100 + (t.at(i + 1).unicode() - u'0') * 10
                                                    + (t.at(i + 2).unicode() - u'0'))];
            if (!replies->contains(code))
                replies->append(code);
            replyFrom = end;
        }
        if (enhanced && i >= enhancedFrom && enhancedCodeAt(t, i, &end)) {
            addOnce(enhanced, t.mid(i, end - i));
            enhancedFrom = end;
        }
    }
}

void scanPop3Codes(QStringView t, QStringList *into)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = Analysis::indexOfAscii(t, "-ERR", from);
        if (at < 0)
            return;
        from = at + 4;
        qsizetype p = at + 4;
        while (p < t.size() && isPcreSpace(t.at(p)))
            ++p;
        if (p >= t.size() || t.at(p) != u'[' || p + 1 >= t.size() || !isAsciiLetter(t.at(p + 1)))
            continue;
        qsizetype e = p + 2;
        while (e < t.size() && (isAsciiLetter(t.at(e)) || t.at(e) == u'/' || t.at(e) == u'-'))
            ++e;
        if (e >= t.size() || t.at(e) != u']')
            continue;
        addOnce(into, t.mid(p + 1, e - p - 1).toString().toUpper());
        from = e + 1;
    }
}

// Where the next 'N', 'B' or 'O' (the first letter of an IMAP response) is at or after @p from, or
// t.size(); sixteen characters at a time with SSE2.
qsizetype nextImapStart(QStringView t, qsizetype from)
{
    const char16_t *d = t.utf16();
    const qsizetype end = t.size();
#if defined(__SSE2__)
    const __m128i n = _mm_set1_epi8('N');
    const __m128i b = _mm_set1_epi8('B');
    const __m128i o = _mm_set1_epi8('O');
    for (; from + 16 <= end; from += 16) {
        const __m128i v = packedSixteen(d + from);
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, n), _mm_cmpeq_epi8(v, b)), _mm_cmpeq_epi8(v, o));
        const int mask = _mm_movemask_epi8(hit);
        if (mask)
            return from + qCountTrailingZeroBits(uint(mask));
    }
#endif
    for (; from < end; ++from) {
        if (d[from] == u'N' || d[from] == u'B' || d[from] == u'O')
            return from;
    }
    return end;
}

void scanImapCodes(QStringView t, QStringList *into)
{
    // A response code is bracketed: most texts have no '[' at all and need no closer look.
    if (indexOfChar(t, u'[') < 0)
        return;
    const qsizetype n = t.size();
    for (qsizetype i = nextImapStart(t, 0); i < n; i = nextImapStart(t, i + 1)) {
        if (i > 0 && isAsciiWord(t.at(i - 1)))
            continue;
        qsizetype p = -1;
        for (const char *word : {"NO", "BAD", "BYE", "OK"}) {
            if (t.mid(i).startsWith(QLatin1String(word))) {
                p = i + qsizetype(qstrlen(word));
                break;
            }
        }
        if (p < 0)
            continue;
        const qsizetype spaceStart = p;
        while (p < n && isPcreSpace(t.at(p)))
            ++p;
        if (p == spaceStart || p >= n || t.at(p) != u'[' || p + 1 >= n || !isAsciiLetter(t.at(p + 1)))
            continue;
        qsizetype e = p + 2;
        while (e < n && (isAsciiLetter(t.at(e)) || t.at(e) == u'-'))
            ++e;
        addOnce(into, t.mid(p + 1, e - p - 1).toString().toUpper());
        i = e - 1;
    }
}

void scanClientCodes(QStringView t, QStringList *into)
{
    qsizetype from = 0;
    while (true) {
        // "0x" at or after from, found by its 'x': error texts have many a '0' but few an 'x'.
        const qsizetype x = indexOfChar(t, u'x', from + 1);
        if (x < 0)
            return;
        const qsizetype at = x - 1;
        from = at + 1;
        if (t.at(at) != u'0')
            continue;
        if (at > 0 && isAsciiWord(t.at(at - 1)))
            continue;
        if (at + 10 > t.size())
            continue;
        bool hex = true;
        for (qsizetype k = at + 2; k < at + 10; ++k)
            hex = hex && isHex(t.at(k));
        if (!hex || (at + 10 < t.size() && isAsciiWord(t.at(at + 10))))
            continue;
        addOnce(into, QLatin1String("0x") + t.mid(at + 2, 8).toString().toUpper());
        from = at + 10;
    }
}

// ---------------------------------------------------------------- required literals

// A few clauses reject nearly every line that cannot match; more only cost time.
constexpr qsizetype MaxClauses = 4;

// Long enough to be selective: three characters, or two where one is not ASCII (Japanese words).
bool selective(const QString &s)
{
    if (s.size() >= 3)
        return true;
    if (s.size() < 2)
        return false;
    for (QChar c : s) {
        if (c.unicode() >= 0x80)
            return true;
    }
    return false;
}

// Works out, from an expression's source, clauses of lower-case strings: every match contains one
// string of each clause. Conservative: whatever it does not understand yields "no requirement".
class LiteralParser
{
public:
    using Clauses = QList<QStringList>;
    explicit LiteralParser(const QString &re) : m_re(re) {}

    /** The clauses, best first, or none when nothing is required or the source is not understood. */
    Clauses parse()
    {
        if (m_re.contains(QLatin1String("\\Q")) || m_re.contains(QLatin1String("(?x"))
            || m_re.contains(QLatin1String("(?-")))
            return {};
        Clauses r = alternation();
        if (m_i != m_re.size() || m_failed)
            return {};
        return r;
    }

private:
    QChar peek(qsizetype k = 0) const { return m_i + k < m_re.size() ? m_re.at(m_i + k) : QChar(); }

    enum class Quant { None, ZeroOk, OneOrMore };

    // Reads a quantifier at the cursor, if any, and says whether it allows zero repetitions.
    Quant quantifier()
    {
        const QChar c = peek();
        Quant q = Quant::None;
        if (c == u'?' || c == u'*') {
            q = Quant::ZeroOk;
            ++m_i;
        } else if (c == u'+') {
            q = Quant::OneOrMore;
            ++m_i;
        } else if (c == u'{') {
            qsizetype k = m_i + 1;
            qsizetype digits = 0;
            int first = 0;
            while (k < m_re.size() && isDigit(m_re.at(k))) {
                first = first * 10 + m_re.at(k).digitValue();
                ++k;
                ++digits;
            }
            if (digits == 0)
                return Quant::None; // a literal '{'
            if (k < m_re.size() && m_re.at(k) == u',') {
                ++k;
                while (k < m_re.size() && isDigit(m_re.at(k)))
                    ++k;
            }
            if (k >= m_re.size() || m_re.at(k) != u'}')
                return Quant::None;
            m_i = k + 1;
            q = first == 0 ? Quant::ZeroOk : Quant::OneOrMore;
        }
        if (q != Quant::None && (peek() == u'?' || peek() == u'+'))
            ++m_i; // lazy or possessive
        return q;
    }

    static qsizetype score(const QStringList &clause)
    {
        qsizetype m = std::numeric_limits<qsizetype>::max();
        for (const QString &x : clause)
            m = qMin(m, x.size());
        return m;
    }

    // Adds a clause whose literals are all selective, unless it is already there.
    static void consider(const QStringList &clause, Clauses *into)
    {
        if (clause.isEmpty())
            return;
        for (const QString &x : clause) {
            if (!selective(x))
                return;
        }
        if (!into->contains(clause))
            into->append(clause);
    }

    // Best first: the longest shortest literal, then the fewest literals; otherwise in source order.
    static void sortAndCap(Clauses *clauses)
    {
        std::stable_sort(clauses->begin(), clauses->end(), [](const QStringList &a, const QStringList &b) {
            if (score(a) != score(b))
                return score(a) > score(b);
            return a.size() < b.size();
        });
        if (clauses->size() > MaxClauses)
            clauses->resize(MaxClauses);
    }

    // A match of an alternation matches one of its branches, so a clause made of one clause of every
    // branch holds. The k-th clause takes each branch's k-th best (or its last).
    Clauses alternation()
    {
        QList<Clauses> branches;
        while (true) {
            branches.append(sequence());
            if (peek() == u'|') {
                ++m_i;
                continue;
            }
            break;
        }
        qsizetype widest = 0;
        for (const Clauses &b : std::as_const(branches)) {
            if (b.isEmpty())
                return {}; // a branch that requires nothing
            widest = qMax(widest, b.size());
        }
        Clauses out;
        for (qsizetype k = 0; k < widest; ++k) {
            QStringList clause;
            for (const Clauses &b : std::as_const(branches)) {
                for (const QString &s : b.at(qMin(k, b.size() - 1))) {
                    if (!clause.contains(s))
                        clause.append(s);
                }
            }
            consider(clause, &out);
        }
        return out;
    }

    // Everything a sequence requires must occur: every clause of its parts holds.
    Clauses sequence()
    {
        Clauses all;
        QString run;
        auto flush = [&] {
            if (selective(run))
                consider({run.toLower()}, &all);
            run.clear();
        };
        auto literal = [&](QChar ch) {
            const Quant q = quantifier();
            if (q == Quant::None) {
                run += ch;
            } else if (q == Quant::ZeroOk) {
                flush();
            } else {
                run += ch;
                flush();
            }
        };
        while (m_i < m_re.size() && peek() != u'|' && peek() != u')') {
            const QChar c = peek();
            if (c == u'\\') {
                const QChar next = peek(1);
                m_i += 2;
                if (next.isNull()) {
                    m_failed = true;
                    return {};
                }
                if (next.isLetterOrNumber()) {
                    // A class, an assertion, a back reference or a control character.
                    if ((next == u'p' || next == u'P' || next == u'x' || next == u'N') && peek() == u'{') {
                        while (m_i < m_re.size() && peek() != u'}')
                            ++m_i;
                        ++m_i;
                    }
                    quantifier();
                    flush();
                } else {
                    literal(next);
                }
            } else if (c == u'[') {
                ++m_i;
                if (peek() == u'^')
                    ++m_i;
                if (peek() == u']')
                    ++m_i;
                while (m_i < m_re.size() && peek() != u']') {
                    if (peek() == u'\\')
                        ++m_i;
                    ++m_i;
                }
                if (m_i >= m_re.size()) {
                    m_failed = true;
                    return {};
                }
                ++m_i;
                quantifier();
                flush();
            } else if (c == u'(') {
                ++m_i;
                bool zeroWidth = false;
                if (peek() == u'?') {
                    const QChar k = peek(1);
                    if (k == u'=' || k == u'!') {
                        zeroWidth = true;
                        m_i += 2;
                    } else if (k == u'<' && (peek(2) == u'=' || peek(2) == u'!')) {
                        zeroWidth = true;
                        m_i += 3;
                    } else if (k == u':' || k == u'>' || k == u'|') {
                        m_i += 2;
                    } else if (k == u'<' || k == u'P' || k == u'\'') {
                        while (m_i < m_re.size() && peek() != u'>' && peek() != u'\'')
                            ++m_i;
                        ++m_i;
                    } else {
                        // Inline flags: "(?i)" changes nothing here, "(?i:" opens a group.
                        ++m_i;
                        while (m_i < m_re.size() && peek().isLetter())
                            ++m_i;
                        if (peek() == u')') {
                            ++m_i;
                            continue;
                        }
                        if (peek() != u':') {
                            m_failed = true;
                            return {};
                        }
                        ++m_i;
                    }
                }
                const Clauses inner = alternation();
                if (peek() != u')') {
                    m_failed = true;
                    return {};
                }
                ++m_i;
                const Quant q = quantifier();
                flush();
                if (!zeroWidth && q != Quant::ZeroOk) {
                    for (const QStringList &clause : inner)
                        consider(clause, &all);
                }
            } else if (c == u'.') {
                ++m_i;
                quantifier();
                flush();
            } else if (c == u'^' || c == u'$') {
                ++m_i;
                flush();
            } else if (c == u'*' || c == u'+' || c == u'?') {
                ++m_i;
                flush();
            } else {
                ++m_i;
                literal(c);
            }
        }
        flush();
        sortAndCap(&all);
        return all;
    }

    const QString &m_re;
    qsizetype m_i = 0;
    bool m_failed = false;
};

// ---------------------------------------------------------------- spelled-out matches

// The most strings one branch of an expression is spelled out into: beyond that the expression
// itself is the cheaper test.
constexpr qsizetype MaxSpelled = 64;

// Whether @p c, beyond ASCII, has a case. PCRE's case-insensitive matching pairs such a character
// with others that do not all lower to the same character (U+017F with 's', U+00DF with U+1E9E).
// ASCII letters pair with ASCII letters of the same lower case, and with cased characters beyond
// ASCII only; a character without a case matches itself alone. So, where neither a line nor a
// literal holds a cased character beyond ASCII, "the lowered line holds the lowered literal" and
// "the line matches the literal case-insensitively" say the same.
bool hasCaseBeyondAscii(char16_t c)
{
    if (c < 0x80)
        return false;
    const QChar ch(c);
    const QChar::Category category = ch.category();
    return category == QChar::Letter_Lowercase || category == QChar::Letter_Uppercase
        || category == QChar::Letter_Titlecase || ch.toLower() != ch || ch.toUpper() != ch || ch.toCaseFolded() != ch;
}

// The branches of an expression's top-level alternation, or none when it holds something that
// could change how a branch reads (inline options, verbs, quoting, control escapes, POSIX classes)
// or that this simple split could misread.
QList<QStringView> topLevelBranches(QStringView re)
{
    for (const char *risky : {"(*", "\\Q", "\\E", "\\c", "[:"}) {
        if (re.contains(QLatin1String(risky)))
            return {};
    }
    for (qsizetype at = re.indexOf(QLatin1String("(?")); at >= 0; at = re.indexOf(QLatin1String("(?"), at + 1)) {
        const QStringView rest = re.sliced(at + 2);
        if (!rest.startsWith(u':') && !rest.startsWith(u'=') && !rest.startsWith(u'!') && !rest.startsWith(QLatin1String("<="))
            && !rest.startsWith(QLatin1String("<!")))
            return {};
    }
    QList<QStringView> branches;
    const qsizetype n = re.size();
    qsizetype start = 0;
    int depth = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = re.at(i);
        if (c == u'\\') {
            ++i;
        } else if (c == u'[') {
            // A class, to its closing bracket (one right at the start is a member).
            ++i;
            if (i < n && re.at(i) == u'^')
                ++i;
            if (i < n && re.at(i) == u']')
                ++i;
            while (i < n && re.at(i) != u']')
                i += re.at(i) == u'\\' ? 2 : 1;
            if (i >= n)
                return {};
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth < 0)
                return {};
        } else if (c == u'|' && depth == 0) {
            branches.append(re.sliced(start, i - start));
            start = i + 1;
        }
    }
    if (depth != 0)
        return {};
    branches.append(re.sliced(start));
    return branches;
}

// Spells a piece of an expression out as the strings it matches, when it is made only of plain
// characters, groups, alternatives and optional parts: a line matches the piece exactly when it
// holds one of the strings. Strict: anything else (classes, anchors, repeats, assertions, escaped
// letters, characters with a case beyond ASCII) spells nothing.
class Speller
{
public:
    explicit Speller(QStringView re) : m_re(re) {}

    /** The strings, or none at all. */
    QStringList spell()
    {
        QStringList strings = alternation();
        if (m_failed || m_i != m_re.size())
            return {};
        return strings;
    }

private:
    QChar peek(qsizetype k = 0) const { return m_i + k < m_re.size() ? m_re.at(m_i + k) : QChar(); }

    QStringList fail()
    {
        m_failed = true;
        return {};
    }

    static void addOnce(QStringList *into, const QString &s)
    {
        if (!into->contains(s))
            into->append(s);
    }

    // A printable character that, in any case, matches only what lowers as it does.
    static bool printable(QChar c)
    {
        const char16_t u = c.unicode();
        if (u < 0x80)
            return u >= 0x20 && u != 0x7f;
        return !c.isSurrogate() && !hasCaseBeyondAscii(u);
    }

    // Escaped ASCII punctuation stands for itself; an escaped letter or digit is a class, an
    // assertion or a reference.
    static bool escapesItself(QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f && !isAsciiWord(c); }

    // A character that stands for itself outside a class.
    static bool plain(QChar c) { return printable(c) && !QStringView(u"\\^$.[]|()?*+{}").contains(c); }

    QStringList alternation()
    {
        QStringList all;
        while (!m_failed) {
            for (const QString &s : sequence())
                addOnce(&all, s);
            if (all.size() > MaxSpelled)
                return fail();
            if (peek() != u'|')
                break;
            ++m_i;
        }
        return all;
    }

    // A class that lists its members ("[sz]", "[- ]"): one of them. No ranges, negation or named
    // classes.
    QStringList members()
    {
        QStringList one;
        const qsizetype open = m_i++;
        while (peek() != u']') {
            QChar c = peek();
            if (c.isNull() || c == u'[' || c == u'^')
                return fail();
            if (c == u'-' && m_i != open + 1 && peek(1) != u']')
                return fail(); // a range
            if (c == u'\\') {
                c = peek(1);
                if (!escapesItself(c))
                    return fail();
                ++m_i;
            } else if (!printable(c)) {
                return fail();
            }
            ++m_i;
            addOnce(&one, QString(c));
        }
        ++m_i;
        if (one.isEmpty())
            return fail();
        return one;
    }

    QStringList sequence()
    {
        QStringList strings{QString()};
        while (!m_failed && m_i < m_re.size() && peek() != u'|' && peek() != u')') {
            QStringList atom;
            const QChar c = peek();
            if (c == u'\\') {
                const QChar next = peek(1);
                if (!escapesItself(next))
                    return fail();
                atom.append(QString(next));
                m_i += 2;
            } else if (c == u'(') {
                ++m_i;
                if (peek() == u'?') {
                    if (peek(1) != u':')
                        return fail();
                    m_i += 2;
                }
                atom = alternation();
                if (m_failed || peek() != u')')
                    return fail();
                ++m_i;
            } else if (c == u'[') {
                atom = members();
                if (m_failed)
                    return {};
            } else if (plain(c)) {
                atom.append(QString(c));
                ++m_i;
            } else {
                return fail();
            }
            if (peek() == u'?') {
                ++m_i;
                if (peek() == u'+')
                    return fail(); // possessive: may refuse a string the spelling allows
                if (peek() == u'?')
                    ++m_i; // lazy: the same strings, tried in another order
                addOnce(&atom, QString());
            } else if (peek() == u'*' || peek() == u'+' || peek() == u'{') {
                return fail();
            }
            QStringList longer;
            for (const QString &a : std::as_const(strings)) {
                for (const QString &b : std::as_const(atom))
                    addOnce(&longer, a + b);
            }
            if (longer.size() > MaxSpelled)
                return fail();
            strings = longer;
        }
        return strings;
    }

    QStringView m_re;
    qsizetype m_i = 0;
    bool m_failed = false;
};

// ---------------------------------------------------------------- ranking

// The codes of one kind in a line (what extractCodes() puts in that kind's list).
QStringList codesOfKind(QStringView line, PatternKind kind)
{
    QStringList codes;
    switch (kind) {
    case PatternKind::Regex:
        break;
    case PatternKind::ReplyCode:
        scanReplyAndEnhancedCodes(line, &codes, nullptr);
        break;
    case PatternKind::EnhancedCode:
        scanReplyAndEnhancedCodes(line, nullptr, &codes);
        break;
    case PatternKind::Pop3Code:
        scanPop3Codes(line, &codes);
        break;
    case PatternKind::ImapCode:
        scanImapCodes(line, &codes);
        break;
    case PatternKind::ClientCode:
        scanClientCodes(line, &codes);
        break;
    }
    return codes;
}

// A set of small numbers (lines of a text, positions of patterns), one bit each: intersecting is
// an AND, and listing them in order is cheap.
class BitSet
{
public:
    /** Empties the set, for numbers below @p size. */
    void clear(qsizetype size) { m_words.assign(size_t((size + 63) / 64), 0); }
    /** Every number below @p size. */
    void fill(qsizetype size)
    {
        clear(size);
        for (qsizetype i = 0; i < size; ++i)
            insert(i);
    }
    void insert(qsizetype i) { m_words[size_t(i / 64)] |= quint64(1) << (i % 64); }
    bool contains(qsizetype i) const { return (m_words[size_t(i / 64)] >> (i % 64)) & 1; }
    bool any() const
    {
        return std::any_of(m_words.cbegin(), m_words.cend(), [](quint64 w) { return w != 0; });
    }
    /** Adds the numbers of @p other (a set of the same size). */
    void unite(const BitSet &other)
    {
        for (size_t w = 0; w < m_words.size(); ++w)
            m_words[w] |= other.m_words[w];
    }
    void intersect(const BitSet &other)
    {
        for (size_t w = 0; w < m_words.size(); ++w)
            m_words[w] &= other.m_words[w];
    }
    /** Whether a number is in both sets (of the same size). */
    bool intersects(const BitSet &other) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            if (m_words[w] & other.m_words[w])
                return true;
        }
        return false;
    }
    /** Whether @p f(i) holds for a number in the set, trying them in order up to the first. */
    template<typename F>
    bool anyOf(F &&f) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            for (quint64 bits = m_words[w]; bits; bits &= bits - 1) {
                if (f(qsizetype(w * 64 + qCountTrailingZeroBits(bits))))
                    return true;
            }
        }
        return false;
    }
    /** Calls @p f(i) for every number in the set, in order. */
    template<typename F>
    void forEach(F &&f) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            for (quint64 bits = m_words[w]; bits; bits &= bits - 1)
                f(qsizetype(w * 64 + qCountTrailingZeroBits(bits)));
        }
    }

private:
    std::vector<quint64> m_words;
};

// Where the required literals occur: for each literal found, the lines holding it (each once, in
// order), chained through one list of hits. Sized for the knowledge base (about 2,300 literals
// with the spelled-out matches) on the stack: no allocation per text.
class LiteralLines
{
public:
    explicit LiteralLines(int literals) : m_found((literals + 63) / 64, 0)
    {
        // Left uninitialised (plain ints): only read where m_found has the literal's bit, so
        // never cleared, as a text holds a few dozen of the knowledge base's thousand literals.
        m_ends.resize(2 * qsizetype(literals));
    }

    bool has(int id) const { return (m_found[id / 64] >> (id % 64)) & 1; }

    void clear()
    {
        std::fill(m_found.begin(), m_found.end(), 0);
        m_hits.clear();
    }

    /** Calls @p f(id) for every literal found. */
    template<typename F>
    void forEachFound(F &&f) const
    {
        for (qsizetype w = 0; w < m_found.size(); ++w) {
            for (quint64 bits = m_found[w]; bits; bits &= bits - 1)
                f(int(w * 64 + qCountTrailingZeroBits(bits)));
        }
    }

    /** Records that literal @p id occurs in @p line; lines come in order. */
    void add(int id, qsizetype line)
    {
        int &first = m_ends[2 * id];
        int &last = m_ends[2 * id + 1];
        if (!has(id)) {
            m_found[id / 64] |= quint64(1) << (id % 64);
            first = last = int(m_hits.size());
            m_hits.append({line, -1});
            return;
        }
        Hit &previous = m_hits[last];
        if (previous.line == line)
            return;
        previous.next = last = int(m_hits.size());
        m_hits.append({line, -1});
    }

    /** The lines that hold one of the literals of @p clause. */
    void linesOf(const std::vector<int> &clause, qsizetype lineCount, BitSet *out) const
    {
        out->clear(lineCount);
        for (int id : clause) {
            if (!has(id))
                continue;
            for (int k = m_ends[2 * id]; k >= 0; k = m_hits[k].next)
                out->insert(m_hits[k].line);
        }
    }

private:
    struct Hit
    {
        qsizetype line;
        int next; ///< the literal's next hit, or -1
    };
    QVarLengthArray<quint64, 64> m_found; ///< one bit per literal
    QVarLengthArray<int, 8192> m_ends;    ///< per literal found: its first hit, its last hit
    QVarLengthArray<Hit, 128> m_hits;
};

// Scans @p text for @p literals lower-cased into UTF-8, the way Analysis::TextSearch lowers it,
// without making the copy: a line at a time (or a buffer's worth) is lowered and scanned. The lines
// of the hits go to @p found, where each line starts to @p lineStarts. False, having stopped, at a
// character that TextSearch lowers with the rules for a whole text (one whose lower case is not a
// single character of the Basic Multilingual Plane). @p casedBeyondAscii tells whether the text
// holds a character beyond ASCII that has a case (see hasCaseBeyondAscii()).
bool scanLowered(const Analysis::PhraseSet &literals, const std::vector<int> &ids, QStringView text, LiteralLines *found,
                 QVarLengthArray<qsizetype, 64> *lineStarts, bool *casedBeyondAscii)
{
    *casedBeyondAscii = false;
    lineStarts->clear();
    lineStarts->append(0);
    const char16_t *d = text.utf16();
    const qsizetype n = text.size();
    qsizetype line = 0;
    uint32_t state = 0;
    char buffer[512];
    qsizetype w = 0;
    auto flush = [&] {
        state = literals.scanFrom(state, std::string_view(buffer, size_t(w)),
                                  [&](int id, size_t) { found->add(ids.empty() ? id : ids[size_t(id)], line); });
        w = 0;
    };
#if defined(__SSE2__)
    const __m128i notAscii = _mm_set1_epi16(short(0xff80));
    const __m128i zero = _mm_setzero_si128();
    const __m128i lineBreak = _mm_set1_epi16('\n');
#endif
    for (qsizetype i = 0; i < n;) {
        // Room for sixteen bytes stored, then a character of up to three.
        if (w > qsizetype(sizeof buffer) - 32)
            flush();
#if defined(__SSE2__)
        // Sixteen characters at a time, narrowed to bytes, 'A'..'Z' moved up by 32: the ASCII ones
        // before the first line break or other character (most of a line) are kept, that one is
        // read below.
        if (i + 16 <= n) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i + 8));
            auto plain = [&](__m128i v) {
                return _mm_andnot_si128(_mm_cmpeq_epi16(v, lineBreak), _mm_cmpeq_epi16(_mm_and_si128(v, notAscii), zero));
            };
            const uint mask = uint(_mm_movemask_epi8(_mm_packs_epi16(plain(a), plain(b))));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(buffer + w), lowerAsciiSixteen(a, b));
            const qsizetype plainRun = qCountTrailingZeroBits(~mask); // 16 when all sixteen are
            if (plainRun >= 16) {
                w += 16;
                i += 16;
                continue;
            }
            w += plainRun;
            i += plainRun;
        }
#endif
        const char16_t c = d[i++];
        if (c < 0x80) {
            buffer[w++] = char(lowerAsciiChar(c));
            if (c == u'\n') {
                flush();
                ++line;
                lineStarts->append(i);
            }
            continue;
        }
        if ((c >= 0xd800 && c <= 0xdfff) || c == 0x130)
            return false;
        const char32_t l = QChar::toLower(char32_t(c));
        if (l > 0xffff || (l >= 0xd800 && l <= 0xdfff))
            return false;
        if (!*casedBeyondAscii && hasCaseBeyondAscii(c))
            *casedBeyondAscii = true;
        w += putUtf8(buffer + w, l);
    }
    flush();
    return true;
}

// As scanLowered(), over text already lowered into UTF-8: a line at a time.
void scanBytes(const Analysis::PhraseSet &literals, const std::vector<int> &ids, std::string_view bytes, LiteralLines *found)
{
    qsizetype line = 0;
    uint32_t state = 0;
    for (size_t from = 0; from < bytes.size(); ++line) {
        const size_t lineBreak = bytes.find('\n', from);
        const size_t end = lineBreak == std::string_view::npos ? bytes.size() : lineBreak + 1;
        state = literals.scanFrom(state, bytes.substr(from, end - from),
                                  [&](int id, size_t) { found->add(ids.empty() ? id : ids[size_t(id)], line); });
        from = end;
    }
}

} // namespace

FoundCodes extractCodes(QStringView text)
{
    FoundCodes codes;
    extractCodes(text, &codes);
    return codes;
}

void extractCodes(QStringView text, FoundCodes *into)
{
    // Each scanner adds a code only when its list lacks it: what merging the text's own codes gives.
    scanReplyAndEnhancedCodes(text, &into->reply, &into->enhanced);
    scanPop3Codes(text, &into->pop3);
    scanImapCodes(text, &into->imap);
    scanClientCodes(text, &into->client);
}

namespace {
QList<QList<QStringList>> clausesOfBranches(const QList<QStringView> &branches);
} // namespace

PatternMatcher::PatternMatcher(const KnowledgeBase *kb) : m_kb(kb), m_literals(std::make_shared<Analysis::PhraseSet>())
{
    auto addLiteral = [this](const QString &literal) {
        const QByteArray bytes = literal.toUtf8();
        const std::string_view text(bytes.constData(), size_t(bytes.size()));
        const int id = m_literals->add(text);
        if (size_t(id) == m_literalText.size())
            m_literalText.emplace_back(text);
        return id;
    };
    auto literalIds = [&addLiteral](const QList<QStringList> &clauses) {
        std::vector<std::vector<int>> ids;
        for (const QStringList &clause : clauses) {
            std::vector<int> &clauseIds = ids.emplace_back();
            for (const QString &l : clause)
                clauseIds.push_back(addLiteral(l));
        }
        return ids;
    };
    const QList<Entry> &entries = m_kb->entries();
    for (qsizetype e = 0; e < entries.size(); ++e) {
        const Entry &entry = entries.at(e);
        m_entryCause.push_back(causeIndex(entry.cause));
        for (qsizetype p = 0; p < entry.patterns.size(); ++p) {
            const Pattern &pattern = entry.patterns.at(p);
            Prefilter f;
            f.entry = e;
            f.pattern = p;
            // An expression that does not compile never matches.
            f.runs = pattern.kind != PatternKind::Regex || pattern.regex.isValid();
            const QList<QStringList> clauses = pattern.kind == PatternKind::Regex
                ? requiredLiteralClauses(pattern.value)
                : QList<QStringList>{QStringList{pattern.value.toLower()}};
            f.clauses = literalIds(clauses);
            // The proofs hold for case-insensitive matching as the knowledge base compiles it.
            const QRegularExpression::PatternOptions options = pattern.regex.patternOptions();
            if (pattern.kind == PatternKind::Regex && f.runs && options.testFlag(QRegularExpression::CaseInsensitiveOption)
                && !options.testFlag(QRegularExpression::ExtendedPatternSyntaxOption)) {
                QList<QStringView> unprovenBranches;
                for (const QString &l : provingLiterals(pattern.value, &f.proofsComplete, &unprovenBranches))
                    f.proofs.push_back(addLiteral(l));
                f.proofsComplete = f.proofsComplete && !f.proofs.empty();
                if (!f.proofs.empty() && !f.proofsComplete) {
                    for (const QList<QStringList> &branch : clausesOfBranches(unprovenBranches))
                        f.unproven.push_back(literalIds(branch));
                }
            }
            if (f.clauses.empty())
                m_unfiltered.push_back(int(m_prefilters.size()));
            m_prefilters.push_back(std::move(f));
        }
    }
    m_literals->build();
    m_patternsOfLiteral.resize(size_t(m_literals->size()));
    for (size_t k = 0; k < m_prefilters.size(); ++k) {
        if (m_prefilters[k].clauses.empty())
            continue;
        for (int id : m_prefilters[k].clauses.front()) {
            std::vector<int> &patterns = m_patternsOfLiteral[size_t(id)];
            if (patterns.empty() || patterns.back() != int(k))
                patterns.push_back(int(k));
        }
    }
}

void PatternMatcher::prepare(const CauseSet &causes)
{
    if (!m_prepared.contains(causes))
        m_prepared.insert(causes, std::make_shared<LiteralScan>());
}

const PatternMatcher::LiteralScan &PatternMatcher::literalScan(const CauseSet &causes, LiteralScan &scan) const
{
    // Built on first use, not by prepare(): a process that analyses one message (the CLI) needs
    // one or two of the dozens of sets, each about as costly to build as a few analyses.
    std::call_once(scan.built, [&] {
        // The literals of the patterns of these causes' entries, under ids of their own.
        std::vector<bool> used(size_t(m_literals->size()), false);
        for (const Prefilter &f : m_prefilters) {
            if (!f.runs || !causes.contains(m_entryCause[size_t(f.entry)]))
                continue;
            for (const std::vector<int> &clause : f.clauses) {
                for (int id : clause)
                    used[size_t(id)] = true;
            }
            for (int id : f.proofs)
                used[size_t(id)] = true;
            for (const std::vector<std::vector<int>> &branch : f.unproven) {
                for (const std::vector<int> &clause : branch) {
                    for (int id : clause)
                        used[size_t(id)] = true;
                }
            }
        }
        for (int id = 0; id < m_literals->size(); ++id) {
            if (!used[size_t(id)])
                continue;
            const int own = scan.literals.add(m_literalText[size_t(id)]);
            Q_ASSERT(own == int(scan.ids.size()));
            scan.ids.push_back(id);
        }
        scan.literals.build();
    });
    return scan;
}

namespace {

// The strings that prove a match of a top-level branch (see PatternMatcher::provingLiterals()), or
// none when it does not spell out into selective ones.
QStringList proofsOfBranch(QStringView branch)
{
    const QStringList spelled = Speller(branch).spell();
    // A short string would be found on many lines and slow the scan down for every text.
    if (!std::all_of(spelled.cbegin(), spelled.cend(), selective))
        return {};
    return spelled;
}

} // namespace

QStringList PatternMatcher::provingLiterals(const QString &regex, bool *complete,
                                            QList<QStringView> *unproven)
{
    QStringList proofs;
    const QList<QStringView> branches = topLevelBranches(regex);
    bool all = !branches.isEmpty();
    for (QStringView branch : branches) {
        const QStringList spelled = proofsOfBranch(branch);
        if (spelled.isEmpty()) {
            all = false;
            if (unproven)
                unproven->append(branch);
            continue;
        }
        for (const QString &s : spelled) {
            const QString lower = s.toLower();
            if (!proofs.contains(lower))
                proofs.append(lower);
        }
    }
    if (complete)
        *complete = all;
    return proofs;
}

QList<QList<QStringList>> PatternMatcher::unprovenBranchClauses(const QString &regex)
{
    QList<QStringView> branches;
    provingLiterals(regex, nullptr, &branches);
    return clausesOfBranches(branches);
}

namespace {

// For each of @p branches, the clauses of literals a match of it requires; none when one of them
// requires nothing.
QList<QList<QStringList>> clausesOfBranches(const QList<QStringView> &branches)
{
    QList<QList<QStringList>> unproven;
    for (QStringView branch : branches) {
        const QString source = branch.toString(); // the parser keeps a reference
        LiteralParser parser(source);
        QList<QStringList> clauses = parser.parse();
        if (clauses.isEmpty())
            return {};
        unproven.append(std::move(clauses));
    }
    return unproven;
}

} // namespace

QStringList PatternMatcher::requiredLiterals(const QString &regex)
{
    LiteralParser parser(regex);
    return parser.parse().value(0);
}

QList<QStringList> PatternMatcher::requiredLiteralClauses(const QString &regex)
{
    LiteralParser parser(regex);
    return parser.parse();
}

double PatternMatcher::confidenceForScore(double score)
{
    return score <= 0 ? 0.0 : score / (score + 1.5);
}

void CauseSet::unite(const CauseSet &other)
{
    if (m_words.size() < other.m_words.size())
        m_words.resize(other.m_words.size(), 0);
    for (qsizetype w = 0; w < other.m_words.size(); ++w)
        m_words[w] |= other.m_words[w];
}

bool CauseSet::operator==(const CauseSet &other) const
{
    const qsizetype n = qMax(m_words.size(), other.m_words.size());
    for (qsizetype w = 0; w < n; ++w) {
        if (m_words.value(w) != other.m_words.value(w))
            return false;
    }
    return true;
}

size_t CauseSet::hash(size_t seed) const
{
    // Trailing empty words do not change the set.
    qsizetype n = m_words.size();
    while (n > 0 && m_words[n - 1] == 0)
        --n;
    return qHashRange(m_words.cbegin(), m_words.cbegin() + n, seed);
}

qsizetype CauseSet::size() const
{
    qsizetype n = 0;
    for (const quint64 w : m_words)
        n += qPopulationCount(w);
    return n;
}

qsizetype PatternMatcher::causeIndex(const QString &cause) const
{
    const Cause *c = m_kb->cause(cause);
    return c ? c - m_kb->causes().constData() : -1;
}

QList<EntryMatch> PatternMatcher::rank(QStringView text) const
{
    return rankEntries(text, nullptr, nullptr);
}

QList<EntryMatch> PatternMatcher::rank(QStringView text, const QSet<QString> *causes) const
{
    return rankEntries(text, causes, nullptr);
}

QList<EntryMatch> PatternMatcher::rank(QStringView text, const CauseSet &causes) const
{
    return rankEntries(text, nullptr, &causes);
}

QList<EntryMatch> PatternMatcher::rank(QStringView text, const CauseSet &causes, Evidence evidence) const
{
    return rankEntries(text, nullptr, &causes, evidence);
}

QList<EntryMatch> PatternMatcher::rankEntries(QStringView text, const QSet<QString> *causeIds, const CauseSet *causes,
                                              Evidence evidence) const
{
    const bool withEvidence = evidence == Evidence::Lines;
    // One pass finds every required literal and the lines where it occurs, and where lines start.
    LiteralLines found(m_literals->size());
    QVarLengthArray<qsizetype, 64> lineStarts;
    // The fast scan stops at the first surrogate: when it went through, the text is valid UTF-16
    // and PCRE's check of every line before matching it is work done twice.
    bool casedBeyondAscii = false;
    // A prepared set of causes has its own, smaller search; it finds all the literals its patterns use.
    static const std::vector<int> sameIds;
    const auto prepared = causes ? m_prepared.constFind(*causes) : m_prepared.cend();
    const LiteralScan *own = prepared != m_prepared.cend() ? &literalScan(*causes, **prepared) : nullptr;
    const Analysis::PhraseSet &literals = own ? own->literals : *m_literals;
    const std::vector<int> &ids = own ? own->ids : sameIds;
    const bool validUtf16 = scanLowered(literals, ids, text, &found, &lineStarts, &casedBeyondAscii);
    // Where the literals were found case-insensitively as PCRE matches (see hasCaseBeyondAscii()),
    // a line holding a proof matches without the expression.
    const bool proofsHold = validUtf16 && !casedBeyondAscii;
    const QRegularExpression::MatchOptions matchOptions =
        validUtf16 ? QRegularExpression::DontCheckSubjectStringMatchOption : QRegularExpression::NoMatchOption;
    if (!validUtf16) {
        // A character whose lower case is not one character of its own: the whole text the general way.
        found.clear();
        const Analysis::TextSearch search(text);
        scanBytes(literals, ids, search.view(), &found);
        lineStarts.clear();
        lineStarts.append(0);
        for (qsizetype i = text.indexOf(u'\n'); i >= 0; i = text.indexOf(u'\n', i + 1))
            lineStarts.append(i + 1);
    }
    const qsizetype lineCount = lineStarts.size();
    // As LineReader gives them.
    auto lineAt = [&](qsizetype i) -> QStringView {
        const qsizetype from = lineStarts[i];
        QStringView line = text.sliced(from, (i + 1 < lineCount ? lineStarts[i + 1] - 1 : text.size()) - from);
        if (line.endsWith(u'\r'))
            line.chop(1);
        return line;
    };
    // Each line's codes of a kind, scanned when a code pattern first asks.
    struct LineCodes
    {
        qsizetype line;
        PatternKind kind;
        QStringList codes;
    };
    std::vector<LineCodes> lineCodes;
    auto lineHasCode = [&](qsizetype i, const Pattern &pattern) {
        auto it = std::find_if(lineCodes.cbegin(), lineCodes.cend(),
                               [&](const LineCodes &c) { return c.line == i && c.kind == pattern.kind; });
        if (it == lineCodes.cend()) {
            lineCodes.push_back({i, pattern.kind, codesOfKind(lineAt(i), pattern.kind)});
            it = lineCodes.cend() - 1;
        }
        return it->codes.contains(pattern.value);
    };

    // The patterns worth a closer look: those with a literal of their first clause somewhere in
    // the text (a few of the hundreds), and those that require nothing.
    BitSet maybe;
    maybe.clear(qsizetype(m_prefilters.size()));
    found.forEachFound([&](int id) {
        for (int k : m_patternsOfLiteral[size_t(id)])
            maybe.insert(k);
    });
    for (int k : m_unfiltered)
        maybe.insert(k);

    QList<EntryMatch> matches;
    const QList<Entry> &entries = m_kb->entries();
    qsizetype current = -1; // the entry whose patterns are being tried
    bool wanted = false;
    EntryMatch match;
    QList<int> hitLines;
    // Most entries tried have no match: those only need their score reset.
    auto finishEntry = [&] {
        if (match.score > 0) {
            std::sort(hitLines.begin(), hitLines.end());
            match.entry = &entries.at(current);
            match.evidenceLines = hitLines;
            for (int i : std::as_const(hitLines))
                match.evidence.append(lineAt(i).trimmed().toString());
            matches.append(std::move(match));
            match = EntryMatch();
        }
        match.score = 0;
        match.strongest = 0;
        hitLines.clear();
    };
    BitSet candidates;
    BitSet more;
    BitSet other;
    BitSet narrowed;
    BitSet proven;
    // Patterns come in knowledge-base order, an entry's together: scores add up in the same order.
    maybe.forEach([&](qsizetype k) {
        const Prefilter &filter = m_prefilters[size_t(k)];
        if (filter.entry != current) {
            if (current >= 0)
                finishEntry();
            current = filter.entry;
            wanted = (!causeIds || causeIds->contains(entries.at(current).cause))
                && (!causes || causes->contains(m_entryCause[size_t(current)]));
        }
        if (!wanted || !filter.runs)
            return;
        const Pattern &pattern = entries.at(current).patterns.at(filter.pattern);

        auto addHit = [&](qsizetype i) {
            if (!hitLines.contains(int(i)))
                hitLines.append(int(i));
        };
        auto addWeight = [&] {
            match.score += pattern.weight;
            match.strongest = std::max(match.strongest, pattern.weight);
        };
        const bool proving = proofsHold && !filter.proofs.empty();
        if (proving) {
            found.linesOf(filter.proofs, lineCount, &proven);
            if (filter.proofsComplete) {
                // The expression is its proofs: the lines holding one are all its matches.
                if (proven.any()) {
                    if (withEvidence)
                        proven.forEach(addHit);
                    addWeight();
                }
                return;
            }
        }

        // The lines worth trying: those holding a literal of every clause, or all of them.
        const std::vector<std::vector<int>> &clauses = filter.clauses;
        if (clauses.empty()) {
            candidates.fill(lineCount);
        } else {
            if (!std::all_of(clauses.cbegin() + 1, clauses.cend(), [&](const std::vector<int> &clause) {
                    return std::any_of(clause.cbegin(), clause.cend(), [&](int id) { return found.has(id); });
                }))
                return;
            found.linesOf(clauses.front(), lineCount, &candidates);
            for (size_t c = 1; c < clauses.size(); ++c) {
                found.linesOf(clauses[c], lineCount, &more);
                candidates.intersect(more);
            }
        }
        if (proving && !filter.unproven.empty()) {
            // A line without a proof can only match through a branch the proofs leave out: one
            // holding a literal of every clause of such a branch. Fewer lines reach the expression.
            narrowed = proven;
            for (const std::vector<std::vector<int>> &branch : filter.unproven) {
                found.linesOf(branch.front(), lineCount, &more);
                for (size_t c = 1; c < branch.size() && more.any(); ++c) {
                    found.linesOf(branch[c], lineCount, &other);
                    more.intersect(other);
                }
                narrowed.unite(more);
            }
            candidates.intersect(narrowed);
        }

        auto lineHit = [&](qsizetype i) {
            return pattern.kind == PatternKind::Regex
                ? (proving && proven.contains(i))
                    || pattern.regex.match(lineAt(i), 0, QRegularExpression::NormalMatch, matchOptions).hasMatch()
                : lineHasCode(i, pattern);
        };
        if (!withEvidence) {
            // One matching line settles the score: a proven line first, then the others in order.
            if ((proving && candidates.intersects(proven)) || candidates.anyOf(lineHit))
                addWeight();
            return;
        }
        bool hit = false;
        candidates.forEach([&](qsizetype i) {
            if (lineHit(i)) {
                hit = true;
                addHit(i);
            }
        });
        if (hit)
            addWeight();
    });
    if (current >= 0)
        finishEntry();
    std::stable_sort(matches.begin(), matches.end(), [](const EntryMatch &a, const EntryMatch &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.strongest > b.strongest;
    });
    return matches;
}

} // namespace MailDoctor
