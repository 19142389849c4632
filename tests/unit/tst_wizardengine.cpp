// The wizard engine without widgets: walks the real knowledge base (whatever it contains) and a small
// overlay written by the test.

#include "../gui/extrakb.h"
#include "knowledgebase.h"
#include "wizardengine.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace MailDoctor;

namespace {

/** Every complete path from the start question: each ends at a diagnosis, the paste page or a dead end. */
void walk(const KnowledgeBase &kb, const WizardSession &session, QList<WizardSession> *leaves, int depth = 0)
{
    const WizardStep step = session.current();
    if (step.kind != WizardStep::Kind::Question || depth > 64) {
        leaves->append(session);
        return;
    }
    const Node *node = kb.node(step.id);
    if (!node || node->answers.isEmpty()) {
        leaves->append(session);
        return;
    }
    for (const Answer &answer : node->answers) {
        WizardSession next = session;
        if (!next.choose(answer.id)) {
            leaves->append(session);
            continue;
        }
        walk(kb, next, leaves, depth + 1);
    }
}

/** "node/answer" per choice, for comparing paths. */
QStringList pathOf(const QList<Choice> &choices)
{
    QStringList path;
    for (const Choice &choice : choices)
        path.append(choice.nodeId + QLatin1Char('/') + choice.answerId);
    return path;
}

} // namespace

class TestWizardEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyStartAnswerEndsInDiagnosisOrPaste_data();
    void everyStartAnswerEndsInDiagnosisOrPaste();
    void everyDiagnosisNamedByAQuestionIsReached();
    void backRestoresAnswers();
    void backFromPastedDiagnosisReturnsToPaste();
    void restartForgetsEverything();
    void restoreReplaysEveryPath();
    void restoreRejectsAStalePath();
    void extraKbAddsQuestionAndDiagnosis();

private:
    KbLoadResult m_loaded;
    QList<WizardSession> m_leaves;
};

void TestWizardEngine::initTestCase()
{
    m_loaded = loadKnowledgeBase({});
    QVERIFY2(m_loaded.problems.isEmpty(),
             qPrintable(m_loaded.problems.isEmpty() ? QString() : m_loaded.problems.constFirst().toString()));
    QVERIFY(m_loaded.kb.node(KnowledgeBase::startNodeId()));
    walk(m_loaded.kb, WizardSession(&m_loaded.kb), &m_leaves);
    QVERIFY(!m_leaves.isEmpty());
}

void TestWizardEngine::everyStartAnswerEndsInDiagnosisOrPaste_data()
{
    QTest::addColumn<QString>("answerId");
    const KbLoadResult loaded = loadKnowledgeBase({});
    const Node *start = loaded.kb.node(KnowledgeBase::startNodeId());
    QVERIFY(start);
    for (const Answer &answer : start->answers)
        QTest::newRow(qPrintable(answer.id)) << answer.id;
}

void TestWizardEngine::everyStartAnswerEndsInDiagnosisOrPaste()
{
    QFETCH(QString, answerId);
    WizardSession session(&m_loaded.kb);
    QVERIFY(session.choose(answerId));
    QList<WizardSession> leaves;
    walk(m_loaded.kb, session, &leaves);
    QVERIFY(!leaves.isEmpty());
    for (const WizardSession &leaf : std::as_const(leaves)) {
        const WizardStep step = leaf.current();
        QVERIFY2(step.kind == WizardStep::Kind::Diagnosis || step.kind == WizardStep::Kind::Paste,
                 qPrintable(QStringLiteral("path of %1 answers after %2 ends nowhere")
                                .arg(leaf.choices().size())
                                .arg(answerId)));
        if (step.kind == WizardStep::Kind::Diagnosis)
            QVERIFY2(m_loaded.kb.entry(step.id), qPrintable(step.id));
    }
}

void TestWizardEngine::everyDiagnosisNamedByAQuestionIsReached()
{
    QSet<QString> named;
    QSet<QString> allNodes;
    for (const Node &node : m_loaded.kb.nodes()) {
        allNodes.insert(node.id);
        for (const Answer &answer : node.answers) {
            if (!answer.diagnosis.isEmpty())
                named.insert(answer.diagnosis);
        }
    }
    QSet<QString> reached;
    QSet<QString> visitedNodes;
    for (const WizardSession &leaf : std::as_const(m_leaves)) {
        if (leaf.current().kind == WizardStep::Kind::Diagnosis)
            reached.insert(leaf.current().id);
        for (const Choice &choice : leaf.choices())
            visitedNodes.insert(choice.nodeId);
    }
    QCOMPARE(reached, named);
    QCOMPARE(visitedNodes, allNodes);
}

void TestWizardEngine::backRestoresAnswers()
{
    // The longest path exercises Back over the most questions.
    const WizardSession *longest = &m_leaves.constFirst();
    for (const WizardSession &leaf : std::as_const(m_leaves)) {
        if (leaf.choices().size() > longest->choices().size())
            longest = &leaf;
    }
    const QList<Choice> path = longest->choices();
    const WizardStep end = longest->current();
    WizardSession session(&m_loaded.kb);
    for (const Choice &choice : path)
        QVERIFY(session.choose(choice.answerId));
    QCOMPARE(session.current(), end);

    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        QVERIFY(session.canGoBack());
        session.back();
        QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Question, path.at(i).nodeId}));
        QCOMPARE(session.choices().size(), i);
        QCOMPARE(session.rememberedAnswer(path.at(i).nodeId), path.at(i).answerId);
    }
    QVERIFY(!session.canGoBack());
    // Going forward again with the remembered answers reaches the same end.
    while (session.current().kind == WizardStep::Kind::Question)
        QVERIFY(session.choose(session.rememberedAnswer(session.current().id)));
    QCOMPARE(session.current(), end);
}

