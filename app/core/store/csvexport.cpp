#include "csvexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace MailDoctor {

namespace {

QString header(const char *text)
{
    return QCoreApplication::translate("MailDoctor::CsvExport", text);
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

} // namespace

QString csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t')) {
            v.prepend(QLatin1Char('\''));
        }
    }
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\r')) || v.contains(QLatin1Char('\n'));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QString csvRecord(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted.append(csvField(f));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QByteArray casesToCsv(const QList<CaseRecord> &cases, const KnowledgeBase &kb,
                      const CsvExportOptions &options)
{
    QString csv = csvRecord({
        header("Case"),
        header("Reference"),
        header("Created"),
        header("Updated"),
        header("Language"),
        header("Caller"),
        header("Ticket"),
        header("Outcome"),
        header("Diagnosis"),
        header("Diagnosis title"),
        header("Cause"),
        header("Severity"),
        header("Recipients"),
        header("Answers"),
        header("Codes"),
        header("Notes"),
        header("Pasted text"),
        header("Elapsed seconds"),
    });
    for (const CaseRecord &r : cases) {
        const Entry *entry = kb.entry(r.diagnosis);
        QStringList recipients;
        for (const RecipientFinding &f : r.analysis.recipients)
            recipients.append(maskAddress(f.address, options.mask));
        QStringList answers;
        for (const Choice &c : r.path) {
            const Node *node = kb.node(c.nodeId);
            const Answer *answer = node ? node->answer(c.answerId) : nullptr;
            answers.append((node ? node->question.text(options.language) : c.nodeId) + QStringLiteral(" → ")
                           + (answer ? answer->label.text(options.language) : c.answerId));
        }
        QStringList codes;
        const FoundCodes &fc = r.analysis.codes;
        codes << fc.reply << fc.enhanced << fc.pop3 << fc.imap << fc.client;
        csv += csvRecord({
            r.id,
            r.reference(),
            localTime(r.created),
            localTime(r.updated),
            languageCode(r.language),
            r.callerName,
            r.ticket,
            caseOutcomeText(r.outcome),
            r.diagnosis,
            entry ? entry->title.text(options.language) : QString(),
            r.cause,
            entry ? entry->severity : r.analysis.severity,
            recipients.join(QStringLiteral(", ")),
            answers.join(QLatin1Char('\n')),
            codes.join(QStringLiteral(" ")),
            maskText(r.notes, options.mask),
            maskText(r.pastedText, options.mask),
            QString::number(r.elapsedSeconds),
        });
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

QString writeCasesCsv(const QString &path, const QList<CaseRecord> &cases, const KnowledgeBase &kb,
                      const CsvExportOptions &options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QCoreApplication::translate("MailDoctor::CsvExport", "Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    file.write(casesToCsv(cases, kb, options));
    if (!file.commit()) {
        return QCoreApplication::translate("MailDoctor::CsvExport", "Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace MailDoctor
