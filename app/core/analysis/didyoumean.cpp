#include "didyoumean.h"

#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace MailDoctor::Analysis {

namespace {

// Domains that Japanese users write to most often; a near miss of one of them is almost always a typo.
const char *const wellKnownDomains[] = {
    "gmail.com",      "googlemail.com", "docomo.ne.jp", "ezweb.ne.jp",  "au.com",       "softbank.ne.jp",
    "i.softbank.jp",  "yahoo.co.jp",    "ymail.ne.jp",  "outlook.jp",   "outlook.com",  "hotmail.com",
    "hotmail.co.jp",  "live.jp",        "icloud.com",   "me.com",       "mac.com",      "yahoo.com",
    "nifty.com",      "biglobe.ne.jp",  "ocn.ne.jp",    "so-net.ne.jp", "plala.or.jp",  "disney.ne.jp",
    "willcom.com",    "uqmobile.jp",    "rakuten.jp",   "aol.com",      "msn.com",      "zoho.com",
    // Real domains close to the ones above: never "correct" them.
    "ymail.com",      "mail.com",       "gmx.com",      "gmx.de",       "live.com",     "yahoo.co.uk",
    "mail.ru",        "qq.com",         "web.de",       "aol.jp",       "me.jp",        "au.net",
};

// Characters counted by kind: letters, digits, '.', '-' and the rest, in bytes (the domains
// compared are at most two characters longer than a well-known one), 48 of them for SSE2's sum of
// absolute differences (the last nine stay zero).
using Histogram = std::array<uint8_t, 48>;

Histogram histogramOf(QStringView s)
{
    Histogram h{};
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            ++h[size_t(u - u'a')];
        else if (u >= u'0' && u <= u'9')
            ++h[size_t(26 + u - u'0')];
        else if (u == u'.')
            ++h[36];
        else if (u == u'-')
            ++h[37];
        else
            ++h[38];
    }
    return h;
}

// A lower bound of the edit distance: an insertion or deletion changes the counts by one, a
// substitution by two at most, a transposition not at all.
int distanceBound(const Histogram &a, const Histogram &b)
{
    int diff = 0;
#if defined(__SSE2__)
    for (size_t i = 0; i < a.size(); i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(a.data() + i));
        const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i *>(b.data() + i));
        const __m128i sad = _mm_sad_epu8(x, y); // two sums, in the low and the high half
        diff += _mm_cvtsi128_si32(sad) + _mm_cvtsi128_si32(_mm_srli_si128(sad, 8));
    }
#else
    for (size_t i = 0; i < a.size(); ++i)
        diff += std::abs(int(a[i]) - int(b[i]));
#endif
    return (diff + 1) / 2;
}

// domain.endsWith(known.right(3)), inline: it runs for most pairs of a domain and a well-known one.
bool sameEnding(QStringView domain, QStringView known)
{
    const qsizetype n = domain.size();
    const qsizetype m = known.size();
    return n >= 3 && domain[n - 1] == known[m - 1] && domain[n - 2] == known[m - 2] && domain[n - 3] == known[m - 3];
}

// The well-known domains in the forms the search needs, worked out once.
struct KnownDomains
{
    QStringList names;
    std::vector<Histogram> histograms;
    /// Per domain length: the domains whose length is close enough (see allowedEdits()), in order.
    std::vector<std::vector<int>> byLength;

    // Short domains tolerate one edit, longer ones two.
    static int allowedEdits(const QString &known) { return known.size() <= 6 ? 1 : 2; }

    KnownDomains()
    {
        for (const char *d : wellKnownDomains) {
            names.append(QString::fromLatin1(d));
            histograms.push_back(histogramOf(names.constLast()));
        }
        qsizetype longest = 0;
        for (const QString &n : std::as_const(names))
            longest = std::max(longest, n.size());
        byLength.resize(size_t(longest + 3));
        for (size_t length = 0; length < byLength.size(); ++length) {
            for (qsizetype k = 0; k < names.size(); ++k) {
                if (std::abs(int(length) - int(names.at(k).size())) <= allowedEdits(names.at(k)))
                    byLength[length].push_back(int(k));
            }
        }
    }
};

} // namespace

