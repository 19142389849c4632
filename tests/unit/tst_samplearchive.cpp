// Unrecognised samples kept for the knowledge-base maintainers: masked, never overwritten.

#include "samplearchive.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace MailDoctor;

class TestSampleArchive : public QObject
{
    Q_OBJECT

private slots:
    void masksAddressesAndPasswords();
    void neverOverwrites();
    void emptyTextIsRefused();
    void unusableFolderIsReported();
};

void TestSampleArchive::masksAddressesAndPasswords()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString text = QStringLiteral("From: taro.suzuki@example.jp\n"
                                        "password=hunter2\n"
                                        "謎のエラー 0x12345: 送信できません\n");
    const SampleSaveResult saved = saveUnrecognisedSample(text, dir.path());
    QVERIFY2(saved.ok(), qPrintable(saved.error));
    QFile file(saved.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    QVERIFY(!written.contains(QLatin1String("taro.suzuki@")));
    QVERIFY(written.contains(QLatin1String("@example.jp")));
    QVERIFY(!written.contains(QLatin1String("hunter2")));
    QVERIFY(written.contains(QStringLiteral("謎のエラー 0x12345: 送信できません")));
}

void TestSampleArchive::neverOverwrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime when(QDate(2026, 11, 22), QTime(9, 30, 0));
    const SampleSaveResult first = saveUnrecognisedSample(QStringLiteral("first"), dir.path(), when);
    const SampleSaveResult second = saveUnrecognisedSample(QStringLiteral("second"), dir.path(), when);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.path != second.path);
    QFile a(first.path);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), QByteArray("first"));
}

void TestSampleArchive::emptyTextIsRefused()
{
    QTemporaryDir dir;
    const SampleSaveResult saved = saveUnrecognisedSample(QStringLiteral("  \n "), dir.path());
    QVERIFY(!saved.ok());
    QVERIFY(saved.path.isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestSampleArchive::unusableFolderIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const SampleSaveResult saved = saveUnrecognisedSample(QStringLiteral("text"), blocker.fileName() + QLatin1String("/inside"));
    QVERIFY(!saved.ok());
    QVERIFY(saved.error.contains(QLatin1String("not-a-folder")));
}

QTEST_GUILESS_MAIN(TestSampleArchive)
#include "tst_samplearchive.moc"
