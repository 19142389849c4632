#include "bouncereader.h"

#include "linereader.h"
#include "mime/dsn.h"
#include "mime/mimemessage.h"
#include "smtpcodes.h"
#include "textsearch.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string_view>

namespace MailDoctor::Analysis {

namespace {

constexpr qsizetype MaxRecipients = 1000;

// What each ASCII character may be in an address: one table lookup instead of a row of comparisons
// (every line with an '@' is walked character by character).
enum AddressCharClass : uchar { LocalChar = 1, DomainChar = 2 };

constexpr std::array<uchar, 128> addressCharClasses = [] {
    std::array<uchar, 128> a{};
    for (char16_t c = u'0'; c <= u'9'; ++c)
        a[c] = LocalChar | DomainChar;
    for (char16_t c = u'a'; c <= u'z'; ++c)
        a[c] = a[c - 32] = LocalChar | DomainChar;
    for (const char c : std::string_view("!#$%&'*+/=?^`{|}~"))
        a[size_t(c)] = LocalChar;
    for (const char c : std::string_view(".-_"))
        a[size_t(c)] = LocalChar | DomainChar;
    return a;
}();

bool isLocalChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 128 && (addressCharClasses[u] & LocalChar);
}

bool isDomainChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 128 && (addressCharClasses[u] & DomainChar);
}

struct AddressSpan
{
    qsizetype start = -1;
    qsizetype end = -1;
    QStringView address; ///< a view into the text searched
};

// The address around the '@' at @p at, or an empty span.
AddressSpan addressAround(QStringView s, qsizetype at)
{
    AddressSpan span;
    qsizetype b = at;
    while (b > 0 && isLocalChar(s.at(b - 1)))
        --b;
    qsizetype e = at + 1;
    while (e < s.size() && isDomainChar(s.at(e)))
        ++e;
    while (b < at && (s.at(b) == u'.' || s.at(b) == u'\''))
        ++b;
    while (e > at + 1 && (s.at(e - 1) == u'.' || s.at(e - 1) == u'-'))
        --e;
    if (b == at || e <= at + 1)
        return span;
    const QStringView domain = s.mid(at + 1, e - at - 1);
    if (indexOfChar(domain, u'.') < 0 && domain.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0)
        return span;
    span.start = b;
    span.end = e;
    span.address = s.mid(b, e - b);
    return span;
}

// The first address in @p s, as addressesIn(s).value(0) would give it.
AddressSpan firstAddressSpan(QStringView s)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = indexOfChar(s, u'@', from);
        if (at < 0)
            return {};
        AddressSpan span = addressAround(s, at);
        if (span.start >= 0)
            return span;
        from = at + 1;
    }
}

// Lines rarely name more than a few addresses: those stay on the stack.
using AddressSpans = QVarLengthArray<AddressSpan, 4>;

AddressSpans addressesIn(QStringView s)
{
    AddressSpans out;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = indexOfChar(s, u'@', from);
        if (at < 0)
            break;
        AddressSpan span = addressAround(s, at);
        if (span.start >= 0) {
            out.append(span);
            from = span.end;
        } else {
            from = at + 1;
        }
    }
    return out;
}

// Case-insensitive equality as QString::compare() gives it: ASCII pairs (addresses) compared inline,
// anything else through Qt. Qt folds one code unit to one, so texts of different lengths differ.
bool equalsCi(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char16_t x = a.utf16()[i];
        const char16_t y = b.utf16()[i];
        if (x == y)
            continue;
        if (x >= 0x80 || y >= 0x80)
            return a.compare(b, Qt::CaseInsensitive) == 0;
        if (lowerAsciiChar(x) != lowerAsciiChar(y))
            return false;
    }
    return true;
}

// Whether @p a reads exactly the ASCII @p b: inline, as it is asked behind every colon of a text.
bool equalsAscii(QStringView a, std::string_view b)
{
    if (a.size() != qsizetype(b.size()))
        return false;
    for (size_t i = 0; i < b.size(); ++i) {
        if (a.utf16()[i] != char16_t(uchar(b[i])))
            return false;
    }
    return true;
}

// Whether @p text opens with the ASCII @p prefix, case-sensitively.
bool matchesAt(QStringView text, std::string_view prefix)
{
    return text.size() >= qsizetype(prefix.size()) && equalsAscii(text.first(qsizetype(prefix.size())), prefix);
}

// Whether @p bytes hold @p needle: a plain search, cheaper than QByteArray's on short header values.
bool bytesContain(std::string_view bytes, std::string_view needle)
{
    return bytes.find(needle) != std::string_view::npos;
}

bool bytesContain(QByteArrayView bytes, std::string_view needle)
{
    return bytesContain(std::string_view(bytes.constData(), size_t(bytes.size())), needle);
}

// A header value with ASCII letters lowered, as QByteArray::toLower() gives it, kept on the stack: the
// header values asked about are short and only searched.
class LoweredBytes
{
public:
    explicit LoweredBytes(const QByteArray &bytes) : m_bytes(bytes.size() + PaddedBytes)
    {
        const char *in = bytes.constData();
        char *out = m_bytes.data();
        const qsizetype n = bytes.size();
        qsizetype i = 0;
#if defined(__SSE2__)
        // Sixteen at a time: 'A'..'Z' moved up by 32 (bytes beyond ASCII compare as negative: kept).
        for (; i + 16 <= n; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
            const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                                _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(32))));
        }
#endif
        for (; i < n; ++i)
            out[i] = char(lowerAsciiChar(char16_t(uchar(in[i]))));
        std::memset(out + n, 0, PaddedBytes);
        m_size = n;
    }

    std::string_view view() const { return std::string_view(m_bytes.constData(), size_t(m_size)); }
    Q_ALWAYS_INLINE bool contains(std::string_view needle) const
    {
        return paddedContains(m_bytes.constData(), m_size, needle);
    }
    bool endsWith(std::string_view tail) const
    {
        const std::string_view v = view();
        return v.size() >= tail.size() && v.substr(v.size() - tail.size()) == tail;
    }

private:
    QVarLengthArray<char, 256> m_bytes; ///< the lowered bytes, then PaddedBytes zero bytes for paddedContains()
    qsizetype m_size = 0;
};

// A text compared in lower case, as QString::toLower() gives it: ASCII text (nearly every host and
// domain) is compared as it stands, ASCII letters in either case; anything else through a lowered copy.
class LowerText
{
public:
    explicit LowerText(QStringView text) : m_view(text)
    {
        for (const QChar c : text) {
            if (c.unicode() >= 0x80) {
                m_lowered = text.toString().toLower();
                m_view = m_lowered;
                break;
            }
        }
    }

    bool isEmpty() const { return m_view.isEmpty(); }
    bool equals(std::string_view lower) const
    {
        return m_view.size() == qsizetype(lower.size()) && matchesAsciiCiAt(m_view, 0, lower);
    }
    bool endsWith(std::string_view lower) const { return endsWithAsciiCi(m_view, lower); }
    bool contains(std::string_view lower) const { return containsAsciiCi(m_view, lower); }

private:
    QString m_lowered;
    QStringView m_view;
};

// @p s with ASCII letters raised (@p upper) or lowered, as QString::toUpper()/toLower() give it; a
// text with nothing to change is shared, not copied.
QString asciiCased(const QString &s, bool upper)
{
    const char16_t from = upper ? u'a' : u'A';
    qsizetype i = 0;
    for (; i < s.size(); ++i) {
        const char16_t c = QStringView(s).utf16()[i];
        if (c >= 0x80)
            return upper ? s.toUpper() : s.toLower();
        if (c >= from && c <= from + 25)
            break;
    }
    if (i == s.size())
        return s;
    QString out = s;
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    for (; i < out.size(); ++i) {
        const char16_t c = d[i];
        if (c >= 0x80)
            return upper ? s.toUpper() : s.toLower();
        if (c >= from && c <= from + 25)
            d[i] = upper ? char16_t(c - 32) : char16_t(c + 32);
    }
    return out;
}

// Always inlined: asked about literals on every line, whose length and bytes are then known.
Q_ALWAYS_INLINE bool startsWithCi(QStringView s, std::string_view prefix)
{
    return startsWithAsciiCi(s, prefix);
}

bool containsCi(QStringView s, std::string_view needle)
{
    return containsAsciiCi(s, needle);
}

bool isBoundaryLine(QStringView t)
{
    if (t.size() < 3)
        return false;
    const QChar c = t.at(0);
    if (c != u'-' && c != u'=' && c != u'*' && c != u'_')
        return false;
    return t.at(1) == c && t.at(2) == c;
}

