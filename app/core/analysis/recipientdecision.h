#pragma once

#include "reasons.h"

namespace MailDoctor::Analysis {

/**
 * Completes one recipient's facts: the status and reply code found in the diagnostic (preferring
 * the most specific), the reason, and Sisimai's pseudo status when the bounce gives none.
 */
void completeFact(DeliveryFact *fact);

/** A reason that a mail system's own wording settles before the general tables are consulted. */
QString reasonFromVendorWording(QStringView diagnostic, const DeliveryFact &fact);

} // namespace MailDoctor::Analysis
