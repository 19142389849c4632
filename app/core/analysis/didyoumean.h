#pragma once

#include <QString>

namespace MailDoctor::Analysis {

/**
 * Suggests a corrected address when @p address looks mistyped: full-width characters, a comma
 * for a dot, or a domain one or two edits away from a well-known mail domain. Empty when it looks fine.
 */
QString suggestAddress(const QString &address);

/** Damerau-Levenshtein distance (with adjacent transpositions), capped at @p cap + 1. */
int editDistance(QStringView a, QStringView b, int cap = 3);

} // namespace MailDoctor::Analysis
