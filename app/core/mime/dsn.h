#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace MailDoctor::Dsn {

struct FieldListBuilder;

/**
 * The fields of a block by lower-case name, each with its unfolded raw value; a usual block fits inline.
 * Names and values stay views into the report's text (which the list shares) until a value is asked for.
 */
class FieldList
{
public:
    /** The value of the field @p name (given in lower case); empty when absent. */
    QString value(QStringView name) const;
    /** True when the field @p name (given in lower case) is present. */
    bool contains(QStringView name) const { return find(name) != nullptr; }
    /** The number of fields. */
    qsizetype size() const { return m_items.size(); }
    /** True when there are none. */
    bool isEmpty() const { return m_items.isEmpty(); }

private:
    friend struct FieldListBuilder;
    struct Item
    {
        QStringView name; ///< as written; compared in lower case
        QStringView value;
    };
    const Item *find(QStringView name) const;
    QVarLengthArray<Item, 8> m_items;
    QString m_text; ///< the report's text, which the views point into
    QString m_unfolded; ///< the values of folded fields, joined
};

/** One per-recipient block of an RFC 3464 delivery-status body. */
struct Recipient
{
    QString finalRecipient; ///< address with the "rfc822;" type prefix stripped
    QString originalRecipient; ///< address with the "rfc822;" type prefix stripped
    QString action; ///< lower-case: failed, delayed, delivered, relayed, expanded
    QString status; ///< e.g. "5.1.1" (comment text after the code removed)
    QString remoteMta; ///< host with the "dns;" type prefix stripped
    QString diagnosticCode; ///< text with the "smtp;" type prefix stripped, folded lines joined
    QString diagnosticType; ///< the stripped type prefix of Diagnostic-Code, e.g. "smtp"
    QString lastAttemptDate;
    QString willRetryUntil;
    FieldList fields; ///< every field of the block (the last of a repeated name)
};

/** A parsed message/delivery-status body. */
struct Report
{
    QString reportingMta; ///< "dns;" prefix stripped
    QString arrivalDate;
    QString receivedFromMta; ///< "dns;" prefix stripped
    FieldList fields; ///< every per-message field (the first of a repeated name)
    QList<Recipient> recipients;
};

/** Parses an RFC 3464 message/delivery-status body: a per-message block then per-recipient blocks. */
Report parse(QStringView deliveryStatusBody);
/** parse() that shares @p deliveryStatusBody with the report instead of copying it. */
Report parse(const QString &deliveryStatusBody);

/** Strips an RFC 3464 "type;" prefix ("rfc822; a@b" → "a@b"); @p type receives the prefix if non-null. */
QString stripTypePrefix(QStringView value, QString *type = nullptr);

} // namespace MailDoctor::Dsn
