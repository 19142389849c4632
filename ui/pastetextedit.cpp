#include "pastetextedit.h"

#include <QMimeData>
#include <QUrl>

namespace MailDoctor {

namespace {

QString firstLocalFile(const QMimeData *source)
{
    if (!source->hasUrls())
        return {};
    const QList<QUrl> urls = source->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

PasteTextEdit::PasteTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    // Tab must leave the box: keyboard users would otherwise be trapped in it.
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

bool PasteTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !firstLocalFile(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void PasteTextEdit::insertFromMimeData(const QMimeData *source)
{
    const QString path = firstLocalFile(source);
    if (!path.isEmpty()) {
        emit fileDropped(path);
        return;
    }
    // Only the plain text: markup in a bounce must never be interpreted.
    if (source->hasText())
        insertPlainText(source->text());
}

} // namespace MailDoctor
