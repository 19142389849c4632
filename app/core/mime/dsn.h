#pragma once

#include "smallmap.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace MailDoctor::Dsn {

/** The fields of a block by lower-case name, each with its unfolded raw value; a usual block fits inline. */
using FieldList = SmallMap<QString, QStringView, 8>;

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

/** Strips an RFC 3464 "type;" prefix ("rfc822; a@b" → "a@b"); @p type receives the prefix if non-null. */
QString stripTypePrefix(QStringView value, QString *type = nullptr);

} // namespace MailDoctor::Dsn