int editDistance(QStringView a, QStringView b, int cap)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(int(n - m)) > cap)
        return cap + 1;
    // Domains are short: three rows on the stack, no allocation.
    if (m >= 127)
        return cap + 1;
    int rows[3][128];
    int *prev2 = rows[0];
    int *prev = rows[1];
    int *cur = rows[2];
    for (qsizetype j = 0; j <= m; ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int v = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                v = std::min(v, prev2[size_t(j - 2)] + 1);
            cur[size_t(j)] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > cap)
            return cap + 1;
        int *oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    return prev[size_t(m)];
}

namespace {

// The domain of @p a (after its last '@' at @p at) as suggestAddress() compares it: lower case, ','
// read as '.', runs of dots as one, no dot at the end. An ASCII domain is written into @p buffer
// without building strings; false for one that is not ASCII (QString's case rules then apply).
bool normalizedAsciiDomain(QStringView a, qsizetype at, QVarLengthArray<char16_t, 64> *buffer)
{
    buffer->clear();
    for (qsizetype i = at + 1; i < a.size(); ++i) {
        char16_t c = a[i].unicode();
        if (c >= 0x80)
            return false;
        if (c >= u'A' && c <= u'Z')
            c = char16_t(c + 32);
        else if (c == u',')
            c = u'.';
        if (c == u'.' && !buffer->isEmpty() && buffer->last() == u'.')
            continue;
        buffer->append(c);
    }
    while (!buffer->isEmpty() && buffer->last() == u'.')
        buffer->removeLast();
    return true;
}

} // namespace

QString suggestAddress(const QString &address)
{
    // Full-width letters, digits and symbols ("ｔａｒｏ＠ｄｏｃｏｍｏ．ｎｅ．ｊｐ") become their ASCII forms.
    bool ascii = true;
    for (QChar c : address)
        ascii = ascii && c.unicode() < 0x80;
    QString a = ascii ? address.trimmed() : address.normalized(QString::NormalizationForm_KC).trimmed();
    if (!ascii) { // the Japanese commas and full stops are not ASCII
        a.replace(u'，', u'.');
        a.replace(u'、', u'.');
        a.replace(u'。', u'.');
    }
    const qsizetype at = a.lastIndexOf(u'@');
    if (at <= 0)
        return {};
    const QStringView local = QStringView(a).left(at);
    // Most domains are ASCII: normalized in place, without a string per step.
    QVarLengthArray<char16_t, 64> buffer;
    QString general;
    QStringView domain;
    if (normalizedAsciiDomain(a, at, &buffer)) {
        domain = QStringView(buffer.constData(), buffer.size());
    } else {
        general = a.mid(at + 1).toLower();
        general.replace(u',', u'.');
        while (general.contains(QLatin1String("..")))
            general.replace(QLatin1String(".."), QLatin1String("."));
        while (general.endsWith(u'.'))
            general.chop(1);
        domain = general;
    }

    // Converted once: this runs for every recipient.
    static const KnownDomains known;
    QStringView best;
    // Only compare with domains of a similar shape: about as long, and a near miss keeps either its
    // first letter or its ending.
    if (size_t(domain.size()) < known.byLength.size()) {
        const Histogram histogram = histogramOf(domain);
        int bestDistance = 3;
        for (const int k : known.byLength[size_t(domain.size())]) {
            const QString &name = known.names.at(k);
            if (domain == name) {
                best = domain;
                break;
            }
            if (!domain.isEmpty() && domain.at(0) != name.at(0) && !sameEnding(domain, name))
                continue;
            const int allowed = KnownDomains::allowedEdits(name);
            if (distanceBound(histogram, known.histograms[size_t(k)]) > allowed)
                continue;
            const int dist = editDistance(domain, name, allowed);
            if (dist <= allowed && dist < bestDistance) {
                bestDistance = dist;
                best = name;
            }
        }
    }
    if (best.isEmpty())
        return {};
    // local + '@' + best, unless that is the address itself in another case (compared piece by
    // piece: most addresses are already right, and need no string).
    const qsizetype n = local.size();
    if (address.size() == n + 1 + best.size() && address.at(n) == u'@'
        && QStringView(address).first(n).compare(local, Qt::CaseInsensitive) == 0
        && QStringView(address).sliced(n + 1).compare(best, Qt::CaseInsensitive) == 0)
        return {};
    return local + u'@' + best;
}

} // namespace MailDoctor::Analysis
