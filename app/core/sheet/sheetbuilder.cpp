#include "sheetbuilder.h"

#include "sheet/sheetlabels.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>

namespace MailDoctor {

namespace {

const int maxMatchedLines = 12;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/** Text in the sheet's language(s); for both, Japanese first and English below. */
class Writer
{
public:
    explicit Writer(SheetLanguages languages) : m_languages(languages) { }

    bool both() const { return m_languages == SheetLanguages::Both; }
    Language primary() const
    {
        return m_languages == SheetLanguages::English ? Language::English : Language::Japanese;
    }

    /** A label on one line: "診断 / Diagnosis" for both. */
    QString label(SheetLabel l) const { return inline_(sheetLabelText(l)); }
    QString inline_(const LocalizedText &t) const
    {
        if (!both())
            return t.text(primary());
        const QString ja = t.text(Language::Japanese);
        const QString en = t.text(Language::English);
        return ja == en ? ja : ja + QStringLiteral(" / ") + en;
    }
    /** HTML for a longer text: both languages as two lines, the English one in grey. */
    QString html(const LocalizedText &t) const
    {
        if (!both())
            return esc(t.text(primary()));
        const QString ja = t.text(Language::Japanese);
        const QString en = t.text(Language::English);
        if (ja == en)
            return esc(ja);
        return esc(ja) + QStringLiteral("<br/><span class=\"en\">") + esc(en) + QStringLiteral("</span>");
    }
    /** Plain-text lines for a longer text, the second language indented under the first. */
    QStringList lines(const LocalizedText &t) const
    {
        if (!both())
            return { t.text(primary()) };
        const QString ja = t.text(Language::Japanese);
        const QString en = t.text(Language::English);
        if (ja == en)
            return { ja };
        return { ja, en };
    }

    QString date(const QDateTime &when) const
    {
        const QDateTime local = when.toLocalTime();
        const QString ja = QLocale(QLocale::Japanese, QLocale::Japan)
                               .toString(local, QStringLiteral("yyyy年M月d日(ddd) HH:mm"));
        const QString en = QLocale(QLocale::English, QLocale::UnitedKingdom)
                               .toString(local, QStringLiteral("d MMMM yyyy, HH:mm"));
        if (both())
            return ja + QStringLiteral(" / ") + en;
        return primary() == Language::Japanese ? ja : en;
    }

private:
    SheetLanguages m_languages;
};

/** Columns a text takes in a monospaced font: East Asian wide characters count twice. */
int displayWidth(const QString &text)
{
    int width = 0;
    for (QChar c : text) {
        const ushort u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115f) || (u >= 0x2e80 && u <= 0xa4cf)
            || (u >= 0xac00 && u <= 0xd7a3) || (u >= 0xf900 && u <= 0xfaff) || (u >= 0xfe30 && u <= 0xfe4f)
            || (u >= 0xff00 && u <= 0xff60) || (u >= 0xffe0 && u <= 0xffe6);
        width += wide ? 2 : 1;
    }
    return width;
}

QStringList evidenceLines(const CaseRecord &record, const QString &entryId)
{
    QStringList lines;
    auto add = [&lines](const QString &line) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !lines.contains(trimmed) && lines.size() < maxMatchedLines)
            lines.append(trimmed);
    };
    // The evidence of the cause that was diagnosed comes first, then that of the others.
    for (const CauseFinding &c : record.analysis.causes) {
        if (c.kb == entryId) {
            for (const QString &l : c.evidence)
                add(l);
        }
    }
    for (const CauseFinding &c : record.analysis.causes) {
        for (const QString &l : c.evidence)
            add(l);
    }
    if (lines.isEmpty() && !record.pastedText.isEmpty()) {
        // No pattern evidence: show the lines that carry a recognised code.
        QStringList codes;
        const FoundCodes &fc = record.analysis.codes;
        codes << fc.enhanced << fc.reply << fc.client << fc.pop3 << fc.imap;
        if (!codes.isEmpty()) {
            const QStringList pasted = record.pastedText.split(QRegularExpression(QStringLiteral("\\r?\\n")));
            for (const QString &l : pasted) {
                for (const QString &code : std::as_const(codes)) {
                    if (l.contains(code)) {
                        add(l);
                        break;
                    }
                }
            }
        }
    }
    return lines;
}

} // namespace

