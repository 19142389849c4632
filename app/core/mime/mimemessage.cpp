// A hand-written MIME reader rather than GMime, for two measured reasons:
// - Speed: the analyzer must read >= 25,000 bounces/s on one thread including classification. Over the
//   development corpus (4.5 KB average) GMime 3.2 parsed about 4,000 messages/s here (about 640,000
//   instructions per message under callgrind, one GObject per header, part and stream); this reader
//   needs about 19,000 to parse one, and about 38,000 per analyzed bounce with the decoding and DSN
//   parsing the analyzer asks for. It shares the caller's buffer (or copies the input once), keeps
//   header fields and parameters as views into it, hands out bodies as slices of it, uses no regular
//   expressions, and decodes transfer encodings and charsets only when asked (Part::decodedBody(),
//   Part::text(), ParamList::value()).
//   tests/bench/bench_mime.cpp prints the figures.
// - Tolerance: returned mail is often broken (boundaries that never close or never appear, headers
//   without the blank line, base64 with garbage, charset labels that lie, raw 8-bit Japanese in
//   headers). Each of those has a deliberate, tested answer here instead of whatever a strict parser
//   happens to do.
// Hard limits (nesting depth, part count, header count) keep time and memory bounded.

#include "mimemessage.h"

#include "delimiterfinder.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringDecoder>
#include <QVarLengthArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstring>
#include <iterator>
#include <limits>

namespace MailDoctor::Mime {

namespace {

constexpr int MaxDepth = 50;
constexpr int MaxParts = 10000;
constexpr int MaxHeadersPerPart = 5000;
constexpr int MaxHeadersTotal = 50000;

inline bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

inline char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool sameIgnoringCase(const char *a, const char *b, qsizetype size)
{
    // Eight bytes at a time while they are the same: the names compared here are mostly spelt alike
    // ("Received" against "Received"), and those that differ usually do in their first bytes.
    qsizetype i = 0;
    for (; size - i >= 8; i += 8) {
        quint64 x;
        quint64 y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y)
            break;
    }
    if (size - i < 8) {
        // No difference so far and less than a word left: the rest as one word that ends with the
        // names (overlapping bytes already compared), or two halves for a short name ("Subject").
        if (size >= 8) {
            quint64 x;
            quint64 y;
            memcpy(&x, a + size - 8, 8);
            memcpy(&y, b + size - 8, 8);
            if (x == y)
                return true;
        } else if (size >= 4) {
            quint32 x[2];
            quint32 y[2];
            memcpy(&x[0], a, 4);
            memcpy(&x[1], a + size - 4, 4);
            memcpy(&y[0], b, 4);
            memcpy(&y[1], b + size - 4, 4);
            if (x[0] == y[0] && x[1] == y[1])
                return true;
        }
    }
    for (; i < size; ++i) {
        if (a[i] != b[i] && lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    }
    return true;
}

// Inline: header lookups compare the wanted name with every field, and most differ in length.
inline bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && sameIgnoringCase(a.data(), b.data(), a.size());
}

/** Index of the next "=?" (a possible RFC 2047 encoded word) from @p from, or -1. */
qsizetype indexOfEncodedWord(QByteArrayView v, qsizetype from)
{
    // memchr instead of indexOf("=?"): Qt's substring search costs more to set up than most header
    // values take to scan.
    const char *p = v.data();
    const char *end = p + v.size();
    for (const char *at = p + from; end - at >= 2;) {
        const void *hit = memchr(at, '=', size_t(end - at - 1));
        if (!hit)
            return -1;
        at = static_cast<const char *>(hit);
        if (at[1] == '?')
            return at - p;
        ++at;
    }
    return -1;
}

/**
 * A QByteArray for @p v that shares @p owner's buffer instead of copying, when @p v lies inside it.
 * Bodies and header values are slices of the one copy of the input, so reading a message costs one
 * allocation for the text instead of one per field and part. Such a slice is not NUL-terminated;
 * everything in Qt that takes a QByteArray or QByteArrayView goes by size, and writing detaches.
 */
inline QByteArray share(const QByteArray *owner, QByteArrayView v)
{
    if (v.isEmpty())
        return {};
    if (!owner || owner->isEmpty() || v.data() < owner->constData()
        || v.data() + v.size() > owner->constData() + owner->size())
        return v.toByteArray();
    QByteArray slice = *owner;
    QByteArray::DataPointer &d = slice.data_ptr();
    d.ptr = const_cast<char *>(v.data());
    d.size = v.size();
    return slice;
}

QByteArray toLowerBytes(QByteArrayView v)
{
    QByteArray out(v.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < v.size(); ++i)
        out[i] = lowerAscii(v[i]);
    return out;
}

/** True for the bytes trimmedView() removes: blanks and line breaks. */
inline bool isTrimmed(char c)
{
    // A bit of a word rather than four comparisons: every header value is trimmed at both ends.
    constexpr quint64 trimmed
        = (quint64(1) << ' ') | (quint64(1) << '\t') | (quint64(1) << '\r') | (quint64(1) << '\n');
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((trimmed >> u) & 1) != 0;
}

inline QByteArrayView trimmedView(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isTrimmed(v[b]))
        ++b;
    while (e > b && isTrimmed(v[e - 1]))
        --e;
    return v.sliced(b, e - b);
}

/** The first byte from @p pos on that is no blank and no CR (the indent of a continuation line), or size. */
inline qsizetype skipIndent(QByteArrayView data, qsizetype pos)
{
    const char *p = data.data();
    const qsizetype size = data.size();
#if defined(__SSE2__)
    // Sixteen bytes at once when they are there: folded Received and DKIM lines are indented by up
    // to eight blanks, which a byte-by-byte loop reads one comparison chain at a time.
    if (size - pos >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + pos));
        const __m128i blank = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
        const auto other = static_cast<quint32>(_mm_movemask_epi8(blank)) ^ 0xFFFFu;
        if (other != 0)
            return pos + qCountTrailingZeroBits(other);
        pos += 16;
    }
#endif
    while (pos < size && (isWsp(p[pos]) || p[pos] == '\r'))
        ++pos;
    return pos;
}

/** End of the line starting at @p pos (index of '\n', or size). */
inline qsizetype lineEnd(QByteArrayView data, qsizetype pos)
{
    if (pos >= data.size())
        return data.size();
    const void *nl = memchr(data.data() + pos, '\n', size_t(data.size() - pos));
    return nl ? static_cast<const char *>(nl) - data.data() : data.size();
}

/**
 * Length of the header field name at @p pos when the line is "name:", else -1; @p colonAt (when given)
 * receives the index of the colon.
 */