// Lines where a mail system starts quoting the original message or its header.
constexpr std::string_view originalMarkers[] = {
    "------ this is a copy of the message",
    "------ this is a copy of your message",
    "--- below this line is a copy of the message",
    "----- original message -----",
    "-----original message-----",
    "original message headers:",
    "--- the header of the original message is following",
    "----- the header of the original message is following",
    "message headers follow",
    "original mail as follows:",
    "------- returned message --------",
    "--- original message follows",
    "----- original message follows -----",
    "----- unsent message follows -----",
    "----- message header follows -----",
    "------ original message ------",
    "original message follows",
    "included is a copy of the",
    "below is a copy of the original message",
    "the original message was",
    "----- transcript of the original message",
    "------ original message headers ------",
    "--------returned mail--------",
    "content-type: message/rfc822",
    "content-type: text/rfc822-headers",
    "original message header:",
    "----- message truncated -----",
    "----- non-delivered original message -----",
    "the headers of the original message",
    "------ a copy of the original message follows",
    "----- original message header -----",
    // A header block of the returned original pasted into the text.
    "received: from ",
    "return-path:",
    "received: by ",
};

// The markers by the run of dashes they open with (none, or up to eight) and the first character
// after it and any spaces, so that a line is compared only with the one or two markers that can match (no line starts
// with two of them), and a boundary line of many dashes with none.
class OriginalMarkerIndex
{
public:
    OriginalMarkerIndex()
    {
        for (const std::string_view m : originalMarkers) {
            m_buckets[bucketOf(m)].append(m);
            m_opens[size_t(uchar(m[0]))] = true;
        }
        m_opens[size_t('f')] = true; // the mbox "From " line
    }

    /** Whether a line whose first character is @p first may be a marker line: most lines are not. */
    bool mayOpen(char16_t first) const
    {
        first = lowerAsciiChar(first);
        return first < 128 && m_opens[first];
    }

    /** The markers @p line (trimmed) may start with. */
    const QVarLengthArray<std::string_view, 2> &candidates(QStringView line) const
    {
        return m_buckets[bucketOf(line)];
    }

private:
    static constexpr size_t MaxDashes = 8;

    static char16_t unitAt(QStringView t, size_t i) { return t.utf16()[i]; }
    static char16_t unitAt(std::string_view t, size_t i) { return char16_t(uchar(t[i])); }

    template<typename Text>
    static size_t bucketOf(Text t)
    {
        const size_t n = size_t(t.size());
        size_t dashes = 0;
        while (dashes < n && dashes <= MaxDashes && unitAt(t, dashes) == u'-')
            ++dashes;
        if (dashes > MaxDashes)
            return 0; // the empty bucket: no marker opens with so many dashes
        size_t at = dashes;
        while (at < n && unitAt(t, at) == u' ')
            ++at;
        const char16_t next = at < n ? lowerAsciiChar(unitAt(t, at)) : 0;
        return 1 + (dashes * 131 + next) % (Buckets - 1);
    }

    static constexpr size_t Buckets = 256;
    std::array<QVarLengthArray<std::string_view, 2>, Buckets> m_buckets;
    std::array<bool, 128> m_opens{};
};

// Built when the library is loaded: a function-local static is checked for its construction on every
// line asked about.
const OriginalMarkerIndex theOriginalMarkerIndex;

const OriginalMarkerIndex &originalMarkerIndex()
{
    return theOriginalMarkerIndex;
}

bool isOriginalMarker(QStringView t)
{
    // Compared without case on ASCII letters only: a line opening with a character beyond ASCII
    // (even one that lowers to an ASCII letter) starts no marker.
    const OriginalMarkerIndex &index = originalMarkerIndex();
    if (t.isEmpty() || !index.mayOpen(t.utf16()[0]))
        return false;
    for (const std::string_view m : index.candidates(t)) {
        if (!startsWithCi(t, m))
            continue;
        if (m == std::string_view("the original message was")) {
            // "The original message was received at ..." is Sendmail's preamble, not a quote.
            if (startsWithCi(t, "the original message was received"))
                return false;
            return containsCi(t, "attached") || containsCi(t, "follow") || containsCi(t, "below");
        }
        return true;
    }
    // The returned original quoted in mbox form: "From sender@example.jp  Sat Oct  4 08:00:07 2025".
    if (t.size() > 20 && equalsAscii(t.first(5), "From ")) {
        const qsizetype space = t.indexOf(u' ', 5);
        return space > 5 && t.mid(5, space - 5).contains(u'@') && t.at(t.size() - 1).isDigit();
    }
    return false;
}

bool looksWarningOnly(const TextSearch &text)
{
    if (text.contains("this is a warning message only") || text.contains("transient non-fatal errors"))
        return true;
    // Most reports say neither "delay" nor "trying": one search each settles the phrases with them.
    if (text.contains("delay")
        && (text.contains("has been delayed") || text.contains("delivery is delayed")
            || text.contains("delivery status notification (delay)")))
        return true;
    return text.contains("trying") && (text.contains("will continue trying") || text.contains("still trying"));
}

// Phrases that lead into a recipient in a sentence: "Your message to <a@b> was ...".
bool leadsIntoRecipient(QStringView before)
{
    // Compared without case on the text itself: no phrase here holds the one ASCII letter ('k') that
    // a non-ASCII character lowers to, so this answers as lower-casing a copy would.
    QStringView b = before.trimmed();
    while (!b.isEmpty() && (b.endsWith(u'<') || b.endsWith(u'"') || b.endsWith(u':') || b.endsWith(u' ')
                            || b.endsWith(u'\'') || b.endsWith(u'(')))
        b.chop(1);
    if (containsCi(b, "rcpt to") || containsCi(b, "mail from"))
        return false;
    static constexpr std::string_view leads[] = {"message to", "mail to", "delivered to", "delivery to", "your mail to",
                                        "sent to", "deliver to", "recipient address", "the address",
                                        "following address", "following recipient", "destination", "addressed to",
                                        "failed", "recipient", "email to", "duplicated message-id in"};
    for (const std::string_view l : leads) {
        if (endsWithAsciiCi(b, l))
            return true;
    }
    return false;
}

// A transcript line that asked the server about this recipient: "In:  RCPT TO:<a@b> ORCPT=...".
bool afterRcptTo(QStringView before)
{
    QStringView b = before.trimmed();
    while (b.endsWith(u'<') || b.endsWith(u' '))
        b.chop(1);
    return b.endsWith(QLatin1String("RCPT TO:"), Qt::CaseInsensitive);
}

// "550 <a@b>... User unknown": a reply code, the address in angle brackets, then "...".
bool sendmailErrorLine(QStringView t)
{
    if (t.size() < 12 || !t.at(0).isDigit() || !t.at(1).isDigit() || !t.at(2).isDigit() || t.at(3) != u' ')
        return false;
    qsizetype p = 4;
    if (p < t.size() && t.at(p).isDigit()) { // an enhanced code first: "550 5.1.1 <a@b>..."
        while (p < t.size() && t.at(p) != u' ')
            ++p;
        ++p;
    }
    if (p >= t.size() || t.at(p) != u'<')
        return false;
    const qsizetype close = t.indexOf(u'>', p);
    return close > p && t.mid(p, close - p).contains(u'@') && t.mid(close + 1).startsWith(QLatin1String("..."));
}

// "Unknown user: a@b", "User's mailbox is full: <a@b>": a short error line that ends with the address.
bool endsWithLabelledAddress(QStringView line, const AddressSpan &span)
{
    QStringView after = line.mid(span.end).trimmed();
    while (!after.isEmpty() && (after.at(0) == u'>' || after.at(0) == u'.' || after.at(0) == u'"'))
        after = after.mid(1);
    if (!after.trimmed().isEmpty())
        return false;
    QStringView before = line.first(span.start).trimmed();
    while (!before.isEmpty() && (before.endsWith(u'<') || before.endsWith(u'"') || before.endsWith(u' ')))
        before.chop(1);
    if (!before.endsWith(u':'))
        return false;
    // A header line ("To: a@b") has a single token before the colon.
    const QStringView label = before.chopped(1).trimmed();
    if (!label.contains(u' ') || startsWithCi(label, "for ") || label.size() >= 80)
        return false;
    // A transcript line: the server was asked about this recipient (">>> RCPT To:<a@b>").
    if (label.endsWith(QLatin1String("RCPT To"), Qt::CaseInsensitive))
        return true;
    // The label must speak of a failure ("Unknown user:", "User's mailbox is full:"), not merely
    // name the address ("target mail address:").
    for (const char *word : {"unknown", "user", "invalid", "fail", "full", "reject", "mailbox", "quota", "denied",
                             "not found", "no such", "undeliver", "error"}) {
        if (containsCi(label, word))
            return true;
    }
    return false;
}

// Views into the scanned text, copied only for the recipients' results. A recipient's paragraph has a
// few lines: those stay inside the block, with no allocation per line.
using LineViews = QVarLengthArray<QStringView, 8>;

struct Block
{
    QString address;
    LineViews lines; ///< what the lines say about this recipient (the address itself left out)
    LineViews raw;   ///< the same lines as written, for the evidence
    bool reasonOnAddressLine = false; ///< "a@b: reason" paragraphs (Postfix, OpenSMTPD) end at a blank line
};

