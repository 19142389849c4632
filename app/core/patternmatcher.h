#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"

#include "analysis/phraseset.h"

#include <QSet>
#include <QStringView>

#include <memory>
#include <string>
#include <vector>

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
 *
 * Speed: each expression's required literal text is worked out once from its source, as clauses
 * (lower case; a match holds one literal of every clause, e.g. a carrier domain and "user unknown").
 * A line that lacks a clause cannot match, so the expression only runs on the lines that hold them
 * all; most never run at all.
 */
class PatternMatcher
{
public:
    explicit PatternMatcher(const KnowledgeBase *kb);

    /** Entries with at least one matching pattern, best first. */
    QList<EntryMatch> rank(QStringView text) const;
    /** As rank(), limited to the entries of the given causes (all entries when @p causes is null). */
    QList<EntryMatch> rank(QStringView text, const QSet<QString> *causes) const;

    /** Maps a score to a confidence between 0 and 1. */
    static double confidenceForScore(double score);

    /**
     * The literals one of which every match of @p regex must contain (lower case), or an empty list
     * when no such set could be worked out. Exposed for tests.
     */
    static QStringList requiredLiterals(const QString &regex);
    /**
     * All the sets of literals (lower case) of which every match of @p regex contains one each, best
     * first: requiredLiterals() is the first. Empty when nothing is required. Exposed for tests.
     */
    static QList<QStringList> requiredLiteralClauses(const QString &regex);

private:
    struct Prefilter
    {
        /// Ids in m_literals: a line can only match when it holds one literal of every clause.
        /// No clauses: always run the expression.
        std::vector<std::vector<int>> clauses;
        bool runs = true; ///< false for an expression that does not compile
    };
    const KnowledgeBase *m_kb;
    std::vector<std::vector<Prefilter>> m_prefilters; ///< per entry, per pattern
    std::shared_ptr<Analysis::PhraseSet> m_literals;  ///< every required literal, lower-case UTF-8
};

} // namespace MailDoctor