// Always inlined: it runs for every line of every header block, and the call cost a tenth of it.
Q_ALWAYS_INLINE qsizetype headerNameLength(QByteArrayView data, qsizetype pos, qsizetype *colonAt = nullptr)
{
    // Field-name characters (printable ASCII but ':'), looked up instead of compared: every line of
    // every header block goes through here.
    static constexpr auto nameChar = [] {
        std::array<bool, 256> t {};
        for (int c = 33; c < 127; ++c)
            t[size_t(c)] = c != ':';
        return t;
    }();
    const char *p = data.data();
    qsizetype i = pos;
    const qsizetype limit = qMin(data.size(), pos + 200);
#if defined(__SSE2__)
    // Sixteen bytes at a time while they fit: most names end within the first block. As signed
    // bytes, name characters are those above ' ' except DEL (127) and ':'; 8-bit bytes are negative.
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i del = _mm_set1_epi8(127);
    const __m128i colon = _mm_set1_epi8(':');
    while (limit - i >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i bad = _mm_or_si128(_mm_cmpgt_epi8(space, v) /* below ' ', or 8-bit */,
                                         _mm_or_si128(_mm_cmpeq_epi8(v, space),
                                                      _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, colon))));
        const int mask = _mm_movemask_epi8(bad);
        if (mask != 0) {
            i += qCountTrailingZeroBits(static_cast<quint32>(mask));
            break;
        }
        i += 16;
    }
#endif
    while (i < limit && nameChar[static_cast<unsigned char>(p[i])])
        ++i;
    if (i < limit) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c != ':') {
            // Obsolete syntax allows blanks before the colon ("Subject : x").
            qsizetype j = i;
            while (j < limit && isWsp(data[j]))
                ++j;
            if (j > i && j < limit && data[j] == ':' && i > pos) {
                if (colonAt)
                    *colonAt = j;
                return i - pos;
            }
            return -1;
        }
    }
    if (i >= limit || data[i] != ':' || i == pos)
        return -1;
    if (colonAt)
        *colonAt = i;
    return i - pos;
}

bool isBlankLine(QByteArrayView data, qsizetype pos, qsizetype end)
{
    for (qsizetype i = pos; i < end; ++i) {
        if (!isWsp(data[i]) && data[i] != '\r')
            return false;
    }
    return true;
}

/**
 * Writes the folded header value @p value (already trimmed) to @p out with its line breaks removed
 * (RFC 5322 unfolding, a CR before each break with it); returns the length written, at most @p value's.
 * @p breaks are the offsets (in the data @p value lies in, as @p value's are from @p data) of the line
 * breaks of the field, found when its lines were read; those outside @p value are skipped.
 */
qsizetype unfoldInto(QByteArrayView data, QByteArrayView value, const qsizetype *breaks, qsizetype breakCount,
                     char *out)
{
    char *o = out;
    const qsizetype valueStart = value.data() - data.data();
    const qsizetype valueEnd = valueStart + value.size();
    qsizetype pos = valueStart;
    for (qsizetype k = 0; k < breakCount; ++k) {
        const qsizetype nl = breaks[k];
        if (nl < pos || nl >= valueEnd)
            continue;
        qsizetype end = nl;
        if (end > pos && data[end - 1] == '\r')
            --end;
        memcpy(o, data.data() + pos, size_t(end - pos));
        o += end - pos;
        pos = nl + 1;
    }
    memcpy(o, data.data() + pos, size_t(valueEnd - pos));
    o += valueEnd - pos;
    return o - out;
}

/**
 * Reads the header block at the start of @p data into @p headers, as views into @p data except for
 * folded values, which are unfolded into @p unfolded. Returns the offset of the body, or -1 when the
 * first line is not a header field. A line that is neither a field nor a continuation ends the block
 * (pasted messages often lack the blank line); @p cut is set when the header limit was reached.
 */
qsizetype parseHeaders(QByteArrayView data, QList<Header> *headers, QByteArray *unfolded, bool *cut,
                       int limit = MaxHeadersPerPart)
{
    if (headerNameLength(data, 0) < 0)
        return -1;
    // Gathered on the stack and handed over in one go: the list is then allocated once at its final size.
    QVarLengthArray<Header, 48> found;
    // Folded values (which need a copy without their line breaks) are unfolded at the end into one
    // buffer that they all share, instead of one allocation each: a message has several.
    struct Folded
    {
        qsizetype index; // in found
        QByteArrayView value; // trimmed, line breaks still in
        qsizetype firstBreak; // in breaks
        qsizetype breakCount;
    };
    QVarLengthArray<Folded, 16> folded;
    QVarLengthArray<qsizetype, 64> breaks; // where the lines of folded fields end
    qsizetype foldedSize = 0;
    const auto handOver = [&](qsizetype bodyStart) {
        if (!folded.isEmpty()) {
            QByteArray joined(foldedSize, Qt::Uninitialized);
            char *o = joined.data();
            for (const Folded &f : folded) {
                const qsizetype n = unfoldInto(data, f.value, breaks.constData() + f.firstBreak, f.breakCount, o);
                found[f.index].raw = QByteArrayView(o, n);
                o += n;
            }
            *unfolded = std::move(joined); // moving keeps the buffer the views point into
        }
        *headers = QList<Header>(found.cbegin(), found.cend());
        return bodyStart;
    };
    qsizetype pos = 0;
    while (pos < data.size()) {
        // The name first: a blank line never has one, and nearly every line is a field.
        qsizetype colon = pos;
        const qsizetype nameLen = headerNameLength(data, pos, &colon);
        const qsizetype end = lineEnd(data, colon); // from the colon: the name has no line break
        if (nameLen < 0) {
            if (isBlankLine(data, pos, end))
                return handOver(qMin(end + 1, data.size()));
            if (isWsp(data[pos]) && !found.isEmpty()) {
                // A stray indented line that no field took as its continuation; skip it.
                pos = qMin(end + 1, data.size());
                continue;
            }
            return handOver(pos);
        }
        if (found.size() >= limit) {
            *cut = true;
            return handOver(pos);
        }
        // Continuation lines start with a blank.
        qsizetype valueEnd = end;
        const qsizetype firstBreak = breaks.size();
        while (valueEnd + 1 < data.size() && isWsp(data[valueEnd + 1])) {
            // Past the indent first: a line with nothing else (a blank one) ends the header block, and
            // the search for the line's end need not read the indent again.
            const qsizetype text = skipIndent(data, valueEnd + 2);
            if (text == data.size() || data[text] == '\n')
                break;
            breaks.append(valueEnd);
            valueEnd = lineEnd(data, text);
        }
        const qsizetype valueStart = colon + 1;
        const QByteArrayView value
            = trimmedView(data.sliced(valueStart, qMax<qsizetype>(0, valueEnd - valueStart)));
        if (valueEnd != end) {
            folded.append(Folded { found.size(), value, firstBreak, breaks.size() - firstBreak });
            foldedSize += value.size();
        }
        found.append(Header { data.sliced(pos, nameLen), value });
        pos = qMin(valueEnd + 1, data.size());
    }
    return handOver(data.size());
}

