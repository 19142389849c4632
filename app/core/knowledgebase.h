#pragma once

#include "localizedtext.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace MailDoctor {

/** What a detection pattern looks at: a regular expression over a line, or a code found in it. */
enum class PatternKind { Regex, ReplyCode, EnhancedCode, Pop3Code, ImapCode, ClientCode };

/** One detection pattern of a knowledge-base entry. */
struct Pattern
{
    PatternKind kind = PatternKind::Regex;
    QString value;            ///< the expression or the code as written in the data file
    double weight = 1.0;      ///< how strongly a match points at the entry
    QRegularExpression regex; ///< compiled form, only for PatternKind::Regex
};

/** A cause from the cause catalogue (resources/kb/causes.json). */
struct Cause
{
    QString id;
    QString area;
    QString severity;
    QString actor;
    QString reason; ///< the Sisimai reason that fits, or empty
    QString file;
};

/** A diagnosis: what happened, who must act, and how to fix it. */
struct Entry
{
    QString id;
    QString cause;
    QString severity;
    QString actor;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText explanation;
    QList<LocalizedText> steps;  ///< ordered remedy steps
    QList<LocalizedText> checks; ///< what a helpdesk should ask or check
    LocalizedText notice;        ///< ready-to-send message to whoever must act, optional
    QList<Pattern> patterns;
    QStringList related;
    bool settingsChecklist = false; ///< the sheet adds the server/port/authentication checklist
    bool builtIn = false;           ///< comes with the application (checked by `kb lint` at build time)
    QString file;
};

/** One possible answer to a wizard question. Exactly one of next, diagnosis or paste is set. */
struct Answer
{
    QString id;
    LocalizedText label;
    QString next;      ///< id of the next question
    QString diagnosis; ///< id of the entry this answer leads to
    bool paste = false; ///< leads to the paste-and-analyse page
    QString file;       ///< the data file that defined it (an overlay may add answers)
};

/** A wizard question. */
struct Node
{
    QString id;
    LocalizedText question;
    LocalizedText help;
    LocalizedText aloud;  ///< the question phrased to be read to a caller
    LocalizedText listen; ///< what to listen for in the caller's answer
    QList<Answer> answers;
    QString file;

    const Answer *answer(const QString &answerId) const;
};

/** A problem found while loading or validating, reported as "file: entry: problem". */
struct KbProblem
{
    QString file;
    QString entry;
    QString problem;

    QString toString() const;
};

/** The knowledge base: causes, diagnoses and wizard questions, loaded from JSON data files. */
class KnowledgeBase
{
public:
    /** Where the built-in data lives (embedded resources). */
    static QString builtInPath();
    /** The user's overlay folder: entries there add to or replace built-in ones. */
    static QString defaultOverlayPath();
    /** Id of the first wizard question. */
    static QString startNodeId();

    /** Reads every *.json below dir. Ids already loaded are replaced; problems are appended. */
    void loadDirectory(const QString &dir, QList<KbProblem> *problems);
    /** Reads one data file. */
    void loadFile(const QString &path, QList<KbProblem> *problems, const QString &displayName = {});

    const QList<Cause> &causes() const { return m_causes; }
    const QList<Entry> &entries() const { return m_entries; }
    const QList<Node> &nodes() const { return m_nodes; }

    const Cause *cause(const QString &id) const;
    const Entry *entry(const QString &id) const;
    const Node *node(const QString &id) const;
    /** The entries that belong to a cause, in file order. */
    QList<const Entry *> entriesForCause(const QString &causeId) const;

    bool isEmpty() const { return m_entries.isEmpty() && m_nodes.isEmpty(); }

private:
    void parseDocument(const QByteArray &data, const QString &file, bool builtIn, QList<KbProblem> *problems);
    bool claimId(const QString &kind, const QString &id, const QString &file, QList<KbProblem> *problems);

    QSet<QString> m_layerIds; ///< ids seen in the layer being loaded, to report duplicates

    QList<Cause> m_causes;
    QList<Entry> m_entries;
    QList<Node> m_nodes;
    QHash<QString, qsizetype> m_causeIndex;
    QHash<QString, qsizetype> m_entryIndex;
    QHash<QString, qsizetype> m_nodeIndex;
};

/** The result of loading the built-in knowledge base and an optional overlay. */
struct KbLoadResult
{
    KnowledgeBase kb;
    QList<KbProblem> problems;    ///< problems of the overlay (or of the built-in data)
    bool overlayRejected = false; ///< the overlay was broken and the built-in data alone is in use
};

/** Loads and validates the built-in data plus the overlay folder (skipped when empty or missing). */
KbLoadResult loadKnowledgeBase(const QString &overlayDir);

} // namespace MailDoctor
