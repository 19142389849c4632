#include "masking.h"

#include <QRegularExpression>
#include <QStringList>

namespace MailDoctor {

namespace {

const QString hidden = QStringLiteral("********");

// Shared by the address pass and the host pass so that both agree on what a domain is.
const QString domainPattern
    = QStringLiteral("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

const QRegularExpression &addressRegex()
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(") + domainPattern
                                       + QLatin1Char(')'));
    return re;
}

const QRegularExpression &hostRegex()
{
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9@*.-])") + domainPattern
                                       + QStringLiteral("(?![A-Za-z0-9-]|\\.[A-Za-z0-9])"));
    return re;
}

const QRegularExpression &ipv4Regex()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9.])(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?"
                       "[0-9])){3}(?![0-9]|\\.[0-9])"));
    return re;
}

const QRegularExpression &ipv6Regex()
{
    // At least three colons, so that clock times such as 12:30:45 are left alone.
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){3,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])"));
    return re;
}

QString maskLabel(const QString &label)
{
    if (label.isEmpty())
        return label;
    return label.left(1) + QStringLiteral("***");
}

/** Applies f to every match of re in text; the replacement is not searched again. */
template<typename F> QString replaceEach(const QString &text, const QRegularExpression &re, F f)
{
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += f(m);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString maskHost(const QString &host)
{
    QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return maskLabel(host);
    for (qsizetype i = 0; i + 1 < labels.size(); ++i)
        labels[i] = maskLabel(labels.at(i));
    return labels.join(QLatin1Char('.'));
}

QString maskIpAddress(const QString &ip)
{
    if (ip.contains(QLatin1Char(':')))
        return ip.section(QLatin1Char(':'), 0, 0) + QStringLiteral(":***");
    QStringList parts = ip.split(QLatin1Char('.'));
    for (qsizetype i = 1; i < parts.size(); ++i)
        parts[i] = QStringLiteral("*");
    return parts.join(QLatin1Char('.'));
}

QString maskAddress(const QString &address, const MaskOptions &options)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return options.hosts ? maskHost(address) : address;
    QString local = address.left(at);
    QString domain = address.mid(at + 1);
    if (options.addresses)
        local = maskLabel(local);
    if (options.hosts)
        domain = maskHost(domain);
    return local + QLatin1Char('@') + domain;
}

QString removePasswords(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    // "password=secret", "Passwort: x", "pwd=x", "パスワード：x"; the value runs to the next space, ';' or
    // '&'.
    static const QRegularExpression keyValue(
        QStringLiteral("(\\b(?:pass(?:word|wd|wort)?|pwd|secret)\\s*[:=：]\\s*|パスワード\\s*[:=：]\\s*)"
                       "(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s;&,\"']+)"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(keyValue, QStringLiteral("\\1") + hidden);
    // POP3 "PASS secret", also in a transcript with "C:" or ">>>" in front.
    static const QRegularExpression pop3(QStringLiteral("(^[^A-Za-z0-9\\n]*(?:C:\\s*)?PASS\\s+)\\S.*$"),
                                         QRegularExpression::MultilineOption);
    out.replace(pop3, QStringLiteral("\\1") + hidden);
    // IMAP "a001 LOGIN user secret" (tag first, so that prose such as "cannot login with" is left alone).
    static const QRegularExpression imap(
        QStringLiteral("(^[^A-Za-z0-9\\n]*(?:C:\\s*)?[A-Za-z0-9.]+\\s+LOGIN\\s+(?:\"[^\"\\n]*\"|\\S+)\\s+)(?:"
                       "\"[^\"\\n]*\"|\\S+)"),
        QRegularExpression::MultilineOption);
    out.replace(imap, QStringLiteral("\\1") + hidden);
    // SMTP/IMAP SASL with the credentials on the same line.
    static const QRegularExpression sasl(
        QStringLiteral("(\\bAUTH(?:ENTICATE)?\\s+(?:PLAIN|LOGIN|CRAM-MD5|XOAUTH2|OAUTHBEARER)\\s+)\\S+"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(sasl, QStringLiteral("\\1") + hidden);
    // scheme://user:secret@host
    static const QRegularExpression url(
        QStringLiteral("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+@"));
    out.replace(url, QStringLiteral("\\1") + hidden + QLatin1Char('@'));
    // AUTH LOGIN: after the server's "334 UGFzc3dvcmQ6" ("Password:") the next line is the password in
    // base64.
    static const QRegularExpression prompt(QStringLiteral("\\b334\\s+UGFzc3dvcmQ6"));
    if (out.contains(prompt)) {
        QStringList lines = out.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines.at(i).contains(prompt)) {
                QString &next = lines[i + 1];
                static const QRegularExpression lead(QStringLiteral("^([^A-Za-z0-9+/=]*(?:C:\\s*)?)"));
                const QRegularExpressionMatch m = lead.match(next);
                next = m.captured(1) + hidden;
            }
        }
        out = lines.join(QLatin1Char('\n'));
    }
    return out;
}

QString maskText(const QString &text, const MaskOptions &options)
{
    QString out = removePasswords(text);
    if (options.addresses || options.hosts) {
        out = replaceEach(out, addressRegex(), [&options](const QRegularExpressionMatch &m) {
            return maskAddress(m.captured(0), options);
        });
    }
    if (options.ipAddresses) {
        out = replaceEach(out, ipv4Regex(),
                          [](const QRegularExpressionMatch &m) { return maskIpAddress(m.captured(0)); });
        out = replaceEach(out, ipv6Regex(), [](const QRegularExpressionMatch &m) {
            const QString token = m.captured(0);
            // A lone "::" or a run of colons is not an address.
            int hex = 0;
            for (QChar c : token)
                hex += c.isLetterOrNumber() ? 1 : 0;
            return hex >= 2 ? maskIpAddress(token) : token;
        });
    }
    if (options.hosts) {
        out = replaceEach(out, hostRegex(),
                          [](const QRegularExpressionMatch &m) { return maskHost(m.captured(0)); });
    }
    return out;
}

PasswordScrubber::PasswordScrubber(const QString &context)
{
    const QStringList original = context.split(QLatin1Char('\n'));
    const QStringList cleaned = removePasswords(context).split(QLatin1Char('\n'));
    // removePasswords() never adds or removes a line break, so the lines pair up.
    if (original.size() != cleaned.size())
        return;
    for (qsizetype i = 0; i < original.size(); ++i) {
        if (original.at(i) != cleaned.at(i))
            m_cleaned.insert(original.at(i).trimmed(), cleaned.at(i).trimmed());
    }
}

QString PasswordScrubber::line(const QString &line) const
{
    const auto it = m_cleaned.constFind(line.trimmed());
    return removePasswords(it == m_cleaned.constEnd() ? line : *it);
}

} // namespace MailDoctor
