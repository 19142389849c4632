#include "wizardengine.h"

namespace MailDoctor {

WizardStep nextStep(const KnowledgeBase &kb, const QList<Choice> &choices)
{
    const Node *node = kb.node(KnowledgeBase::startNodeId());
    if (!node)
        return {};
    for (const Choice &choice : choices) {
        if (choice.nodeId != node->id)
            return {};
        const Answer *answer = node->answer(choice.answerId);
        if (!answer)
            return {};
        if (answer->paste)
            return {WizardStep::Kind::Paste, {}};
        if (!answer->diagnosis.isEmpty())
            return kb.entry(answer->diagnosis) ? WizardStep{WizardStep::Kind::Diagnosis, answer->diagnosis}
                                               : WizardStep{};
        node = kb.node(answer->next);
        if (!node)
            return {};
    }
    return {WizardStep::Kind::Question, node->id};
}

WizardSession::WizardSession(const KnowledgeBase *kb) : m_kb(kb) {}

void WizardSession::setKnowledgeBase(const KnowledgeBase *kb)
{
    m_kb = kb;
    if (current().kind == WizardStep::Kind::Invalid)
        restart();
}

WizardStep WizardSession::current() const
{
    if (!m_pastedDiagnosis.isEmpty())
        return {WizardStep::Kind::Diagnosis, m_pastedDiagnosis};
    return nextStep(*m_kb, m_choices);
}

bool WizardSession::choose(const QString &answerId)
{
    const WizardStep step = current();
    if (step.kind != WizardStep::Kind::Question)
        return false;
    const Node *node = m_kb->node(step.id);
    if (!node || !node->answer(answerId))
        return false;
    m_choices.append({step.id, answerId});
    m_remembered.insert(step.id, answerId);
    return true;
}

bool WizardSession::diagnose(const QString &entryId)
{
    if (current().kind != WizardStep::Kind::Paste || !m_kb->entry(entryId))
        return false;
    m_pastedDiagnosis = entryId;
    return true;
}

bool WizardSession::canGoBack() const
{
    return !m_pastedDiagnosis.isEmpty() || !m_choices.isEmpty();
}

void WizardSession::back()
{
    if (!m_pastedDiagnosis.isEmpty())
        m_pastedDiagnosis.clear();
    else if (!m_choices.isEmpty())
        m_choices.removeLast();
}

void WizardSession::restart()
{
    m_choices.clear();
    m_pastedDiagnosis.clear();
    m_remembered.clear();
}

bool WizardSession::restore(const QList<Choice> &choices, const QString &pastedDiagnosis)
{
    restart();
    for (const Choice &choice : choices) {
        if (current().kind != WizardStep::Kind::Question || current().id != choice.nodeId || !choose(choice.answerId)) {
            restart();
            return false;
        }
    }
    if (!pastedDiagnosis.isEmpty() && !diagnose(pastedDiagnosis)) {
        restart();
        return false;
    }
    return true;
}

QString WizardSession::rememberedAnswer(const QString &nodeId) const
{
    return m_remembered.value(nodeId);
}

} // namespace MailDoctor