/** Header names that show a block of fields really is a message header and not a pasted report. */
bool looksLikeMessageHeader(const QList<Header> &headers)
{
    // Views, not char pointers: the lengths are known at compile time instead of strlen() per compare.
    // Spelt as mail usually spells them: the comparison ignores case, but equal bytes it settles
    // eight at a time.
    static constexpr QByteArrayView known[] = { "From",
                                         "To",
                                         "Subject",
                                         "Date",
                                         "Received",
                                         "Return-Path",
                                         "Message-ID",
                                         "Content-Type",
                                         "MIME-Version",
                                         "Delivered-To",
                                         "X-Original-To",
                                         "Reply-To",
                                         "Sender",
                                         "Cc",
                                         "X-Failed-Recipients",
                                         "Auto-Submitted",
                                         "In-Reply-To",
                                         "References",
                                         "Envelope-To",
                                         "X-Mailer",
                                         "Content-Transfer-Encoding",
                                         "DKIM-Signature",
                                         "Authentication-Results",
                                         "ARC-Seal",
                                         "Thread-Topic",
                                         "X-MS-Exchange-Organization-SCL",
                                         "Precedence",
                                         "Errors-To",
                                         "List-Id",
                                         "X-Spam-Status" };
    for (const Header &h : headers) {
        for (const QByteArrayView name : known) {
            if (equalsIgnoreCase(h.name, name))
                return true;
        }
    }
    return false;
}

