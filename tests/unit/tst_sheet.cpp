// The remedy sheet: content per language, masking, markup injection, paper sizes and the PDF.

#include "sheet/sheetbuilder.h"
#include "sheet/sheetlabels.h"
#include "sheet/sheetwriter.h"
#include "tst_sheet_fixture.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace MailDoctor;

namespace {

struct Fixture
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
};

const KnowledgeBase &kb()
{
    static Fixture f = [] {
        Fixture x;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fixture.json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(fixtureKb);
            file.close();
        }
        x.kb.loadFile(path, &x.problems);
        return x;
    }();
    return f.kb;
}

CaseRecord authCase()
{
    CaseRecord r;
    r.id = QStringLiteral("1f2e3d4c-aaaa-4bbb-8ccc-123456789abc");
    r.path = { { QStringLiteral("start"), QStringLiteral("cannot-send") },
               { QStringLiteral("how"), QStringLiteral("relay") } };
    r.diagnosis = QStringLiteral("smtp-auth-off");
    r.callerName = QStringLiteral("山田 太郎");
    return r;
}

CaseRecord bounceCase()
{
    CaseRecord r;
    r.id = QStringLiteral("9a8b7c6d-aaaa-4bbb-8ccc-123456789abc");
    r.ticket = QStringLiteral("INC-0815");
    r.path = { { QStringLiteral("start"), QStringLiteral("returned") } };
    r.pastedText
        = QStringLiteral("Final-Recipient: rfc822; hanako.suzuki@example.jp\n"
                         "Remote-MTA: dns; mx1.example.jp [192.0.2.25]\n"
                         "Diagnostic-Code: smtp; 452 4.2.2 <hanako.suzuki@example.jp>: mailbox full\n");
    r.analysis.kind = QStringLiteral("dsn");
    r.analysis.severity = QStringLiteral("transient");
    r.analysis.causes.append(
        { QStringLiteral("mailbox-full"),
          QStringLiteral("mailbox-full"),
          0.9,
          QStringLiteral("recipient"),
          { QStringLiteral("Diagnostic-Code: smtp; 452 4.2.2 <hanako.suzuki@example.jp>: mailbox full") } });
    RecipientFinding rf;
    rf.address = QStringLiteral("hanako.suzuki@example.jp");
    rf.action = QStringLiteral("delayed");
    rf.status = QStringLiteral("4.2.2");
    rf.replyCode = QStringLiteral("452");
    rf.remoteMta = QStringLiteral("mx1.example.jp");
    rf.diagnostic = QStringLiteral("452 4.2.2 <hanako.suzuki@example.jp>: mailbox full");
    r.analysis.recipients.append(rf);
    r.analysis.codes.reply = { QStringLiteral("452") };
    r.analysis.codes.enhanced = { QStringLiteral("4.2.2") };
    r.pastedDiagnosis = QStringLiteral("mailbox-full");
    r.diagnosis = QStringLiteral("mailbox-full");
    return r;
}

SheetOptions options(SheetLanguages languages)
{
    SheetOptions o;
    o.languages = languages;
    o.helpdeskName = QStringLiteral("Example Helpdesk");
    o.helpdeskContact = QStringLiteral("0120-000-000");
    o.printedAt = QDateTime(QDate(2024, 6, 3), QTime(14, 5), Qt::LocalTime);
    return o;
}

QString plainTextOfHtml(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

bool hasJapanese(const QString &s)
{
    for (QChar c : s) {
        const ushort u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff))
            return true;
    }
    return false;
}

QList<QSizeF> pdfPageSizes(const QByteArray &pdf)
{
    QList<QSizeF> sizes;
    static const QRegularExpression mediaBox(
        QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    QRegularExpressionMatchIterator it = mediaBox.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        sizes.append(QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()));
    }
    return sizes;
}

} // namespace

class TestSheet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void labelsAreCompleteInBothLanguages();
    void languages_data();
    void languages();
    void bothLanguagesOnOneSheet();
    void contentOfAGuidedCase();
    void contentOfABounce();
    void noDiagnosisYet();
    void plainTextIsNumberedAndHasNoMarkup();
    void masking_data();
    void masking();
    void sheetMasksAddressesByDefault();
    void passwordsNeverAppear_data();
    void passwordsNeverAppear();
    void markupInPastedTextStaysText_data();
    void markupInPastedTextStaysText();
    void pageSize_data();
    void pageSize();
    void pdfEmbedsAJapaneseFont_data();
    void pdfEmbedsAJapaneseFont();
    void writeSheetChoosesFormatBySuffix();
};

