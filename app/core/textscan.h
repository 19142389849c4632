#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QtAlgorithms>

#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace MailDoctor {

/** @p c with 'A'..'Z' lowered; every other character as it is. */
constexpr char16_t lowerAsciiChar(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
}

/** True when @p text is @p lower (given in lower case), ASCII letters in either case. */
inline bool equalsLowerAscii(QStringView text, std::string_view lower)
{
    if (text.size() != qsizetype(lower.size()))
        return false;
    size_t i = 0;
#if defined(__SSE2__)
    // Eight characters at a time where the first already agrees (most comparisons fail there): 'A'..'Z'
    // moved up by 32 (a unit from 0x8000 on compares as negative: kept), against the phrase's bytes
    // widened to sixteen bits.
    if (lower.size() >= 8 && lowerAsciiChar(text.utf16()[0]) == char16_t(uchar(lower[0]))) {
        const __m128i zero = _mm_setzero_si128();
        for (; i + 8 <= lower.size(); i += 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.utf16() + i));
            const __m128i upper = _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16('A' - 1)), _mm_cmplt_epi16(v, _mm_set1_epi16('Z' + 1)));
            const __m128i lowered = _mm_add_epi16(v, _mm_and_si128(upper, _mm_set1_epi16(32)));
            const __m128i wanted = _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(lower.data() + i)), zero);
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(lowered, wanted)) != 0xffff)
                return false;
        }
    }
#endif
    for (; i < lower.size(); ++i) {
        if (lowerAsciiChar(text.utf16()[i]) != char16_t(uchar(lower[i])))
            return false;
    }
    return true;
}

/** The same for bytes, such as a header field's name. */
inline bool equalsLowerAscii(QByteArrayView bytes, std::string_view lower)
{
    if (bytes.size() != qsizetype(lower.size()))
        return false;
    for (size_t i = 0; i < lower.size(); ++i) {
        if (lowerAsciiChar(char16_t(uchar(bytes[qsizetype(i)]))) != char16_t(uchar(lower[i])))
            return false;
    }
    return true;
}

/// Bytes paddedContains() may read after the text it searches.
constexpr qsizetype PaddedBytes = 16;

/**
 * Whether @p needle occurs in the @p size bytes at @p bytes, which are followed by PaddedBytes more
 * that may be read (of any value). Positions whose first and last bytes both fit are found sixteen at
 * a time and only those compared: cheaper than std::string_view::find() on short header values, which
 * calls out for every position its first byte fits. Inline: the needles are literals.
 */
Q_ALWAYS_INLINE bool paddedContains(const char *bytes, qsizetype size, std::string_view needle)
{
    const size_t n = size_t(size);
    const size_t m = needle.size();
    if (m > n)
        return false;
#if defined(__SSE2__)
    if (m >= 2) {
        const __m128i first = _mm_set1_epi8(needle[0]);
        const __m128i last = _mm_set1_epi8(needle[m - 1]);
        for (size_t i = 0; i <= n - m; i += 16) {
            // The loads end at most at i + m + 14 <= n + 14: inside the padding.
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i + m - 1));
            for (quint32 mask = quint32(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
                 mask; mask &= mask - 1) {
                const size_t at = i + size_t(qCountTrailingZeroBits(mask));
                if (at > n - m)
                    break; // the rest of this step lies past the last start
                if (std::memcmp(bytes + at + 1, needle.data() + 1, m - 2) == 0)
                    return true;
            }
        }
        return false;
    }
#endif
    return std::string_view(bytes, n).find(needle) != std::string_view::npos;
}

/**
 * Writes @p c, a character of the Basic Multilingual Plane that is no surrogate, to @p out as UTF-8;
 * returns how many bytes (one to three) it took.
 */
