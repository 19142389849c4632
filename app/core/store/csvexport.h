#pragma once

#include "knowledgebase.h"
#include "sheet/masking.h"
#include "store/caserecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace MailDoctor {

/**
 * One CSV field as RFC 4180 wants it: quoted when it holds a comma, a quote, CR or LF (quotes doubled).
 * A field starting with =, +, -, @ or a tab gets a leading apostrophe so that a spreadsheet shows it as
 * text instead of running it as a formula.
 */
QString csvField(const QString &value);
/** One CSV record: the fields joined by commas, ended by CRLF. */
QString csvRecord(const QStringList &fields);

/** How cases are exported. */
struct CsvExportOptions
{
    Language language = Language::English; ///< for diagnosis titles and answers
    MaskOptions mask; ///< addresses masked by default; passwords are always removed
};

/** The cases as a CSV file: a header row, then one row per case; UTF-8 with a byte-order mark for Excel. */
QByteArray casesToCsv(const QList<CaseRecord> &cases, const KnowledgeBase &kb,
                      const CsvExportOptions &options);
/** Writes casesToCsv() to a file; returns a translated error message, or an empty string. */
QString writeCasesCsv(const QString &path, const QList<CaseRecord> &cases, const KnowledgeBase &kb,
                      const CsvExportOptions &options);

} // namespace MailDoctor