bool hasReportField(const QList<Header> &headers)
{
    static constexpr QByteArrayView fields[]
        = { "Final-Recipient", "Original-Recipient", "Diagnostic-Code", "Status",
            "Action",          "Remote-MTA",         "Reporting-MTA" };
    for (const Header &h : headers) {
        for (const QByteArrayView name : fields) {
            if (equalsIgnoreCase(h.name, name))
                return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------- Content-Type and parameters

/** The Content-Transfer-Encoding token in @p value as written: not lower-cased, quotes removed. */
QByteArrayView transferEncodingToken(QByteArrayView value)
{
    QByteArrayView v = trimmedView(value);
    qsizetype end = 0;
    while (end < v.size() && !isWsp(v[end]) && v[end] != ';' && v[end] != '(')
        ++end;
    v = v.first(end);
    if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
        v = v.sliced(1, v.size() - 2);
    return v;
}

enum class TransferEncoding { Identity, Base64, QuotedPrintable };

// Compared in place rather than through Part::transferEncoding(), which allocates its lower-case copy.
TransferEncoding transferEncodingOf(const Part &part)
{
    const QByteArrayView token = transferEncodingToken(part.headerView("Content-Transfer-Encoding"));
    if (equalsIgnoreCase(token, "base64"))
        return TransferEncoding::Base64;
    if (equalsIgnoreCase(token, "quoted-printable"))
        return TransferEncoding::QuotedPrintable;
    return TransferEncoding::Identity;
}

struct RawParam
{
    QByteArrayView name; // as written, without the RFC 2231 section suffix
    int section = -1; // -1 when not a continuation
    bool extended = false;
    QByteArrayView value; // a slice of the header value, or of unescaped when it had backslash escapes
    QByteArray unescaped;
};

int hexValue(char c)
{
    // Looked up rather than compared: quoted-printable Japanese text is mostly escapes.
    static constexpr auto values = [] {
        std::array<signed char, 256> t {};
        for (int i = 0; i < 256; ++i)
            t[size_t(i)] = -1;
        for (int i = 0; i < 10; ++i)
            t[size_t('0' + i)] = static_cast<signed char>(i);
        for (int i = 0; i < 6; ++i) {
            t[size_t('a' + i)] = static_cast<signed char>(10 + i);
            t[size_t('A' + i)] = static_cast<signed char>(10 + i);
        }
        return t;
    }();
    return values[static_cast<unsigned char>(c)];
}

QByteArray percentDecode(QByteArrayView v)
{
    QByteArray out(v.size(), Qt::Uninitialized);
    char *o = out.data();
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size() && hexValue(v[i + 1]) >= 0 && hexValue(v[i + 2]) >= 0) {
            *o++ = static_cast<char>(hexValue(v[i + 1]) * 16 + hexValue(v[i + 2]));
            i += 2;
        } else {
            *o++ = v[i];
        }
    }
    out.truncate(o - out.constData());
    return out;
}

/** skipCfws() past the first byte, which is a blank or a comment's opening. */
qsizetype skipCfwsFrom(QByteArrayView v, qsizetype i)
{
    while (i < v.size()) {
        if (isWsp(v[i]) || v[i] == '\r' || v[i] == '\n') {
            ++i;
        } else if (v[i] == '(') {
            int depth = 0;
            while (i < v.size()) {
                if (v[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (v[i] == '(')
                    ++depth;
                else if (v[i] == ')' && --depth == 0) {
                    ++i;
                    break;
                }
                ++i;
            }
        } else {
            break;
        }
    }
    return qMin(i, v.size());
}

/** Skips blanks and (nested) comments. */
inline qsizetype skipCfws(QByteArrayView v, qsizetype i)
{
    // Inline for the usual case, a token right there: there are several calls for each parameter.
    if (i >= v.size())
        return v.size();
    const char c = v[i];
    if (!isWsp(c) && c != '\r' && c != '\n' && c != '(')
        return i;
    return skipCfwsFrom(v, i);
}

/** True when @p bytes are ASCII without ESC or '=': text as it stands, no charset or encoded word in it. */
bool isPlainParamText(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    // Eight bytes at a time (a boundary is some forty): no high bit, and no byte equal to ESC or
    // '=' (a zero byte in the word XOR the repeated byte; this test for one is exact).
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x80 * ones;
    const auto hasZeroByte = [](quint64 w) { return ((w - ones) & ~w & highs) != 0; };
    for (; end - p >= 8; p += 8) {
        quint64 w;
        memcpy(&w, p, 8);
        if ((w & highs) || hasZeroByte(w ^ (0x1b * ones)) || hasZeroByte(w ^ ('=' * ones)))
            return false;
    }
    for (; p < end; ++p) {
        if (static_cast<unsigned char>(*p) >= 0x80 || *p == '\x1b' || *p == '=')
            return false;
    }
    return true;
}

QString paramText(QByteArrayView bytes)
{
    if (isPlainParamText(bytes))
        return QString::fromLatin1(bytes); // the usual boundary, charset or report-type
    // Not allowed by RFC 2047, but common: encoded words inside quoted parameter values.
    if (indexOfEncodedWord(bytes, 0) >= 0)
        return decodeEncodedWords(bytes);
    return decodeText(bytes, {});
}

} // namespace

/** Fills and reads a ParamList (a friend of it, so that the list keeps its layout to itself). */
struct ParamListBuilder
{
    /** Parses the parameters in @p value from @p i; @p buffer holds @p value (kept alive by the list). */
    static void parse(QByteArrayView value, qsizetype i, const QByteArray &buffer, ParamList *params);
    /** The bytes of @p name's value when they need no decoding (ASCII as written), else null (also when empty). */
    static QByteArrayView plainValue(const ParamList &params, QByteArrayView name);

private:
    static ParamList::Item *findSame(ParamList *params, QByteArrayView name);
    static ParamList::Item *itemFor(ParamList *params, QByteArrayView name);
    /** Adds @p name (not in the list yet) with the value @p raw as written; both lie in the list's buffer. */
    static void add(ParamList *params, QByteArrayView name, QByteArrayView raw);
    static void set(ParamList *params, QByteArrayView name, const QString &text);
};

namespace {

/** Which of @p part's buffers the header value @p v lies in. */
const QByteArray &bufferOf(const Part &part, QByteArrayView v)
{
    const char *u = part.unfolded.constData();
    const bool unfolded = !part.unfolded.isEmpty() && v.data() >= u && v.data() <= u + part.unfolded.size();
    return unfolded ? part.unfolded : part.source;
}

// What a byte of a media type is: the end of the type, the end of the subtype, upper case.
enum MediaTypeByte : quint8 { EndsType = 1, EndsSubtype = 2, UpperCase = 4 };

/**
 * The media type token of @p value that starts at @p i and ends before the first byte that is @p end,
 * in lower case: a slice of @p buffer (no allocation) when it already is, as it usually is; @p i is
 * moved to its end. Bytes are looked up rather than compared, and once: every part has a Content-Type.
 */
QByteArray mediaTypeToken(QByteArrayView value, qsizetype *i, MediaTypeByte end, const QByteArray &buffer)
{
    static constexpr auto kinds = [] {
        std::array<quint8, 256> t {};
        for (const char c : { ' ', '\t', ';', '(' })
            t[static_cast<unsigned char>(c)] = EndsType | EndsSubtype;
        t['/'] = EndsType;
        for (int c = 'A'; c <= 'Z'; ++c)
            t[size_t(c)] = UpperCase;
        return t;
    }();
    const qsizetype start = *i;
    qsizetype k = start;
    quint8 seen = 0;
    for (; k < value.size(); ++k) {
        const quint8 kind = kinds[static_cast<unsigned char>(value[k])];
        if (kind & end)
            break;
        seen |= kind;
    }
    *i = k;
    const QByteArrayView token = value.sliced(start, k - start);
    return (seen & UpperCase) ? toLowerBytes(token) : share(&buffer, token);
}

void parseContentType(QByteArrayView value, const QByteArray &buffer, Part *part)
{
    qsizetype i = skipCfws(value, 0);
    QByteArray type = mediaTypeToken(value, &i, EndsType, buffer);
    QByteArray subtype;
    i = skipCfws(value, i);
    if (i < value.size() && value[i] == '/') {
        i = skipCfws(value, i + 1);
        subtype = mediaTypeToken(value, &i, EndsSubtype, buffer);
    }
    if (type.isEmpty() || subtype.isEmpty()) {
        type = QByteArrayLiteral("text");
        subtype = QByteArrayLiteral("plain");
    }
    part->type = type;
    part->subtype = subtype;
    ParamListBuilder::parse(value, i, buffer, &part->params);
}

} // namespace

// Names are kept as written and compared in lower case: lowerAscii() of the stored name against the
// wanted one (given in lower case), or of both when two stored names are compared.
const ParamList::Item *ParamList::find(QByteArrayView name) const
{
    for (const Item &item : m_items) {
        if (item.nameSize != name.size())
            continue;
        const char *stored = m_buffer.constData() + item.name;
        qsizetype i = 0;
        while (i < name.size() && lowerAscii(stored[i]) == name[i])
            ++i;
        if (i == name.size())
            return &item;
    }
    return nullptr;
}

QString ParamList::value(QByteArrayView name) const
{
    const Item *item = find(name);
    if (!item)
        return {};
    if (item->value < 0)
        return m_texts.at(-1 - item->value);
    if (item->valueSize == 0)
        return {}; // null, as it was when values were QByteArray slices
    return paramText(QByteArrayView(m_buffer.constData() + item->value, item->valueSize));
}

ParamList::Item *ParamListBuilder::findSame(ParamList *params, QByteArrayView name)
{
    for (ParamList::Item &item : params->m_items) {
        if (equalsIgnoreCase(params->nameOf(item), name))
            return &item;
    }
    return nullptr;
}

/** The item of @p name (which lies in the list's buffer), added when there is none. */
ParamList::Item *ParamListBuilder::itemFor(ParamList *params, QByteArrayView name)
{
    ParamList::Item *item = findSame(params, name);
    if (!item)
        item = &params->m_items.emplace_back();
    item->name = qint32(name.data() - params->m_buffer.constData());
    item->nameSize = qint32(name.size());
    return item;
}

void ParamListBuilder::add(ParamList *params, QByteArrayView name, QByteArrayView raw)
{
    const char *base = params->m_buffer.constData();
    params->m_items.append(ParamList::Item { qint32(name.data() - base), qint32(name.size()),
                                             qint32(raw.data() - base), qint32(raw.size()) });
}

void ParamListBuilder::set(ParamList *params, QByteArrayView name, const QString &text)
{
    ParamList::Item *item = itemFor(params, name);
    params->m_texts.append(text);
    item->value = qint32(-params->m_texts.size());
    item->valueSize = 0;
}

QByteArrayView ParamListBuilder::plainValue(const ParamList &params, QByteArrayView name)
{
    const ParamList::Item *item = params.find(name);
    if (!item || item->value < 0 || item->valueSize == 0)
        return {};
    const QByteArrayView raw(params.m_buffer.constData() + item->value, item->valueSize);
    return isPlainParamText(raw) ? raw : QByteArrayView();
}

namespace {

// What a byte of a parameter list is: the end of a name ('=', ';' or a blank), an RFC 2231 '*' in one,
// the end of an unquoted value (';' or a blank), or between parameters (';', blanks, line breaks).
enum ParamByte : quint8 { EndsName = 1, Star = 2, EndsValue = 4, Separates = 8 };
constexpr auto paramBytes = [] {
    std::array<quint8, 256> t {};
    for (const char c : { ';', ' ', '\t' })
        t[static_cast<unsigned char>(c)] = EndsName | EndsValue | Separates;
    t['='] = EndsName;
    t['\r'] = Separates;
    t['\n'] = Separates;
    t['*'] = Star;
    return t;
}();

} // namespace

void ParamListBuilder::parse(QByteArrayView value, qsizetype i, const QByteArray &buffer, ParamList *params)
{
    // The list keeps offsets into the buffer of the value: 32-bit ones, so a value beyond 2 GiB has
    // the parameters of its first 2 GiB. A value outside the buffer (not the case for parts) is copied.
    constexpr qsizetype maxOffset = std::numeric_limits<qint32>::max();
    value.truncate(qMin(value.size(), maxOffset));
    const char *base = buffer.constData();
    if (value.data() >= base && value.data() + value.size() <= base + qMin(buffer.size(), maxOffset)) {
        params->m_buffer = buffer;
    } else {
        params->m_buffer = value.toByteArray();
        value = params->m_buffer;
    }
    qsizetype start;
    QVarLengthArray<RawParam, 8> raw;
    bool anyExtended = false;
    while (i < value.size()) {
        // Tolerate missing ';' between parameters.
        while (i < value.size() && (paramBytes[static_cast<unsigned char>(value[i])] & Separates))
            ++i;
        i = skipCfws(value, i);
        start = i;
        // Looked up rather than compared; a '*' (RFC 2231) is noted on the way.
        quint8 seen = 0;
        for (; i < value.size(); ++i) {
            const quint8 kind = paramBytes[static_cast<unsigned char>(value[i])];
            if (kind & EndsName)
                break;
            seen |= kind;
        }
        QByteArrayView name = value.sliced(start, i - start);
        i = skipCfws(value, i);
        if (i >= value.size() || value[i] != '=') {
            if (name.isEmpty() && i < value.size())
                ++i; // a stray character; avoid looping on it
            continue;
        }
        i = skipCfws(value, i + 1);
        QByteArrayView val;
        QByteArray unescaped;
        if (i < value.size() && value[i] == '"') {
            ++i;
            start = i;
            // The closing quote found by memchr(), then the value read again only if it has a backslash
            // before that quote (a boundary runs to some forty characters, and has none).
            const void *quote = memchr(value.data() + i, '"', size_t(value.size() - i));
            i = quote ? static_cast<const char *>(quote) - value.data() : value.size();
            const bool escaped = memchr(value.data() + start, '\\', size_t(i - start)) != nullptr;
            if (escaped) {
                i = start;
                while (i < value.size() && value[i] != '"') {
                    if (value[i] == '\\' && i + 1 < value.size())
                        ++i;
                    ++i;
                }
            }
            if (!escaped) {
                val = value.sliced(start, qMin(i, value.size()) - start);
            } else {
                for (qsizetype k = start; k < i; ++k) {
                    if (value[k] == '\\' && k + 1 < i)
                        ++k;
                    unescaped.append(value[k]);
                }
                val = unescaped;
            }
            ++i; // closing quote (or past the end when it is missing)
        } else {
            start = i;
            while (i < value.size() && !(paramBytes[static_cast<unsigned char>(value[i])] & EndsValue))
                ++i;
            val = value.sliced(start, i - start);
        }
        if (name.isEmpty())
            continue;
        RawParam p;
        p.value = val;
        p.unescaped = std::move(unescaped); // moving keeps the buffer p.value points into
        if (name.endsWith('*')) {
            p.extended = true;
            name.chop(1);
        }
        // A loop rather than lastIndexOf(), a library call for a name of a few characters; only for a
        // name with a '*' in it.
        qsizetype star = (seen & Star) ? name.size() - 1 : 0;
        while (star > 0 && name[star] != '*')
            --star;
        if (star > 0) {
            bool ok = false;
            const int section = name.sliced(star + 1).toInt(&ok);
            if (ok && section >= 0 && section < 1000) {
                p.section = section;
                name.truncate(star);
            }
        }
        p.name = name;
        anyExtended = anyExtended || p.extended || p.section >= 0;
        raw.append(std::move(p));
        if (raw.size() > 1000)
            break;
    }

    if (!anyExtended) {
        for (const RawParam &p : raw) {
            if (findSame(params, p.name))
                continue;
            if (p.unescaped.isNull())
                add(params, p.name, p.value);
            else
                set(params, p.name, paramText(p.value));
        }
        return;
    }
    // Assemble RFC 2231 continuations; extended forms win over plain ones of the same name.
    QMap<QByteArray, QMap<int, const RawParam *>> sections;
    for (const RawParam &p : raw) {
        if (p.section >= 0 || p.extended)
            sections[toLowerBytes(p.name)].insert(qMax(0, p.section), &p);
    }
    for (const RawParam &p : raw) {
        if (p.section < 0 && !p.extended && !sections.contains(toLowerBytes(p.name)) && !findSame(params, p.name))
            set(params, p.name, paramText(p.value));
    }
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        QByteArray charset;
        QByteArray bytes;
        bool first = true;
        for (const RawParam *p : it.value()) {
            QByteArrayView v = p->value;
            if (p->extended) {
                if (first) {
                    // charset'language'value
                    const qsizetype q1 = v.indexOf('\'');
                    const qsizetype q2 = q1 >= 0 ? v.indexOf('\'', q1 + 1) : -1;
                    if (q2 >= 0) {
                        charset = v.first(q1).toByteArray();
                        v = v.sliced(q2 + 1);
                    }
                }
                bytes += percentDecode(v);
            } else {
                bytes += v.toByteArray();
            }
            first = false;
        }
        set(params, it.value().first()->name, charset.isEmpty() ? paramText(bytes) : decodeText(bytes, charset));
    }
}

namespace {

// ---------------------------------------------------------------- the entity parser

struct Context
{
    const QByteArray *owner = nullptr; ///< the buffer the views being parsed point into
    int parts = 0;
    int headerBudget = MaxHeadersTotal;
    bool truncated = false;
    QStringList warnings;

    void warn(const QString &text)
    {
        if (!warnings.contains(text))
            warnings.append(text);
    }
};

constexpr qsizetype NotParsed = -2;

/** Parses one entity; @p bodyStart/@p cut are passed when its headers were already read. */
void parseEntity(QByteArrayView data, Part *part, int depth, Context *ctx, bool defaultRfc822,
                 qsizetype bodyStart = NotParsed, bool cut = false);

/** Guesses a boundary when Content-Type has none: the first "--token" line that appears again. */
QByteArrayView guessBoundary(QByteArrayView body)
{
    // Bounded: a few candidate lines near the top, each looked for again within the first megabyte.
    const QByteArrayView window = body.first(qMin<qsizetype>(body.size(), 1024 * 1024));
    qsizetype pos = 0;
    int lines = 0;
    int candidates = 0;
    while (pos < window.size() && lines < 200 && candidates < 20) {
        const qsizetype end = lineEnd(window, pos);
        QByteArrayView line = trimmedView(window.sliced(pos, end - pos));
        if (line.size() > 3 && line.size() < 200 && line.startsWith("--") && line.indexOf(' ') < 0) {
            ++candidates;
            QByteArrayView candidate = line.sliced(2);
            if (candidate.endsWith("--"))
                candidate.chop(2);
            if (!candidate.isEmpty() && window.indexOf(line.first(2 + candidate.size()), end) >= 0)
                return candidate;
        }
        pos = end + 1;
        ++lines;
    }
    return {};
}

/** Sets @p delimiter to "--" and @p boundary. */
void setDelimiter(QByteArrayView boundary, QVarLengthArray<char, 128> *delimiter)
{
    delimiter->resize(2 + boundary.size());
    char *o = delimiter->data();
    o[0] = o[1] = '-';
    memcpy(o + 2, boundary.data(), size_t(boundary.size()));
}

void parseMultipart(QByteArrayView body, Part *part, int depth, Context *ctx)
{
    // On the stack: the finder below reads the delimiter where it lies instead of copying it.
    QVarLengthArray<char, 128> delimiter;
    // The boundary as written when it needs no decoding, as boundaries do; else decoded, in UTF-8.
    QByteArrayView boundary = ParamListBuilder::plainValue(part->params, "boundary");
    QByteArray decoded;
    if (boundary.isNull()) {
        decoded = part->params.value("boundary").toUtf8();
        boundary = decoded;
    }
    if (boundary.isEmpty())
        boundary = guessBoundary(body);
    if (!boundary.isEmpty())
        setDelimiter(boundary, &delimiter);
    const bool digest = part->is("multipart", "digest");
    auto addPlainChild = [&](QByteArrayView text) {
        part->children.emplaceBack().body = share(ctx->owner, text);
        ++ctx->parts;
    };
    if (trimmedView(body).isEmpty())
        return; // e.g. the Content-Type of a returned message of which only the headers came back
    if (delimiter.isEmpty()) {
        addPlainChild(body);
        ctx->warn(QCoreApplication::translate(
            "MailDoctor::Mime", "A multipart section has no boundary; it was read as plain text."));
        return;
    }

    part->children.reserve(3); // a report has three parts; growing one at a time moves them each time
    // One finder for the whole body, which finds delimiters at line starts only.
    const DelimiterFinder finder(QByteArrayView(delimiter.constData(), delimiter.size()));
    qsizetype pos = 0;
    qsizetype partStart = -1;
    bool closed = false;
    while (pos < body.size()) {
        const qsizetype idx = finder.indexIn(body, pos);
        if (idx < 0)
            break;
        qsizetype q = idx + delimiter.size();
        const bool close = q + 1 < body.size() && body[q] == '-' && body[q + 1] == '-';
        if (close)
            q += 2;
        while (q < body.size() && isWsp(body[q]))
            ++q;
        if (q < body.size() && body[q] != '\r' && body[q] != '\n') {
            pos = idx + 1; // a longer boundary that merely starts with ours
            continue;
        }
        if (q < body.size() && body[q] == '\r')
            ++q;
        if (q < body.size() && body[q] == '\n')
            ++q;
        // The line break before a delimiter belongs to the delimiter.
        qsizetype end = idx;
        if (end > 0 && body[end - 1] == '\n')
            --end;
        if (end > 0 && body[end - 1] == '\r')
            --end;
        if (partStart < 0) {
            part->preamble = share(ctx->owner, body.first(end));
        } else {
            if (ctx->parts >= MaxParts) {
                ctx->truncated = true;
                ctx->warn(QCoreApplication::translate(
                    "MailDoctor::Mime", "The message has too many parts; the rest was not read."));
                return;
            }
            ++ctx->parts;
            // Parsed in place: a Part is large to move, and nothing else touches this list meanwhile.
            parseEntity(body.sliced(partStart, qMax<qsizetype>(0, end - partStart)), &part->children.emplaceBack(),
                        depth + 1, ctx, digest);
        }
        partStart = q;
        pos = q;
        if (close) {
            closed = true;
            break;
        }
    }
    if (partStart < 0) {
        addPlainChild(body);
        ctx->warn(QCoreApplication::translate(
            "MailDoctor::Mime", "A multipart section's boundary never appears; it was read as plain text."));
        return;
    }
    if (!closed) {
        if (partStart < body.size() && ctx->parts < MaxParts) {
            ++ctx->parts;
            parseEntity(body.sliced(partStart), &part->children.emplaceBack(), depth + 1, ctx, digest);
        }
        ctx->warn(QCoreApplication::translate(
            "MailDoctor::Mime", "A multipart section is not closed; the message may be truncated."));
    }
}

void parseEntity(QByteArrayView data, Part *part, int depth, Context *ctx, bool defaultRfc822,
                 qsizetype bodyStart, bool cut)
{
    if (bodyStart == NotParsed)
        bodyStart = parseHeaders(data, &part->headers, &part->unfolded, &cut,
                                 qMin(MaxHeadersPerPart, ctx->headerBudget));
    if (!part->headers.isEmpty())
        part->source = *ctx->owner; // the fields are views into it
    ctx->headerBudget -= int(part->headers.size());
    if (cut) {
        ctx->truncated = true;
        ctx->warn(QCoreApplication::translate(
            "MailDoctor::Mime", "A part has too many header lines; the rest was read as its body."));
    }
    if (bodyStart < 0) {
        // No header block. A part that starts with a blank line has empty headers.
        bodyStart = 0;
        if (data.startsWith("\r\n"))
            bodyStart = 2;
        else if (data.startsWith('\n'))
            bodyStart = 1;
    }
    const QByteArrayView contentType = part->headerView("Content-Type"); // as usually spelt: see sameIgnoringCase()
    if (!contentType.isEmpty()) {
        parseContentType(contentType, bufferOf(*part, contentType), part);
    } else if (defaultRfc822) {
        part->type = QByteArrayLiteral("message");
        part->subtype = QByteArrayLiteral("rfc822");
    }
    const QByteArrayView body = data.sliced(bodyStart);

    // Through Part::is(), which compares sizes first and the bytes inline: a view's == calls a library
    // function whenever the sizes agree ("text" against "text").
    const bool isMultipart = part->isMultipart();
    const bool isMessage = part->is("message", "rfc822") || part->is("message", "global")
        || part->is("message", "rfc822-headers") || part->is("message", "global-headers")
        || part->is("text", "rfc822-headers");
    if (!isMultipart && !isMessage) {
        part->body = share(ctx->owner, body);
        return;
    }
    if (depth >= MaxDepth) {
        ctx->truncated = true;
        ctx->warn(QCoreApplication::translate(
            "MailDoctor::Mime",
            "The message is nested too deeply; the innermost parts were read as plain text."));
        part->type = QByteArrayLiteral("text");
        part->subtype = QByteArrayLiteral("plain");
        part->body = share(ctx->owner, body);
        return;
    }
    part->body = share(ctx->owner, body);
    if (isMultipart) {
        parseMultipart(body, part, depth, ctx);
        return;
    }
    // message/rfc822 and the header-only forms: the inner message is one child.
    if (ctx->parts >= MaxParts) {
        ctx->truncated = true;
        return;
    }
    const TransferEncoding cte = transferEncodingOf(*part);
    QByteArray decoded;
    QByteArrayView inner = body;
    if (cte != TransferEncoding::Identity) {
        decoded = cte == TransferEncoding::Base64 ? decodeBase64(body) : decodeQuotedPrintable(body);
        inner = decoded;
    }
    ++ctx->parts;
    const QByteArray *outerOwner = ctx->owner;
    if (!decoded.isEmpty())
        ctx->owner = &decoded; // slices of the decoded text keep it alive
    parseEntity(inner, &part->children.emplaceBack(), depth + 1, ctx, false);
    ctx->owner = outerOwner;
}

} // namespace

// ---------------------------------------------------------------- Part

QByteArrayView Part::headerView(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return h.raw;
    }
    return {};
}

