#include "kbvalidator.h"
#include "knowledgebase.h"

#include <QTest>

using namespace MailDoctor;

class TestKnowledgeBase : public QObject
{
    Q_OBJECT

private slots:
    void builtInLoads();
};

void TestKnowledgeBase::builtInLoads()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(kb.node(KnowledgeBase::startNodeId()));
}

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