void TestSheet::initTestCase()
{
    QVERIFY(!kb().isEmpty());
    QVERIFY(kb().entry(QStringLiteral("mailbox-full")));
}

void TestSheet::labelsAreCompleteInBothLanguages()
{
    for (int i = 0; i < int(SheetLabel::Count); ++i) {
        const LocalizedText t = sheetLabelText(SheetLabel(i));
        QVERIFY2(t.isComplete(), qPrintable(QStringLiteral("label %1").arg(i)));
        QVERIFY2(hasJapanese(t.ja), qPrintable(t.ja));
        QVERIFY2(!hasJapanese(t.en), qPrintable(t.en));
        QVERIFY(t.en != t.ja);
    }
    const QStringList severities
        = { QStringLiteral("permanent"), QStringLiteral("transient"), QStringLiteral("warning"),
            QStringLiteral("local"),     QStringLiteral("info"),      QStringLiteral("unknown") };
    QSet<QString> seen;
    for (const QString &s : severities) {
        const LocalizedText t = severityInWords(s);
        QVERIFY(t.isComplete() && hasJapanese(t.ja));
        seen.insert(t.en);
    }
    QCOMPARE(seen.size(), severities.size());
    const QStringList actors
        = { QStringLiteral("you"),       QStringLiteral("your-admin"),      QStringLiteral("provider"),
            QStringLiteral("recipient"), QStringLiteral("recipient-admin"), QStringLiteral("nobody") };
    seen.clear();
    for (const QString &a : actors) {
        const LocalizedText t = actorInWords(a);
        QVERIFY(t.isComplete() && hasJapanese(t.ja));
        seen.insert(t.en);
    }
    QCOMPARE(seen.size(), actors.size());
    for (const LocalizedText &item : settingsChecklistItems())
        QVERIFY(item.isComplete() && hasJapanese(item.ja));
}

void TestSheet::languages_data()
{
    QTest::addColumn<int>("languages");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("en") << int(SheetLanguages::English)
                        << QStringList { QStringLiteral("Mail trouble remedy sheet"),
                                         QStringLiteral("What goes wrong?"), QStringLiteral("I cannot send"),
                                         QStringLiteral("Switch on SMTP authentication."),
                                         QStringLiteral("3 June 2024, 14:05") }
                        << QStringList { QStringLiteral("メールトラブル対処シート"),
                                         QStringLiteral("送信できない") };
    QTest::newRow("ja") << int(SheetLanguages::Japanese)
                        << QStringList { QStringLiteral("メールトラブル対処シート"),
                                         QStringLiteral("何がうまくいきませんか?"),
                                         QStringLiteral("送信できない"),
                                         QStringLiteral("SMTP認証を有効にします。"),
                                         QStringLiteral("2024年6月3日") }
                        << QStringList { QStringLiteral("Mail trouble remedy sheet"),
                                         QStringLiteral("I cannot send"),
                                         QStringLiteral("Switch on SMTP authentication.") };
}

void TestSheet::languages()
{
    QFETCH(int, languages);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const SheetOptions o = options(SheetLanguages(languages));
    const SheetModel sheet = buildSheet(kb(), authCase(), o);
    const QString text = plainTextOfHtml(renderSheetHtml(sheet, o));
    const QString copy = renderSheetText(sheet, o);
    for (const QString &p : present) {
        QVERIFY2(text.contains(p), qPrintable(p));
        QVERIFY2(copy.contains(p), qPrintable(p));
    }
    for (const QString &a : absent) {
        QVERIFY2(!text.contains(a), qPrintable(a));
        QVERIFY2(!copy.contains(a), qPrintable(a));
    }
}

