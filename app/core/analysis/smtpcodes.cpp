#include "smtpcodes.h"

#include "textsearch.h"

#include <QHash>
#include <QVarLengthArray>
#include <QtAlgorithms>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

namespace MailDoctor::Analysis {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// '.', '/' and digits: a code glued to one of these is part of something else (a version, a path, an address).
bool isDotSlashOrDigit(QChar c)
{
    return c.unicode() >= 46 && c.unicode() <= 57;
}

QChar at(QStringView s, qsizetype i)
{
    return i >= 0 && i < s.size() ? s.at(i) : QChar();
}

} // namespace

QString findStatusCode(QStringView text, QChar replyClass)
{
    if (text.size() < 5)
        return {};
    // The classes looked for, in order of preference (no allocation: this runs for many lines).
    const bool one = replyClass == u'2' || replyClass == u'4' || replyClass == u'5';
    const char16_t all[3] = {u'5', u'4', u'2'};
    const char16_t own[1] = {replyClass.unicode()};
    const char16_t *classes = one ? own : all;
    const qsizetype classCount = one ? 1 : 3;

    struct Hit
    {
        qsizetype pos;
        QChar cls;
    };
    // One pass over the text in position order; each class keeps its own skip after a hit, as a
    // separate search per class would. On the stack: this runs for every diagnostic.
    QVarLengthArray<Hit, 32> hits;
    qsizetype nextFrom[3] = {0, 0, 0};
    const char16_t *d = text.utf16();
    for (qsizetype dot = indexOfChar(text, u'.', 1); dot >= 0; dot = indexOfChar(text, u'.', dot + 1)) {
        const qsizetype p = dot - 1;
        qsizetype k = 0;
        while (k < classCount && classes[k] != d[p])
            ++k;
        if (k == classCount || p < nextFrom[k])
            continue;
        hits.append({p, QChar(d[p])});
        nextFrom[k] = p + 5;
    }
    if (hits.isEmpty())
        return {};

    QVarLengthArray<QString, 8> found;
    QString fallback; // X.0.0 and 4.4.7 say little; keep one in case nothing better appears
    for (const Hit &h : std::as_const(hits)) {
        const qsizetype p = h.pos;
        const QChar before = at(text, p - 1);
        if (isDotSlashOrDigit(before) || before == u'V' || before == u'v')
            continue;
        const QChar subject = at(text, p + 2);
        if (subject < u'0' || subject > u'7' || at(text, p + 3) != u'.')
            continue;
        if (!isDigit(at(text, p + 4)))
            continue;
        QString code = text.mid(p, 5).toString();
        if ((subject == u'0' && code.at(4) == u'0') || code == QLatin1String("4.4.7")) {
            fallback = code;
            continue;
        }
        qsizetype end = p + 5;
        if (isDigit(at(text, end))) {
            code += at(text, end++);
            if (isDigit(at(text, end))) {
                code += at(text, end++);
                if (isDigit(at(text, end)))
                    continue;
            }
        }
        // "5.1.2.3" is an IP address or a version, not a status.
        if (at(text, end) == u'.' && isDigit(at(text, end + 1)))
            continue;
        found.append(code);
    }
    if (!fallback.isEmpty())
        found.append(fallback);
    if (found.isEmpty())
        return {};
    QString chosen = found.front();
    for (qsizetype i = 1; i < found.size(); ++i)
        chosen = preferStatusCode(chosen, found.at(i), QString());
    return chosen;
}

