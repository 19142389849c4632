#pragma once

#include "reasons.h"

namespace MailDoctor::Analysis {

/**
 * Completes one recipient's facts: the status and reply code found in the diagnostic (preferring
 * the most specific), the reason, and Sisimai's pseudo status when the bounce gives none.
 */
void completeFact(DeliveryFact *fact);

/**
 * A multi-line reply that repeats its codes on every line ("550-5.7.1 a 550 5.7.1 b") with the codes
 * once in front ("550 5.7.1 a b"); any other diagnostic unchanged.
 */
QString joinMultilineReply(const QString &diag, const QString &reply, const QString &status);

/**
 * @p text without each occurrence of @p reply, @p separator and @p status (when not empty) in a row,
 * taken left to right without overlaps: what QString::replace(reply + separator + status, QString())
 * gives, without building the needle and a matcher for it.
 */
QString withoutReplyCode(const QString &text, QStringView reply, QChar separator, QStringView status);

/**
 * textIsTemporary(replyCode + ' ' + diagnostic), with the wording looked up in @p diagnostic already
 * prepared for searching (@p prepared) instead of in a joined copy.
 */
bool replyIsTemporary(const QString &replyCode, const QString &diagnostic, const TextSearch &prepared);

/** A reason that a mail system's own wording settles before the general tables are consulted. */
QString reasonFromVendorWording(QStringView diagnostic, const DeliveryFact &fact);

} // namespace MailDoctor::Analysis
