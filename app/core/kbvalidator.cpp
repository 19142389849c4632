#include "kbvalidator.h"

#include <QCoreApplication>
#include <QSet>

namespace MailDoctor {

namespace {

class Validator
{
    Q_DECLARE_TR_FUNCTIONS(MailDoctor::KbValidator)

public:
    Validator(const KnowledgeBase &kb, PatternCheck patternCheck) : m_kb(kb), m_patternCheck(patternCheck) {}

    QList<KbProblem> run()
    {
        checkCauses();
        for (const Entry &entry : m_kb.entries())
            checkEntry(entry);
        for (const Node &node : m_kb.nodes())
            checkNode(node);
        checkReachability();
        return m_problems;
    }

private:
    void add(const QString &file, const QString &id, const QString &problem)
    {
        m_problems.append({file, id, problem});
    }

    void requireText(const QString &file, const QString &id, const LocalizedText &text, const QString &field,
                     bool optional = false)
    {
        if (optional && text.isEmpty())
            return;
        if (text.en.trimmed().isEmpty())
            add(file, id, tr("%1 has no English text").arg(field));
        if (text.ja.trimmed().isEmpty())
            add(file, id, tr("%1 has no Japanese text").arg(field));
    }

    void checkCauses()
    {
        for (const Cause &cause : m_kb.causes()) {
            if (!knownSeverities().contains(cause.severity))
                add(cause.file, cause.id, tr("unknown severity \"%1\"").arg(cause.severity));
            if (!knownActors().contains(cause.actor))
                add(cause.file, cause.id, tr("unknown actor \"%1\"").arg(cause.actor));
        }
        QSet<QString> covered;
        for (const Entry &entry : m_kb.entries())
            covered.insert(entry.cause);
        for (const Cause &cause : m_kb.causes()) {
            if (!covered.contains(cause.id))
                add(cause.file, cause.id, tr("cause has no knowledge-base entry"));
        }
    }

    void checkEntry(const Entry &e)
    {
        if (!m_kb.cause(e.cause))
            add(e.file, e.id, tr("unknown cause \"%1\"").arg(e.cause));
        if (!knownSeverities().contains(e.severity))
            add(e.file, e.id, tr("unknown severity \"%1\"").arg(e.severity));
        if (!knownActors().contains(e.actor))
            add(e.file, e.id, tr("unknown actor \"%1\"").arg(e.actor));
        requireText(e.file, e.id, e.title, QStringLiteral("title"));
        requireText(e.file, e.id, e.summary, QStringLiteral("summary"));
        requireText(e.file, e.id, e.explanation, QStringLiteral("explanation"));
        requireText(e.file, e.id, e.notice, QStringLiteral("notice"), true);
        if (e.steps.isEmpty())
            add(e.file, e.id, tr("no remedy steps"));
        for (qsizetype i = 0; i < e.steps.size(); ++i)
            requireText(e.file, e.id, e.steps.at(i), QStringLiteral("step %1").arg(i + 1));
        for (qsizetype i = 0; i < e.checks.size(); ++i)
            requireText(e.file, e.id, e.checks.at(i), QStringLiteral("check %1").arg(i + 1));
        for (const Pattern &p : e.patterns) {
            const bool compile = !e.builtIn || m_patternCheck == PatternCheck::All;
            if (compile && p.kind == PatternKind::Regex && !p.regex.isValid())
                add(e.file, e.id, tr("pattern \"%1\" does not compile: %2").arg(p.value, p.regex.errorString()));
            if (p.weight <= 0)
                add(e.file, e.id, tr("pattern \"%1\" has a weight that is not positive").arg(p.value));
        }
        for (const QString &related : e.related) {
            if (!m_kb.entry(related))
                add(e.file, e.id, tr("related entry \"%1\" does not exist").arg(related));
        }
    }

