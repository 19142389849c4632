#pragma once

#include "analysisresult.h"
#include "reasons.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace MailDoctor::Mime {
struct Part;
struct ParseResult;
} // namespace MailDoctor::Mime

namespace MailDoctor::Analysis {

/** One recipient as a returned message describes it, before the reason is decided. */
struct RecipientReading
{
    DeliveryFact fact;
    QStringList evidence; ///< the input lines that speak about this recipient, verbatim
};

/** What a returned message (or a pasted part of one) says, before any diagnosis. */
struct BounceReading
{
    QString kind = QStringLiteral("unknown"); ///< dsn | bounce | auto-reply | delivery-report | feedback-report | unknown
    QList<RecipientReading> recipients;
    OriginalMessage original;
    QString explanation; ///< the human-readable text of the report, without the returned original
    bool warningOnly = false; ///< a delay notice: the message is still queued
};

/** Reads a parsed message: DSN fields, the mail system's own text, feedback reports and auto-replies. */
BounceReading readBounce(const Mime::ParseResult &parsed);

/** Reads the recipients and their diagnostics from the explanatory text of a returned message. */
QList<RecipientReading> scanBounceText(QStringView text, bool *warningOnly = nullptr);

/** Cuts a returned message's text before the copy of the original message, if one is included. */
QStringView explanationPart(QStringView text, qsizetype *originalAt = nullptr);

/** The first e-mail address in @p text, or empty. */
QString firstAddress(QStringView text);

} // namespace MailDoctor::Analysis