// The lines joined by single spaces, runs of white space made one space, no space at either end: what
// joining with ' ' and then simplified() gives, in one pass.
QString joinLines(const LineViews &lines)
{
    qsizetype total = 8; // room for the last eight-character store
    for (const QStringView l : lines)
        total += l.size() + 1;
    QString out(total, Qt::Uninitialized);
    char16_t *o = reinterpret_cast<char16_t *>(out.data());
    char16_t *const begin = o;
    bool space = false; // white space seen since the last character written
    for (const QStringView l : lines) {
        if (l.isEmpty())
            continue;
        space = true;
        const char16_t *p = l.utf16();
        const char16_t *const end = p + l.size();
        while (p < end) {
#if defined(__SSE2__)
            // Prose sixteen characters at a time, as the eight-character step below takes it (one mask
            // bit per character here: a space beside a space shows one bit apart).
            if (end - p >= 16) {
                const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 8));
                const auto special = [](__m128i v) {
                    return _mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x21)), _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7e)));
                };
                const unsigned specials = unsigned(_mm_movemask_epi8(_mm_packs_epi16(special(v0), special(v1))));
                const unsigned blanks = unsigned(_mm_movemask_epi8(
                    _mm_packs_epi16(_mm_cmpeq_epi16(v0, _mm_set1_epi16(0x20)), _mm_cmpeq_epi16(v1, _mm_set1_epi16(0x20)))));
                if (specials == blanks && !(blanks & 1u) && !(blanks & (blanks >> 1))) {
                    if (space && o != begin)
                        *o++ = u' ';
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(o), v0);
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(o + 8), v1);
                    space = (blanks & 0x8000u) != 0;
                    o += space ? 15 : 16;
                    p += 16;
                    continue;
                }
            }
            // A run of printable ASCII is copied eight characters at a time (the store may write past
            // the run: the next characters overwrite that).
            if (end - p >= 8) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i low = _mm_cmplt_epi16(v, _mm_set1_epi16(0x21)); // spaces, controls
                const __m128i high = _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7e)); // may be a space
                const unsigned special = unsigned(_mm_movemask_epi8(_mm_or_si128(low, high)));
                // Prose: words of printable ASCII with single spaces between them, the first character
                // no space. Such eight characters are already simplified and copied whole; a space
                // that ends them is left pending, as the next character decides whether it is written.
                // (Two bits per character in the masks: a space beside a space shows two bits apart.)
                const unsigned blanks = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_set1_epi16(0x20))));
                if (special == blanks && !(blanks & 1u) && !(blanks & (blanks >> 2))) {
                    if (space && o != begin)
                        *o++ = u' ';
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(o), v);
                    space = (blanks & 0x4000u) != 0;
                    o += space ? 7 : 8;
                    p += 8;
                    continue;
                }
                const qsizetype run = special ? qsizetype(qCountTrailingZeroBits(special) / 2) : 8;
                if (run > 0) {
                    if (space && o != begin)
                        *o++ = u' ';
                    space = false;
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(o), v);
                    o += run;
                    p += run;
                    continue;
                }
            }
#endif
            const QChar c(*p++);
            if (c.isSpace()) {
                space = true;
                continue;
            }
            if (space && o != begin)
                *o++ = u' ';
            space = false;
            *o++ = c.unicode();
        }
    }
    out.truncate(o - begin);
    return out;
}

// @p found (when given) receives whether the text holds @p lead at all.
QString hostAfter(QStringView text, const TextSearch &search, std::string_view lead, bool *found = nullptr)
{
    const bool holds = search.contains(lead);
    if (found)
        *found = holds;
    if (!holds)
        return {};
    const qsizetype p = indexOfAsciiCi(text, lead);
    if (p < 0)
        return {};
    qsizetype b = p + qsizetype(lead.size());
    while (b < text.size() && (text.at(b) == u' ' || text.at(b) == u'<'))
        ++b;
    qsizetype e = b;
    while (e < text.size() && isDomainChar(text.at(e)))
        ++e;
    const QStringView host = text.mid(b, e - b);
    if (!host.contains(u'.'))
        return {};
    QString h = host.toString();
    while (h.endsWith(u'.'))
        h.chop(1);
    return h;
}

QString remoteMtaIn(QStringView text, const TextSearch &search)
{
    static constexpr std::string_view leads[] = {"host ", "while talking to ", "remote-mta: dns;", "remote host ",
                                                 "server "};
    constexpr size_t Host = 0;
    constexpr size_t RemoteHost = 3;
    bool saysHost = true;
    for (size_t k = 0; k < std::size(leads); ++k) {
        if (k == RemoteHost && !saysHost) // a text without "host " has no "remote host " either
            continue;
        QString h = hostAfter(text, search, leads[k], k == Host ? &saysHost : nullptr);
        if (!h.isEmpty() && !h.contains(u'@'))
            return h;
    }
    return {};
}

// The SMTP command the text says the error answered, also from Exim's and other MTAs' wording.
QString commandIn(QStringView text, const TextSearch &search)
{
    // qmail and others word the step instead of quoting the command. Most texts hold none of these
    // phrases: the words several of them share are looked for first.
    if (search.contains(" does not like recipient") || search.contains("[rcpt_to]"))
        return QStringLiteral("RCPT");
    if (search.contains("but ")) {
        if (search.contains("but sender was rejected"))
            return QStringLiteral("MAIL");
        if (search.contains("but my name was rejected"))
            return QStringLiteral("EHLO");
        if (search.contains("but greeting failed"))
            return QStringLiteral("CONN");
    }
    if (search.contains("failed ")
        && (search.contains("failed on data command") || search.contains("failed after i sent the message")))
        return QStringLiteral("DATA");
    QString c = findSmtpCommand(text);
    if (!c.isEmpty())
        return c;
    const bool after = search.contains("after ");
    if ((after && (search.contains("after end of data") || search.contains("after data"))) || search.contains("final data"))
        return QStringLiteral("DATA");
    if (!after)
        return {};
    if (search.contains("after rcpt") || search.contains("after recipient"))
        return QStringLiteral("RCPT");
    if (search.contains("after mail")) // also "after mail from"
        return QStringLiteral("MAIL");
    if (search.contains("after initial connection") || search.contains("after connect"))
        return QStringLiteral("CONN");
    return {};
}

QString commandIn(QStringView text)
{
    return commandIn(text, TextSearch(text));
}

// The SMTP step and the remote host that a reading's diagnostic names, where it has none yet.
void completeFromText(RecipientReading *r)
{
    DeliveryFact &f = r->fact;
    const std::shared_ptr<const TextSearch> prepared = f.diagnosticSearch();
    const TextSearch &search = *prepared;
    if (f.command.isEmpty())
        f.command = commandIn(f.diagnostic, search);
    if (f.remoteMta.isEmpty())
        f.remoteMta = remoteMtaIn(f.diagnostic, search);
}

// The first eight non-empty lines of @p first, then of @p then, as evidence. (Two lists rather than one
// joined list: Qt 6.4's QVarLengthArray leaks a heap buffer when one is move-assigned over another.)
QStringList evidenceFrom(const LineViews &first, const LineViews &then)
{
    QStringList out;
    out.reserve(qMin<qsizetype>(first.size() + then.size(), 8));
    for (const LineViews *lines : {&first, &then}) {
        for (const QStringView l : *lines) {
            if (l.isEmpty())
                continue;
            out.append(l.toString());
            if (out.size() >= 8)
                return out;
        }
    }
    return out;
}

// What a part is to the report, told from its type and subtype, each compared once.
enum class PartRole { Original, Dsn, Feedback, Multipart, Text, Html, Other };

PartRole roleOf(const Mime::Part &p)
{
    const std::string_view type(p.type.constData(), size_t(p.type.size()));
    const std::string_view sub(p.subtype.constData(), size_t(p.subtype.size()));
    if (type == "message") {
        if (sub == "rfc822" || sub == "rfc822-headers" || sub == "global" || sub == "global-headers")
            return PartRole::Original;
        if (sub == "delivery-status" || sub == "global-delivery-status")
            return PartRole::Dsn;
        if (sub == "feedback-report")
            return PartRole::Feedback;
    } else if (type == "text") {
        if (sub == "plain" || sub.empty())
            return PartRole::Text;
        if (sub == "html")
            return PartRole::Html;
        if (sub == "rfc822-headers")
            return PartRole::Original;
        if (sub == "delivery-status")
            return PartRole::Dsn;
    } else if (type == "multipart") {
        return PartRole::Multipart;
    }
    return PartRole::Other;
}

struct Collected
{
    // A report has a few parts of each kind: they stay on the stack.
    QVarLengthArray<const Mime::Part *, 4> texts;
    QVarLengthArray<const Mime::Part *, 2> htmls;
    QVarLengthArray<const Mime::Part *, 2> dsns;
    const Mime::Part *original = nullptr;
    const Mime::Part *feedback = nullptr;
};

