#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"

#include "analysis/phraseset.h"

#include <QHash>
#include <QSet>
#include <QStringView>
#include <QVarLengthArray>

#include <memory>
#include <mutex>
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

/**
 * A set of knowledge-base causes by their position in KnowledgeBase::causes() (see
 * PatternMatcher::causeIndex()): a bit each, cheap to copy, unite and test.
 */
class CauseSet
{
public:
    /** Adds the cause at @p index; nothing for -1 (no such cause). */
    void insert(qsizetype index)
    {
        if (index < 0)
            return;
        if (m_words.size() <= index / 64)
            m_words.resize(index / 64 + 1, 0);
        m_words[index / 64] |= quint64(1) << (index % 64);
    }
    bool contains(qsizetype index) const
    {
        return index >= 0 && index / 64 < m_words.size() && ((m_words[index / 64] >> (index % 64)) & 1);
    }
    void unite(const CauseSet &other);
    /** The number of causes in the set. */
    qsizetype size() const;
    /** The same causes. */
    bool operator==(const CauseSet &other) const;
    bool operator!=(const CauseSet &other) const { return !(*this == other); }
    friend size_t qHash(const CauseSet &set, size_t seed = 0) { return set.hash(seed); }

private:
    size_t hash(size_t seed) const;

    QVarLengthArray<quint64, 2> m_words;
};

/** Finds SMTP, enhanced, POP3, IMAP and client codes in a piece of text. */
FoundCodes extractCodes(QStringView text);
/** Adds to @p into the codes of @p text that it lacks, in order: into->merge(extractCodes(text)). */
void extractCodes(QStringView text, FoundCodes *into);

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
    /** As rank(), limited to the entries of the given causes. */
    QList<EntryMatch> rank(QStringView text, const CauseSet &causes) const;
    /** What a ranking gives with each entry: its evidence, or only the scores. */
    enum class Evidence { Lines, None };
    /**
     * As rank(), limited to the entries of the given causes; with Evidence::None the matches carry
     * no evidence (faster: a pattern stops at the first line it matches).
     */
    QList<EntryMatch> rank(QStringView text, const CauseSet &causes, Evidence evidence) const;

    /**
     * Prepares rank(text, causes) for this set of causes: it then looks only for the literals of
     * their patterns, a smaller search than one for those of the whole knowledge base, built when
     * first needed. For a constructor to call for the sets it will rank with; the results are the
     * same either way.
     */
    void prepare(const CauseSet &causes);

    /** The position of @p cause in the knowledge base's causes (its member in a CauseSet), or -1. */
    qsizetype causeIndex(const QString &cause) const;

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
    /**
     * Literals (lower case) each of which proves a match of @p regex, matched case-insensitively, in
     * a line that holds it: the branches of its top-level alternation made only of plain text,
     * groups, alternatives and optional parts, spelled out. @p complete tells whether they are all
     * of the expression (no line without one of them matches). They speak for lines whose characters
     * beyond ASCII have no case. @p unproven, when given, receives the branches left out (views into
     * @p regex). Exposed for tests.
     */
    static QStringList provingLiterals(const QString &regex, bool *complete = nullptr,
                                       QList<QStringView> *unproven = nullptr);
    /**
     * For each branch of @p regex's top-level alternation that provingLiterals() leaves out, the
     * clauses of literals a match of that branch requires (as requiredLiteralClauses()). A line
     * without a proof matches only when it holds a literal of every clause of one of them. Empty
     * when a branch requires nothing or the expression does not split. Exposed for tests.
     */
    static QList<QList<QStringList>> unprovenBranchClauses(const QString &regex);

private:
    struct Prefilter
    {
        qsizetype entry = 0;   ///< the entry's position in the knowledge base
        qsizetype pattern = 0; ///< the pattern's position in the entry
        /// Ids in m_literals: a line can only match when it holds one literal of every clause.
        /// No clauses: always run the expression.
        std::vector<std::vector<int>> clauses;
        /// Ids in m_literals of provingLiterals(): a line holding one matches without the expression.
        std::vector<int> proofs;
        /// When the proofs are not complete: per branch they leave out, its clauses (ids in
        /// m_literals). Empty when one of those branches requires nothing.
        std::vector<std::vector<std::vector<int>>> unproven;
        bool proofsComplete = false; ///< no line without one of the proofs matches
        bool runs = true;            ///< false for an expression that does not compile
    };
    QList<EntryMatch> rankEntries(QStringView text, const QSet<QString> *causeIds, const CauseSet *causes,
                                  Evidence evidence = Evidence::Lines) const;
    /// The literals of a prepared set of causes, looked for all at once, and their ids in m_literals.
    /// Filled by literalScan() on first use (rank() is const and may run in several threads).
    struct LiteralScan
    {
        std::once_flag built;
        Analysis::PhraseSet literals;
        std::vector<int> ids; ///< per id in literals: the id in m_literals
    };
    /** @p scan, the one prepared for @p causes, built if it was not yet. */
    const LiteralScan &literalScan(const CauseSet &causes, LiteralScan &scan) const;

    const KnowledgeBase *m_kb;
    std::vector<Prefilter> m_prefilters;               ///< every pattern of every entry, in order
    std::vector<std::vector<int>> m_patternsOfLiteral; ///< per literal: the m_prefilters whose first clause holds it
    std::vector<int> m_unfiltered;                     ///< the m_prefilters without clauses: tried on every text
    std::vector<qsizetype> m_entryCause;               ///< per entry: causeIndex() of its cause
    std::shared_ptr<Analysis::PhraseSet> m_literals;   ///< every required literal, lower-case UTF-8
    std::vector<std::string> m_literalText;            ///< per id in m_literals: the literal
    QHash<CauseSet, std::shared_ptr<LiteralScan>> m_prepared; ///< per prepared set of causes: its own literals
};

} // namespace MailDoctor
