#include "analyzer.h"
#include "kbvalidator.h"
#include "knowledgebase.h"
#include "patternmatcher.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace MailDoctor;

/* The seed acceptance cases (../shared/acceptance/seed-cases.jsonl): every error text from the
 * helpdesk pages the knowledge base was written from must lead to its cause, through the analyzer
 * and through the knowledge-base patterns alone, so that the data carries the result by itself. */
class TestSeedAcceptance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtInKnowledgeBaseIsValid();
    void everyCauseHasAnEntry();
    void everyCatalogueCauseIsKnown();
    void analyzerFindsSeedCause_data();
    void analyzerFindsSeedCause();
    void patternsAloneFindSeedCause_data();
    void patternsAloneFindSeedCause();

private:
    void addSeedRows();

    KnowledgeBase m_kb;
    QList<KbProblem> m_loadProblems;
};

namespace {

QString sharedPath(const QString &relative)
{
    return QStringLiteral(MAILDOCTOR_SHARED_DIR "/") + relative;
}

QString problemLines(const QList<KbProblem> &problems)
{
    QStringList lines;
    for (const KbProblem &p : problems)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void TestSeedAcceptance::initTestCase()
{
    m_kb.loadDirectory(KnowledgeBase::builtInPath(), &m_loadProblems);
    QVERIFY2(!m_kb.isEmpty(), "the built-in knowledge base is not embedded");
}

void TestSeedAcceptance::builtInKnowledgeBaseIsValid()
{
    QList<KbProblem> problems = m_loadProblems;
    problems += validateKnowledgeBase(m_kb);
    QVERIFY2(problems.isEmpty(), qPrintable(problemLines(problems)));
}

void TestSeedAcceptance::everyCauseHasAnEntry()
{
    QVERIFY(!m_kb.causes().isEmpty());
    QStringList uncovered;
    for (const Cause &cause : m_kb.causes()) {
        if (m_kb.entriesForCause(cause.id).isEmpty())
            uncovered.append(cause.id);
    }
    QVERIFY2(uncovered.isEmpty(), qPrintable(QStringLiteral("causes without an entry: ") + uncovered.join(u' ')));
}

void TestSeedAcceptance::everyCatalogueCauseIsKnown()
{
    // causes.json is generated from the catalogue; a cause added there must reach the data too.
    QFile tsv(sharedPath(QStringLiteral("spec/causes.tsv")));
    if (!tsv.open(QIODevice::ReadOnly | QIODevice::Text))
        QSKIP("spec/causes.tsv not found under MAILDOCTOR_SHARED_DIR; the shared material is not here");
    bool header = true;
    int count = 0;
    while (!tsv.atEnd()) {
        const QString line = QString::fromUtf8(tsv.readLine()).trimmed();
        if (header || line.isEmpty()) {
            header = false;
            continue;
        }
        const QString id = line.section(QLatin1Char('\t'), 0, 0);
        QVERIFY2(m_kb.cause(id), qPrintable(QStringLiteral("cause missing from causes.json: ") + id));
        QVERIFY2(!m_kb.entriesForCause(id).isEmpty(), qPrintable(QStringLiteral("no entry for cause ") + id));
        ++count;
    }
    QCOMPARE(count, int(m_kb.causes().size()));
}

void TestSeedAcceptance::addSeedRows()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("accepted");
    QTest::addColumn<QString>("severity");

    QFile file(sharedPath(QStringLiteral("acceptance/seed-cases.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("acceptance/seed-cases.jsonl not found under MAILDOCTOR_SHARED_DIR; the shared material is not here");
    int rows = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonObject row = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QStringList accepted{row.value(QLatin1String("cause")).toString()};
        const QJsonArray accept = row.value(QLatin1String("accept")).toArray();
        for (const QJsonValue &v : accept)
            accepted.append(v.toString());
        const QByteArray id = row.value(QLatin1String("id")).toString().toUtf8();
        QTest::newRow(id.constData()) << row.value(QLatin1String("input")).toString() << accepted
                                      << row.value(QLatin1String("severity")).toString();
        ++rows;
    }
    QVERIFY2(rows > 0, "the seed case file is empty");
}

void TestSeedAcceptance::analyzerFindsSeedCause_data()
{
    addSeedRows();
}

void TestSeedAcceptance::analyzerFindsSeedCause()
{
    QFETCH(QString, input);
    QFETCH(QStringList, accepted);
    QFETCH(QString, severity);

    const Analyzer analyzer(&m_kb);
    const AnalysisResult result = analyzer.analyzeText(input, QString::fromUtf8(QTest::currentDataTag()));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY2(!result.causes.isEmpty(), "no cause recognised");
    const QString top = result.causes.first().cause;
    QVERIFY2(accepted.contains(top), qPrintable(QStringLiteral("top cause %1 (entry %2), expected %3")
                                                    .arg(top, result.causes.first().kb, accepted.join(u'|'))));
    if (!severity.isEmpty())
        QCOMPARE(result.severity, severity);
}

void TestSeedAcceptance::patternsAloneFindSeedCause_data()
{
    addSeedRows();
}

void TestSeedAcceptance::patternsAloneFindSeedCause()
{
    QFETCH(QString, input);
    QFETCH(QStringList, accepted);
    QFETCH(QString, severity);

    const PatternMatcher matcher(&m_kb);
    const QList<EntryMatch> ranked = matcher.rank(input);
    QVERIFY2(!ranked.isEmpty(), "no knowledge-base pattern matched");
    const Entry *top = ranked.first().entry;
    QString runnerUp;
    if (ranked.size() > 1)
        runnerUp = QStringLiteral(", runner-up %1 (%2)").arg(ranked.at(1).entry->id).arg(ranked.at(1).score);
    QVERIFY2(accepted.contains(top->cause), qPrintable(QStringLiteral("top entry %1 (cause %2, score %3)%4, expected %5")
                                                           .arg(top->id, top->cause)
                                                           .arg(ranked.first().score)
                                                           .arg(runnerUp, accepted.join(u'|'))));
    if (!severity.isEmpty())
        QCOMPARE(top->severity, severity);
}

QTEST_GUILESS_MAIN(TestSeedAcceptance)
#include "tst_seedacceptance.moc"