QByteArray Part::header(QByteArrayView name) const
{
    const QByteArrayView v = headerView(name);
    return share(&bufferOf(*this, v), v);
}

QList<QByteArray> Part::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            values.append(share(&bufferOf(*this, h.raw), h.raw));
    }
    return values;
}

qsizetype Part::headerCount(QByteArrayView name) const
{
    qsizetype count = 0;
    for (const Header &h : headers)
        count += equalsIgnoreCase(h.name, name) ? 1 : 0;
    return count;
}

bool Part::hasHeader(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return true;
    }
    return false;
}

QString Part::decodedHeader(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return decodeEncodedWords(h.raw);
    }
    return {};
}

QByteArray Part::transferEncoding() const
{
    const QByteArrayView value = headerView("Content-Transfer-Encoding");
    if (value.isEmpty())
        return {};
    return toLowerBytes(transferEncodingToken(value));
}

QByteArray Part::decodedBody() const
{
    switch (transferEncodingOf(*this)) {
    case TransferEncoding::Base64:
        return decodeBase64(body);
    case TransferEncoding::QuotedPrintable:
        return decodeQuotedPrintable(body);
    case TransferEncoding::Identity:
        break;
    }
    return body;
}

QString Part::text() const
{
    // The label as written when it needs no decoding (as labels do), else as QString::toLatin1()
    // would give the decoded one, without allocating for it.
    QByteArrayView label = ParamListBuilder::plainValue(params, "charset");
    QVarLengthArray<char, 64> decodedLabel;
    if (label.isNull()) {
        const QString charset = params.value("charset");
        decodedLabel.resize(charset.size());
        for (qsizetype i = 0; i < charset.size(); ++i) {
            const char16_t c = charset[i].unicode();
            decodedLabel[i] = c < 0x100 ? static_cast<char>(c) : '?';
        }
        label = QByteArrayView(decodedLabel.constData(), decodedLabel.size());
    }
    switch (transferEncodingOf(*this)) {
    case TransferEncoding::Base64:
        return decodeText(decodeBase64(body), label);
    case TransferEncoding::QuotedPrintable:
        return decodeText(decodeQuotedPrintable(body), label);
    case TransferEncoding::Identity:
        break;
    }
    return decodeText(body, label); // read where it lies: no copy of the body's QByteArray
}