void collect(const Mime::Part &p, Collected *c, int depth)
{
    if (depth > 60)
        return;
    switch (roleOf(p)) {
    case PartRole::Original:
        if (!c->original)
            c->original = &p;
        return;
    case PartRole::Dsn:
        c->dsns.append(&p);
        return;
    case PartRole::Feedback:
        if (!c->feedback)
            c->feedback = &p;
        return;
    case PartRole::Multipart:
        for (const Mime::Part &child : p.children)
            collect(child, c, depth + 1);
        return;
    case PartRole::Text:
        c->texts.append(&p);
        return;
    case PartRole::Html:
        c->htmls.append(&p);
        return;
    case PartRole::Other:
        return;
    }
}

QString htmlToText(const QString &html)
{
    // Written in place: the text is never longer than the markup (a tag gives at most one line break).
    QString out(html.size(), Qt::Uninitialized);
    QChar *o = out.data();
    QChar *const begin = o;
    bool inTag = false;
    // From one angle bracket to the next: the text between is kept outside tags, the brackets never.
    for (qsizetype i = 0; i < html.size();) {
        qsizetype bracket = indexOfEither(html, u'<', u'>', i);
        if (bracket < 0)
            bracket = html.size();
        if (!inTag) {
            std::copy(html.constData() + i, html.constData() + bracket, o);
            o += bracket - i;
        }
        if (bracket == html.size())
            break;
        inTag = html.at(bracket) == u'<';
        if (inTag) {
            // A line break for <br>, <p>, </p>, <div>, </div> and <tr>: the first character tells which
            // to compare (most tags are none of them).
            const QStringView rest = QStringView(html).mid(bracket + 1, 4);
            bool breaks = false;
            switch (rest.isEmpty() ? u'\0' : lowerAsciiChar(rest.front().unicode())) {
            case u'b':
                breaks = startsWithCi(rest, "br");
                break;
            case u'p':
                breaks = true;
                break;
            case u'd':
                breaks = startsWithCi(rest, "div");
                break;
            case u't':
                breaks = startsWithCi(rest, "tr");
                break;
            case u'/':
                breaks = startsWithCi(rest, "/p") || startsWithCi(rest, "/div");
                break;
            default:
                break;
            }
            if (breaks)
                *o++ = u'\n';
        }
        i = bracket + 1;
    }
    // The entities, in one pass in place: what replacing "&lt;", "&gt;", "&nbsp;" and "&amp;" in turn
    // gives, as each holds one '&' (two cannot overlap) and no replacement but the last one's makes
    // a character an entity is written with.
    static constexpr std::pair<std::string_view, char16_t> entities[] = {
        {"&lt;", u'<'}, {"&gt;", u'>'}, {"&nbsp;", u' '}, {"&amp;", u'&'}};
    const QStringView all(begin, o - begin);
    qsizetype w = 0;
    for (qsizetype r = 0; r < all.size();) {
        qsizetype amp = indexOfChar(all, u'&', r);
        if (amp < 0)
            amp = all.size();
        if (w != r)
            std::copy(begin + r, begin + amp, begin + w);
        w += amp - r;
        r = amp;
        if (r == all.size())
            break;
        const QStringView rest = all.sliced(r);
        char16_t decoded = u'&';
        qsizetype length = 1;
        for (const auto &[entity, c] : entities) {
            if (matchesAt(rest, entity)) {
                decoded = c;
                length = qsizetype(entity.size());
                break;
            }
        }
        begin[w++] = QChar(decoded);
        r += length;
    }
    out.truncate(w);
    return out;
}

void readOriginalHeaders(const Mime::Part &headers, OriginalMessage *o)
{
    o->from = simplifiedText(headers.decodedHeader("From"));
    o->to = simplifiedText(headers.decodedHeader("To"));
    o->subject = simplifiedText(headers.decodedHeader("Subject"));
    o->date = simplifiedText(headers.decodedHeader("Date"));
    o->messageId = simplifiedText(headers.decodedHeader("Message-ID"));
    o->receivedCount = int(headers.headerCount("Received"));
}

void readOriginal(const Mime::Part *part, OriginalMessage *o)
{
    if (!part)
        return;
    if (!part->children.isEmpty()) {
        readOriginalHeaders(part->children.first(), o);
        return;
    }
    const Mime::ParseResult inner = Mime::parseMessageHeader(part->decodedBody());
    if (inner.hasHeaders)
        readOriginalHeaders(inner.root, o);
}

bool headerSaysAutoReply(const Mime::Part &root, const QString &decodedSubject)
{
    // The fields asked about, found in one walk over the header instead of one walk each.
    const QByteArrayView *autoSubmitted = nullptr; // the first of each, as header() gives it
    const QByteArrayView *precedence = nullptr;
    bool autoReplyField = false;
    for (const Mime::Header &h : root.headers) {
        if (!autoSubmitted && equalsLowerAscii(h.name, "auto-submitted"))
            autoSubmitted = &h.raw;
        else if (!precedence && equalsLowerAscii(h.name, "precedence"))
            precedence = &h.raw;
        else if (equalsLowerAscii(h.name, "x-autoreply") || equalsLowerAscii(h.name, "x-autorespond")
                 || equalsLowerAscii(h.name, "x-vacation"))
            autoReplyField = true;
    }
    if (autoSubmitted) {
        constexpr QByteArrayView replied("auto-replied");
        const QByteArrayView value = autoSubmitted->trimmed();
        if (value.size() >= replied.size() && value.first(replied.size()).compare(replied, Qt::CaseInsensitive) == 0)
            return true;
    }
    if (autoReplyField)
        return true;
    if (precedence && precedence->trimmed().compare("auto_reply", Qt::CaseInsensitive) == 0)
        return true;
    const QString subject = decodedSubject.trimmed();
    if (subject.isEmpty())
        return false;
    // Views of the literals: their lengths are known without counting on every call.
    static constexpr QStringView prefixes[] = {u"auto:", u"automatic reply", u"auto reply", u"auto-reply", u"autoreply",
                                               u"out of office", u"out of the office", u"away until", u"autoresponse",
                                               u"auto response", u"on vacation", u"vacation reply", u"abwesenheitsnotiz",
                                               u"réponse automatique"};
    // They all open with a, o, r or v, and no character beyond ASCII folds to one of these.
    const char16_t opening = char16_t(subject.front().unicode() | 0x20);
    if (opening == u'a' || opening == u'o' || opening == u'r' || opening == u'v') {
        for (const QStringView p : prefixes) {
            if (subject.startsWith(p, Qt::CaseInsensitive))
                return true;
        }
    }
    // Each Japanese marker holds 不, 自 or 休: a subject with none of them holds no marker.
    if (indexOfChar(subject, u'不') < 0 && indexOfChar(subject, u'自') < 0 && indexOfChar(subject, u'休') < 0)
        return false;
    static constexpr QStringView japanese[] = {u"不在", u"自動応答", u"自動返信", u"【自動返信】", u"[自動返信]", u"休暇"};
    for (const QStringView j : japanese) {
        if (subject.contains(j))
            return true;
    }
    return false;
}

bool fromLooksLikeMailSystem(const Mime::Part &root)
{
    const LoweredBytes from(root.header("From"));
    return from.contains("mailer-daemon") || from.contains("postmaster") || from.contains("mail delivery")
        || from.contains("mdaemon") || from.contains("mailerdaemon") || from.contains("post_master")
        || from.contains("bounce");
}

bool subjectLooksLikeBounce(const QString &subject)
{
    static constexpr std::string_view words[] = {"undeliver", "returned mail", "delivery status notification", "failure",
                                        "failed", "delivery notification", "non remis", "nondeliverable",
                                        "delivery problem", "mail system error", "could not send", "not delivered",
                                        "delivery report", "rejected", "error", "warning", "delayed",
                                        "loop alert"};
    for (const std::string_view w : words) {
        if (containsAsciiCi(subject, w))
            return true;
    }
    return false;
}

// @p decodedSubject: the report's Subject when the caller has decoded it already, else null.
bool looksLikeBounce(const Mime::Part &root, const QString *decodedSubject = nullptr)
{
    if (LoweredBytes(root.header("Content-Type")).contains("report-type=delivery-status"))
        return true;
    return fromLooksLikeMailSystem(root)
        || subjectLooksLikeBounce(decodedSubject ? *decodedSubject : root.decodedHeader("Subject"));
}

// A forwarded bounce: the user's message wraps the returned mail as an attachment.
const Mime::Part *innerBounce(const Mime::Part &root, int depth = 0)
{
    if (depth > 8)
        return nullptr;
    for (const Mime::Part &child : root.children) {
        if (child.is("message", "rfc822") && !child.children.isEmpty()) {
            const Mime::Part &inner = child.children.first();
            if (looksLikeBounce(inner))
                return &inner;
        } else if (child.isMultipart()) {
            if (const Mime::Part *p = innerBounce(child, depth + 1))
                return p;
        }
    }
    return nullptr;
}

