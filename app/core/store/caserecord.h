#pragma once

#include "analysisresult.h"
#include "localizedtext.h"
#include "wizardengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace MailDoctor {

/** What became of a case; stored as its code ("open", "resolved", ...). */
enum class CaseOutcome { Open, Resolved, Escalated, FollowUp, Abandoned };

/** Every outcome, in the order a picker shows them. */
QList<CaseOutcome> allCaseOutcomes();
/** Stable code written to the database and to CSV ("open", "resolved", "escalated", "follow-up",
 * "abandoned"). */
QString caseOutcomeCode(CaseOutcome outcome);
/** Parses a code from caseOutcomeCode(); unknown codes give Open. */
CaseOutcome caseOutcomeFromCode(const QString &code);
/** The outcome in words, in the current UI language. */
QString caseOutcomeText(CaseOutcome outcome);

/** One troubleshooting case: the path through the wizard, what was pasted, what was found and what was done.
 */
struct CaseRecord
{
    QString id; ///< UUID without braces; empty until the first save
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC
    Language language = Language::English;
    QList<Choice> path; ///< answers given, in order
    QString pastedText; ///< text pasted for analysis (passwords are removed when saved)
    AnalysisResult analysis; ///< the analysis of pastedText, if any
    QString pastedDiagnosis; ///< entry chosen on the paste page (restores the session)
    QString diagnosis; ///< knowledge-base entry reached, or empty
    QString cause; ///< cause of that entry, for searching
    QString callerName;
    QString ticket; ///< ticket number or other reference
    QString notes;
    CaseOutcome outcome = CaseOutcome::Open;
    qint64 elapsedSeconds = 0;
    bool finished = false; ///< the caller was helped or the case was closed; not offered for recovery

    /** A short reference for sheets and lists: the ticket when given, else "MD-" and the id's first 8 digits.
     */
    QString reference() const;
    /** Recipient domains taken from the analysis, lower case, without duplicates. */
    QStringList recipientDomains() const;
};

/** The path as JSON: [{"node": ..., "answer": ...}, ...]. */
QJsonArray choicesToJson(const QList<Choice> &choices);
QList<Choice> choicesFromJson(const QJsonArray &array);

/** Reads back what AnalysisResult::toJson() wrote (the schema-1 contract). */
AnalysisResult analysisFromJson(const QJsonObject &object);

} // namespace MailDoctor