void TestSheet::bothLanguagesOnOneSheet()
{
    const SheetOptions o = options(SheetLanguages::Both);
    const SheetModel sheet = buildSheet(kb(), bounceCase(), o);
    const QString html = renderSheetHtml(sheet, o);
    const QString text = plainTextOfHtml(html);
    for (const QString &s :
         { QStringLiteral("メールトラブル対処シート"), QStringLiteral("Mail trouble remedy sheet"),
           QStringLiteral("対処の手順"), QStringLiteral("What to do"),
           QStringLiteral("相手のメールボックスが一杯です"),
           QStringLiteral("The recipient's mailbox is full"), QStringLiteral("別の方法で相手に知らせます。"),
           QStringLiteral("Tell the recipient by another way."), QStringLiteral("2024年6月3日"),
           QStringLiteral("3 June 2024") }) {
        QVERIFY2(text.contains(s), qPrintable(s));
    }
    // Japanese comes first on a bilingual sheet.
    QVERIFY(text.indexOf(QStringLiteral("対処の手順")) < text.indexOf(QStringLiteral("What to do")));
    const QString copy = renderSheetText(sheet, o);
    QVERIFY(copy.contains(QStringLiteral("別の方法で相手に知らせます。")));
    QVERIFY(copy.contains(QStringLiteral("Tell the recipient by another way.")));
}

void TestSheet::contentOfAGuidedCase()
{
    SheetOptions o = options(SheetLanguages::English);
    const QString text = plainTextOfHtml(renderSheetHtml(buildSheet(kb(), authCase(), o), o));
    // Symptom path: each question with the answer given.
    QVERIFY(text.contains(QStringLiteral("What goes wrong?")));
    QVERIFY(text.contains(QStringLiteral("I cannot send")));
    QVERIFY(text.contains(QStringLiteral("What does the program say?")));
    QVERIFY(text.contains(QStringLiteral("Relaying is refused")));
    // Diagnosis, severity and actor in plain words.
    QVERIFY(text.contains(QStringLiteral("Sending needs authentication")));
    QVERIFY(text.contains(severityInWords(QStringLiteral("local")).en));
    QVERIFY(text.contains(actorInWords(QStringLiteral("you")).en));
    // Numbered steps, in order.
    const qsizetype s1 = text.indexOf(QStringLiteral("Open the account settings."));
    const qsizetype s3 = text.indexOf(QStringLiteral("Send a test message to yourself."));
    QVERIFY(s1 >= 0 && s3 > s1);
    // "settings": true adds the checklist with the ports and SMTP authentication.
    for (const QString &p :
         { QStringLiteral("587"), QStringLiteral("465"), QStringLiteral("995"), QStringLiteral("993"),
           QStringLiteral("SMTP authentication"), QStringLiteral("SSL/TLS"),
           QStringLiteral("Incoming mail server"), QStringLiteral("Outgoing mail server") }) {
        QVERIFY2(text.contains(p), qPrintable(p));
    }
    // The footer and header carry the helpdesk and the case.
    QVERIFY(text.contains(QStringLiteral("Example Helpdesk")));
    QVERIFY(text.contains(QStringLiteral("0120-000-000")));
    QVERIFY(text.contains(QStringLiteral("MD-1F2E3D4C")));
    QVERIFY(text.contains(QStringLiteral("山田 太郎")));
    // No evidence section without a paste, no notice where the fix is the user's own.
    QVERIFY(!text.contains(sheetLabel(SheetLabel::Evidence, Language::English)));
    QVERIFY(!text.contains(sheetLabel(SheetLabel::Notice, Language::English)));
}

void TestSheet::contentOfABounce()
{
    SheetOptions o = options(SheetLanguages::English);
    const SheetModel sheet = buildSheet(kb(), bounceCase(), o);
    const QString html = renderSheetHtml(sheet, o);
    const QString text = plainTextOfHtml(html);
    QVERIFY(text.contains(QStringLiteral("INC-0815")));
    // Recipients table.
    QVERIFY(html.contains(QStringLiteral("<th>Address</th>")));
    QVERIFY(text.contains(QStringLiteral("h***@example.jp")));
    QVERIFY(text.contains(QStringLiteral("delayed 4.2.2")));
    QVERIFY(text.contains(QStringLiteral("mx1.example.jp")));
    // Matched lines of the pasted text.
    QVERIFY(
        text.contains(QStringLiteral("Diagnostic-Code: smtp; 452 4.2.2 <h***@example.jp>: mailbox full")));
    // The fix is on the recipient's side: the ready-to-send message, addressed to them.
    QVERIFY(text.contains(QStringLiteral("Hello, my mail to you came back because your mailbox is full.")));
    QVERIFY(text.contains(actorInWords(QStringLiteral("recipient")).en));
    // No settings checklist for an entry without "settings".
    QVERIFY(!text.contains(QStringLiteral("587")));
    QVERIFY(!text.contains(sheetLabel(SheetLabel::SettingsChecklist, Language::English)));
}

