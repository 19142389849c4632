#pragma once

#include "sheet/sheetbuilder.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QString>

class QObject;
class QPagedPaintDevice;
class QTextDocument;

namespace MailDoctor {

/** Why a sheet could not be written; empty when it was. */
struct SheetWriteError
{
    QString message;
    bool isError() const { return !message.isEmpty(); }
};

/** The output formats a sheet can be written in, chosen by the file name's suffix. */
enum class SheetFormat { Pdf, Html, Text, Unknown };

/** PDF for ".pdf", HTML for ".html"/".htm", plain text for ".txt". */
SheetFormat sheetFormatForPath(const QString &path);
/** The QPageSize of a sheet paper size. */
QPageSize sheetQPageSize(SheetPageSize pageSize);

/**
 * A QTextDocument holding the sheet, for printing or a preview with printSheetDocument().
 * Needs a QGuiApplication (fonts). Japanese text is set in Noto Sans CJK JP when installed.
 */
QTextDocument *createSheetDocument(const QString &html, QObject *parent = nullptr);
/** Sets paper size and margins on a printer or PDF writer before printing a sheet to it. */
void setUpSheetPrinter(QPagedPaintDevice *device, SheetPageSize pageSize);

/**
 * Prints a sheet document page by page inside the device's margins, with footer text and "page / pages"
 * at the bottom of each page. Returns the number of pages (0 when the device could not be painted on).
 */
int printSheetDocument(QTextDocument *doc, QPagedPaintDevice *device, const QString &footer);

/** Writes the sheet as PDF (fonts embedded). Needs a QGuiApplication. */
SheetWriteError writeSheetPdf(const QString &html, const QString &title, const QString &path,
                              SheetPageSize pageSize, const QString &footer = {});

/** Builds the sheet for a case and writes it in the format the path's suffix asks for. */
SheetWriteError writeSheet(const KnowledgeBase &kb, const CaseRecord &record, const SheetOptions &options,
                           const QString &path);

} // namespace MailDoctor