QString preferStatusCode(const QString &fieldValue, const QString &inText, const QString &replyCode)
{
    if (fieldValue.isEmpty())
        return inText;
    if (inText.isEmpty())
        return fieldValue;
    if (fieldValue.size() < 5)
        return inText;
    if (inText.size() < 5)
        return fieldValue;
    const QChar reply = replyCode.isEmpty() ? QChar(u'0') : replyCode.at(0);
    if (fieldValue.at(0) != inText.at(0)) {
        if (reply == fieldValue.at(0))
            return fieldValue;
        if (reply == inText.at(0))
            return inText;
    }
    if (fieldValue == inText)
        return fieldValue;

    const bool fieldZero1 = fieldValue.indexOf(QLatin1String(".0")) > 0;
    const bool textZero1 = inText.indexOf(QLatin1String(".0")) > 0;
    const bool fieldZero2 = fieldValue.indexOf(QLatin1String(".0.0")) > 0;
    const bool textZero2 = inText.indexOf(QLatin1String(".0.0")) > 0;
    if (fieldZero2)
        return textZero2 ? fieldValue : inText;
    if (fieldZero1 && !textZero1)
        return inText;
    if (textZero2)
        return fieldValue;
    if (fieldValue == QLatin1String("4.4.7") || fieldValue == QLatin1String("4.7.0"))
        return inText;
    if (fieldValue.startsWith(QLatin1String("5.3.")))
        return inText;
    const QStringView sub = QStringView(fieldValue).mid(1, 4);
    if (sub == QLatin1String(".5.1") || sub == QLatin1String(".5.2") || sub == QLatin1String(".5.4")
        || sub == QLatin1String(".5.5"))
        return inText;
    if (fieldValue == QLatin1String("5.1.1")) {
        if (textZero1 || inText.startsWith(QLatin1String("5.5.")))
            return fieldValue;
        return inText;
    }
    if (fieldValue == QLatin1String("5.1.3") && inText.startsWith(QLatin1String("5.7.")))
        return inText;
    return fieldValue;
}

QString findReplyCode(QStringView text, QChar statusClass)
{
    if (text.size() < 3)
        return {};
    // One pass collects every free-standing three-digit number; the code is then chosen by the
    // same preference order as Sisimai (5xx, then 4xx, then 2xx, each in its own order).
    QVarLengthArray<int, 16> found;
    const qsizetype n = text.size();
    const char16_t *d = text.utf16();
    // Three digits in a row starting at i: kept when nothing code-like is glued to either end.
    auto consider = [&](qsizetype i) {
        const QChar before = at(text, i - 1);
        const QChar after = at(text, i + 3);
        if ((!before.isNull() && isDotSlashOrDigit(before)) || (!after.isNull() && isDotSlashOrDigit(after)))
            return;
        found.append(int(d[i] - u'0') * 100 + int(d[i + 1] - u'0') * 10 + int(d[i + 2] - u'0'));
    };
    qsizetype i = 0;
#if defined(__SSE2__)
    // Thirty-two characters at a time, packed into bytes (a character from 0x100 up becomes 0 or
    // 0xff, no digit), a bit per digit: three set bits in a row start a window. Steps of thirty keep
    // every window inside one load, so all are seen, in order.
    auto digitsAt = [d](qsizetype at) {
        return quint32(_mm_movemask_epi8(bytesInRange(packedSixteen(d + at), '0', '9')));
    };
    for (; i + 32 <= n; i += 30) {
        const quint32 digits = digitsAt(i) | digitsAt(i + 16) << 16;
        for (quint32 starts = digits & (digits >> 1) & (digits >> 2) & 0x3fffffffu; starts; starts &= starts - 1)
            consider(i + qsizetype(qCountTrailingZeroBits(starts)));
    }
#endif
    for (; i + 3 <= n; ++i) {
        // Three digits in a row: a non-digit at i + 2 rules out the windows at i, i + 1 and i + 2,
        // one at i + 1 those at i and i + 1 (the loop's own step adds the last one).
        if (!isDigit(text.at(i + 2))) {
            i += 2;
            continue;
        }
        if (!isDigit(text.at(i + 1))) {
            i += 1;
            continue;
        }
        if (isDigit(text.at(i)))
            consider(i);
    }
    if (found.isEmpty())
        return {};
    if (containsAsciiCi(text, "x-unix"))
        return {};
    static const int codes5[] = {550, 552, 553, 551, 521, 525, 523, 524, 530, 533, 534,
                                 535, 538, 555, 556, 554, 500, 501, 502, 503, 504};
    static const int codes4[] = {421, 450, 451, 452, 422, 430, 432, 453, 454, 455, 458, 459};
    static const int codes2[] = {211, 214, 220, 221, 235, 250, 251, 252, 253, 334, 354};
    // The codes as text, made once: the one chosen is then a shared copy, not a new string.
    static const QHash<int, QString> texts = [] {
        QHash<int, QString> t;
        for (int c : codes5)
            t.insert(c, QString::number(c));
        for (int c : codes4)
            t.insert(c, QString::number(c));
        for (int c : codes2)
            t.insert(c, QString::number(c));
        return t;
    }();
    auto pick = [&](const int *list, size_t count) -> QString {
        for (size_t k = 0; k < count; ++k) {
            if (found.contains(list[k]))
                return texts.value(list[k]);
        }
        return {};
    };
    QString code;
    if (statusClass != u'4' && statusClass != u'2')
        code = pick(codes5, std::size(codes5));
    if (statusClass == u'5')
        return code;
    if (code.isEmpty() && statusClass != u'2')
        code = pick(codes4, std::size(codes4));
    if (statusClass == u'4')
        return code;
    if (code.isEmpty())
        code = pick(codes2, std::size(codes2));
    return code;
}