bool parseSheetLanguages(const QString &code, SheetLanguages *languages)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("both")) {
        *languages = SheetLanguages::Both;
        return true;
    }
    Language l;
    if (!parseLanguage(c, &l) || c == QLatin1String("c"))
        return false;
    *languages = sheetLanguagesFor(l);
    return true;
}

bool parseSheetPageSize(const QString &code, SheetPageSize *pageSize)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("a4")) {
        *pageSize = SheetPageSize::A4;
        return true;
    }
    if (c == QLatin1String("letter")) {
        *pageSize = SheetPageSize::Letter;
        return true;
    }
    return false;
}

SheetLanguages sheetLanguagesFor(Language language)
{
    return language == Language::Japanese ? SheetLanguages::Japanese : SheetLanguages::English;
}

SheetOptions sheetOptionsFromSettings()
{
    const QSettings settings;
    SheetOptions o;
    o.helpdeskName = settings.value(QStringLiteral("sheet/helpdeskName")).toString();
    o.helpdeskContact = settings.value(QStringLiteral("sheet/helpdeskContact")).toString();
    parseSheetPageSize(settings.value(QStringLiteral("sheet/pageSize"), QStringLiteral("a4")).toString(),
                       &o.pageSize);
    Language ui = Language::English;
    parseLanguage(settings.value(QStringLiteral("ui/language")).toString(),
                  &ui); // the UI language, set by the main window
    o.languages = sheetLanguagesFor(ui);
    parseSheetLanguages(settings.value(QStringLiteral("sheet/languages")).toString(), &o.languages);
    o.mask.addresses = settings.value(QStringLiteral("sheet/maskAddresses"), true).toBool();
    o.mask.hosts = settings.value(QStringLiteral("sheet/maskHosts"), false).toBool();
    o.mask.ipAddresses = settings.value(QStringLiteral("sheet/maskIpAddresses"), false).toBool();
    return o;
}