// Wording that only mail systems use when they return a message.
bool textLooksLikeBounce(const TextSearch &text)
{
    static constexpr std::string_view markers[] = {
        "permanent fatal errors", "transient non-fatal errors", "the mail system", "could not be delivered",
        "delivery has failed", "undeliverable", "qmail-send program", "created automatically by mail delivery",
        "delivery to the following recipient", "did not reach the following recipient", "returned to sender",
        "delivery failed", "was not delivered", "could not deliver", "unable to deliver", "failed permanently",
        "not be delivered", "following address", "following recipient", "delivery status notification",
        "rejected by", "message not delivered", "transcript of session", "unrouteable", "user unknown",
        "undelivered mail", "delivery problem", "mailbox unavailable"};
    for (const std::string_view m : markers) {
        if (text.contains(m))
            return true;
    }
    return false;
}

RecipientReading *findRecipient(QList<RecipientReading> &list, const QString &address)
{
    for (RecipientReading &r : list) {
        if (equalsCi(r.fact.recipient, address))
            return &r;
    }
    return nullptr;
}

// A DSN recipient field without white space, brackets and quotes around it, nor a final dot.
QStringView cleanedAddress(QStringView a)
{
    a = trimmedView(a);
    while (!a.isEmpty() && (a.front() == u'<' || a.front() == u'"' || a.front() == u'\''))
        a = a.mid(1);
    while (!a.isEmpty() && (a.back() == u'>' || a.back() == u'"' || a.back() == u'\'' || a.back() == u'.'))
        a.chop(1);
    return a;
}

// The text/plain portions of an embedded RFC 3464 block ("Final-Recipient: ..." lines in a text part).
QString embeddedDsn(QStringView text)
{
    // Cheap test first: the text is long and most reports have no such block. Colons are few, so
    // "...ecipient:" is looked for behind each.
    bool named = false;
    for (qsizetype colon = indexOfChar(text, u':'); colon >= 0 && !named; colon = indexOfChar(text, u':', colon + 1)) {
        const QStringView before = text.mid(qMax<qsizetype>(0, colon - 8), qMin<qsizetype>(colon, 8));
        named = equalsAscii(before, "ecipient") || equalsAscii(before, "ECIPIENT");
    }
    if (!named)
        return {};
    // ASCII case folding answers as Qt's here: no character beyond ASCII folds to a letter of these.
    qsizetype p = indexOfAsciiCi(text, "final-recipient:");
    if (p < 0)
        p = indexOfAsciiCi(text, "original-recipient:");
    if (p < 0)
        return {};
    // Start at the per-message fields when they come first.
    const qsizetype rep = text.lastIndexOf(QLatin1String("Reporting-MTA:"), p, Qt::CaseInsensitive);
    if (rep >= 0 && p - rep < 2000)
        p = rep;
    const qsizetype lineStart = text.lastIndexOf(u'\n', p);
    return text.mid(lineStart < 0 ? 0 : lineStart + 1).toString();
}

void addDsnRecipients(const Dsn::Report &report, QList<RecipientReading> *out)
{
    out->reserve(out->size() + report.recipients.size());
    for (const Dsn::Recipient &d : report.recipients) {
        // A source route or a bare domain ("@mx.example.org") is no address: the text names the recipient.
        QString address = firstAddress(cleanedAddress(d.finalRecipient));
        if (address.isEmpty())
            address = firstAddress(cleanedAddress(d.originalRecipient));
        if (address.isEmpty())
            continue;
        if (RecipientReading *existing = findRecipient(*out, address)) {
            // Some reports repeat a recipient; keep the block with the most to say.
            if (existing->fact.diagnostic.isEmpty() && !d.diagnosticCode.isEmpty())
                existing->fact.diagnostic = d.diagnosticCode.simplified();
            continue;
        }
        RecipientReading r;
        r.evidence.reserve(2);
        r.fact.recipient = address;
        r.fact.action = asciiCased(d.action, false);
        r.fact.status = d.status.trimmed();
        r.fact.diagnostic = simplifiedText(d.diagnosticCode);
        r.fact.diagnosticType = asciiCased(d.diagnosticType, true);
        r.fact.remoteMta = d.remoteMta.trimmed();
        r.fact.command = commandIn(r.fact.diagnostic, *r.fact.diagnosticSearch());
        r.fact.category = d.fields.value(QStringLiteral("x-powermta-bouncecategory")).trimmed().toLower();
        // Built through QStringBuilder in one allocation (QStringLiteral + QString copies the literal's
        // string and then grows it).
        if (!d.diagnosticCode.isEmpty())
            r.evidence.append(QLatin1String("Diagnostic-Code: ") + r.fact.diagnostic);
        if (!d.status.isEmpty())
            r.evidence.append(QLatin1String("Status: ") + d.status);
        out->append(std::move(r));
    }
}

// Amazon SES notifications delivered by mail carry the bounce as JSON.
bool readSesNotification(QStringView text, QList<RecipientReading> *out, QString *kind)
{
    const QStringView trimmed = text.trimmed();
    // The names may be escaped: inside SNS's envelope the notification is a JSON string.
    if (!trimmed.startsWith(u'{') || (!trimmed.contains(QLatin1String("notificationType"))
                                      && !trimmed.contains(QLatin1String("eventType"))))
        return false;
    const qsizetype end = trimmed.lastIndexOf(u'}');
    QJsonParseError error;
    QByteArray json = trimmed.first(end + 1).toUtf8();
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        // Mail transport folded a long line inside a string: join the lines and try again.
        json.replace("\r", "");
        json.replace("\n", "");
        doc = QJsonDocument::fromJson(json, &error);
    }
    if (!doc.isObject())
        return false;
    QJsonObject o = doc.object();
    // Delivered through SNS: the notification is a JSON string inside the "Message" field.
    if (o.value(QLatin1String("Message")).isString()) {
        const QJsonDocument inner = QJsonDocument::fromJson(o.value(QLatin1String("Message")).toString().toUtf8());
        if (inner.isObject())
            o = inner.object();
    }
    QString type = o.value(QLatin1String("notificationType")).toString();
    if (type.isEmpty())
        type = o.value(QLatin1String("eventType")).toString();
    auto evidenceOf = [](const QJsonObject &r) {
        QStringList e;
        for (const char *k : {"emailAddress", "action", "status", "diagnosticCode"}) {
            const QString v = r.value(QLatin1String(k)).toString();
            if (!v.isEmpty())
                e.append(QStringLiteral("\"%1\":\"%2\"").arg(QLatin1String(k), v));
        }
        return e;
    };
    if (type == QLatin1String("Bounce")) {
        *kind = QStringLiteral("bounce");
        const QJsonObject b = o.value(QLatin1String("bounce")).toObject();
        const bool transient = b.value(QLatin1String("bounceType")).toString() == QLatin1String("Transient");
        for (const QJsonValue &v : b.value(QLatin1String("bouncedRecipients")).toArray()) {
            const QJsonObject r = v.toObject();
            RecipientReading rr;
            rr.fact.recipient = firstAddress(r.value(QLatin1String("emailAddress")).toString());
            if (rr.fact.recipient.isEmpty())
                continue;
            rr.fact.action = r.value(QLatin1String("action")).toString(transient ? QStringLiteral("delayed")
                                                                                   : QStringLiteral("failed"));
            rr.fact.status = r.value(QLatin1String("status")).toString();
            rr.fact.diagnostic = r.value(QLatin1String("diagnosticCode")).toString().simplified();
            rr.fact.diagnosticType = QStringLiteral("SMTP");
            rr.fact.command = commandIn(rr.fact.diagnostic);
            rr.evidence = evidenceOf(r);
            out->append(rr);
        }
        return true;
    }
    if (type == QLatin1String("Complaint")) {
        *kind = QStringLiteral("feedback-report");
        const QJsonObject c = o.value(QLatin1String("complaint")).toObject();
        for (const QJsonValue &v : c.value(QLatin1String("complainedRecipients")).toArray()) {
            RecipientReading rr;
            rr.fact.recipient = firstAddress(v.toObject().value(QLatin1String("emailAddress")).toString());
            rr.fact.reason = QStringLiteral("feedback");
            rr.fact.diagnostic = c.value(QLatin1String("complaintFeedbackType")).toString();
            if (!rr.fact.recipient.isEmpty())
                out->append(rr);
        }
        return true;
    }
    if (type == QLatin1String("Delivery")) {
        *kind = QStringLiteral("delivery-report");
        const QJsonObject d = o.value(QLatin1String("delivery")).toObject();
        const QString response = d.value(QLatin1String("smtpResponse")).toString();
        for (const QJsonValue &v : d.value(QLatin1String("recipients")).toArray()) {
            RecipientReading rr;
            rr.fact.recipient = firstAddress(v.toString());
            rr.fact.action = QStringLiteral("delivered");
            rr.fact.diagnostic = response;
            rr.fact.diagnosticType = QStringLiteral("SMTP");
            rr.evidence.append(QStringLiteral("\"smtpResponse\":\"%1\"").arg(response));
            if (!rr.fact.recipient.isEmpty())
                out->append(rr);
        }
        return true;
    }
    return false;
}