namespace {

// Sisimai's reason for each status code.
const QHash<QString, QString> &statusReasons()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        const char *const pairs[][2] = {
            {"2.1.5", "delivered"},      {"4.1.6", "hasmoved"},       {"4.1.7", "rejected"},
            {"4.1.8", "rejected"},       {"4.1.9", "systemerror"},    {"4.2.1", "blocked"},
            {"4.2.2", "mailboxfull"},    {"4.2.3", "exceedlimit"},    {"4.2.4", "filtered"},
            {"4.3.1", "systemfull"},     {"4.3.2", "notaccept"},      {"4.3.3", "systemerror"},
            {"4.3.5", "systemerror"},    {"4.4.1", "expired"},        {"4.4.2", "networkerror"},
            {"4.4.3", "systemerror"},    {"4.4.4", "networkerror"},   {"4.4.5", "systemfull"},
            {"4.4.6", "networkerror"},   {"4.4.7", "expired"},        {"4.4.8", "networkerror"},
            {"4.5.3", "systemerror"},    {"4.5.5", "systemerror"},    {"4.6.0", "contenterror"},
            {"4.6.2", "contenterror"},   {"4.6.5", "contenterror"},   {"4.7.1", "blocked"},
            {"4.7.2", "blocked"},        {"4.7.5", "securityerror"},  {"4.7.6", "securityerror"},
            {"4.7.7", "securityerror"},  {"4.7.12", "securityerror"}, {"4.7.15", "securityerror"},
            {"4.7.16", "mesgtoobig"},    {"4.7.24", "authfailure"},   {"4.7.25", "requireptr"},
            {"4.7.26", "authfailure"},   {"5.1.0", "userunknown"},    {"5.1.1", "userunknown"},
            {"5.1.2", "hostunknown"},    {"5.1.3", "userunknown"},    {"5.1.4", "filtered"},
            {"5.1.6", "hasmoved"},       {"5.1.7", "rejected"},       {"5.1.8", "rejected"},
            {"5.1.9", "systemerror"},    {"5.1.10", "notaccept"},     {"5.2.0", "filtered"},
            {"5.2.1", "filtered"},       {"5.2.2", "mailboxfull"},    {"5.2.3", "exceedlimit"},
            {"5.2.4", "filtered"},       {"5.3.0", "systemerror"},    {"5.3.1", "systemfull"},
            {"5.3.2", "notaccept"},      {"5.3.3", "systemerror"},    {"5.3.4", "mesgtoobig"},
            {"5.3.5", "systemerror"},    {"5.4.0", "networkerror"},   {"5.4.3", "systemerror"},
            {"5.4.4", "hostunknown"},    {"5.5.2", "syntaxerror"},    {"5.5.3", "toomanyconn"},
            {"5.5.4", "systemerror"},    {"5.5.5", "systemerror"},    {"5.5.6", "syntaxerror"},
            {"5.6.0", "contenterror"},   {"5.6.1", "contenterror"},   {"5.6.2", "contenterror"},
            {"5.6.3", "contenterror"},   {"5.6.5", "contenterror"},   {"5.6.6", "contenterror"},
            {"5.6.7", "contenterror"},   {"5.6.8", "contenterror"},   {"5.6.9", "contenterror"},
            {"5.7.0", "securityerror"},  {"5.7.1", "securityerror"},  {"5.7.2", "securityerror"},
            {"5.7.3", "securityerror"},  {"5.7.4", "securityerror"},  {"5.7.5", "securityerror"},
            {"5.7.6", "securityerror"},  {"5.7.7", "securityerror"},  {"5.7.8", "securityerror"},
            {"5.7.9", "securityerror"},  {"5.7.10", "securityerror"}, {"5.7.11", "securityerror"},
            {"5.7.13", "suspend"},       {"5.7.14", "securityerror"}, {"5.7.15", "securityerror"},
            {"5.7.16", "mesgtoobig"},    {"5.7.17", "hasmoved"},      {"5.7.18", "hasmoved"},
            {"5.7.19", "securityerror"}, {"5.7.20", "authfailure"},   {"5.7.21", "authfailure"},
            {"5.7.22", "authfailure"},   {"5.7.23", "authfailure"},   {"5.7.24", "authfailure"},
            {"5.7.25", "requireptr"},    {"5.7.26", "authfailure"},   {"5.7.27", "notaccept"},
            {"5.7.28", "spamdetected"},  {"5.7.29", "authfailure"},   {"5.7.30", "failedstarttls"},
        };
        for (const auto &p : pairs)
            t.insert(QString::fromLatin1(p[0]), QString::fromLatin1(p[1]));
        return t;
    }();
    return table;
}

} // namespace

