// Charset labels → QString through Qt's QStringDecoder only (ICU behind it knows ISO-2022-JP with
// the NEC extensions, Shift_JIS/CP932 and EUC-JP; iconv does not). Labels in returned mail are often
// missing, misspelt or wrong (ISO-2022-JP text labelled us-ascii, UTF-8 labelled Shift_JIS), so every
// decode can fall back to guessing from the bytes.

#include "mimemessage.h"

#include "textscan.h"

#include <QStringDecoder>
#include <QVarLengthArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace MailDoctor::Mime {

namespace {

bool isAscii(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    // Eight bytes at a time: mail bodies are mostly ASCII.
    for (; end - p >= 8; p += 8) {
        quint64 word;
        memcpy(&word, p, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; p < end; ++p) {
        if (static_cast<unsigned char>(*p) >= 0x80)
            return false;
    }
    return true;
}

/**
 * The length of the strict UTF-8 sequence (no overlong form, no surrogate, nothing above U+10FFFF) that
 * starts with the 8-bit byte at @p p, its code point in @p cp; 0 when there is none before @p end.
 */
inline int utf8Sequence(const unsigned char *p, const unsigned char *end, char32_t *cp)
{
    const unsigned char c = *p;
    int extra;
    char32_t min;
    char32_t value;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        min = 0x80;
        value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        min = 0x800;
        value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        min = 0x10000;
        value = c & 0x07;
    } else {
        return 0;
    }
    if (end - p <= extra)
        return 0;
    for (int k = 1; k <= extra; ++k) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (p[k] & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return extra + 1;
}

/**
 * Decodes strict UTF-8 (what isValidUtf8() accepts) from @p i of @p bytes into @p o; returns
 * the end of the output, or null at an invalid sequence or an ESC (whose text may be ISO-2022-JP).
 */
char16_t *utf8Tail(QByteArrayView bytes, qsizetype i, char16_t *o)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data()) + i;
    const auto *end = reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            if (c == 0x1b)
                return nullptr;
            *o++ = c;
            ++p;
#if defined(__SSE2__)
            // Mail text in UTF-8 is still mostly ASCII: widen it sixteen bytes at a time.
            const __m128i esc = _mm_set1_epi8(0x1b);
            const __m128i zero = _mm_setzero_si128();
            while (end - p >= 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, esc))) != 0)
                    break;
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + 8), _mm_unpackhi_epi8(v, zero));
                p += 16;
                o += 16;
            }
#endif
            continue;
        }
        char32_t cp;
        const int length = utf8Sequence(p, end, &cp);
        if (length == 0)
            return nullptr;
        if (cp >= 0x10000) {
            *o++ = QChar::highSurrogate(cp);
            *o++ = QChar::lowSurrogate(cp);
        } else {
            *o++ = char16_t(cp);
        }
        p += length;
    }
    return o;
}

/**
 * Widens the bytes @p p[0, @p n) to @p o up to the first that is 8-bit, ESC or @p also (0: none), or
 * sixteen bytes before it; returns how many were widened (the caller reads on from there byte by byte).
 */
Q_ALWAYS_INLINE qsizetype widenPlainAscii(const char *p, qsizetype n, char16_t *o, char also)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i esc = _mm_set1_epi8(0x1b);
    const __m128i other = also ? _mm_set1_epi8(also) : esc;
    const __m128i zero = _mm_setzero_si128();
    const auto plain = [&](__m128i v) {
        return _mm_movemask_epi8(_mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, esc), _mm_cmpeq_epi8(v, other))))
            == 0;
    };
    // Thirty-two bytes a round while they last (bodies are long): one test for both halves.
    for (; n - i >= 32; i += 32) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + 16));
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, esc), _mm_cmpeq_epi8(v, other)),
                                             _mm_or_si128(_mm_cmpeq_epi8(w, esc), _mm_cmpeq_epi8(w, other)));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(v, w), special)) != 0)
            break; // the sixteen-byte loop below finds where
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i), _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i + 8), _mm_unpackhi_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i + 16), _mm_unpacklo_epi8(w, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i + 24), _mm_unpackhi_epi8(w, zero));
    }
    for (; n - i >= 16; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        if (!plain(v))
            return i;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i), _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i + 8), _mm_unpackhi_epi8(v, zero));
    }
    // The rest, which most header values end in, as one block that ends with the text (overlapping
    // bytes already widened) rather than byte by byte; a text shorter than a block as two halves.
    if (n >= 16) {
        if (i < n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + n - 16));
            if (plain(v)) {
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + n - 16), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + n - 8), _mm_unpackhi_epi8(v, zero));
                i = n;
            }
        }
    } else if (n >= 8) {
        const __m128i head = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p));
        const __m128i tail = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p + n - 8));
        if (plain(_mm_unpacklo_epi64(head, tail))) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(o), _mm_unpacklo_epi8(head, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(o + n - 8), _mm_unpacklo_epi8(tail, zero));
            i = n;
        }
    }