QStringList failedRecipientsHeader(const Mime::Part &root)
{
    QStringList out;
    // The fields walked in place: nearly every report has none of these, and headerValues() would
    // build a list to say so.
    for (const Mime::Header &h : root.headers) {
        if (!equalsLowerAscii(h.name, "x-failed-recipients"))
            continue;
        for (const QByteArray &piece : h.raw.toByteArray().split(',')) {
            const QString a = firstAddress(QString::fromUtf8(piece));
            if (!a.isEmpty() && !out.contains(a, Qt::CaseInsensitive))
                out.append(a);
        }
    }
    return out;
}

QStringList detailLines(QStringView text)
{
    QStringList out;
    for (QStringView line : text.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView t = line.trimmed();
        if (t.isEmpty() || isBoundaryLine(t))
            continue;
        if (line.startsWith(u' ') || line.startsWith(u'\t') || !findReplyCode(t).isEmpty()) {
            out.append(t.toString());
            if (out.size() >= 8)
                break;
        }
    }
    return out;
}

} // namespace

BounceReading readBounceFacts(const Mime::Part &top, bool hasHeaders, int depth);

QString firstAddress(QStringView text)
{
        qsizetype from = 0;
    while (true) {
        const qsizetype a = indexOfChar(text, u'@', from);
        if (a < 0)
            return {};
        const AddressSpan span = addressAround(text, a);
        if (span.start >= 0)
            return span.address.toString();
        from = a + 1;
    }
}

namespace {

// Where the lines of an explanation end (their '\n', or the end of the text), as explanationPart()
// found them: the recipients' scan walks the same lines and need not look for their ends again.
using LineEnds = QVarLengthArray<qsizetype, 64>;

QStringView explanationPart(QStringView text, qsizetype *originalAt, LineEnds *ends)
{
    const OriginalMarkerIndex &index = originalMarkerIndex();
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = indexOfChar(text, u'\n', pos);
        if (end < 0)
            end = text.size();
        // Most lines open with a character no marker opens with: those are passed over untrimmed.
        qsizetype first = pos;
        while (first < end && isSpaceChar(text.utf16()[first]))
            ++first;
        if (first < end && index.mayOpen(text.utf16()[first])) {
            const QStringView line = trimmedView(text.mid(pos, end - pos));
            if (isOriginalMarker(line)) {
                if (originalAt)
                    *originalAt = pos;
                return text.first(pos);
            }
        }
        if (ends)
            ends->append(end);
        pos = end + 1;
    }
    if (originalAt)
        *originalAt = -1;
    return text;
}

// The lines of @p text as LineReader gives them, the first ones ending where @p ends (explanationPart()'s
// for this text, or null) says; LineReader then reads on from there (a last, empty line).
class ExplanationLines
{
public:
    ExplanationLines(QStringView text, const LineEnds *ends) : m_ends(ends), m_reader(text) {}

    bool next(QStringView *line)
    {
        if (m_ends && m_next < m_ends->size()) {
            m_reader.takeLineTo(m_ends->at(m_next++), line);
            return true;
        }
        return m_reader.next(line);
    }

private:
    const LineEnds *m_ends;
    LineReader m_reader;
    qsizetype m_next = 0;
};

} // namespace

QStringView explanationPart(QStringView text, qsizetype *originalAt)
{
    return explanationPart(text, originalAt, nullptr);
}

namespace {

// The recipients a text names, each with its diagnostic and evidence, not yet completeFromText():
// a report whose DSN part names the step and the host needs neither from the text.
// @p ends: where explanationPart() found @p text's lines to end, or null.
QList<RecipientReading> readRecipientParagraphs(QStringView text, const LineEnds *ends = nullptr)
{
    QList<Block> blocks;
    QHash<QString, int> index; // lower-case address -> block
    int current = -1;
    bool afterBoundary = false;
    int mentionedAfterBoundary = -1;
    QVarLengthArray<QStringView, 16> preamble; // lines before the first recipient of a section: some systems give the reason first
    bool perLineTranscript = false; // old Sendmail: one error line per recipient, nothing else belongs to it
    LineViews transcript;           // Sendmail's conversation lines not yet given to a recipient

    // Reports name a few recipients: those are compared one by one (addresses are ASCII here), and
    // only a long list gets an index.
    constexpr qsizetype IndexFrom = 8;
    auto blockFor = [&](QStringView address, bool create) -> int {
        if (index.isEmpty()) {
            for (qsizetype i = 0; i < blocks.size(); ++i) {
                if (equalsCi(blocks.at(i).address, address))
                    return int(i);
            }
        } else if (const auto it = index.constFind(address.toString().toLower()); it != index.constEnd()) {
            return it.value();
        }
        // A report about thousands of recipients is a paste gone wrong; the first ones tell the story
        // and the time stays bounded.
        if (!create || blocks.size() >= MaxRecipients)
            return -1;
        blocks.append({address.toString(), {}, {}, false});
        if (blocks.size() > IndexFrom) {
            for (qsizetype i = index.isEmpty() ? 0 : blocks.size() - 1; i < blocks.size(); ++i)
                index.insert(blocks.at(i).address.toLower(), int(i));
        }
        return int(blocks.size() - 1);
    };

    ExplanationLines reader(text, ends);
    for (QStringView raw; reader.next(&raw);) {
        const QStringView t = trimmedView(raw);
        if (t.isEmpty()) {
            // A paragraph about a recipient ends at a blank line once it has said something.
            if (current >= 0 && blocks.at(current).reasonOnAddressLine)
                current = -1;
            continue;
        }
        if (isBoundaryLine(t)) {
            current = -1;
            afterBoundary = true;
            mentionedAfterBoundary = -1;
            if (blocks.isEmpty())
                preamble.clear();
            continue;
        }

        // A recipient line: the address opens the line ("<a@b>: host ... said:", "  a@b", "a@b on <date>").
        QStringView s = t;
        while (!s.isEmpty() && (s.at(0) == u'>' || s.at(0) == u' ' || s.at(0) == u'*' || s.at(0) == u'-'
                                || s.at(0) == u'\u2022' || s.at(0) == u'\t'))
            s = s.mid(1);
        while (!s.isEmpty() && (s.at(0) == u'<' || s.at(0) == u'"' || s.at(0) == u'\'' || s.at(0) == u'('))
            s = s.mid(1);
        if (startsWithCi(s, "mailto:"))
            s = s.mid(7);
        const AddressSpans spans = addressesIn(t);
        int target = -1;
        bool recipientLine = false;
        bool addressOpensLine = false;
        if (!spans.isEmpty()) {
            // The first address in s is the first in t, shifted, unless the address in t reaches back
            // into what s leaves out: the characters left out are no '@', and an '@' with no address
            // in t has none in s either.
            const qsizetype cut = s.utf16() - t.utf16();
            AddressSpan lead = spans.first();
            if (lead.start >= cut) {
                lead.start -= cut;
                lead.end -= cut;
            } else {
                lead = firstAddressSpan(s);
            }
            if (lead.start == 0) {
                recipientLine = true;
                addressOpensLine = true;
                target = blockFor(lead.address, true);
            } else if (sendmailErrorLine(t) && blockFor(spans.first().address, false) < 0) {
                // Sendmail's own error line for a recipient: "554 <a@b>... 550 Host unknown".
                // The conversation since "While talking to ..." led to this error: it belongs to it.
                target = blockFor(spans.first().address, true);
                if (target < 0)
                    continue;
                blocks[target].lines.append(transcript.constData(), transcript.size());
                blocks[target].raw.append(transcript.constData(), transcript.size());
                transcript.clear();
                blocks[target].lines.append(t);
                blocks[target].raw.append(t);
                current = -1;
                perLineTranscript = true;
                continue;
            } else {
                const AddressSpan &first = spans.first();
                if (leadsIntoRecipient(t.first(first.start)) || endsWithLabelledAddress(t, first)
                    || afterRcptTo(t.first(first.start))) {
                    recipientLine = true;
                    target = blockFor(first.address, true);
                } else {
                    // A line that mentions a known recipient (a transcript line) belongs to it.
                    for (const AddressSpan &sp : spans) {
                        const int b = blockFor(sp.address, false);
                        if (b >= 0) {
                            target = b;
                            break;
                        }
                    }
                }
            }
        }
        if (target >= 0) {
            current = target;
            if (afterBoundary)
                mentionedAfterBoundary = target;
            if (recipientLine && addressOpensLine) {
                // Keep what follows the address on its line: "<a@b>: host x said: 550 ...".
                const AddressSpan &first = spans.first();
                QStringView rest = first.start >= 0 ? t.mid(first.end) : QStringView();
                while (!rest.isEmpty() && (rest.at(0) == u'>' || rest.at(0) == u'"' || rest.at(0) == u':'
                                           || rest.at(0) == u' '))
                    rest = rest.mid(1);
                blocks[current].lines.append(rest.trimmed());
                if (blocks.at(current).lines.size() == 1 && !rest.trimmed().isEmpty())
                    blocks[current].reasonOnAddressLine = true;
            } else {
                blocks[current].lines.append(t);
            }
            blocks[current].raw.append(t);
            continue;
        }
        if (current >= 0) {
            blocks[current].lines.append(t);
            blocks[current].raw.append(t);
            continue;
        }
        if (blocks.isEmpty())
            preamble.append(t);
        if (startsWithCi(t, "while talking to "))
            transcript.clear();
        if ((t.startsWith(u'>') || t.startsWith(u'<'))
            && (t.startsWith(QLatin1String(">>> ")) || t.startsWith(QLatin1String("<<< "))))
            transcript.append(t);
        if (afterBoundary) {
            int to = mentionedAfterBoundary;
            if (to < 0 && blocks.size() == 1 && !perLineTranscript)
                to = 0;
            if (to >= 0) {
                blocks[to].lines.append(t);
                blocks[to].raw.append(t);
            }
        }
    }

    QList<RecipientReading> out;
    out.reserve(blocks.size());
    for (const Block &b : std::as_const(blocks)) {
        RecipientReading r;
        r.fact.recipient = b.address;
        QString diagnostic = joinLines(b.lines);
        LineViews before; // lines of the preamble shown ahead of the block's own, when they carry its reason
        if (blocks.size() == 1 && !preamble.isEmpty()) {
            // Some systems give the reason before the address ("Could not be delivered because of
            // 550 5.1.1 User unknown. The following recipients were affected: ..."). The preamble's
            // coded lines matter only when the block has no code of its own: looked for only then.
            const bool blockHasCode = !findReplyCode(diagnostic).isEmpty() || !findStatusCode(diagnostic).isEmpty();
            LineViews coded;
            if (!blockHasCode) {
                for (const QStringView l : std::as_const(preamble)) {
                    if (!findReplyCode(l).isEmpty() || !findStatusCode(l).isEmpty())
                        coded.append(l);
                }
            }
            if (!blockHasCode && !coded.isEmpty()) {
                LineViews lines = coded;
                lines.append(diagnostic);
                diagnostic = joinLines(lines);
                before = coded;
            } else if (diagnostic.isEmpty()) {
                // The sentences before the address, without the lead-in ("... the following recipients:")
                // and the report's banner: the last three of them.
                LineViews said;
                for (const QStringView l : std::as_const(preamble)) {
                    if (!l.endsWith(u':') && !containsCi(l, "automatically") && !containsCi(l, "status notification"))
                        said.append(l);
                }
                if (said.size() > 3)
                    said.remove(0, said.size() - 3);
                diagnostic = joinLines(said);
                before = said;
            }
        }
        r.fact.diagnostic = diagnostic;
        r.evidence = evidenceFrom(before, b.raw);
        out.append(std::move(r));
    }
    return out;
}

} // namespace