QString reasonForStatusCode(QStringView status)
{
    return statusReasons().value(status.toString());
}

QString reasonForStatusCode(const QString &status)
{
    return statusReasons().value(status); // the key as it is, without a copy
}

QString pseudoStatusCode(const QString &reason, bool temporary)
{
    // Looked up by length and letters inline (no hash of the name): asked once per recipient.
    static constexpr struct
    {
        std::string_view name;
        int number;
    } numbers[] = {
        { "authfailure", 926 },     { "badreputation", 975 },   { "blocked", 971 },
        { "contenterror", 960 },    { "exceedlimit", 923 },     { "expired", 947 },
        { "failedstarttls", 976 },  { "filtered", 910 },        { "hasmoved", 916 },
        { "hostunknown", 912 },     { "mailboxfull", 922 },     { "mailererror", 939 },
        { "mesgtoobig", 934 },      { "networkerror", 944 },    { "norelaying", 909 },
        { "notaccept", 932 },       { "notcompliantrfc", 974 }, { "onhold", 901 },
        { "policyviolation", 972 }, { "rejected", 918 },        { "requireptr", 973 },
        { "securityerror", 970 },   { "spamdetected", 980 },    { "speeding", 946 },
        { "suspend", 921 },         { "systemerror", 930 },     { "systemfull", 931 },
        { "syntaxerror", 902 },     { "toomanyconn", 945 },     { "userunknown", 911 },
        { "undefined", 900 },       { "virusdetected", 981 },
    };
    const auto it = std::find_if(std::begin(numbers), std::end(numbers),
                                 [&](const auto &e) { return equalsAscii(reason, e.name); });
    if (it == std::end(numbers))
        return {};
    int number = it->number;
    if (temporary) {
        // Unknown users and hosts and moved mailboxes have no temporary form; filtered has its own number.
        if (it->name == "hasmoved" || it->name == "hostunknown" || it->name == "userunknown")
            return {};
        if (it->name == "filtered")
            number = 924;
    }
    // "5.0.911": the numbers have three digits (built without QString::arg(), which parses its pattern).
    const char16_t code[] = {temporary ? u'4' : u'5', u'.', u'0', u'.', char16_t(u'0' + number / 100),
                             char16_t(u'0' + number / 10 % 10), char16_t(u'0' + number % 10)};
    return QStringView(code, 7).toString();
}