void saveSheetOptionsToSettings(const SheetOptions &o)
{
    QSettings settings;
    settings.setValue(QStringLiteral("sheet/helpdeskName"), o.helpdeskName);
    settings.setValue(QStringLiteral("sheet/helpdeskContact"), o.helpdeskContact);
    settings.setValue(QStringLiteral("sheet/pageSize"),
                      o.pageSize == SheetPageSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4"));
    settings.setValue(QStringLiteral("sheet/languages"),
                      o.languages == SheetLanguages::Both           ? QStringLiteral("both")
                          : o.languages == SheetLanguages::Japanese ? QStringLiteral("ja")
                                                                    : QStringLiteral("en"));
    settings.setValue(QStringLiteral("sheet/maskAddresses"), o.mask.addresses);
    settings.setValue(QStringLiteral("sheet/maskHosts"), o.mask.hosts);
    settings.setValue(QStringLiteral("sheet/maskIpAddresses"), o.mask.ipAddresses);
}

SheetModel buildSheet(const KnowledgeBase &kb, const CaseRecord &record, const SheetOptions &options)
{
    const MaskOptions &mask = options.mask;
    SheetModel s;
    s.when = options.printedAt.isValid() ? options.printedAt : QDateTime::currentDateTime();
    s.reference = maskText(record.reference(), mask);
    s.caller = record.callerName.trimmed();
    s.notes = options.includeNotes ? maskText(record.notes, mask) : QString();
    // The privacy note only where there was something to hide: pasted text or the helpdesk's notes.
    s.masked = (mask.addresses || mask.hosts || mask.ipAddresses)
        && (!record.pastedText.trimmed().isEmpty() || !record.analysis.recipients.isEmpty()
            || !s.notes.isEmpty());
    s.helpdeskName = options.helpdeskName;
    s.helpdeskContact = options.helpdeskContact;

    for (const Choice &c : record.path) {
        SheetPathStep step;
        const Node *node = kb.node(c.nodeId);
        const Answer *answer = node ? node->answer(c.answerId) : nullptr;
        // A case saved with an older knowledge base may name questions that are gone; show the ids.
        step.question = node ? node->question : LocalizedText { c.nodeId, c.nodeId };
        step.answer = answer ? answer->label : LocalizedText { c.answerId, c.answerId };
        s.path.append(step);
    }

    QString entryId = record.diagnosis;
    if (entryId.isEmpty() && !record.analysis.causes.isEmpty())
        entryId = record.analysis.causes.first().kb;
    const Entry *entry = kb.entry(entryId);

    s.analysed = !record.pastedText.trimmed().isEmpty() || !record.analysis.causes.isEmpty()
        || !record.analysis.recipients.isEmpty();
    for (const RecipientFinding &r : record.analysis.recipients) {
        SheetRecipient row;
        row.address = maskAddress(r.address, mask);
        row.status = QString(r.action + QLatin1Char(' ') + r.status).trimmed();
        row.code = r.replyCode;
        row.server = mask.hosts ? maskHost(r.remoteMta) : r.remoteMta;
        if (mask.ipAddresses)
            row.server = maskText(row.server, mask);
        row.detail = maskText(r.diagnostic, mask);
        row.didYouMean = r.didYouMean.isEmpty() ? QString() : maskAddress(r.didYouMean, mask);
        s.recipients.append(row);
    }
    const PasswordScrubber scrubber(record.pastedText);
    const QStringList lines = evidenceLines(record, entryId);
    for (const QString &l : lines)
        s.matchedLines.append(maskText(scrubber.line(l), mask));
    const FoundCodes &fc = record.analysis.codes;
    s.codes << fc.reply << fc.enhanced << fc.pop3 << fc.imap << fc.client;

    if (entry) {
        s.hasDiagnosis = true;
        s.diagnosisTitle = entry->title;
        s.summary = entry->summary;
        s.explanation = entry->explanation;
        s.severity = entry->severity;
        s.actor = entry->actor;
        s.steps = entry->steps;
        s.settingsChecklist = entry->settingsChecklist;
        s.notice = entry->notice;
    } else {
        s.severity = record.analysis.severity;
    }
    return s;
}

QString renderSheetHtml(const SheetModel &s, const SheetOptions &options)
{
    const Writer w(options.languages);
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/>")
             .arg(w.primary() == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en"));
    h += QStringLiteral("<title>") + esc(w.label(SheetLabel::Title)) + QStringLiteral("</title>\n<style>\n");
    h += QStringLiteral("@page { size: %1; margin: 15mm; }\n")
             .arg(options.pageSize == SheetPageSize::Letter ? QStringLiteral("letter")
                                                            : QStringLiteral("A4"));
    h += QStringLiteral("body { font-family: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, "
                        "sans-serif; font-size: 10pt; "
                        "color: #111111; }\n"
                        "h1 { font-size: 18pt; margin-bottom: 2pt; }\n"
                        "h2 { font-size: 12.5pt; margin-top: 14pt; margin-bottom: 4pt; color: #1a3c6e; }\n"
                        "h3 { font-size: 12pt; margin-top: 4pt; margin-bottom: 4pt; }\n"
                        ".sub { color: #555555; }\n"
                        ".en { color: #555555; font-size: 9pt; }\n"
                        ".mono { font-family: 'Noto Sans Mono', 'DejaVu Sans Mono', monospace; font-size: "
                        "8.5pt; white-space: pre-wrap; }\n"
                        ".grid { border-collapse: collapse; }\n"
                        ".grid th { background-color: #e8eef6; text-align: left; }\n"
                        ".foot { color: #333333; font-size: 9pt; }\n"
                        "</style></head><body>\n");

    h += QStringLiteral("<h1>") + esc(w.label(SheetLabel::Title)) + QStringLiteral("</h1>\n");
    h += QStringLiteral("<p class=\"sub\">") + w.html(sheetLabelText(SheetLabel::Subtitle))
        + QStringLiteral("</p>\n");

    h += QStringLiteral("<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    auto infoRow = [&](SheetLabel l, const QString &value) {
        h += QStringLiteral("<tr><th>") + esc(w.label(l)) + QStringLiteral("</th><td>") + esc(value)
            + QStringLiteral("</td></tr>\n");
    };
    infoRow(SheetLabel::DateTime, w.date(s.when));
    if (!s.reference.isEmpty())
        infoRow(SheetLabel::Reference, s.reference);
    if (!s.caller.isEmpty())
        infoRow(SheetLabel::Caller, s.caller);
    h += QStringLiteral("</table>\n");

    if (!s.path.isEmpty()) {
        h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::SymptomPath)) + QStringLiteral("</h2>\n<ol>\n");
        for (const SheetPathStep &p : s.path) {
            h += QStringLiteral("<li><b>") + w.html(p.question) + QStringLiteral("</b><br/>&#8594; ")
                + w.html(p.answer) + QStringLiteral("</li>\n");
        }
        h += QStringLiteral("</ol>\n");
    }

    if (s.analysed) {
        h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::Evidence)) + QStringLiteral("</h2>\n");
        if (!s.recipients.isEmpty()) {
            h += QStringLiteral("<p><b>") + esc(w.label(SheetLabel::Recipients))
                + QStringLiteral("</b></p>\n");
            h += QStringLiteral("<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "width=\"100%\">\n<tr>");
            for (SheetLabel l : { SheetLabel::Address, SheetLabel::Status, SheetLabel::ServerReply,
                                  SheetLabel::RemoteServer, SheetLabel::Detail }) {
                h += QStringLiteral("<th>") + esc(w.label(l)) + QStringLiteral("</th>");
            }
            h += QStringLiteral("</tr>\n");
            for (const SheetRecipient &r : s.recipients) {
                QString address = esc(r.address);
                if (!r.didYouMean.isEmpty()) {
                    address += QStringLiteral("<br/><i>") + esc(w.label(SheetLabel::DidYouMean))
                        + QStringLiteral(": ") + esc(r.didYouMean) + QStringLiteral("</i>");
                }
                h += QStringLiteral("<tr><td>") + address + QStringLiteral("</td><td>") + esc(r.status)
                    + QStringLiteral("</td><td>") + esc(r.code) + QStringLiteral("</td><td>") + esc(r.server)
                    + QStringLiteral("</td><td class=\"mono\">") + esc(r.detail)
                    + QStringLiteral("</td></tr>\n");
            }
            h += QStringLiteral("</table>\n");
        }
        if (!s.codes.isEmpty()) {
            h += QStringLiteral("<p><b>") + esc(w.label(SheetLabel::Codes)) + QStringLiteral(":</b> ")
                + esc(s.codes.join(QStringLiteral(", "))) + QStringLiteral("</p>\n");
        }
        if (!s.matchedLines.isEmpty()) {
            h += QStringLiteral("<p><b>") + esc(w.label(SheetLabel::MatchedLines))
                + QStringLiteral("</b></p>\n");
            h += QStringLiteral(
                "<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
                "<tr><td class=\"mono\">");
            QStringList escaped;
            for (const QString &l : s.matchedLines)
                escaped.append(esc(l));
            h += escaped.join(QStringLiteral("<br/>"));
            h += QStringLiteral("</td></tr></table>\n");
        }
        if (!s.hasDiagnosis && s.matchedLines.isEmpty())
            h += QStringLiteral("<p>") + w.html(sheetLabelText(SheetLabel::NothingFound))
                + QStringLiteral("</p>\n");
    }

    h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::Diagnosis)) + QStringLiteral("</h2>\n");
    if (!s.hasDiagnosis) {
        h += QStringLiteral("<p>") + w.html(sheetLabelText(SheetLabel::NoDiagnosis))
            + QStringLiteral("</p>\n");
    } else {
        h += QStringLiteral("<h3>") + w.html(s.diagnosisTitle) + QStringLiteral("</h3>\n");
        h += QStringLiteral("<p>") + w.html(s.summary) + QStringLiteral("</p>\n");
        h += QStringLiteral(
            "<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n");
        h += QStringLiteral("<tr><th width=\"22%\">") + esc(w.label(SheetLabel::Severity))
            + QStringLiteral("</th><td>") + w.html(severityInWords(s.severity))
            + QStringLiteral("</td></tr>\n");
        h += QStringLiteral("<tr><th>") + esc(w.label(SheetLabel::WhoMustAct)) + QStringLiteral("</th><td>")
            + w.html(actorInWords(s.actor)) + QStringLiteral("</td></tr>\n");
        if (!s.explanation.isEmpty()) {
            h += QStringLiteral("<tr><th>") + esc(w.label(SheetLabel::WhatHappened))
                + QStringLiteral("</th><td>") + w.html(s.explanation) + QStringLiteral("</td></tr>\n");
        }
        h += QStringLiteral("</table>\n");

        if (!s.steps.isEmpty()) {
            h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::RemedySteps))
                + QStringLiteral("</h2>\n<ol>\n");
            for (const LocalizedText &step : s.steps)
                h += QStringLiteral("<li>") + w.html(step) + QStringLiteral("</li>\n");
            h += QStringLiteral("</ol>\n");
        }
        if (s.settingsChecklist) {
            h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::SettingsChecklist))
                + QStringLiteral("</h2>\n");
            h += QStringLiteral("<p>") + w.html(sheetLabelText(SheetLabel::SettingsIntro))
                + QStringLiteral("</p>\n");
            h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n");
            const QList<LocalizedText> items = settingsChecklistItems();
            for (const LocalizedText &item : items) {
                h += QStringLiteral("<tr><td width=\"4%\" valign=\"top\">&#9633;</td><td>") + w.html(item)
                    + QStringLiteral("</td></tr>\n");
            }
            h += QStringLiteral("</table>\n");
        }
        if (!s.notice.isEmpty()) {
            h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::Notice)) + QStringLiteral("</h2>\n");
            h += QStringLiteral("<p>") + w.html(sheetLabelText(SheetLabel::NoticeIntro))
                + QStringLiteral(" <b>") + esc(w.inline_(actorInWords(s.actor)))
                + QStringLiteral("</b></p>\n");
            h += QStringLiteral(
                     "<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"8\" width=\"100%\">"
                     "<tr><td style=\"white-space: pre-wrap;\">")
                + w.html(s.notice) + QStringLiteral("</td></tr></table>\n");
        }
    }

    if (!s.notes.trimmed().isEmpty()) {
        h += QStringLiteral("<h2>") + esc(w.label(SheetLabel::Notes)) + QStringLiteral("</h2>\n");
        h += QStringLiteral("<p style=\"white-space: pre-wrap;\">") + esc(s.notes) + QStringLiteral("</p>\n");
    }

    h += QStringLiteral("<hr/>\n<p class=\"foot\">");
    QStringList foot;
    if (!s.helpdeskName.isEmpty())
        foot.append(QStringLiteral("<b>") + esc(w.label(SheetLabel::Helpdesk)) + QStringLiteral(":</b> ")
                    + esc(s.helpdeskName));
    if (!s.helpdeskContact.isEmpty())
        foot.append(QStringLiteral("<b>") + esc(w.label(SheetLabel::Contact)) + QStringLiteral(":</b> ")
                    + esc(s.helpdeskContact));
    if (s.masked)
        foot.append(w.html(sheetLabelText(SheetLabel::MaskedNote)));
    h += foot.join(QStringLiteral("<br/>"));
    h += QStringLiteral("</p>\n</body></html>\n");
    return h;
}