inline qsizetype putUtf8(char *out, char32_t c)
{
    if (c < 0x80) {
        out[0] = char(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = char(0xc0 | (c >> 6));
        out[1] = char(0x80 | (c & 0x3f));
        return 2;
    }
    out[0] = char(0xe0 | (c >> 12));
    out[1] = char(0x80 | ((c >> 6) & 0x3f));
    out[2] = char(0x80 | (c & 0x3f));
    return 3;
}

#if defined(__SSE2__)
/**
 * Sixteen UTF-16 units from @p d narrowed to bytes: a unit from 0x100 up becomes 0 or 0xff, which
 * the scanners of ASCII letters, digits and marks never look for.
 */
inline __m128i packedSixteen(const char16_t *d)
{
    return _mm_packus_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d)),
                            _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + 8)));
}

/** 0xff in each byte of @p bytes that is 'A'..'Z', 0 in the others (bytes from 0x80 up compare as negative). */
inline __m128i asciiUpperBytes(__m128i bytes)
{
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
}

/** 0xff in each byte of @p bytes from @p first to @p last, 0 in the others. */
inline __m128i bytesInRange(__m128i bytes, char first, char last)
{
    // A byte less @p first is at most last - first exactly for the range (the others wrap around above).
    const __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(first));
    return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(char(last - first))), offset);
}

/** Sixteen ASCII characters (UTF-16, @p low then @p high) narrowed to bytes with 'A'..'Z' lowered. */
inline __m128i lowerAsciiSixteen(__m128i low, __m128i high)
{
    const __m128i b = _mm_packus_epi16(low, high);
    return _mm_add_epi8(b, _mm_and_si128(asciiUpperBytes(b), _mm_set1_epi8(32)));
}

/** Eight ASCII characters (UTF-16) narrowed to bytes with 'A'..'Z' lowered: the result's low eight bytes. */
inline __m128i lowerAsciiEight(__m128i chars)
{
    return lowerAsciiSixteen(chars, chars);
}
#endif

#if defined(__SSE2__)
/**
 * The first position at or after @p from (not negative) in @p text (@p n units) where @p matches
 * (eight UTF-16 units in, a 16-bit mask lane per unit out) says yes, or -1; @p scalar answers for one
 * unit. Sixteen units a step (two masks packed to one bit per unit), then eight; the last few in one
 * step of eight that ends at the text's end and reads again units already passed (their bits are
 * dropped), when the text from @p from on is long enough for it.
 */
template<typename Matches, typename Scalar>
Q_ALWAYS_INLINE qsizetype indexOfMatch(const char16_t *d, qsizetype n, qsizetype from, Matches matches, Scalar scalar)
{
    qsizetype i = from;
    for (; i + 16 <= n; i += 16) {
        const __m128i lo = matches(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i)));
        const __m128i hi = matches(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i + 8)));
        const unsigned mask = unsigned(_mm_movemask_epi8(_mm_packs_epi16(lo, hi)));
        if (mask)
            return i + qsizetype(qCountTrailingZeroBits(mask));
    }
    if (i + 8 <= n) {
        const unsigned mask = unsigned(_mm_movemask_epi8(matches(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i)))));
        if (mask)
            return i + qsizetype(qCountTrailingZeroBits(mask) / 2);
        i += 8;
    }
    if (i >= n)
        return -1;
    if (n - from >= 8) {
        const qsizetype at = n - 8;
        const unsigned mask = unsigned(_mm_movemask_epi8(matches(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d + at)))))
            >> (2 * (i - at));
        return mask ? i + qsizetype(qCountTrailingZeroBits(mask) / 2) : -1;
    }
    for (; i < n; ++i) {
        if (scalar(d[i]))
            return i;
    }
    return -1;
}
#endif

/**
 * Where @p c occurs in @p text at or after @p from (not negative), or -1: what QStringView::indexOf()
 * gives for one character. Inline and sixteen characters at a time: the analyzer asks this on every
 * line, and on short lines Qt's out-of-line search costs more in calling than in scanning.
 */