bool textIsPermanent(QStringView text)
{
    if (text.isEmpty())
        return false;
    QString code = findStatusCode(text);
    if (code.isEmpty())
        code = findReplyCode(text);
    return code.startsWith(u'5') || containsAsciiCi(text, " permanent ");
}

bool codeIsTemporary(QStringView text)
{
    QString code = findStatusCode(text);
    if (code.isEmpty())
        code = findReplyCode(text);
    return code.startsWith(u'4');
}

bool textIsTemporary(QStringView text)
{
    if (text.isEmpty())
        return false;
    return codeIsTemporary(text) || containsAsciiCi(text, " temporar")
        || containsAsciiCi(text, " persistent");
}

QString findSmtpCommand(QStringView text)
{
    if (text.size() < 4)
        return {};
    // The text names the step it failed at last, after the earlier ones: the last of these (in the
    // order of the conversation) that the text holds wins. Each counts where it first occurs.
    static constexpr std::string_view detectable[] = {"HELO", "EHLO", "STARTTLS", "AUTH PLAIN", "AUTH LOGIN", "AUTH CRAM-",
                                                      "AUTH DIGEST-", "MAIL F", "RCPT", "RCPT T", "DATA", "QUIT", "XFORWARD"};
    constexpr size_t count = std::size(detectable);
    static_assert(count <= 16);
    // Per capital letter: the commands (bits of detectable) that open with it.
    static const std::array<quint16, 26> opensWith = [] {
        std::array<quint16, 26> t{};
        for (size_t k = 0; k < count; ++k)
            t[size_t(detectable[k][0] - 'A')] |= quint16(1u << k);
        return t;
    }();
    std::array<qsizetype, count> firstAt;
    firstAt.fill(-1);
    unsigned left = (1u << count) - 1; // the commands not found yet
    const char16_t *d = text.utf16();
    const qsizetype n = text.size();
    // Every command opens with two upper-case letters: only such places are compared, each with the
    // commands that open with its letter.
    auto consider = [&](qsizetype p) {
        for (unsigned m = opensWith[size_t(d[p] - u'A')] & left; m; m &= m - 1) {
            const size_t k = size_t(qCountTrailingZeroBits(m));
            const std::string_view e = detectable[k];
            if (p + qsizetype(e.size()) > n)
                continue;
            size_t i = 1;
            while (i < e.size() && d[p + qsizetype(i)] == char16_t(e[i]))
                ++i;
            if (i == e.size()) {
                firstAt[k] = p;
                left &= ~(1u << k);
            }
        }
    };
    auto upper = [](char16_t c) { return c >= u'A' && c <= u'Z'; };
    qsizetype p = 0;
#if defined(__SSE2__)
    // Thirty-two characters at a time, packed into bytes (a character from 0x100 up becomes 0 or
    // 0xff, no capital), a bit per capital; a pair starts where a bit and the next are set. Steps
    // of thirty-one keep every pair inside one load, so all are seen, in order.
    auto capitals = [d](qsizetype at) { return quint32(_mm_movemask_epi8(asciiUpperBytes(packedSixteen(d + at)))); };
    for (; p + 32 <= n && left; p += 31) {
        const quint32 upperAt = capitals(p) | capitals(p + 16) << 16;
        for (quint32 starts = upperAt & (upperAt >> 1) & 0x7fffffffu; starts && left; starts &= starts - 1)
            consider(p + qsizetype(qCountTrailingZeroBits(starts)));
    }
#endif
    for (; p + 4 <= n && left; ++p) {
        if (upper(d[p]) && upper(d[p + 1]))
            consider(p);
    }
    // Latin-1 letters and digits glue too; other characters never do.
    auto letterOrDigit = [](char16_t c) {
        return (c >= u'0' && c <= u'9') || (c >= u'@' && c <= u'Z') || (c >= u'a' && c <= u'z');
    };
    for (size_t k = count; k-- > 0;) {
        const qsizetype at = firstAt[k];
        if (at < 0)
            continue;
        const std::string_view e = detectable[k];
        if (e.find(' ') == std::string_view::npos) {
            // A command glued to letters or digits is part of a word or a host name (DATABASE, EMAIL.EXAMPLE).
            const char16_t before = at > 0 ? d[at - 1] : u' ';
            const char16_t after = at + qsizetype(e.size()) < n ? d[at + qsizetype(e.size())] : u' ';
            if (letterOrDigit(before) || letterOrDigit(after))
                continue;
        }
        if (e == "STARTTLS" || e == "XFORWARD")
            return QString::fromLatin1(e.data(), qsizetype(e.size()));
        return QString::fromLatin1(e.data(), 4);
    }
    return {};
}