void TestWizardEngine::backFromPastedDiagnosisReturnsToPaste()
{
    const WizardSession *pasteLeaf = nullptr;
    for (const WizardSession &leaf : std::as_const(m_leaves)) {
        if (leaf.current().kind == WizardStep::Kind::Paste)
            pasteLeaf = &leaf;
    }
    if (!pasteLeaf)
        QSKIP("the knowledge base has no answer that leads to the paste page");
    WizardSession session = *pasteLeaf;
    const QString entry = m_loaded.kb.entries().constLast().id;
    QVERIFY(!session.diagnose(QStringLiteral("no-such-entry")));
    QVERIFY(session.diagnose(entry));
    QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Diagnosis, entry}));
    QCOMPARE(session.pastedDiagnosis(), entry);
    session.back();
    QCOMPARE(session.current().kind, WizardStep::Kind::Paste);
    QVERIFY(session.pastedDiagnosis().isEmpty());
    QCOMPARE(pathOf(session.choices()), pathOf(pasteLeaf->choices()));
}

void TestWizardEngine::restartForgetsEverything()
{
    WizardSession session = m_leaves.constLast();
    QVERIFY(!session.choices().isEmpty());
    const Choice first = session.choices().constFirst();
    session.restart();
    QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Question, KnowledgeBase::startNodeId()}));
    QVERIFY(session.choices().isEmpty());
    QVERIFY(session.rememberedAnswer(first.nodeId).isEmpty());
}

void TestWizardEngine::restoreReplaysEveryPath()
{
    for (const WizardSession &leaf : std::as_const(m_leaves)) {
        WizardSession session(&m_loaded.kb);
        QVERIFY(session.restore(leaf.choices()));
        QCOMPARE(session.current(), leaf.current());
        QCOMPARE(pathOf(session.choices()), pathOf(leaf.choices()));
        if (leaf.current().kind == WizardStep::Kind::Paste) {
            const QString entry = m_loaded.kb.entries().constFirst().id;
            QVERIFY(session.restore(leaf.choices(), entry));
            QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Diagnosis, entry}));
        }
    }
}

void TestWizardEngine::restoreRejectsAStalePath()
{
    WizardSession session(&m_loaded.kb);
    QList<Choice> stale = m_leaves.constFirst().choices();
    QVERIFY(!stale.isEmpty());
    stale.last().answerId = QStringLiteral("answer-that-was-removed");
    QVERIFY(!session.restore(stale));
    QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Question, KnowledgeBase::startNodeId()}));
    QVERIFY(session.choices().isEmpty());
    // A diagnosis from the paste page is only valid on the paste page.
    if (m_leaves.constFirst().current().kind != WizardStep::Kind::Paste)
        QVERIFY(!session.restore(m_leaves.constFirst().choices(), m_loaded.kb.entries().constFirst().id));
}

void TestWizardEngine::extraKbAddsQuestionAndDiagnosis()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ExtraKb::write(dir.path(), m_loaded.kb));
    const KbLoadResult extended = loadKnowledgeBase(dir.path());
    QVERIFY2(extended.problems.isEmpty(),
             qPrintable(extended.problems.isEmpty() ? QString() : extended.problems.constFirst().toString()));
    QVERIFY(!extended.overlayRejected);

    // The built-in data alone does not know the new symptom.
    WizardSession builtIn(&m_loaded.kb);
    QVERIFY(!builtIn.choose(ExtraKb::symptomAnswer));

    WizardSession session(&extended.kb);
    QVERIFY(session.choose(ExtraKb::symptomAnswer));
    QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Question, ExtraKb::questionNode}));
    QCOMPARE(extended.kb.node(ExtraKb::questionNode)->question.text(Language::Japanese), ExtraKb::questionJa);
    QVERIFY(session.choose(ExtraKb::newDiagnosisAnswer));
    QCOMPARE(session.current(), (WizardStep{WizardStep::Kind::Diagnosis, ExtraKb::diagnosisEntry}));
    QCOMPARE(extended.kb.entry(ExtraKb::diagnosisEntry)->title.text(Language::English), ExtraKb::titleEn);

    // The old symptoms still work next to the new one.
    const Node *start = extended.kb.node(KnowledgeBase::startNodeId());
    QCOMPARE(start->answers.size(), m_loaded.kb.node(KnowledgeBase::startNodeId())->answers.size() + 1);
    QList<WizardSession> leaves;
    walk(extended.kb, WizardSession(&extended.kb), &leaves);
    QCOMPARE(leaves.size(), m_leaves.size() + 2);
}

QTEST_GUILESS_MAIN(TestWizardEngine)
#include "tst_wizardengine.moc"