#else
    Q_UNUSED(p);
    Q_UNUSED(n);
    Q_UNUSED(o);
    Q_UNUSED(also);
#endif
    return i;
}

/**
 * @p bytes decoded into @p out when none is ESC and they are ASCII or strict UTF-8, else false (and
 * @p out is left alone). The text is then what QString::fromLatin1() (ASCII) or fromUtf8() would give,
 * which is what every caller below answers for such bytes. Most text and header values are such bytes:
 * decoding while checking reads them once, where the check for 8-bit bytes, the search for ISO-2022
 * escapes, the UTF-8 check and the conversion read them up to four times.
 */
bool asciiOrUtf8Text(QByteArrayView bytes, QString *out)
{
    const char *p = bytes.data();
    const qsizetype n = bytes.size();
    // UTF-16 never takes more units than UTF-8 takes bytes.
    QString text(n, Qt::Uninitialized);
    auto *o = reinterpret_cast<char16_t *>(text.data());
    qsizetype i = widenPlainAscii(p, n, o, 0);
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c >= 0x80 || c == 0x1b)
            break;
        o[i] = c;
    }
    if (i < n) {
        // QString::fromUtf8() drops a byte order mark that opens the text: leave that case to it.
        if (i == 0 && bytes.startsWith("\xef\xbb\xbf"))
            return false;
        const char16_t *end = utf8Tail(bytes, i, o + i);
        if (!end)
            return false;
        text.truncate(end - o);
    }
    *out = std::move(text);
    return true;
}

/** Strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF. */
bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // Eight ASCII bytes at a time, as in isAscii(): even UTF-8 mail text is mostly ASCII.
        if (end - p >= 8) {
            quint64 word;
            memcpy(&word, p, 8);
            if (!(word & 0x8080808080808080ULL)) {
                p += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        char32_t cp;
        const int length = utf8Sequence(p, end, &cp);
        if (length == 0)
            return false;
        p += length;
    }
    return true;
}

/** True for printable ASCII, tabs and line breaks only: no byte that any ASCII-based charset treats specially. */
bool isPlainAscii(QByteArrayView bytes)
{
    return plainAsciiLength(bytes) == bytes.size();
}

bool hasIso2022Escape(QByteArrayView bytes)
{
    // ESC $ B / ESC $ @ / ESC $ ( D (kanji sets) or ESC ( I (half-width katakana).
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    while (end - p >= 3) {
        const void *hit = memchr(p, 0x1b, size_t(end - p));
        if (!hit)
            return false;
        p = static_cast<const char *>(hit);
        if (end - p < 3)
            return false;
        const char a = p[1];
        const char b = p[2];
        if ((a == '$' && (b == 'B' || b == '@' || b == '(')) || (a == '(' && b == 'I'))
            return true;
        ++p;
    }
    return false;
}

/**
 * Decoders are costly to create (an ICU converter each), so one per charset is kept per thread.
 * Qt's error flag stays set once raised (resetState() does not clear it for ICU), so a decoder that
 * saw an error is replaced.
 */