ParamList Part::headerParams(QByteArrayView name) const
{
    ParamList params;
    const QByteArrayView value = headerView(name);
    const qsizetype semicolon = value.indexOf(';');
    if (semicolon >= 0)
        ParamListBuilder::parse(value, semicolon, bufferOf(*this, value), &params);
    return params;
}

QString Part::fileName() const
{
    QString name = headerParams("Content-Disposition").value("filename");
    if (name.isEmpty())
        name = params.value("name");
    return name;
}

QByteArray Part::mimeType() const
{
    return type + '/' + subtype;
}

// ---------------------------------------------------------------- parseMessage

namespace {

/** True when @p bytes holds a reference to its buffer, unlike QByteArray::fromRawData() data. */
bool ownsBuffer(const QByteArray &bytes)
{
    // Only reads the pointer: QByteArray in Qt 6.4 has no const data_ptr().
    return const_cast<QByteArray &>(bytes).data_ptr().isMutable();
}

/** parseMessage() for @p raw, which lies in @p whole when that is given (to share instead of copying). */
ParseResult parseInput(QByteArrayView raw, const QByteArray *whole, bool headerOnly = false)
{
    ParseResult result;
    QByteArray converted;
    // A file saved by a Windows editor as UTF-16: read it as UTF-8 text instead.
    if (raw.size() >= 2
        && ((raw[0] == '\xff' && raw[1] == '\xfe') || (raw[0] == '\xfe' && raw[1] == '\xff'))) {
        QStringDecoder decoder(QStringConverter::Utf16);
        converted = QString(decoder.decode(raw)).toUtf8();
        raw = converted;
        whole = &converted;
    }
    if (raw.startsWith("\xef\xbb\xbf"))
        raw = raw.sliced(3);
    // Leading blank lines of a paste.
    qsizetype start = 0;
    while (start < raw.size()) {
        const qsizetype end = lineEnd(raw, start);
        if (end >= raw.size() || !isBlankLine(raw, start, end))
            break;
        start = end + 1;
    }
    raw = raw.sliced(start);
    // mbox separator line.
    if (raw.startsWith("From ")) {
        const qsizetype end = lineEnd(raw, 0);
        raw = raw.sliced(qMin(end + 1, raw.size()));
    }

    // The one copy of the input; every body and single-line header value shares it. A caller's
    // QByteArray is shared rather than copied (writing to it later detaches); raw data that it does
    // not own (fromRawData()) is copied, as is a plain view.
    const QByteArray owner = whole && ownsBuffer(*whole) && !raw.isEmpty() ? share(whole, raw) : raw.toByteArray();
    Context ctx;
    ctx.owner = &owner;
    ctx.parts = 1;

    bool cut = false;
    const qsizetype bodyStart = parseHeaders(owner, &result.root.headers, &result.root.unfolded, &cut);
    // Fields all the way to the end, among them report fields, are a pasted report, not a header.
    const bool pastedReport = bodyStart == owner.size() && hasReportField(result.root.headers);
    if (bodyStart >= 0 && !pastedReport && looksLikeMessageHeader(result.root.headers)) {
        result.hasHeaders = true;
        result.root.source = owner;
        if (!headerOnly)
            parseEntity(owner, &result.root, 0, &ctx, false, bodyStart, cut);
    } else {
        result.root.headers.clear();
        result.root.unfolded.clear();
        result.root.body = owner;
    }
    result.truncated = ctx.truncated;
    result.warning = ctx.warnings.join(QLatin1Char(' '));
    return result;
}

} // namespace