QList<RecipientReading> scanBounceText(QStringView text, bool *warningOnly)
{
    if (warningOnly)
        *warningOnly = looksWarningOnly(TextSearch(text));
    QList<RecipientReading> out = readRecipientParagraphs(text);
    for (RecipientReading &r : out)
        completeFromText(&r);
    return out;
}

namespace {

// What the report's own header says about the mail system that sent it: the same for every recipient.
class ReportHeader
{
public:
    explicit ReportHeader(const Mime::Part &root)
        : from(root.header("From")), msNdr(root.hasHeader("X-MS-Exchange-Message-Is-Ndr")), m_root(root)
    {
    }

    /** The relays that carried the report back include MessageLabs (looked up once, when asked). */
    bool viaMessageLabs() const
    {
        if (m_viaMessageLabs < 0) {
            // The fields walked in place: headerValues() would build a list of them to be thrown away.
            m_viaMessageLabs = 0;
            for (const Mime::Header &h : m_root.headers) {
                if (equalsLowerAscii(h.name, "received") && bytesContain(h.raw, ".messagelabs.com"))
                    m_viaMessageLabs = 1;
            }
        }
        return m_viaMessageLabs == 1;
    }

    const LoweredBytes from;
    const bool msNdr;      ///< Exchange marks its own reports

private:
    const Mime::Part &m_root;
    mutable int m_viaMessageLabs = -1;
};

// The mail system family a recipient's report comes from, where Sisimai-compatible rules differ.
QString vendorOf(const ReportHeader &header, const DeliveryFact &f)
{
    const LowerText rhost(f.remoteMta);
    const LowerText domain(QStringView(f.recipient).mid(f.recipient.lastIndexOf(u'@') + 1));
    if (rhost.endsWith(".ezweb.ne.jp") || rhost.endsWith("msmx.au.com") || domain.equals("ezweb.ne.jp")
        || domain.equals("au.com"))
        return QStringLiteral("kddi");
    const LoweredBytes &from = header.from;
    if (rhost.endsWith(".outlook.com") || rhost.contains("hotmail") || header.msNdr || from.contains("hotmail.com")
        || containsAsciiAnchored(f.diagnostic, ".outlook.com", 5)) // 'k': rarer than '.'
        return QStringLiteral("microsoft");
    if (rhost.endsWith("docomo.ne.jp") || domain.equals("docomo.ne.jp"))
        return QStringLiteral("docomo");
    if (rhost.endsWith(".qq.com"))
        return QStringLiteral("tencent");
    if (from.contains("mail.ru>") || from.endsWith("mail.ru"))
        return QStringLiteral("mailru");
    if (from.contains("gmx.") || from.contains("gmx>"))
        return QStringLiteral("gmx");
    if (rhost.endsWith(".messagelabs.com"))
        return QStringLiteral("messagelabs");
    // No remote host in the report: the relays that carried the report back name it.
    if (rhost.isEmpty() && header.viaMessageLabs())
        return QStringLiteral("messagelabs");
    if (rhost.endsWith(".mimecast.com"))
        return QStringLiteral("mimecast");
    if (domain.equals("facebook.com") || rhost.endsWith(".facebook.com"))
        return QStringLiteral("facebook");
    if (rhost.endsWith(".yahoodns.net") || containsAsciiAnchored(f.diagnostic, ".yahoo.com", 1))
        return QStringLiteral("yahoo");
    if (rhost.endsWith(".laposte.net") || rhost.endsWith(".orange.fr") || rhost.endsWith(".wanadoo.fr")
        || domain.equals("laposte.net") || domain.equals("orange.fr") || domain.equals("wanadoo.fr"))
        return QStringLiteral("franceptt");
    return {};
}

} // namespace

BounceReading readBounce(const Mime::ParseResult &parsed)
{
    BounceReading reading = readBounceFacts(parsed.root, parsed.hasHeaders, 0);
    if (reading.recipients.isEmpty())
        return reading;
    const ReportHeader header(parsed.root);
    for (RecipientReading &r : reading.recipients)
        r.fact.vendor = vendorOf(header, r.fact);
    return reading;
}

