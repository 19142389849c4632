#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"
#include "localizedtext.h"
#include "sheet/masking.h"
#include "store/caserecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace MailDoctor {

/** Which languages a sheet is written in. */
enum class SheetLanguages { English, Japanese, Both };
/** Paper size of a printed sheet. */
enum class SheetPageSize { A4, Letter };

/** Parses "en", "ja" or "both". */
bool parseSheetLanguages(const QString &code, SheetLanguages *languages);
/** Parses "a4" or "letter" (any case). */
bool parseSheetPageSize(const QString &code, SheetPageSize *pageSize);
/** The sheet languages that match one UI language. */
SheetLanguages sheetLanguagesFor(Language language);

/** How a sheet is made: languages, paper, masking and the helpdesk footer. */
struct SheetOptions
{
    SheetLanguages languages = SheetLanguages::Japanese;
    SheetPageSize pageSize = SheetPageSize::A4;
    MaskOptions mask; ///< addresses masked by default; passwords are always removed
    bool includeNotes = false; ///< the helpdesk's notes (for a ticket, not for the caller)
    QString helpdeskName;
    QString helpdeskContact;
    QDateTime printedAt; ///< shown as the sheet's date; the current time when invalid
};

/** The sheet options last chosen in the app (QSettings "sheet/..."): helpdesk footer, paper, languages,
 * masking. */
SheetOptions sheetOptionsFromSettings();
/** Remembers the sheet options for the next sheet (and for `maildoctor-cli sheet`'s footer). */
void saveSheetOptionsToSettings(const SheetOptions &options);

/** One answered question of the symptom path, with its texts looked up in the knowledge base. */
struct SheetPathStep
{
    LocalizedText question;
    LocalizedText answer;
};

/** One row of the recipients table, already masked. */
struct SheetRecipient
{
    QString address;
    QString status;
    QString code;
    QString server;
    QString detail;
    QString didYouMean;
};

/** Everything a sheet shows, resolved from the knowledge base and masked; rendered as HTML or text. */
struct SheetModel
{
    QDateTime when;
    QString reference;
    QString caller;
    QString notes;
    QList<SheetPathStep> path;
    QList<SheetRecipient> recipients;
    QStringList matchedLines;
    QStringList codes;
    bool analysed = false; ///< text was pasted and analysed
    bool hasDiagnosis = false;
    LocalizedText diagnosisTitle;
    LocalizedText summary;
    LocalizedText explanation;
    QString severity;
    QString actor;
    QList<LocalizedText> steps;
    bool settingsChecklist = false;
    LocalizedText notice;
    bool masked = false;
    QString helpdeskName;
    QString helpdeskContact;
};

/** Builds the sheet's content from the knowledge base and a case; masking is applied here. */
SheetModel buildSheet(const KnowledgeBase &kb, const CaseRecord &record, const SheetOptions &options);
/** The sheet as an HTML page (pasted text always escaped; fits QTextDocument's HTML subset). */
QString renderSheetHtml(const SheetModel &sheet, const SheetOptions &options);
/** The line printed at the foot of every page: title, reference and the helpdesk. */
QString sheetFooter(const SheetModel &sheet, const SheetOptions &options);
/** The sheet as plain text, for "copy as text" into a ticket or a mail. */
QString renderSheetText(const SheetModel &sheet, const SheetOptions &options);

} // namespace MailDoctor