void TestSheet::noDiagnosisYet()
{
    CaseRecord r;
    r.path = { { QStringLiteral("start"), QStringLiteral("returned") } };
    r.pastedText = QStringLiteral("something that matches nothing");
    SheetOptions o = options(SheetLanguages::Japanese);
    const QString text = plainTextOfHtml(renderSheetHtml(buildSheet(kb(), r, o), o));
    QVERIFY(text.contains(sheetLabel(SheetLabel::NoDiagnosis, Language::Japanese)));
    QVERIFY(text.contains(sheetLabel(SheetLabel::NothingFound, Language::Japanese)));
}

void TestSheet::plainTextIsNumberedAndHasNoMarkup()
{
    SheetOptions o = options(SheetLanguages::English);
    const QString copy = renderSheetText(buildSheet(kb(), authCase(), o), o);
    QVERIFY(copy.contains(QStringLiteral("1. Open the account settings.")));
    QVERIFY(copy.contains(QStringLiteral("2. Switch on SMTP authentication.")));
    QVERIFY(copy.contains(QStringLiteral("3. Send a test message to yourself.")));
    QVERIFY(copy.contains(QStringLiteral("[ ] ")));
    QVERIFY(!copy.contains(QLatin1Char('<')));
    QVERIFY(!copy.contains(QStringLiteral("&lt;")));
}

void TestSheet::masking_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("hosts");
    QTest::addColumn<bool>("ips");
    QTest::addColumn<QString>("expected");
    QTest::newRow("address") << QStringLiteral("to taro@example.jp failed") << false << false
                             << QStringLiteral("to t***@example.jp failed");
    QTest::newRow("address-in-brackets") << QStringLiteral("<hanako.s+news@docomo.ne.jp>") << false << false
                                         << QStringLiteral("<h***@docomo.ne.jp>");
    QTest::newRow("address-next-to-japanese") << QStringLiteral("宛先taro@example.jpは不明") << false << false
                                              << QStringLiteral("宛先t***@example.jpは不明");
    QTest::newRow("two-addresses") << QStringLiteral("a@x.jp, bb@y.com") << false << false
                                   << QStringLiteral("a***@x.jp, b***@y.com");
    QTest::newRow("host-kept-by-default") << QStringLiteral("mx1.example.jp [192.0.2.25]") << false << false
                                          << QStringLiteral("mx1.example.jp [192.0.2.25]");
    QTest::newRow("hosts") << QStringLiteral("Remote-MTA: dns; mx1.example.jp") << true << false
                           << QStringLiteral("Remote-MTA: dns; m***.e***.jp");
    QTest::newRow("hosts-and-address")
        << QStringLiteral("taro@mail.example.jp") << true << false << QStringLiteral("t***@m***.e***.jp");
    QTest::newRow("ipv4") << QStringLiteral("from [192.0.2.25] port 25") << false << true
                          << QStringLiteral("from [192.*.*.*] port 25");
    QTest::newRow("ipv6") << QStringLiteral("from 2001:db8::1f:25 at 12:30:45") << false << true
                          << QStringLiteral("from 2001:*** at 12:30:45");
    QTest::newRow("status-code-is-not-an-ip") << QStringLiteral("550 5.1.1 and version 1.2.3") << false
                                              << true << QStringLiteral("550 5.1.1 and version 1.2.3");
}

void TestSheet::masking()
{
    QFETCH(QString, input);
    QFETCH(bool, hosts);
    QFETCH(bool, ips);
    QFETCH(QString, expected);
    MaskOptions m;
    m.hosts = hosts;
    m.ipAddresses = ips;
    QCOMPARE(maskText(input, m), expected);
}

