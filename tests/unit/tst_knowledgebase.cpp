#include "kbvalidator.h"
#include "knowledgebase.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace MailDoctor;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(MAILDOCTOR_TEST_DATA "/kb/") + name;
}

QStringList problemLines(const QList<KbProblem> &problems)
{
    QStringList lines;
    for (const KbProblem &p : problems)
        lines.append(p.toString());
    return lines;
}

} // namespace

class TestKnowledgeBase : public QObject
{
    Q_OBJECT

private slots:
    void builtInIsValid();
    void builtInCoversEveryCause();
    void builtInTextsAreBilingual();
    void baseFixtureIsValid();
    void brokenFixture_data();
    void brokenFixture();
    void overlayAddsQuestionAndDiagnosis();
    void overlayReplacesEntryWithSameId();
    void brokenOverlayFallsBackToBuiltIn();
    void missingOverlayIsIgnored();
    void problemFormat();
    void localizedTextFallsBack();
};

void TestKnowledgeBase::builtInIsValid()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
    problems += validateKnowledgeBase(kb);
    QVERIFY2(problems.isEmpty(), qPrintable(problemLines(problems).join(QLatin1Char('\n'))));
    QVERIFY(kb.node(KnowledgeBase::startNodeId()));
}

void TestKnowledgeBase::builtInCoversEveryCause()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
    QVERIFY(kb.causes().size() >= 39);
    for (const Cause &cause : kb.causes())
        QVERIFY2(!kb.entriesForCause(cause.id).isEmpty(), qPrintable(cause.id));
}

void TestKnowledgeBase::builtInTextsAreBilingual()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
    for (const Entry &e : kb.entries()) {
        QVERIFY2(e.title.isComplete() && e.summary.isComplete() && e.explanation.isComplete(), qPrintable(e.id));
        for (const LocalizedText &step : e.steps)
            QVERIFY2(step.isComplete(), qPrintable(e.id));
        for (const LocalizedText &check : e.checks)
            QVERIFY2(check.isComplete(), qPrintable(e.id));
        QVERIFY2(e.notice.isEmpty() || e.notice.isComplete(), qPrintable(e.id));
        // Japanese text that is really English would pass a presence check; look for Japanese script.
        static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
        QVERIFY2(japanese.match(e.title.ja).hasMatch(), qPrintable(e.id));
    }
    for (const Node &n : kb.nodes()) {
        QVERIFY2(n.question.isComplete(), qPrintable(n.id));
        for (const Answer &a : n.answers)
            QVERIFY2(a.label.isComplete(), qPrintable(n.id + QLatin1Char('/') + a.id));
    }
}

void TestKnowledgeBase::baseFixtureIsValid()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(fixture(QStringLiteral("base")), &problems);
    problems += validateKnowledgeBase(kb);
    QVERIFY2(problems.isEmpty(), qPrintable(problemLines(problems).join(QLatin1Char('\n'))));
    QCOMPARE(kb.entries().size(), 2);
    QCOMPARE(kb.nodes().size(), 2);
}

void TestKnowledgeBase::brokenFixture_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("problem");

    QTest::newRow("bad-json") << "bad-json" << "" << "not valid JSON";
    QTest::newRow("unknown-cause") << "unknown-cause" << "mystery" << "unknown cause \"no-such-cause\"";
    QTest::newRow("duplicate-id") << "duplicate-id" << "twice" << "duplicate id";
    QTest::newRow("missing-language") << "missing-language" << "english-only" << "title has no Japanese text";
    QTest::newRow("bad-regex") << "bad-regex" << "bad-regex" << "does not compile";
    QTest::newRow("dangling-next") << "dangling-next" << "start/nowhere" << "\"missing-question\" does not exist";
    QTest::newRow("dangling-diagnosis") << "dangling-diagnosis" << "start/ghost" << "\"missing-entry\" does not exist";
    QTest::newRow("unreachable-node") << "unreachable-node" << "orphan" << "cannot be reached";
    QTest::newRow("cycle") << "cycle" << "pong/ping" << "a cycle";
    QTest::newRow("no-answers") << "no-answers" << "empty" << "question has no answers";
    QTest::newRow("no-way-to-diagnosis") << "no-answers" << "empty" << "no way to a diagnosis";
    QTest::newRow("two-targets") << "two-targets" << "start/both" << "exactly one of next, diagnosis or paste";
    QTest::newRow("uncovered-cause") << "uncovered-cause" << "mailbox-full" << "cause has no knowledge-base entry";
}