class DecoderCache
{
public:
    QStringDecoder *get(const QByteArray &name)
    {
        for (auto &entry : m_entries) {
            if (entry.first == name)
                return entry.second.get();
        }
        // Stateless makes an incomplete trailing character an error (a stateful decoder would hold it
        // back silently). Not for ISO-2022: Qt 6.4's ICU path keeps the shift state between stateless
        // calls and then rejects the next text's leading escape; resetState() works there.
        const bool shifting = name.toUpper().startsWith("ISO-2022");
        auto decoder = std::make_unique<QStringDecoder>(
            name.constData(), shifting ? QStringConverter::Flag::Default : QStringConverter::Flag::Stateless);
        QStringDecoder *raw = decoder.get();
        if (m_entries.size() > 64)
            m_entries.clear();
        m_entries.emplace_back(name, std::move(decoder));
        return raw;
    }

    void discard(const QByteArray &name)
    {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->first == name) {
                m_entries.erase(it);
                return;
            }
        }
    }

private:
    std::vector<std::pair<QByteArray, std::unique_ptr<QStringDecoder>>> m_entries;
};

DecoderCache &decoderCache()
{
    thread_local DecoderCache cache;
    return cache;
}

/** Length of the ISO-2022 escape sequence at @p p (ESC ( X, ESC $ X, ESC $ ( X), or 0. */
qsizetype escapeLength(const char *p, const char *end)
{
    if (end - p < 3 || p[0] != '\x1b')
        return 0;
    if (p[1] == '(' || (p[1] == '$' && p[2] != '(' && p[2] != ')'))
        return 3;
    if (p[1] == '$' && end - p >= 4)
        return 4;
    return 0;
}

/**
 * ICU rejects an escape sequence followed directly by another (an "empty segment"), which is what
 * joining adjacent ISO-2022-JP encoded words or sloppy encoders produce; the first one is dropped.
 */
QByteArray withoutEmptySegments(QByteArrayView bytes)
{
    QByteArray out;
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    const char *copied = p;
    while (p < end) {
        const void *hit = memchr(p, 0x1b, size_t(end - p));
        if (!hit)
            break;
        p = static_cast<const char *>(hit);
        const qsizetype len = escapeLength(p, end);
        if (len > 0 && p + len < end && p[len] == '\x1b' && escapeLength(p + len, end) > 0) {
            out.append(copied, p - copied);
            p += len;
            copied = p;
            continue;
        }
        ++p;
    }
    if (copied == bytes.data())
        return bytes.toByteArray();
    out.append(copied, end - copied);
    return out;
}

/**
 * Decodes ISO-2022-JP @p bytes (without empty segments) run by run into @p out: ICU's converter costs
 * some twenty instructions a byte, and such text is mostly ASCII around a few escaped Japanese runs.
 * ASCII runs (before the first escape and after each ESC ( B) are widened here. Every other run goes
 * to @p decoder together with the ESC ( B that ends it, so ICU sees the same bytes from the same
 * (ASCII) state as in one call over the whole text. False, with @p out untouched, when an ASCII run
 * holds a control or 8-bit byte or ICU reports an error: the caller then decodes the whole text.
 */
bool decodeIso2022JpRuns(QByteArrayView bytes, QStringDecoder *decoder, QString *out)
{
    QString text;
    text.reserve(bytes.size());
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    const auto isAsciiDesignation = [end](const char *esc) {
        return end - esc >= 3 && esc[1] == '(' && esc[2] == 'B';
    };
    while (p < end) {
        const char *run = p;
        p += plainAsciiLength(QByteArrayView(p, end - p));
        if (p < end && *p != '\x1b')
            return false;
        text.append(QLatin1String(run, p - run));
        if (p == end)
            break;
        if (isAsciiDesignation(p)) {
            p += 3;
            continue;
        }
        const char *runEnd = p + 1;
        while (runEnd < end) {
            const void *esc = memchr(runEnd, 0x1b, size_t(end - runEnd));
            if (!esc) {
                runEnd = end;
                break;
            }
            runEnd = static_cast<const char *>(esc);
            if (isAsciiDesignation(runEnd)) {
                runEnd += 3;
                break;
            }
            ++runEnd;
        }
        decoder->resetState();
        text += decoder->decode(QByteArrayView(p, runEnd - p));
        if (decoder->hasError())
            return false;
        p = runEnd;
    }
    *out = std::move(text);
    return true;
}

