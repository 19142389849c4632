#pragma once

#include "textscan.h"

#include <QByteArray>
#include <QVarLengthArray>
#include <QtAlgorithms>
#include <QString>
#include <QStringView>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstring>
#include <string_view>

namespace MailDoctor::Analysis {

/**
 * A text prepared for many case-insensitive phrase searches: lower-cased once into UTF-8 (ASCII
 * phrases cannot match inside a multi-byte character). Phrases must be given in lower case.
 *
 * Searches look for the phrase's first and last bytes thirty-two positions at a time. (An index of
 * the byte pairs a text holds, to reject absent phrases without a search, no longer paid for its
 * building once searches went this fast: no text is asked about enough phrases.)
 */
class TextSearch
{
public:
    explicit TextSearch(QStringView text) : m_bytes(text.size() + Padding)
    {
        // ASCII text (most replies) is lowered byte by byte; anything else goes through Unicode rules.
        const qsizetype ascii = lowerAscii(text.utf16(), m_bytes.data(), text.size());
        if (ascii < text.size()) {
            lowerUnicode(text, ascii);
        } else {
            m_size = text.size();
            std::memset(m_bytes.data() + m_size, 0, Padding);
        }
    }

    /** True when the lower-case @p phrase occurs in the text. */
    Q_ALWAYS_INLINE bool contains(std::string_view phrase) const { return indexOf(phrase) >= 0; }

    /** Byte offset of @p phrase at or after @p from, or -1. */
    Q_ALWAYS_INLINE qsizetype indexOf(std::string_view phrase, qsizetype from = 0) const
    {
        if (phrase.empty())
            return from;
        if (from >= m_size)
            return -1;
        return find(phrase, size_t(from));
    }

    /** The lower-cased UTF-8 text. */
    std::string_view view() const { return std::string_view(m_bytes.constData(), size_t(m_size)); }

private:
    // Lowers the rest of the text from @p from on (the ASCII before it is already in m_bytes) and
    // encodes it as UTF-8: what text.toString().toLower().toUtf8() gives, without three copies.
    // Per character QChar::toLower() equals QString::toLower() in the Basic Multilingual Plane except
    // for U+0130, whose lower case is two characters; that and surrogates take the general path.
    // m_bytes grows and shrinks in place (a buffer built aside and moved over it would leak its heap
    // buffer: Qt 6.4's QVarLengthArray move assignment).
    void lowerUnicode(QStringView text, qsizetype from)
    {
        const char16_t *in = text.utf16();
        const qsizetype n = text.size();
        m_bytes.resize(from + (n - from) * 3 + Padding); // at most three bytes per character
        char *o = m_bytes.data();
        qsizetype w = from;
        for (qsizetype i = from; i < n;) {
            const char16_t c = in[i];
            if (c < 0x80) { // a run of ASCII, eight at a time where it is long enough
                const qsizetype run = lowerAscii(in + i, o + w, n - i);
                i += run;
                w += run;
                continue;
            }
            ++i;
            if (c >= CaselessFrom && c <= CaselessTo) { // Japanese and Chinese text: no case to lower
                w += putUtf8(o + w, c);
                continue;
            }
            const char32_t l = (c >= 0xd800 && c <= 0xdfff) || c == 0x130 ? 0 : QChar::toLower(char32_t(c));
            if (l == 0 || l > 0xffff || (l >= 0xd800 && l <= 0xdfff)) {
                const QByteArray general = text.toString().toLower().toUtf8();
                m_size = general.size();
                m_bytes.resize(m_size + Padding);
                std::memcpy(m_bytes.data(), general.constData(), size_t(m_size));
                std::memset(m_bytes.data() + m_size, 0, Padding);
                return;
            }
            w += putUtf8(o + w, l);
        }
        std::memset(o + w, 0, Padding);
        m_bytes.resize(w + Padding);
        m_size = w;
    }

