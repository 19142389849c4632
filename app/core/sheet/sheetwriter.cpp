#include "sheetwriter.h"

#include "sheet/sheetlabels.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextOption>

#include <memory>

namespace MailDoctor {

namespace {

QFont sheetFont()
{
    // A Japanese face first, so that kanji get Japanese glyph shapes rather than Chinese ones.
    QFont font;
    const QStringList families = QFontDatabase::families();
    for (const QLatin1String candidate :
         { QLatin1String("Noto Sans CJK JP"), QLatin1String("Noto Sans JP"), QLatin1String("IPAexGothic"),
           QLatin1String("IPAGothic"), QLatin1String("Hiragino Sans"), QLatin1String("Yu Gothic"),
           QLatin1String("Meiryo") }) {
        if (families.contains(candidate)) {
            font.setFamily(candidate);
            break;
        }
    }
    font.setPointSizeF(10);
    return font;
}

bool haveGuiApplication()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

} // namespace

SheetFormat sheetFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return SheetFormat::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return SheetFormat::Html;
    if (suffix == QLatin1String("txt"))
        return SheetFormat::Text;
    return SheetFormat::Unknown;
}

QPageSize sheetQPageSize(SheetPageSize pageSize)
{
    return QPageSize(pageSize == SheetPageSize::Letter ? QPageSize::Letter : QPageSize::A4);
}

QTextDocument *createSheetDocument(const QString &html, QObject *parent)
{
    auto *doc = new QTextDocument(parent);
    doc->setDefaultFont(sheetFont());
    QTextOption option = doc->defaultTextOption();
    // Long unbroken tokens (base64, message ids) must wrap instead of running off the paper.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    doc->setHtml(html);
    return doc;
}

void setUpSheetPrinter(QPagedPaintDevice *device, SheetPageSize pageSize)
{
    device->setPageSize(sheetQPageSize(pageSize));
    device->setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
}

int printSheetDocument(QTextDocument *doc, QPagedPaintDevice *device, const QString &footer)
{
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    // Lay out at the device's resolution inside its margins; QTextDocument::print() would add another 2 cm.
    doc->documentLayout()->setPaintDevice(device);
    QTextFrameFormat frame = doc->rootFrame()->frameFormat();
    frame.setMargin(0);
    doc->rootFrame()->setFrameFormat(frame);
    QFont footerFont = doc->defaultFont();
    footerFont.setPointSizeF(8);
    const QFontMetricsF footerMetrics(footerFont, device);
    const qreal footerHeight = footerMetrics.height() * 2;
    const QSizeF body(device->width(), device->height() - footerHeight);
    doc->setPageSize(body);
    const int pages = doc->pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device->newPage();
        painter.save();
        // Blocks that straddle the page edge are drawn whole; the clip keeps them out of the footer.
        painter.setClipRect(QRectF(QPointF(0, 0), body));
        painter.translate(0, -i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        context.palette.setColor(QPalette::Text, Qt::black);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF footerRect(0, device->height() - footerMetrics.height(), body.width(),
                                footerMetrics.height());
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter, footer);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1 / %2").arg(i + 1).arg(pages));
    }
    return pages;
}

SheetWriteError writeSheetPdf(const QString &html, const QString &title, const QString &path,
                              SheetPageSize pageSize, const QString &footer)
{
    if (!haveGuiApplication())
        return { QCoreApplication::translate(
            "MailDoctor::SheetWriter",
            "A PDF can only be made when the program runs with a graphical platform (QGuiApplication).") };
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        return { QCoreApplication::translate("MailDoctor::SheetWriter", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), probe.errorString()) };
    }
    probe.close();

    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Mail Doctor"));
    writer.setResolution(300);
    setUpSheetPrinter(&writer, pageSize);
    const std::unique_ptr<QTextDocument> doc(createSheetDocument(html));
    if (printSheetDocument(doc.get(), &writer, footer) == 0)
        return { QCoreApplication::translate("MailDoctor::SheetWriter", "Cannot write %1.")
                     .arg(QDir::toNativeSeparators(path)) };
    return {};
}

SheetWriteError writeSheet(const KnowledgeBase &kb, const CaseRecord &record, const SheetOptions &options,
                           const QString &path)
{
    const SheetFormat format = sheetFormatForPath(path);
    if (format == SheetFormat::Unknown)
        return { QCoreApplication::translate(
                     "MailDoctor::SheetWriter",
                     "Cannot tell the format of %1: use a name ending in .pdf, .html or .txt.")
                     .arg(path) };
    const SheetModel sheet = buildSheet(kb, record, options);
    if (format == SheetFormat::Pdf) {
        const QString title = options.languages == SheetLanguages::English
            ? sheetLabel(SheetLabel::Title, Language::English)
            : sheetLabel(SheetLabel::Title, Language::Japanese);
        return writeSheetPdf(renderSheetHtml(sheet, options), title, path, options.pageSize,
                             sheetFooter(sheet, options));
    }
    const QString content
        = format == SheetFormat::Html ? renderSheetHtml(sheet, options) : renderSheetText(sheet, options);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return { QCoreApplication::translate("MailDoctor::SheetWriter", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString()) };
    }
    file.write(content.toUtf8());
    if (!file.commit())
        return { QCoreApplication::translate("MailDoctor::SheetWriter", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString()) };
    return {};
}

} // namespace MailDoctor