ParseResult parseMessage(QByteArrayView raw)
{
    return parseInput(raw, nullptr);
}

ParseResult parseMessage(const QByteArray &raw)
{
    return parseInput(raw, &raw);
}

ParseResult parseMessageHeader(QByteArrayView raw)
{
    return parseInput(raw, nullptr, true);
}

ParseResult parseMessageHeader(const QByteArray &raw)
{
    return parseInput(raw, &raw, true);
}

// ---------------------------------------------------------------- transfer encodings

QByteArray decodeBase64(QByteArrayView data)
{
    static const auto table = [] {
        std::array<signed char, 256> t {};
        t.fill(-1);
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
        t[static_cast<unsigned char>('=')] = -2;
        for (const char c : { ' ', '\t', '\r', '\n' })
            t[static_cast<unsigned char>(c)] = -3;
        return t;
    }();
    // In a multi-line body a line with characters outside the alphabet is not base64 at all (a
    // boundary of a truncated message, a footer, junk): the whole line is dropped, so that its letters
    // do not shift the rest. In a single line (an encoded word) only the stray characters are skipped.
    const bool multiLine = data.indexOf('\n') >= 0;
    QByteArray out;
    out.resize(data.size() / 4 * 3 + 3);
    char *o = out.data();
    char *lineOut = o;
    unsigned int acc = 0;
    int n = 0;
    unsigned int lineAcc = 0;
    int lineN = 0;
    const char *p = data.data();
    const char *end = p + data.size();
    while (p < end) {
        const char ch = *p++;
        const signed char v = table[static_cast<unsigned char>(ch)];
        if (v >= 0) {
            acc = (acc << 6) | static_cast<unsigned int>(v);
            if (++n == 4) {
                *o++ = static_cast<char>((acc >> 16) & 0xFF);
                *o++ = static_cast<char>((acc >> 8) & 0xFF);
                *o++ = static_cast<char>(acc & 0xFF);
                acc = 0;
                n = 0;
            }
        } else if (v == -2) {
            // '=' ends a quantum; what follows may be another base64 run (concatenated blocks).
            if (n == 2) {
                *o++ = static_cast<char>(acc >> 4);
            } else if (n == 3) {
                *o++ = static_cast<char>(acc >> 10);
                *o++ = static_cast<char>((acc >> 2) & 0xFF);
            }
            acc = 0;
            n = 0;
        } else if (ch == '\n') {
            lineOut = o;
            lineAcc = acc;
            lineN = n;
        } else if (v == -1 && multiLine) {
            o = lineOut;
            acc = lineAcc;
            n = lineN;
            const void *nl = memchr(p, '\n', size_t(end - p));
            p = nl ? static_cast<const char *>(nl) : end;
        }
    }
    // Missing padding.
    if (n == 2) {
        *o++ = static_cast<char>(acc >> 4);
    } else if (n == 3) {
        *o++ = static_cast<char>(acc >> 10);
        *o++ = static_cast<char>((acc >> 2) & 0xFF);
    }
    out.truncate(o - out.constData());
    return out;
}