void TestKnowledgeBase::brokenFixture()
{
    QFETCH(QString, dir);
    QFETCH(QString, entry);
    QFETCH(QString, problem);

    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(fixture(QStringLiteral("base")), &problems);
    QVERIFY(problems.isEmpty());
    kb.loadDirectory(fixture(QStringLiteral("broken/") + dir), &problems);
    problems += validateKnowledgeBase(kb);

    bool found = false;
    for (const KbProblem &p : std::as_const(problems)) {
        if (p.entry == entry && p.problem.contains(problem)) {
            found = true;
            QVERIFY2(p.file.contains(dir), qPrintable(p.toString()));
        }
    }
    QVERIFY2(found, qPrintable(problemLines(problems).join(QLatin1Char('\n'))));
}

void TestKnowledgeBase::overlayAddsQuestionAndDiagnosis()
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(fixture(QStringLiteral("base")), &problems);
    kb.loadDirectory(fixture(QStringLiteral("extra")), &problems);
    problems += validateKnowledgeBase(kb);
    QVERIFY2(problems.isEmpty(), qPrintable(problemLines(problems).join(QLatin1Char('\n'))));
    const Node *start = kb.node(KnowledgeBase::startNodeId());
    QVERIFY(start);
    QCOMPARE(start->answers.size(), 3); // two built in, one added by the overlay
    QVERIFY(start->answer(QStringLiteral("vpn")));
    QVERIFY(kb.node(QStringLiteral("vpn-question")));
    QCOMPARE(kb.entry(QStringLiteral("vpn-blocks-mail"))->actor, QStringLiteral("your-admin"));
}

void TestKnowledgeBase::overlayReplacesEntryWithSameId()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("override.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"entries": [{"id": "user-unknown", "cause": "user-unknown", "severity": "permanent",
        "actor": "recipient", "title": {"en": "Local title", "ja": "独自の題名"},
        "summary": {"en": "S", "ja": "S"}, "explanation": {"en": "E", "ja": "E"},
        "steps": [{"en": "Call us.", "ja": "お電話ください。"}], "patterns": [{"regex": "user unknown"}]}]})");
    file.close();

    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(fixture(QStringLiteral("base")), &problems);
    kb.loadDirectory(dir.path(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(kb.entries().size(), 2);
    QCOMPARE(kb.entry(QStringLiteral("user-unknown"))->title.text(Language::Japanese), QStringLiteral("独自の題名"));
}

void TestKnowledgeBase::brokenOverlayFallsBackToBuiltIn()
{
    const KbLoadResult builtIn = loadKnowledgeBase({});
    if (!builtIn.problems.isEmpty())
        QSKIP("the built-in knowledge base has problems; builtInIsValid reports them");
    const KbLoadResult result = loadKnowledgeBase(fixture(QStringLiteral("broken/bad-regex")));
    QVERIFY(result.overlayRejected);
    QVERIFY(!result.problems.isEmpty());
    QVERIFY(!result.kb.entry(QStringLiteral("bad-regex")));
    QCOMPARE(result.kb.entries().size(), builtIn.kb.entries().size());
}

void TestKnowledgeBase::missingOverlayIsIgnored()
{
    const KbLoadResult result = loadKnowledgeBase(fixture(QStringLiteral("does-not-exist")));
    QVERIFY(!result.overlayRejected);
}

void TestKnowledgeBase::problemFormat()
{
    const KbProblem p{QStringLiteral("kb/entries/send.json"), QStringLiteral("relay"), QStringLiteral("duplicate id")};
    QCOMPARE(p.toString(), QStringLiteral("kb/entries/send.json: relay: duplicate id"));
    const KbProblem fileLevel{QStringLiteral("x.json"), {}, QStringLiteral("not valid JSON")};
    QCOMPARE(fileLevel.toString(), QStringLiteral("x.json: -: not valid JSON"));
}

void TestKnowledgeBase::localizedTextFallsBack()
{
    const LocalizedText both{QStringLiteral("Hello"), QStringLiteral("こんにちは")};
    QCOMPARE(both.text(Language::English), QStringLiteral("Hello"));
    QCOMPARE(both.text(Language::Japanese), QStringLiteral("こんにちは"));
    const LocalizedText englishOnly{QStringLiteral("Hello"), {}};
    QCOMPARE(englishOnly.text(Language::Japanese), QStringLiteral("Hello"));
    QVERIFY(!englishOnly.isComplete());
    Language language = Language::English;
    QVERIFY(parseLanguage(QStringLiteral("ja_JP"), &language));
    QCOMPARE(language, Language::Japanese);
    QVERIFY(!parseLanguage(QStringLiteral("fr"), &language));
}

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
