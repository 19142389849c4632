// The analyzer against the development corpus of real bounces (../shared/corpus), scored exactly
// as tools/score-corpus.py does: a truth row matches the predicted recipient with the same
// address (case-insensitive), or the prediction at the same position when the truth names none.

#include "analyzer.h"
#include "knowledgebase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace MailDoctor;

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreementWithTruth();
    void nonBouncesHaveNoFailedRecipients();

private:
    QString corpusDir(const QString &name) const;
    KbLoadResult m_loaded;
};

QString TestCorpus::corpusDir(const QString &name) const
{
    return QStringLiteral(MAILDOCTOR_SHARED_DIR "/corpus/") + name;
}

void TestCorpus::initTestCase()
{
    if (!QDir(corpusDir(QStringLiteral("set-of-emails-dev"))).exists())
        QSKIP("The shared corpus (MAILDOCTOR_SHARED_DIR/corpus/set-of-emails-dev) is not available here.");
    m_loaded = loadKnowledgeBase(QString());
}

void TestCorpus::agreementWithTruth()
{
    const QString dir = corpusDir(QStringLiteral("set-of-emails-dev"));
    QFile truthFile(dir + QStringLiteral("/truth.jsonl"));
    QVERIFY2(truthFile.open(QIODevice::ReadOnly), "truth.jsonl is missing");
    QMap<QString, QList<QJsonObject>> truth;
    while (!truthFile.atEnd()) {
        const QByteArray line = truthFile.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        truth[o.value(QLatin1String("file")).toString()].append(o);
    }
    QVERIFY(!truth.isEmpty());

    const Analyzer analyzer(&m_loaded.kb);
    int rows = 0, reasonOk = 0, statusRows = 0, statusOk = 0, recipientRows = 0, recipientOk = 0;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
        QFile f(dir + u'/' + it.key());
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(it.key()));
        const AnalysisResult result = analyzer.analyze(f.readAll(), it.key());
        const QList<RecipientFinding> &got = result.recipients;
        for (int i = 0; i < it.value().size(); ++i) {
            const QJsonObject &t = it.value().at(i);
            ++rows;
            const RecipientFinding *m = nullptr;
            const QString recipient = t.value(QLatin1String("recipient")).toString();
            if (!recipient.isEmpty()) {
                ++recipientRows;
                for (const RecipientFinding &g : got) {
                    if (g.address.compare(recipient, Qt::CaseInsensitive) == 0) {
                        m = &g;
                        break;
                    }
                }
                if (m)
                    ++recipientOk;
            } else if (i < got.size()) {
                m = &got.at(i);
            }
            if (m && m->reason == t.value(QLatin1String("reason")).toString())
                ++reasonOk;
            const QString status = t.value(QLatin1String("status")).toString();
            if (!status.isEmpty()) {
                ++statusRows;
                if (m && m->status == status)
                    ++statusOk;
            }
        }
    }
    const double reasonPct = 100.0 * reasonOk / qMax(rows, 1);
    const double statusPct = 100.0 * statusOk / qMax(statusRows, 1);
    const double recipientPct = 100.0 * recipientOk / qMax(recipientRows, 1);
    qInfo("recipients found: %d/%d (%.1f%%)", recipientOk, recipientRows, recipientPct);
    qInfo("status agreement: %d/%d (%.1f%%)", statusOk, statusRows, statusPct);
    qInfo("reason agreement: %d/%d (%.1f%%)", reasonOk, rows, reasonPct);
    QVERIFY2(recipientPct >= 98.0, "recipients found is below 98%");
    QVERIFY2(statusPct >= 95.0, "status agreement is below 95%");
    QVERIFY2(reasonPct >= 95.0, "reason agreement is below 95%");
}

void TestCorpus::nonBouncesHaveNoFailedRecipients()
{
    const QDir dir(corpusDir(QStringLiteral("set-of-emails-dev-not")));
    if (!dir.exists())
        QSKIP("set-of-emails-dev-not is not available here.");
    const Analyzer analyzer(&m_loaded.kb);
    const QStringList files = dir.entryList({QStringLiteral("*.eml")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const AnalysisResult result = analyzer.analyze(f.readAll(), name);
        for (const RecipientFinding &r : result.recipients)
            QVERIFY2(r.action != QLatin1String("failed"), qPrintable(QStringLiteral("%1: %2").arg(name, r.address)));
    }
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