/**
 * The charset name @p name is @p literal (or starts with it): sizes first, and inline, where QByteArray's
 * comparisons with a C string measure it and call out to compare. Every decode asks several of these.
 */
template<std::size_t N> inline bool isName(const QByteArray &name, const char (&literal)[N])
{
    return name.size() == qsizetype(N - 1) && std::memcmp(name.constData(), literal, N - 1) == 0;
}

template<std::size_t N> inline bool hasNamePrefix(const QByteArray &name, const char (&literal)[N])
{
    return name.size() >= qsizetype(N - 1) && std::memcmp(name.constData(), literal, N - 1) == 0;
}

/** Decodes with a (valid) Qt charset name; @p ok is false when the bytes were not valid in it. */
QString decodeWith(QByteArrayView bytes, const QByteArray &name, bool *ok)
{
    if (isName(name, "UTF-8")) {
        const bool valid = isValidUtf8(bytes);
        if (ok)
            *ok = valid;
        return QString::fromUtf8(bytes);
    }
    if (isName(name, "ISO-8859-1")) {
        if (ok)
            *ok = true;
        return QString::fromLatin1(bytes);
    }
    QStringDecoder *decoder = decoderCache().get(name);
    if (!decoder->isValid()) {
        if (ok)
            *ok = false;
        return QString::fromLatin1(bytes);
    }
    decoder->resetState();
    QString text;
    if (hasNamePrefix(name, "ISO-2022-JP")) {
        const QByteArray cleaned = withoutEmptySegments(bytes);
        if (isName(name, "ISO-2022-JP")) {
            if (decodeIso2022JpRuns(cleaned, decoder, &text)) {
                if (ok)
                    *ok = true;
                return text;
            }
            if (decoder->hasError()) {
                decoderCache().discard(name); // its error flag would stick
                decoder = decoderCache().get(name);
            }
            decoder->resetState();
        }
        text = decoder->decode(cleaned);
    } else {
        text = decoder->decode(bytes);
    }
    const bool error = decoder->hasError();
    if (error)
        decoderCache().discard(name);
    if (ok)
        *ok = !error;
    return text;
}

/** Guesses the charset of unlabelled bytes: ISO-2022-JP, UTF-8, CP932 or EUC-JP, else Latin-1. */
QString guessAndDecode(QByteArrayView bytes, bool *ok = nullptr)
{
    if (ok)
        *ok = true;
    const bool ascii = isAscii(bytes);
    if (hasIso2022Escape(bytes)) {
        bool valid = false;
        QString text = decodeWith(bytes, QByteArrayLiteral("ISO-2022-JP"), &valid);
        if (valid || ascii)
            return text;
    }
    if (ascii)
        return QString::fromLatin1(bytes);
    if (isValidUtf8(bytes))
        return QString::fromUtf8(bytes);

    // EUC-JP uses only 0xA1-0xFE (plus 0x8E/0x8F single shifts); Shift_JIS lead bytes sit mostly in
    // 0x81-0x9F. Try the likelier one first, keep whichever decodes without error.
    bool eucLikely = true;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c < 0xA1 && c != 0x8E && c != 0x8F) {
            eucLikely = false;
            break;
        }
    }
    const QByteArray first = eucLikely ? QByteArrayLiteral("EUC-JP") : QByteArrayLiteral("Shift_JIS");
    const QByteArray second = eucLikely ? QByteArrayLiteral("Shift_JIS") : QByteArrayLiteral("EUC-JP");
    bool valid = false;
    QString text = decodeWith(bytes, first, &valid);
    if (valid)
        return text;
    text = decodeWith(bytes, second, &valid);
    if (valid)
        return text;
    if (ok)
        *ok = false;
    return QString::fromLatin1(bytes);
}