void TestSheet::sheetMasksAddressesByDefault()
{
    SheetOptions o = options(SheetLanguages::English);
    QVERIFY(o.mask.addresses);
    CaseRecord r = bounceCase();
    r.notes = QStringLiteral("also wrote to ichiro@example.org");
    o.includeNotes = true;
    const QString html = renderSheetHtml(buildSheet(kb(), r, o), o);
    QVERIFY(!html.contains(QStringLiteral("hanako.suzuki@")));
    QVERIFY(!html.contains(QStringLiteral("ichiro@")));
    QVERIFY(html.contains(QStringLiteral("i***@example.org")));
    QVERIFY(html.contains(sheetLabel(SheetLabel::MaskedNote, Language::English)));

    o.mask = MaskOptions::none();
    const QString open = renderSheetHtml(buildSheet(kb(), r, o), o);
    QVERIFY(open.contains(QStringLiteral("hanako.suzuki@example.jp")));
    QVERIFY(!open.contains(sheetLabel(SheetLabel::MaskedNote, Language::English)));

    o.mask.hosts = true;
    o.mask.ipAddresses = true;
    const QString hidden = renderSheetHtml(buildSheet(kb(), r, o), o);
    QVERIFY(!hidden.contains(QStringLiteral("mx1.example.jp")));
    QVERIFY(hidden.contains(QStringLiteral("m***.e***.jp")));
}

void TestSheet::passwordsNeverAppear_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret");
    QTest::newRow("key-value") << QStringLiteral("user=taro password=Sup3rSecret! host=x")
                               << QStringLiteral("Sup3rSecret!");
    QTest::newRow("key-colon-quoted")
        << QStringLiteral("Password: \"two words\"") << QStringLiteral("two words");
    QTest::newRow("japanese-label") << QStringLiteral("パスワード：himitsu123")
                                    << QStringLiteral("himitsu123");
    QTest::newRow("pop3-pass") << QStringLiteral("+OK\nUSER taro\nPASS letmein99\n-ERR [AUTH] failed")
                               << QStringLiteral("letmein99");
    QTest::newRow("pop3-transcript") << QStringLiteral("C: PASS letmein99") << QStringLiteral("letmein99");
    QTest::newRow("imap-login") << QStringLiteral("a001 LOGIN taro \"pa ss\"\na001 NO [AUTHENTICATIONFAILED]")
                                << QStringLiteral("pa ss");
    QTest::newRow("auth-plain") << QStringLiteral("AUTH PLAIN AHRhcm8Ac2VjcmV0")
                                << QStringLiteral("AHRhcm8Ac2VjcmV0");
    QTest::newRow("auth-login-prompt")
        << QStringLiteral("AUTH LOGIN\n334 VXNlcm5hbWU6\ndGFybw==\n334 UGFzc3dvcmQ6\nc2VjcmV0\n535 failed")
        << QStringLiteral("c2VjcmV0");
    QTest::newRow("url-credentials") << QStringLiteral("imaps://taro:s3cr3t@imap.example.jp/")
                                     << QStringLiteral("s3cr3t");
}

void TestSheet::passwordsNeverAppear()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    QVERIFY(!removePasswords(input).contains(secret));
    QVERIFY(!maskText(input, MaskOptions::none()).contains(secret));

    CaseRecord r = bounceCase();
    r.pastedText = input;
    r.analysis.causes.first().evidence = input.split(QLatin1Char('\n'));
    SheetOptions o = options(SheetLanguages::English);
    o.mask = MaskOptions::none();
    o.includeNotes = true;
    r.notes = input;
    const SheetModel sheet = buildSheet(kb(), r, o);
    QVERIFY(!renderSheetHtml(sheet, o).contains(secret.toHtmlEscaped()));
    QVERIFY(!renderSheetText(sheet, o).contains(secret));
}

void TestSheet::markupInPastedTextStaysText_data()
{
    QTest::addColumn<QString>("markup");
    QTest::newRow("img-onerror") << QStringLiteral("<img src=x onerror=alert(1)>");
    QTest::newRow("script") << QStringLiteral("<script>alert('x')</script>");
    QTest::newRow("link") << QStringLiteral("<a href=\"http://evil.example/\">click</a>");
    QTest::newRow("entity") << QStringLiteral("&lt;b&gt; &amp; <b>bold</b>");
}

void TestSheet::markupInPastedTextStaysText()
{
    QFETCH(QString, markup);
    CaseRecord r = bounceCase();
    const QString line = QStringLiteral("550 5.7.1 rejected ") + markup;
    r.pastedText = line;
    r.analysis.causes.first().evidence = { line };
    r.analysis.recipients.first().diagnostic = line;
    r.callerName = markup;
    r.ticket = markup;
    r.notes = markup;
    SheetOptions o = options(SheetLanguages::Both);
    o.mask = MaskOptions::none();
    o.includeNotes = true;
    o.helpdeskName = markup;
    const QString html = renderSheetHtml(buildSheet(kb(), r, o), o);
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<a ")));
    QVERIFY(!html.contains(QStringLiteral("<b>bold")));

    QTextDocument doc;
    doc.setHtml(html);
    const QString shown = doc.toPlainText();
    QVERIFY2(shown.contains(line), qPrintable(shown));
    QVERIFY(shown.count(markup) >= 5);
    // Nothing became an image or a link in the rendered document.
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (QTextBlock::iterator it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            QVERIFY(!f.isImageFormat());
            QVERIFY(!f.isAnchor());
        }
    }
}