QString sheetFooter(const SheetModel &s, const SheetOptions &options)
{
    const Writer w(options.languages);
    QStringList parts { w.label(SheetLabel::Title) };
    if (!s.reference.isEmpty())
        parts.append(s.reference);
    if (!s.helpdeskName.isEmpty())
        parts.append(s.helpdeskName);
    return parts.join(QStringLiteral("  ·  "));
}

QString renderSheetText(const SheetModel &s, const SheetOptions &options)
{
    const Writer w(options.languages);
    QStringList out;
    auto heading = [&](SheetLabel l) {
        out.append(QString());
        out.append(QStringLiteral("■ ") + w.label(l));
    };
    auto indented = [&](const LocalizedText &t, const QString &prefix) {
        const QStringList lines = w.lines(t);
        for (qsizetype i = 0; i < lines.size(); ++i)
            out.append((i == 0 ? prefix : QString(displayWidth(prefix), QLatin1Char(' '))) + lines.at(i));
    };

    out.append(w.label(SheetLabel::Title));
    out.append(w.label(SheetLabel::DateTime) + QStringLiteral(": ") + w.date(s.when));
    if (!s.reference.isEmpty())
        out.append(w.label(SheetLabel::Reference) + QStringLiteral(": ") + s.reference);
    if (!s.caller.isEmpty())
        out.append(w.label(SheetLabel::Caller) + QStringLiteral(": ") + s.caller);

    if (!s.path.isEmpty()) {
        heading(SheetLabel::SymptomPath);
        int n = 0;
        for (const SheetPathStep &p : s.path) {
            const QString number = QString::number(++n) + QStringLiteral(". ");
            indented(p.question, number);
            indented(p.answer, QString(number.size(), QLatin1Char(' ')) + QStringLiteral("-> "));
        }
    }

    if (s.analysed) {
        heading(SheetLabel::Evidence);
        for (const SheetRecipient &r : s.recipients) {
            QStringList parts { r.address, r.status, r.code, r.server };
            parts.removeAll(QString());
            out.append(QStringLiteral("  - ") + parts.join(QStringLiteral("  ")));
            if (!r.detail.isEmpty())
                out.append(QStringLiteral("    ") + r.detail);
            if (!r.didYouMean.isEmpty())
                out.append(QStringLiteral("    ") + w.label(SheetLabel::DidYouMean) + QStringLiteral(": ")
                           + r.didYouMean);
        }
        if (!s.codes.isEmpty())
            out.append(w.label(SheetLabel::Codes) + QStringLiteral(": ")
                       + s.codes.join(QStringLiteral(", ")));
        if (!s.matchedLines.isEmpty()) {
            out.append(w.label(SheetLabel::MatchedLines) + QLatin1Char(':'));
            for (const QString &l : s.matchedLines)
                out.append(QStringLiteral("  > ") + l);
        }
        if (!s.hasDiagnosis && s.matchedLines.isEmpty())
            indented(sheetLabelText(SheetLabel::NothingFound), QString());
    }

    heading(SheetLabel::Diagnosis);
    if (!s.hasDiagnosis) {
        indented(sheetLabelText(SheetLabel::NoDiagnosis), QString());
    } else {
        indented(s.diagnosisTitle, QString());
        indented(s.summary, QString());
        indented(severityInWords(s.severity), w.label(SheetLabel::Severity) + QStringLiteral(": "));
        indented(actorInWords(s.actor), w.label(SheetLabel::WhoMustAct) + QStringLiteral(": "));
        if (!s.steps.isEmpty()) {
            heading(SheetLabel::RemedySteps);
            int n = 0;
            for (const LocalizedText &step : s.steps)
                indented(step, QString::number(++n) + QStringLiteral(". "));
        }
        if (s.settingsChecklist) {
            heading(SheetLabel::SettingsChecklist);
            const QList<LocalizedText> items = settingsChecklistItems();
            for (const LocalizedText &item : items)
                indented(item, QStringLiteral("[ ] "));
        }
        if (!s.notice.isEmpty()) {
            heading(SheetLabel::Notice);
            out.append(w.inline_(sheetLabelText(SheetLabel::NoticeIntro)) + QLatin1Char(' ')
                       + w.inline_(actorInWords(s.actor)));
            out.append(QStringLiteral("----"));
            const QStringList lines = w.lines(s.notice);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    out.append(QString());
                out.append(lines.at(i));
            }
            out.append(QStringLiteral("----"));
        }
    }

    if (!s.notes.trimmed().isEmpty()) {
        heading(SheetLabel::Notes);
        out.append(s.notes);
    }

    QStringList foot;
    if (!s.helpdeskName.isEmpty())
        foot.append(w.label(SheetLabel::Helpdesk) + QStringLiteral(": ") + s.helpdeskName);
    if (!s.helpdeskContact.isEmpty())
        foot.append(w.label(SheetLabel::Contact) + QStringLiteral(": ") + s.helpdeskContact);
    if (s.masked)
        foot.append(w.inline_(sheetLabelText(SheetLabel::MaskedNote)));
    if (!foot.isEmpty()) {
        out.append(QString());
        out.append(QStringLiteral("--"));
        out.append(foot);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace MailDoctor