bool isSingleByteLatin(const QByteArray &name)
{
    return isName(name, "ISO-8859-1") || isName(name, "US-ASCII") || hasNamePrefix(name, "windows-125")
        || hasNamePrefix(name, "ISO-8859-");
}

} // namespace

qsizetype plainAsciiLength(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time. As signed bytes, those below ' ' are the controls and the 8-bit bytes
    // (negative); of those only tabs and line breaks are plain, and DEL is not.
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i del = _mm_set1_epi8(127);
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; n - i >= 16; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, tab),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        const __m128i other
            = _mm_or_si128(_mm_andnot_si128(blank, _mm_cmpgt_epi8(space, v)), _mm_cmpeq_epi8(v, del));
        if (const int mask = _mm_movemask_epi8(other))
            return i + qCountTrailingZeroBits(static_cast<quint32>(mask));
    }
#endif
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if ((c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r')
            break;
    }
    return i;
}

QByteArray normalizeCharset(QByteArrayView label)
{
    label = label.trimmed();
    if (label.size() >= 2 && (label.startsWith('"') || label.startsWith('\'')))
        label = label.sliced(1, label.size() - 2).trimmed();
    // RFC 2231 allows a language after '*' in an encoded word's charset.
    if (const qsizetype star = label.indexOf('*'); star >= 0)
        label.truncate(star);
    if (label.isEmpty())
        return {};
    // Lower-cased on the stack and compared as views: this runs for every labelled part and encoded
    // word, and nearly every label is one of the names below.
    QVarLengthArray<char, 32> lowered(label.size());
    for (qsizetype i = 0; i < label.size(); ++i) {
        const char c = label[i];
        lowered[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    const QByteArrayView l(lowered.constData(), lowered.size());
    const auto isAnyOf = [l](std::initializer_list<QByteArrayView> names) {
        return std::find(names.begin(), names.end(), l) != names.end();
    };

    if (isAnyOf({ "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "utf_8" }))
        return QByteArrayLiteral("UTF-8");
    if (isAnyOf({ "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us" }))
        return QByteArrayLiteral("US-ASCII");
    if (isAnyOf({ "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1" }))
        return QByteArrayLiteral("ISO-8859-1");
    // ICU's Shift_JIS (ibm-943) already carries the CP932 (NEC / IBM) extensions.
    if (isAnyOf({ "shift_jis", "shift-jis", "x-sjis", "sjis", "ms932", "cp932", "windows-31j", "x-ms-cp932",
                  "ms_kanji", "csshiftjis", "windows-932", "shift_jisx0213", "shift_jis-2004", "x-mac-japanese",
                  "sjis-open", "sjis-win", "cswindows31j" }))
        return QByteArrayLiteral("Shift_JIS");
    // ICU's ISO-2022-JP decodes the NEC row 13 characters; JIS X 0213 (-3) has no ICU converter, the
    // plain decoder reads its JIS X 0208 subset.
    if (isAnyOf({ "iso-2022-jp", "csiso2022jp", "iso-2022-jp-3", "iso-2022-jp-2004", "iso-2022-jp-ms", "cp50220",
                  "cp50221", "cp50222", "jis", "iso2022jp", "x-iso-2022-jp" }))
        return QByteArrayLiteral("ISO-2022-JP");
    if (l == "iso-2022-jp-1")
        return QByteArrayLiteral("ISO-2022-JP-1");
    if (isAnyOf({ "iso-2022-jp-2", "csiso2022jp2" }))
        return QByteArrayLiteral("ISO-2022-JP-2");
    if (isAnyOf({ "euc-jp", "eucjp", "x-euc-jp", "euc_jp", "eucjp-ms", "euc-jp-ms", "cseucpkdfmtjapanese", "ujis",
                  "eucjp-win", "x-euc" }))
        return QByteArrayLiteral("EUC-JP");
    if (isAnyOf({ "unknown-8bit", "x-unknown", "unknown", "8bit", "default", "x-user-defined", "none", "charset",
                  "us-ascii\\" }))
        return {};

    const QByteArray name = l.toByteArray();
    QStringDecoder *decoder = decoderCache().get(name);
    if (decoder->isValid())
        return name;
    return {};
}

bool plainHeaderText(QByteArrayView value, QString *out)
{
    const char *p = value.data();
    const qsizetype n = value.size();
    if (n == 0) {
        *out = QString(); // null, as decodeText() gives for no bytes
        return true;
    }
    QString text(n, Qt::Uninitialized);
    auto *o = reinterpret_cast<char16_t *>(text.data());
    for (qsizetype i = widenPlainAscii(p, n, o, '='); i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c >= 0x80 || c == 0x1b || c == '=')
            return false;
        o[i] = c;
    }
    *out = std::move(text);
    return true;
}

QString decodeText(QByteArrayView bytes, QByteArrayView charset)
{
    if (bytes.isEmpty())
        return {};
    if (charset.isEmpty()) {
        // Unlabelled, as every header value is: ASCII or UTF-8 as below, or guessing.
        QString text;
        if (asciiOrUtf8Text(bytes, &text))
            return text;
        return guessAndDecode(bytes);
    }
    // The labels nearly every part carries, as written, before normalizeCharset()'s general reading.
    const QByteArray name = equalsLowerAscii(charset, "utf-8") ? QByteArrayLiteral("UTF-8")
        : equalsLowerAscii(charset, "us-ascii")                ? QByteArrayLiteral("US-ASCII")
        : equalsLowerAscii(charset, "iso-2022-jp")             ? QByteArrayLiteral("ISO-2022-JP")
                                                               : normalizeCharset(charset);
    const bool latin = isSingleByteLatin(name);
    // ASCII without ESC: no guessing reads it otherwise, nor any of these labels (Latin-1 and UTF-8
    // agree on ASCII). Other labels may not be ASCII-based or give control bytes a meaning. Strict
    // UTF-8 without ESC: guessing reads it as UTF-8 (it has no JIS escape), a Latin label defers to the
    // guess for text that is valid UTF-8, and so does a UTF-8 label.
    if (name.isEmpty() || latin || isName(name, "UTF-8")) {
        QString text;
        if (asciiOrUtf8Text(bytes, &text))
            return text;
    }
    if (name.isEmpty() || isName(name, "US-ASCII"))
        return guessAndDecode(bytes);

    if (latin) {
        // A Latin label never fails, so check the usual mislabels first: JIS escapes and UTF-8.
        if (isAscii(bytes))
            return hasIso2022Escape(bytes) ? guessAndDecode(bytes) : QString::fromLatin1(bytes);
        if (hasIso2022Escape(bytes) || isValidUtf8(bytes))
            return guessAndDecode(bytes);
        bool ok = false;
        return decodeWith(bytes, name, &ok);
    }
    if (hasNamePrefix(name, "ISO-2022-JP") && !isAscii(bytes) && !hasIso2022Escape(bytes))
        return guessAndDecode(bytes); // 8-bit text under a 7-bit label: Shift_JIS or UTF-8 really
    if (!hasNamePrefix(name, "ISO-2022") && hasIso2022Escape(bytes) && isAscii(bytes))
        return guessAndDecode(bytes); // JIS escapes mean ISO-2022-JP whatever the label says
    // ISO-2022-JP before its first escape and every ISO 8859 part read plain ASCII as Latin-1 does; an
    // ICU decode (and the copy it needs for ISO-2022-JP) costs several times as much. Other labels
    // may not be ASCII-based (UTF-7, UTF-16, EBCDIC), so they still go through ICU.
    if ((hasNamePrefix(name, "ISO-2022-JP") || hasNamePrefix(name, "iso-8859-")) && isPlainAscii(bytes))
        return QString::fromLatin1(bytes);

    bool ok = false;
    QString text = decodeWith(bytes, name, &ok);
    if (ok)
        return text;
    bool guessedOk = false;
    QString guessed = guessAndDecode(bytes, &guessedOk);
    return guessedOk ? guessed : text;
}

} // namespace MailDoctor::Mime