void TestSheet::pageSize_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("css");
    QTest::addColumn<QSizeF>("points");
    QTest::newRow("a4") << int(SheetPageSize::A4) << QStringLiteral("size: A4") << QSizeF(595, 842);
    QTest::newRow("letter") << int(SheetPageSize::Letter) << QStringLiteral("size: letter")
                            << QSizeF(612, 792);
}

void TestSheet::pageSize()
{
    QFETCH(int, pageSize);
    QFETCH(QString, css);
    QFETCH(QSizeF, points);
    SheetOptions o = options(SheetLanguages::Japanese);
    o.pageSize = SheetPageSize(pageSize);
    QVERIFY(renderSheetHtml(buildSheet(kb(), bounceCase(), o), o).contains(css));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    const SheetWriteError e = writeSheet(kb(), bounceCase(), o, path);
    QVERIFY2(!e.isError(), qPrintable(e.message));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QSizeF> sizes = pdfPageSizes(f.readAll());
    QVERIFY(!sizes.isEmpty());
    for (const QSizeF &s : sizes) {
        QVERIFY2(qAbs(s.width() - points.width()) < 1.5 && qAbs(s.height() - points.height()) < 1.5,
                 qPrintable(QStringLiteral("%1 x %2").arg(s.width()).arg(s.height())));
    }
}

void TestSheet::pdfEmbedsAJapaneseFont_data()
{
    QTest::addColumn<int>("languages");
    QTest::newRow("ja") << int(SheetLanguages::Japanese);
    QTest::newRow("both") << int(SheetLanguages::Both);
}

void TestSheet::pdfEmbedsAJapaneseFont()
{
    QFETCH(int, languages);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    SheetOptions o = options(SheetLanguages(languages));
    const SheetWriteError e = writeSheet(kb(), authCase(), o, path);
    QVERIFY2(!e.isError(), qPrintable(e.message));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("%PDF-"));

    const QString pdffonts = QStandardPaths::findExecutable(QStringLiteral("pdffonts"));
    if (pdffonts.isEmpty())
        QSKIP("pdffonts (poppler-utils) is not installed; the embedded-font check needs it");
    QProcess p;
    p.start(pdffonts, { path });
    QVERIFY(p.waitForFinished(30000));
    const QString listing = QString::fromUtf8(p.readAllStandardOutput());
    // Columns: name type encoding emb sub uni object ID
    bool embeddedCjk = false;
    const QStringList lines = listing.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.contains(QStringLiteral("CJK")) && !line.contains(QStringLiteral("JP")))
            continue;
        const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cols.size() >= 7 && cols.at(cols.size() - 5) == QLatin1String("yes"))
            embeddedCjk = true;
    }
    QVERIFY2(embeddedCjk, qPrintable(listing));
}

void TestSheet::writeSheetChoosesFormatBySuffix()
{
    QTemporaryDir dir;
    const SheetOptions o = options(SheetLanguages::English);
    const QString html = dir.filePath(QStringLiteral("s.html"));
    QVERIFY(!writeSheet(kb(), authCase(), o, html).isError());
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    QVERIFY(h.readAll().startsWith("<!DOCTYPE html>"));
    const QString txt = dir.filePath(QStringLiteral("s.txt"));
    QVERIFY(!writeSheet(kb(), authCase(), o, txt).isError());
    QFile t(txt);
    QVERIFY(t.open(QIODevice::ReadOnly));
    QVERIFY(t.readAll().startsWith("Mail trouble remedy sheet"));
    QVERIFY(writeSheet(kb(), authCase(), o, dir.filePath(QStringLiteral("s.doc"))).isError());
    QCOMPARE(sheetFormatForPath(QStringLiteral("X.PDF")), SheetFormat::Pdf);
}

QTEST_MAIN(TestSheet)
#include "tst_sheet.moc"
