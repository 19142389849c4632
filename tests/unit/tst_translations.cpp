// Every user-facing string has a finished Japanese translation, and the compiled catalogue
// embedded in the application actually translates.

#include "localizedtext.h"
#include "plainwords.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace MailDoctor;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void noUnfinishedEntries_data();
    void noUnfinishedEntries();
    void placeholdersKept();
    void catalogueSwitchesAtRunTime();
};

void TestTranslations::noUnfinishedEntries_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralsOnly");
    QTest::newRow("ja") << QStringLiteral(MAILDOCTOR_SOURCE_DIR "/translations/maildoctor_ja.ts") << false;
    // The English catalogue exists for plural forms only; other strings are English already.
    QTest::newRow("en-plurals") << QStringLiteral(MAILDOCTOR_SOURCE_DIR "/translations/maildoctor_en.ts") << true;
}

void TestTranslations::noUnfinishedEntries()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralsOnly);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&f);
    QString context;
    QString source;
    bool numerus = false;
    int messages = 0;
    QStringList unfinished;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("unfinished") && (numerus || !pluralsOnly))
                unfinished.append(context + QLatin1String(": ") + source);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 0 || pluralsOnly);
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersKept()
{
    // A translation that drops %1 shows the user a sentence with the fact missing.
    QFile f(QStringLiteral(MAILDOCTOR_SOURCE_DIR "/translations/maildoctor_ja.ts"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString source;
    QStringList broken;
    static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            if (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
                continue; // reported by noUnfinishedEntries
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            auto it = placeholder.globalMatch(source);
            while (it.hasNext()) {
                const QString p = it.next().captured(0);
                if (!translation.contains(p))
                    broken.append(source + QLatin1String(" -> ") + translation);
            }
        }
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
}

void TestTranslations::catalogueSwitchesAtRunTime()
{
    Translations translations;
    translations.apply(Language::Japanese);
    const QString ja = PlainWords::severityLabel(QStringLiteral("warning"));
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    QVERIFY2(japanese.match(ja).hasMatch(), qPrintable(ja));
    translations.apply(Language::English);
    QCOMPARE(PlainWords::severityLabel(QStringLiteral("warning")), QStringLiteral("Warning only"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