inline qsizetype indexOfChar(QStringView text, char16_t c, qsizetype from = 0)
{
    const qsizetype n = text.size();
    const char16_t *d = text.utf16();
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi16(short(c));
    return indexOfMatch(
        d, n, from, [wanted](__m128i v) { return _mm_cmpeq_epi16(v, wanted); }, [c](char16_t u) { return u == c; });
#else
    for (qsizetype i = from; i < n; ++i) {
        if (d[i] == c)
            return i;
    }
    return -1;
#endif
}

/** Where @p a or @p b first occurs in @p text at or after @p from, or -1 (as indexOfChar()). */
inline qsizetype indexOfEither(QStringView text, char16_t a, char16_t b, qsizetype from = 0)
{
    const qsizetype n = text.size();
    const char16_t *d = text.utf16();
#if defined(__SSE2__)
    const __m128i wantA = _mm_set1_epi16(short(a));
    const __m128i wantB = _mm_set1_epi16(short(b));
    return indexOfMatch(
        d, n, from,
        [wantA, wantB](__m128i v) { return _mm_or_si128(_mm_cmpeq_epi16(v, wantA), _mm_cmpeq_epi16(v, wantB)); },
        [a, b](char16_t u) { return u == a || u == b; });
#else
    for (qsizetype i = from; i < n; ++i) {
        if (d[i] == a || d[i] == b)
            return i;
    }
    return -1;
#endif
}

/** Whether the UTF-16 unit @p c is white space, as QChar::isSpace() says (inline for ASCII). */
constexpr bool isSpaceChar(char16_t c)
{
    return QChar::isSpace(char32_t(c));
}

/**
 * @p text without white space at either end, as QStringView::trimmed() gives it. Most lines start and
 * end with a printable ASCII character and need no trimming: that is answered inline, and the rest
 * is trimmed inline too (the lines are short: a call into Qt costs more than the trimming).
 */
inline QStringView trimmedView(QStringView text)
{
    if (text.isEmpty())
        return text;
    const char16_t *d = text.utf16();
    qsizetype b = 0;
    qsizetype e = text.size();
    if (d[0] > u' ' && d[0] < 0x80 && d[e - 1] > u' ' && d[e - 1] < 0x80)
        return text;
    while (b < e && isSpaceChar(d[b]))
        ++b;
    while (e > b && isSpaceChar(d[e - 1]))
        --e;
    return text.sliced(b, e - b);
}

/**
 * @p text as QString::simplified() gives it. A header value or a reply is usually simple already
 * (single spaces between words, none at the ends): that is checked in one pass and costs no copy.
 */
inline QString simplifiedText(const QString &text)
{
    bool afterSpace = true; // a space at the start is not simple either
    const char16_t *d = QStringView(text).utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
#if defined(__SSE2__)
    // Eight characters at a time while they are printable ASCII with single spaces between words (two
    // mask bits per character: a space beside a space shows two bits apart).
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        const __m128i low = _mm_cmplt_epi16(v, _mm_set1_epi16(0x21));
        const __m128i high = _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7e));
        const unsigned special = unsigned(_mm_movemask_epi8(_mm_or_si128(low, high)));
        const unsigned blanks = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_set1_epi16(0x20))));
        if (special != blanks || (blanks & (blanks >> 2)) || (afterSpace && (blanks & 1u)))
            break; // the rest character by character
        afterSpace = (blanks & 0x4000u) != 0;
    }
#endif
    for (; i < n; ++i) {
        const QChar c(d[i]);
        const char16_t u = c.unicode();
        if (u == u' ') {
            if (afterSpace)
                return text.simplified();
            afterSpace = true;
        } else if ((u >= u'\t' && u <= u'\r') || (u >= 0x80 && c.isSpace())) {
            return text.simplified();
        } else {
            afterSpace = false;
        }
    }
    return afterSpace && !text.isEmpty() ? text.simplified() : text;
}

} // namespace MailDoctor
