#pragma once

#include <QHash>
#include <QString>

namespace MailDoctor {

/** What to hide on sheets and in exports. Passwords are always hidden, whatever is set here. */
struct MaskOptions
{
    bool addresses = true; ///< local parts of e-mail addresses: t***@example.jp
    bool hosts = false; ///< host and domain names, keeping the top-level domain: m***.e***.jp
    bool ipAddresses = false; ///< IPv4 and IPv6 addresses, keeping the first group: 192.*.*.*

    static MaskOptions none() { return { false, false, false }; }
};

/** Masks one e-mail address: "taro@example.jp" gives "t***@example.jp". */
QString maskAddress(const QString &address, const MaskOptions &options = {});
/** Masks one host name, keeping its last label: "mx.example.jp" gives "m***.e***.jp". */
QString maskHost(const QString &host);
/** Masks one IP address, keeping the first group: "192.0.2.7" gives "192.*.*.*". */
QString maskIpAddress(const QString &ip);
/** Masks addresses, hosts and IP addresses in free text as the options say, and always removes passwords. */
QString maskText(const QString &text, const MaskOptions &options = {});
/**
 * Replaces passwords with asterisks: "password=...", "パスワード: ...", POP3 "PASS ...",
 * IMAP "LOGIN user pass", "AUTH PLAIN ...", the answer to an AUTH LOGIN password prompt and
 * credentials in URLs.
 */
QString removePasswords(const QString &text);

/**
 * Removes passwords from lines taken out of a text (evidence lines): some are recognisable only in
 * context, such as the answer to an AUTH LOGIN password prompt, so the text is cleaned as a whole once.
 */
class PasswordScrubber
{
public:
    explicit PasswordScrubber(const QString &context);
    /** The line without passwords. */
    QString line(const QString &line) const;

private:
    QHash<QString, QString> m_cleaned; ///< trimmed line of the context -> the same line without passwords
};

} // namespace MailDoctor