    // Where @p needle occurs at or after @p from, or -1. Positions whose first and last bytes both fit
    // are found thirty-two at a time, and only those are compared. The zero bytes after the text make
    // every load up to its last possible start safe, with no tail to search byte by byte: a start too
    // late for the needle meets a zero where the needle's last byte should be. Always inlined: the
    // phrases are literals, and with their bytes and length known the search is cheaper than a call.
    Q_ALWAYS_INLINE qsizetype find(std::string_view needle, size_t from) const
    {
        const size_t n = size_t(m_size);
        const size_t m = needle.size();
        if (m > n || from > n - m)
            return -1;
#if defined(__SSE2__)
        static_assert(Padding >= 32);
        if (m >= 2 && needle[m - 1] != '\0') {
            const __m128i first = _mm_set1_epi8(needle[0]);
            const __m128i last = _mm_set1_epi8(needle[m - 1]);
            const char *d = m_bytes.constData();
            for (size_t i = from; i <= n - m; i += 32) {
                const __m128i hit0 = _mm_and_si128(_mm_cmpeq_epi8(load(d + i), first), _mm_cmpeq_epi8(load(d + i + m - 1), last));
                const __m128i hit1 = _mm_and_si128(_mm_cmpeq_epi8(load(d + i + 16), first),
                                                   _mm_cmpeq_epi8(load(d + i + m + 15), last));
                for (quint32 mask = quint32(_mm_movemask_epi8(hit0)) | (quint32(_mm_movemask_epi8(hit1)) << 16); mask;
                     mask &= mask - 1) {
                    const size_t at = i + size_t(qCountTrailingZeroBits(mask));
                    if (std::memcmp(d + at + 1, needle.data() + 1, m - 2) == 0)
                        return qsizetype(at);
                }
            }
            return -1;
        }
#endif
        const size_t at = view().find(needle, from);
        return at == std::string_view::npos ? -1 : qsizetype(at);
    }

#if defined(__SSE2__)
    static __m128i load(const char *p) { return _mm_loadu_si128(reinterpret_cast<const __m128i *>(p)); }
#endif

    // Lowers ASCII characters into @p out until the first that is not ASCII; returns where it stopped.
    static qsizetype lowerAscii(const char16_t *in, char *out, qsizetype n)
    {
        qsizetype i = 0;
#if defined(__SSE2__)
        // Sixteen characters at a time, then eight: all below 0x80, narrowed to bytes, 'A'..'Z' moved
        // up by 32.
        const __m128i notAscii = _mm_set1_epi16(short(0xff80));
        const __m128i zero = _mm_setzero_si128();
        for (; i + 16 <= n; i += 16) {
            const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
            const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i + 8));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(low, high), notAscii), zero)) != 0xffff)
                break; // the eight-character steps find where
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), lowerAsciiSixteen(low, high));
        }
        for (; i + 8 <= n; i += 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, notAscii), zero)) != 0xffff)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i *>(out + i), lowerAsciiEight(v));
        }
#endif
        for (; i < n; ++i) {
            const char16_t c = in[i];
            if (c >= 0x80)
                break;
            out[i] = char(lowerAsciiChar(c));
        }
        return i;
    }

public:
    /// CJK punctuation, kana and the unified ideographs: characters with no lower case, which
    /// lowerUnicode() copies without asking Qt (tst_textsearch checks the whole range).
    static constexpr char16_t CaselessFrom = 0x3000;
    static constexpr char16_t CaselessTo = 0x9fff;

private:
    static constexpr qsizetype Padding = 32; ///< zero bytes kept after the text, for find()'s loads

    // A diagnostic (most texts prepared) fits inline: no allocation of its own.
    QVarLengthArray<char, 480> m_bytes; ///< the lowered text, then Padding zero bytes
    qsizetype m_size = 0; ///< the lowered text's length
};

/**
 * Where the ASCII @p phrase occurs in @p text at or after @p from (case-sensitive), or -1. Looks for
 * the first character (a fast search) and compares the rest: cheaper than a substring search.
 */
