#include "didyoumean.h"

#include <QList>
#include <QStringList>

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

// Characters counted by kind: letters, digits, '.', '-' and the rest.
using Histogram = std::array<int, 39>;

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
    for (size_t i = 0; i < a.size(); ++i)
        diff += std::abs(a[i] - b[i]);
    return (diff + 1) / 2;
}

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

QString suggestAddress(const QString &address)
{
    // Full-width letters, digits and symbols ("ｔａｒｏ＠ｄｏｃｏｍｏ．ｎｅ．ｊｐ") become their ASCII forms.
    bool ascii = true;
    for (QChar c : address)
        ascii = ascii && c.unicode() < 0x80;
    QString a = ascii ? address.trimmed() : address.normalized(QString::NormalizationForm_KC).trimmed();
    a.replace(u'，', u'.');
    a.replace(u'、', u'.');
    a.replace(u'。', u'.');
    const qsizetype at = a.lastIndexOf(u'@');
    if (at <= 0)
        return {};
    QString local = a.left(at);
    QString domain = a.mid(at + 1).toLower();
    domain.replace(u',', u'.');
    while (domain.contains(QLatin1String("..")))
        domain.replace(QLatin1String(".."), QLatin1String("."));
    while (domain.endsWith(u'.'))
        domain.chop(1);

    // Converted once: this runs for every recipient.
    static const QStringList knownDomains = [] {
        QStringList out;
        for (const char *d : wellKnownDomains)
            out.append(QString::fromLatin1(d));
        return out;
    }();
    static const std::vector<Histogram> knownHistograms = [] {
        std::vector<Histogram> out;
        for (const QString &d : knownDomains)
            out.push_back(histogramOf(d));
        return out;
    }();
    const Histogram histogram = histogramOf(domain);
    QString best;
    int bestDistance = 3;
    bool exact = false;
    for (qsizetype k = 0; k < knownDomains.size(); ++k) {
        const QString &known = knownDomains.at(k);
        if (domain == known) {
            exact = true;
            break;
        }
        // Only compare with domains of a similar shape: short domains tolerate one edit, and a
        // near miss keeps either its first letter or its ending.
        const int allowed = known.size() <= 6 ? 1 : 2;
        if (std::abs(int(domain.size()) - int(known.size())) > allowed)
            continue;
        if (!domain.isEmpty() && domain.at(0) != known.at(0) && !domain.endsWith(QStringView(known).right(3)))
            continue;
        if (distanceBound(histogram, knownHistograms[size_t(k)]) > allowed)
            continue;
        const int dist = editDistance(domain, known, allowed);
        if (dist <= allowed && dist < bestDistance) {
            bestDistance = dist;
            best = known;
        }
    }
    if (exact)
        best = domain;
    if (best.isEmpty())
        return {};
    const QString suggestion = local + u'@' + best;
    return suggestion.compare(address, Qt::CaseInsensitive) == 0 ? QString() : suggestion;
}

} // namespace MailDoctor::Analysis
