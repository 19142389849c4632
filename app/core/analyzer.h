#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"
#include "patternmatcher.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QSet>

namespace MailDoctor {

namespace Analysis {
struct BounceReading;
struct RecipientReading;
} // namespace Analysis

/**
 * Turns pasted text, an error line or a whole returned message into an AnalysisResult:
 * the kind of input, per-recipient facts and the ranked causes from the knowledge base.
 * The GUI's paste page and `maildoctor-cli analyze` both call this.
 */
class Analyzer
{
public:
    explicit Analyzer(const KnowledgeBase *kb);

    /** Analyses raw bytes as read from a file or the clipboard. */
    AnalysisResult analyze(const QByteArray &data, const QString &inputName = {}) const;
    /** Analyses text that is already decoded (a paste). */
    AnalysisResult analyzeText(const QString &text, const QString &inputName = {}) const;

    const KnowledgeBase *knowledgeBase() const { return m_kb; }

    /**
     * Whether @p data is no text (analyze() refuses it): more than one byte in twenty of its first
     * 8 KB a control character that text does not use. A UTF-16 byte order mark makes it text.
     */
    static bool looksBinary(QByteArrayView data);

    /** The cause that stands for a Sisimai reason when nothing more specific is known. */
    QString defaultCauseForReason(const QString &reason) const;

private:
    /** The causes whose entries may refine @p cause for a recipient with @p reason. */
    CauseSet candidatesFor(const QString &reason, const QString &cause) const;
    /** Whether the patterns must choose among @p candidates (or the entries of @p cause). */
    bool ranksFor(const CauseSet &candidates, const QString &cause) const;
    /** The findings of the recipients of @p reading, whose facts and evidence it takes. */
    void analyzeRecipients(Analysis::BounceReading &reading, AnalysisResult *result) const;
    void rankCauses(QStringView text, AnalysisResult *result) const;
    /** Adds @p cause (its knowledge-base entry @p entry, if any) to the result, or merges into it. */
    void addCause(AnalysisResult *result, const QString &cause, const Entry *entry, double confidence,
                  const QStringList &evidence) const;
    const Entry *entryFor(const QString &cause, const QList<EntryMatch> &matches) const;

    const KnowledgeBase *m_kb;
    PatternMatcher m_matcher;
    QHash<QString, QString> m_causeForReason;
    QHash<QString, CauseSet> m_causesForReason; ///< causes whose reason column names the reason
    CauseSet m_causesWithoutReason;             ///< causes a strong pattern may name for a vague reason
    QSet<QString> m_causesWithSeveralEntries;   ///< causes whose best entry the patterns must pick
    QHash<QString, const Entry *> m_firstEntry; ///< per cause: its first entry in the knowledge base
    /// What analyzeRecipients() needs to know of a reason, worked out once per reason it can meet.
    struct ReasonPlan
    {
        QString cause;       ///< defaultCauseForReason()
        CauseSet candidates; ///< candidatesFor() the reason and that cause
        bool ranks = false;  ///< ranksFor() those, for a reason that is not an information
        bool vague = false;  ///< a reason that says little about the cause
        bool info = false;   ///< vacation, delivered or feedback: not a failure
    };
    QHash<QString, ReasonPlan> m_reasonPlans;
    ReasonPlan planFor(const QString &reason) const;
};

} // namespace MailDoctor