bool isStandardReplyCode(QStringView code)
{
    static constexpr int known[] = {211, 214, 220, 221, 235, 250, 251, 252, 253, 334, 354, 421, 422, 430, 432,
                                    450, 451, 452, 453, 454, 455, 458, 459, 500, 501, 502, 503, 504, 521, 523,
                                    524, 525, 530, 533, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556}; // sorted
    if (code.size() != 3 || !isDigit(code[0]) || !isDigit(code[1]) || !isDigit(code[2]))
        return false;
    const int n = (code[0].unicode() - u'0') * 100 + (code[1].unicode() - u'0') * 10 + (code[2].unicode() - u'0');
    return std::binary_search(std::cbegin(known), std::cend(known), n);
}

bool isStandardStatusCode(QStringView code)
{
    // Three parts between two dots, as splitting at '.' would give them, without a list.
    const qsizetype dot1 = indexOfChar(code, u'.');
    const qsizetype dot2 = dot1 < 0 ? -1 : indexOfChar(code, u'.', dot1 + 1);
    if (dot2 < 0 || indexOfChar(code, u'.', dot2 + 1) >= 0)
        return false;
    const QStringView parts[3] = {code.first(dot1), code.sliced(dot1 + 1, dot2 - dot1 - 1), code.sliced(dot2 + 1)};
    if (parts[0] != u"2" && parts[0] != u"4" && parts[0] != u"5")
        return false;
    // One to three ASCII digits (every code the scanners find) are read here; anything else as
    // toInt() reads it.
    auto number = [](QStringView digits, bool *ok) {
        if (digits.isEmpty() || digits.size() > 3)
            return digits.toInt(ok);
        int n = 0;
        for (const QChar c : digits) {
            if (!isDigit(c))
                return digits.toInt(ok);
            n = n * 10 + (c.unicode() - u'0');
        }
        *ok = true;
        return n;
    };
    bool ok1 = false;
    bool ok2 = false;
    const int subject = number(parts[1], &ok1);
    const int detail = number(parts[2], &ok2);
    if (!ok1 || !ok2 || parts[2].size() > 3)
        return false;
    // Highest detail registered with IANA for each subject.
    static const int maxDetail[] = {0, 10, 4, 6, 7, 6, 10, 30};
    if (subject < 0 || subject > 7)
        return false;
    return detail >= 0 && detail <= maxDetail[subject];
}

} // namespace MailDoctor::Analysis
