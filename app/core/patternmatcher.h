#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"

#include <QStringView>

namespace MailDoctor {

/** A knowledge-base entry whose patterns matched, with the lines that matched. */
struct EntryMatch
{
    const Entry *entry = nullptr;
    double score = 0.0;         ///< sum of the weights of the distinct patterns that matched
    double strongest = 0.0;     ///< the largest single weight that matched (breaks ties)
    QStringList evidence;       ///< matching lines, verbatim, in input order
    QList<int> evidenceLines;   ///< zero-based line numbers of the evidence
};

/** Finds SMTP, enhanced, POP3, IMAP and client codes in a piece of text. */
FoundCodes extractCodes(QStringView text);

/**
 * Ranks knowledge-base entries by their detection patterns. Regular expressions run over the
 * text line by line; code patterns compare with the codes found on each line.
 */
class PatternMatcher
{
public:
    explicit PatternMatcher(const KnowledgeBase *kb);

    /** Entries with at least one matching pattern, best first. */
    QList<EntryMatch> rank(QStringView text) const;

    /** Maps a score to a confidence between 0 and 1. */
    static double confidenceForScore(double score);

private:
    const KnowledgeBase *m_kb;
};

} // namespace MailDoctor
