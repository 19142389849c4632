#pragma once

#include "knowledgebase.h"

namespace MailDoctor {

/** One answered question on the way through the wizard. */
struct Choice
{
    QString nodeId;
    QString answerId;
};

/** Where the wizard is: a question, the paste-and-analyse page, or a diagnosis. */
struct WizardStep
{
    enum class Kind { Question, Paste, Diagnosis, Invalid };
    Kind kind = Kind::Invalid;
    QString id; ///< node id for a question, entry id for a diagnosis

    bool operator==(const WizardStep &other) const { return kind == other.kind && id == other.id; }
};

/**
 * The wizard's branching: from the answers so far to the next step. Stateless; the
 * knowledge base decides everything.
 */
WizardStep nextStep(const KnowledgeBase &kb, const QList<Choice> &choices);

/**
 * A walk through the wizard: the answers given, Back that keeps them for pre-selection,
 * Start over, and diagnoses reached from the paste page.
 */
class WizardSession
{
public:
    explicit WizardSession(const KnowledgeBase *kb);

    /** The knowledge base changed (language switch does not need this; an overlay reload does). */
    void setKnowledgeBase(const KnowledgeBase *kb);
    const KnowledgeBase *knowledgeBase() const { return m_kb; }

    WizardStep current() const;
    const QList<Choice> &choices() const { return m_choices; }

    /** Answers the current question; false when the answer is not one of its answers. */
    bool choose(const QString &answerId);
    /** Shows a diagnosis found by analysing pasted text (only from the paste page). */
    bool diagnose(const QString &entryId);

    bool canGoBack() const;
    /** Goes one step back; the answer given there stays remembered. */
    void back();
    /** Forgets everything and returns to the start question. */
    void restart();

    /** The diagnosis chosen on the paste page, or empty. */
    QString pastedDiagnosis() const { return m_pastedDiagnosis; }
    /** Puts the session back where a saved case left it; false (and a restart) when the path is no longer valid. */
    bool restore(const QList<Choice> &choices, const QString &pastedDiagnosis = {});

    /** The answer given earlier at this question, for pre-selecting it after Back. */
    QString rememberedAnswer(const QString &nodeId) const;

private:
    const KnowledgeBase *m_kb;
    QList<Choice> m_choices;
    QString m_pastedDiagnosis; ///< diagnosis chosen on the paste page, if any
    QHash<QString, QString> m_remembered;
};

} // namespace MailDoctor