    void checkNode(const Node &n)
    {
        requireText(n.file, n.id, n.question, QStringLiteral("question"));
        requireText(n.file, n.id, n.help, QStringLiteral("help"), true);
        requireText(n.file, n.id, n.aloud, QStringLiteral("aloud"), true);
        requireText(n.file, n.id, n.listen, QStringLiteral("listen"), true);
        if (n.answers.isEmpty())
            add(n.file, n.id, tr("question has no answers"));
        QSet<QString> answerIds;
        for (const Answer &a : n.answers) {
            const QString where = n.id + QLatin1Char('/') + a.id;
            const QString &file = a.file.isEmpty() ? n.file : a.file;
            if (a.id.isEmpty())
                add(file, n.id, tr("answer without an id"));
            else if (answerIds.contains(a.id))
                add(file, where, tr("duplicate answer id"));
            answerIds.insert(a.id);
            requireText(n.file, where, a.label, QStringLiteral("label"));
            const int targets = int(!a.next.isEmpty()) + int(!a.diagnosis.isEmpty()) + int(a.paste);
            if (targets != 1)
                add(file, where, tr("answer must lead to exactly one of next, diagnosis or paste"));
            if (!a.next.isEmpty() && !m_kb.node(a.next))
                add(file, where, tr("next question \"%1\" does not exist").arg(a.next));
            if (!a.diagnosis.isEmpty() && !m_kb.entry(a.diagnosis))
                add(file, where, tr("diagnosis \"%1\" does not exist").arg(a.diagnosis));
        }
    }

    // Depth-first walk from the start question: finds unreachable questions, cycles and
    // questions from which no diagnosis can be reached.
    void checkReachability()
    {
        if (m_kb.nodes().isEmpty())
            return;
        const Node *start = m_kb.node(KnowledgeBase::startNodeId());
        if (!start) {
            add(QStringLiteral("kb"), KnowledgeBase::startNodeId(), tr("there is no start question"));
            return;
        }
        visit(start);
        for (const Node &n : m_kb.nodes()) {
            if (!m_state.contains(n.id))
                add(n.file, n.id, tr("question cannot be reached from the start"));
            else if (!m_leadsToDiagnosis.value(n.id))
                add(n.file, n.id, tr("question has no way to a diagnosis"));
        }
        for (const Entry &e : m_kb.entries()) {
            if (!m_reachedEntries.contains(e.id) && e.patterns.isEmpty())
                add(e.file, e.id, tr("entry has no patterns and no question leads to it"));
        }
    }

    enum class State { Visiting, Done };

    bool visit(const Node *n)
    {
        m_state.insert(n->id, State::Visiting);
        bool leads = false;
        for (const Answer &a : n->answers) {
            if (!a.diagnosis.isEmpty() && m_kb.entry(a.diagnosis)) {
                m_reachedEntries.insert(a.diagnosis);
                leads = true;
            } else if (a.paste) {
                leads = true;
            } else if (const Node *next = a.next.isEmpty() ? nullptr : m_kb.node(a.next)) {
                const auto it = m_state.constFind(next->id);
                if (it == m_state.constEnd()) {
                    leads = visit(next) || leads;
                } else if (*it == State::Visiting) {
                    add(a.file.isEmpty() ? n->file : a.file, n->id + QLatin1Char('/') + a.id,
                        tr("answer leads back to \"%1\" (a cycle)").arg(next->id));
                } else {
                    leads = m_leadsToDiagnosis.value(next->id) || leads;
                }
            }
        }
        m_state.insert(n->id, State::Done);
        m_leadsToDiagnosis.insert(n->id, leads);
        return leads;
    }

    const KnowledgeBase &m_kb;
    const PatternCheck m_patternCheck;
    QList<KbProblem> m_problems;
    QHash<QString, State> m_state;
    QHash<QString, bool> m_leadsToDiagnosis;
    QSet<QString> m_reachedEntries;
};

} // namespace

const QStringList &knownSeverities()
{
    static const QStringList list{QStringLiteral("permanent"), QStringLiteral("transient"),
                                  QStringLiteral("warning"),   QStringLiteral("local"),
                                  QStringLiteral("info"),      QStringLiteral("unknown")};
    return list;
}

const QStringList &knownActors()
{
    static const QStringList list{QStringLiteral("you"),       QStringLiteral("your-admin"),
                                  QStringLiteral("provider"),  QStringLiteral("recipient"),
                                  QStringLiteral("recipient-admin"), QStringLiteral("nobody")};
    return list;
}

QList<KbProblem> validateKnowledgeBase(const KnowledgeBase &kb, PatternCheck patternCheck)
{
    return Validator(kb, patternCheck).run();
}

} // namespace MailDoctor