inline qsizetype indexOfAscii(QStringView text, std::string_view phrase, qsizetype from = 0)
{
    const qsizetype m = qsizetype(phrase.size());
    if (m == 0)
        return from <= text.size() ? from : -1;
    while (from + m <= text.size()) {
        const qsizetype at = indexOfChar(text, char16_t(uchar(phrase[0])), from);
        if (at < 0 || at + m > text.size())
            return -1;
        qsizetype k = 1;
        while (k < m && text[at + k] == QLatin1Char(phrase[size_t(k)]))
            ++k;
        if (k == m)
            return at;
        from = at + 1;
    }
    return -1;
}

/**
 * Whether the ASCII @p phrase occurs in @p text (case-sensitive), found by its character at
 * @p anchor: a character rarer than the phrase's first (a '.' in a domain) is found less often in
 * vain.
 */
inline bool containsAsciiAnchored(QStringView text, std::string_view phrase, size_t anchor)
{
    const qsizetype m = qsizetype(phrase.size());
    const qsizetype a = qsizetype(anchor);
    if (a >= m)
        return indexOfAscii(text, phrase) >= 0;
    const char16_t *d = text.utf16();
    for (qsizetype from = a;;) {
        const qsizetype at = indexOfChar(text, char16_t(uchar(phrase[anchor])), from);
        if (at < 0 || at - a + m > text.size())
            return false;
        qsizetype k = 0;
        while (k < m && d[at - a + k] == char16_t(uchar(phrase[size_t(k)])))
            ++k;
        if (k == m)
            return true;
        from = at + 1;
    }
}

/** Case-insensitive test for an ASCII phrase given in lower case, without converting the text. */
inline qsizetype indexOfAsciiCi(QStringView text, std::string_view lowerPhrase, qsizetype from = 0)
{
    const qsizetype n = text.size();
    const qsizetype m = qsizetype(lowerPhrase.size());
    if (m == 0)
        return from;
    const char16_t *d = text.utf16();
    const char16_t first = char16_t(lowerPhrase[0]);
    const char16_t firstUpper = first >= u'a' && first <= u'z' ? char16_t(first - 32) : first;
    auto restMatches = [&](qsizetype i) {
        for (qsizetype k = 1; k < m; ++k) {
            if (lowerAsciiChar(d[i + k]) != char16_t(uchar(lowerPhrase[size_t(k)])))
                return false;
        }
        return true;
    };
    qsizetype i = from;
#if defined(__SSE2__)
    // The first character in either case, eight positions at a time: a letter with the case bit set
    // is the lower-case letter, and only letters differ by that bit alone.
    const __m128i fold = _mm_set1_epi16(short(first == firstUpper ? 0 : 0x20));
    const __m128i wanted = _mm_set1_epi16(short(first));
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i)), fold);
        for (unsigned mask = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi16(v, wanted))) & 0x5555u; mask; mask &= mask - 1) {
            const qsizetype at = i + qsizetype(qCountTrailingZeroBits(mask) / 2);
            if (at + m > n)
                return -1;
            if (restMatches(at))
                return at;
        }
    }
#endif
    for (; i + m <= n; ++i) {
        if ((d[i] == first || d[i] == firstUpper) && restMatches(i))
            return i;
    }
    return -1;
}

inline bool containsAsciiCi(QStringView text, std::string_view lowerPhrase)
{
    return indexOfAsciiCi(text, lowerPhrase) >= 0;
}

/** True when @p text at @p at reads @p lowerPhrase, ASCII letters in either case. */
inline bool matchesAsciiCiAt(QStringView text, qsizetype at, std::string_view lowerPhrase)
{
    if (at < 0 || at + qsizetype(lowerPhrase.size()) > text.size())
        return false;
    return equalsLowerAscii(text.sliced(at, qsizetype(lowerPhrase.size())), lowerPhrase);
}

inline bool startsWithAsciiCi(QStringView text, std::string_view lowerPhrase)
{
    return matchesAsciiCiAt(text, 0, lowerPhrase);
}

inline bool endsWithAsciiCi(QStringView text, std::string_view lowerPhrase)
{
    return matchesAsciiCiAt(text, text.size() - qsizetype(lowerPhrase.size()), lowerPhrase);
}

} // namespace MailDoctor::Analysis