BounceReading readBounceFacts(const Mime::Part &top, bool hasHeaders, int depth)
{
    BounceReading reading;
    const Mime::Part *message = &top;
    // The Subject is read below in any case: decoded once.
    const QString topSubject = top.decodedHeader("Subject");
    const bool topLooksLikeBounce = hasHeaders && looksLikeBounce(top, &topSubject);
    if (hasHeaders && !topLooksLikeBounce) {
        if (const Mime::Part *inner = innerBounce(top))
            message = inner;
    }
    const Mime::Part &root = *message;

    Collected c;
    collect(root, &c, 0);
    readOriginal(c.original, &reading.original);

    // Explanatory text: the text parts of the report itself, never the returned original.
    QString text;
    for (const Mime::Part *p : std::as_const(c.texts)) {
        if (!text.isEmpty())
            text += u'\n';
        text += p->text();
    }
    if (QStringView(text).trimmed().isEmpty()) {
        for (const Mime::Part *p : std::as_const(c.htmls)) {
            if (!text.isEmpty())
                text += u'\n';
            text += htmlToText(p->text());
        }
    }
    qsizetype originalAt = -1;
    LineEnds lineEnds;
    const QStringView explained = explanationPart(text, &originalAt, &lineEnds);
    // Most reports have no quoted original in their text: share the text instead of copying it.
    const QString explanation = explained.size() == text.size() ? text : explained.toString();
    reading.explanation = explanation;
    const TextSearch explanationSearch(explanation);
    if (originalAt >= 0 && !c.original && hasHeaders) {
        // A plain-text bounce with the original appended: read its header for the "original" block.
        QStringView rest = QStringView(text).mid(originalAt);
        const qsizetype nl = rest.indexOf(u'\n');
        if (nl >= 0 && !startsWithCi(rest.trimmed(), "received:") && !startsWithCi(rest.trimmed(), "return-path:"))
            rest = rest.mid(nl + 1);
        const Mime::ParseResult inner = Mime::parseMessageHeader(rest.toUtf8());
        if (inner.hasHeaders)
            readOriginalHeaders(inner.root, &reading.original);
    }

    const QString subject = message == &top ? topSubject : root.decodedHeader("Subject");
    if (hasHeaders && headerSaysAutoReply(root, subject) && c.dsns.isEmpty() && !fromLooksLikeMailSystem(root)
        && !textLooksLikeBounce(explanationSearch)) {
        reading.kind = QStringLiteral("auto-reply");
        RecipientReading r;
        r.fact.recipient = firstAddress(root.decodedHeader("From"));
        r.fact.reason = QStringLiteral("vacation");
        r.fact.diagnostic = subject.simplified();
        r.evidence.append(QStringLiteral("Subject: ") + r.fact.diagnostic);
        if (!r.fact.recipient.isEmpty())
            reading.recipients.append(r);
        return reading;
    }

    if (c.feedback || (c.original && containsAsciiCi(subject, "complaint about message"))) {
        reading.kind = QStringLiteral("feedback-report");
        QStringList rcpts;
        QString feedbackType;
        if (c.feedback) {
            const QString body = c.feedback->text();
            for (QStringView line : QStringView(body).tokenize(u'\n')) {
                line = line.trimmed();
                if (startsWithCi(line, "original-rcpt-to:") || startsWithCi(line, "removal-recipient:")) {
                    const QString a = firstAddress(line.mid(line.indexOf(u':') + 1));
                    if (!a.isEmpty() && !rcpts.contains(a, Qt::CaseInsensitive))
                        rcpts.append(a);
                } else if (startsWithCi(line, "feedback-type:")) {
                    feedbackType = line.mid(14).trimmed().toString();
                }
            }
        }
        // A complaint is about the enclosed message: its recipient is the one who complained.
        if (rcpts.isEmpty()) {
            const QString a = firstAddress(reading.original.to);
            if (!a.isEmpty())
                rcpts.append(a);
        }
        for (const QString &a : std::as_const(rcpts)) {
            RecipientReading r;
            r.fact.recipient = a;
            r.fact.reason = QStringLiteral("feedback");
            r.fact.diagnostic = feedbackType;
            if (!feedbackType.isEmpty())
                r.evidence.append(QStringLiteral("Feedback-Type: ") + feedbackType);
            reading.recipients.append(r);
        }
        return reading;
    }

    QList<RecipientReading> fromText;
    QString sesKind;
    if (readSesNotification(explanation, &fromText, &sesKind)) {
        reading.kind = sesKind;
        reading.recipients = std::move(fromText);
        return reading;
    }
    const bool bounceLike = !c.dsns.isEmpty() || (hasHeaders && (message == &top ? topLooksLikeBounce : looksLikeBounce(root, &subject)))
        || textLooksLikeBounce(explanationSearch);
    if (!bounceLike)
        return reading;
    bool warning = false;
    fromText = readRecipientParagraphs(explanation, &lineEnds); // completed below, as far as needed
    warning = looksWarningOnly(explanationSearch);
    const QStringList failedHeader = failedRecipientsHeader(root);
    if (!failedHeader.isEmpty()) { // nearly every report has no such header
        bool textNamesFailed = false;
        for (const RecipientReading &r : std::as_const(fromText))
            textNamesFailed = textNamesFailed || failedHeader.contains(r.fact.recipient, Qt::CaseInsensitive);
        if (!textNamesFailed)
            fromText.clear();
    }
    if (fromText.isEmpty()) {
        // Exim and Google name the failed addresses in a header of the report itself.
        for (const QString &a : failedHeader) {
            RecipientReading r;
            r.fact.recipient = a;
            r.fact.diagnostic = explanation.simplified();
            // Exim gave up retrying on its own schedule: Sisimai counts that as a temporary failure.
            r.fact.temporary = indexOfAscii(r.fact.diagnostic, "retry timeout exceeded") >= 0;
            r.evidence = detailLines(explanation);
            fromText.append(r);
        }
    }
    reading.warningOnly = warning || containsAsciiCi(subject, "(delay)")
        || containsAsciiCi(subject, "delayed mail");

    QList<RecipientReading> fromDsn;
    // OpenSMTPD's text is the report; its machine-readable part only repeats it with generic codes.
    const bool textFirst = !fromText.isEmpty()
        && explanationSearch.contains("this is the mailer-daemon, please do not reply");
    for (const Mime::Part *p : std::as_const(c.dsns)) {
        if (!textFirst)
            addDsnRecipients(Dsn::parse(p->text()), &fromDsn);
    }
    if (fromDsn.isEmpty() && !textFirst) {
        const QString embedded = embeddedDsn(text);
        if (!embedded.isEmpty())
            addDsnRecipients(Dsn::parse(embedded), &fromDsn);
    }

    if (!fromDsn.isEmpty()) {
        reading.kind = QStringLiteral("dsn");
        bool allDelivered = true;
        for (RecipientReading &r : fromDsn) {
            RecipientReading *t = findRecipient(fromText, r.fact.recipient);
            if (!t && fromText.size() == 1 && fromDsn.size() == 1)
                t = &fromText.first();
            if (t) {
                // Postfix's paragraph keeps the step the reply answered; its DSN field drops it.
                // So does a transcript when the DSN field carries no code at all ("X-Unix; 255").
                // (The codes are looked for only when the simpler tests leave it open.)
                const auto fieldSaysLittle = [&] {
                    return findReplyCode(r.fact.diagnostic).isEmpty() && findStatusCode(r.fact.diagnostic).isEmpty()
                        && !findStatusCode(t->fact.diagnostic).isEmpty();
                };
                const bool takesText = r.fact.diagnostic.isEmpty()
                    || indexOfAscii(t->fact.diagnostic, "(in reply to ") >= 0 || fieldSaysLittle();
                if (takesText)
                    r.fact.diagnostic = t->fact.diagnostic;
                // The text's step and host are worked out only for what the DSN part leaves out. The
                // text's reading is dropped afterwards: its diagnostic is prepared here for the searches
                // alone, or on this fact when it now holds the same diagnostic (the reason is decided
                // from that preparation later).
                if (r.fact.command.isEmpty() || r.fact.remoteMta.isEmpty()) {
                    std::shared_ptr<const TextSearch> kept;
                    std::optional<TextSearch> own;
                    const TextSearch &search = takesText ? *(kept = r.fact.diagnosticSearch())
                                                         : own.emplace(t->fact.diagnostic);
                    if (r.fact.command.isEmpty())
                        r.fact.command = commandIn(t->fact.diagnostic, search);
                    if (r.fact.remoteMta.isEmpty())
                        r.fact.remoteMta = remoteMtaIn(t->fact.diagnostic, search);
                }
                r.evidence.reserve(r.evidence.size() + t->evidence.size());
                for (const QString &e : std::as_const(t->evidence)) {
                    if (!r.evidence.contains(e))
                        r.evidence.append(e);
                }
            }
            if (!t && fromText.isEmpty() && fromDsn.size() == 1 && findReplyCode(r.fact.diagnostic).isEmpty()
                && findStatusCode(r.fact.diagnostic).isEmpty()) {
                // The text names no address (a pipe, a program) but its transcript has the codes.
                const QStringList details = detailLines(explanation);
                const QString joined = details.join(u' ');
                if (!findStatusCode(joined).isEmpty() || !findReplyCode(joined).isEmpty()) {
                    r.fact.diagnostic = QString(r.fact.diagnostic + u' ' + joined).simplified();
                    r.evidence += details;
                }
            }
            if (r.fact.action != QLatin1String("delivered") && r.fact.action != QLatin1String("relayed")
                && r.fact.action != QLatin1String("expanded"))
                allDelivered = false;
        }
        if (allDelivered)
            reading.kind = QStringLiteral("delivery-report");
        reading.recipients = std::move(fromDsn);
    } else if (!fromText.isEmpty()) {
        reading.kind = QStringLiteral("bounce");
        for (RecipientReading &r : fromText) {
            completeFromText(&r);
            r.fact.action = reading.warningOnly ? QStringLiteral("delayed") : QStringLiteral("failed");
        }
        reading.recipients = std::move(fromText);
    }
    // A notice that wraps the returned mail it is about (a gateway that forwards bounces).
    if (reading.recipients.isEmpty() && depth < 4 && c.original && !c.original->children.isEmpty()
        && looksLikeBounce(c.original->children.first())) {
        BounceReading inner = readBounceFacts(c.original->children.first(), true, depth + 1);
        if (!inner.recipients.isEmpty())
            return inner;
    }
    return reading;
}

} // namespace MailDoctor::Analysis