QByteArray decodeQuotedPrintable(QByteArrayView data, bool headerMode)
{
    QByteArray out(data.size(), Qt::Uninitialized);
    char *o = out.data();
    const char *p = data.data();
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (!headerMode && p[i] != '=') {
            // Copy the literal run up to the next '=' at once: most of a body is plain text.
            qsizetype next = i;
            bool found = false;
#if defined(__SSE2__)
            // Sixteen bytes at a time inline: the runs are short (a line, or a few letters between
            // encoded bytes), so library calls per run cost more than the copying. Each block is
            // stored whole: the output never runs ahead of the input (a byte read gives at most one),
            // so a block ends within the buffer when the block read ends within the input.
            const __m128i equals = _mm_set1_epi8('=');
            for (; size - next >= 16; next += 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + next));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + (next - i)), v);
                if (const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(v, equals))) {
                    next += qCountTrailingZeroBits(static_cast<quint32>(mask));
                    found = true;
                    break;
                }
            }
#endif
            if (!found) {
                const void *eq = memchr(p + next, '=', size_t(size - next));
                const qsizetype stop = eq ? static_cast<const char *>(eq) - p : size;
                memcpy(o + (next - i), p + next, size_t(stop - next));
                next = stop;
            }
            o += next - i;
            i = next;
            if (i >= size)
                break;
        }
        const char c = p[i];
        if (c == '=') {
            int hi;
            int lo;
            if (i + 2 < size && (hi = hexValue(p[i + 1])) >= 0 && (lo = hexValue(p[i + 2])) >= 0) {
                *o++ = static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
            // Soft line break, allowing blanks left behind by a careless gateway.
            qsizetype j = i + 1;
            while (j < size && isWsp(p[j]))
                ++j;
            if (j < size && p[j] == '\r')
                ++j;
            if (j < size && p[j] == '\n') {
                i = j;
                continue;
            }
            if (j >= size)
                break;
            *o++ = c; // a stray '=' stays as it is
        } else if (headerMode && c == '_') {
            *o++ = ' ';
        } else {
            *o++ = c;
        }
    }
    out.truncate(o - out.constData());
    return out;
}

// ---------------------------------------------------------------- RFC 2047

namespace {

constexpr qsizetype MaxEncodedWordText = 8192; // RFC 2047 says 75; senders overshoot a lot

struct EncodedWord
{
    qsizetype end = -1; // index after "?="
    QByteArray charset;
    QByteArray bytes;
};

/** Parses "=?charset?X?text?=" at @p pos; end stays -1 when it is not a well-formed encoded word. */
EncodedWord parseEncodedWord(QByteArrayView v, qsizetype pos)
{
    EncodedWord w;
    // Searches stay within a window so that a long run of "=?" without closings stays linear.
    const qsizetype q1 = v.first(qMin(v.size(), pos + 80)).indexOf('?', pos + 2);
    if (q1 < 0)
        return w;
    if (q1 + 3 >= v.size() || v[q1 + 2] != '?')
        return w;
    const char enc = lowerAscii(v[q1 + 1]);
    if (enc != 'b' && enc != 'q')
        return w;
    const qsizetype textStart = q1 + 3;
    const qsizetype close = v.first(qMin(v.size(), textStart + MaxEncodedWordText)).indexOf("?=", textStart);
    if (close < 0)
        return w;
    const QByteArrayView text = v.sliced(textStart, close - textStart);
    w.charset = v.sliced(pos + 2, q1 - pos - 2).toByteArray();
    w.bytes = enc == 'b' ? decodeBase64(text) : decodeQuotedPrintable(text, true);
    w.end = close + 2;
    return w;
}

} // namespace

/**
 * decodeEncodedWords() of @p value into @p out when it is ASCII without ESC and without '=' (so without
 * an encoded word), as most header values are, else false (@p out untouched). Checked and widened in
 * one pass, where the search for "=?" and decodeText() read it twice. In charset.cpp, with the widening
 * it shares with decodeText().
 */
bool plainHeaderText(QByteArrayView value, QString *out);

QString decodeEncodedWords(QByteArrayView value)
{
    if (QString text; plainHeaderText(value, &text))
        return text;
    qsizetype pos = indexOfEncodedWord(value, 0);
    if (pos < 0)
        return decodeText(value, {});

    QString out;
    qsizetype plainStart = 0;
    QByteArray pendingCharset;
    QByteArray pendingBytes;
    auto flushPending = [&] {
        if (!pendingBytes.isEmpty())
            out += decodeText(pendingBytes, pendingCharset);
        pendingBytes.clear();
        pendingCharset.clear();
    };
    qsizetype lastWordEnd = -1;
    while (pos >= 0) {
        EncodedWord w = parseEncodedWord(value, pos);
        if (w.end < 0) {
            pos = indexOfEncodedWord(value, pos + 2);
            continue;
        }
        QByteArrayView between = value.sliced(plainStart, pos - plainStart);
        const bool onlyBlanks = trimmedView(between).isEmpty();
        if (lastWordEnd >= 0 && onlyBlanks) {
            // Blanks between adjacent encoded words are dropped (RFC 2047 §6.2).
        } else {
            flushPending();
            out += decodeText(between, {});
        }
        // Adjacent words in one charset are joined as bytes first: senders split multi-byte characters
        // (and ISO-2022-JP escape runs) across words.
        if (!pendingBytes.isEmpty() && !equalsIgnoreCase(pendingCharset, w.charset))
            flushPending();
        pendingCharset = w.charset;
        pendingBytes += w.bytes;
        lastWordEnd = w.end;
        plainStart = w.end;
        pos = indexOfEncodedWord(value, w.end);
    }
    flushPending();
    out += decodeText(value.sliced(plainStart), {});
    return out;
}

} // namespace MailDoctor::Mime
