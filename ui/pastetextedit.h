#pragma once

#include <QPlainTextEdit>

namespace MailDoctor {

/** The paste box: plain text only, and a dropped file is read instead of inserting its URL. */
class PasteTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PasteTextEdit(QWidget *parent = nullptr);

signals:
    /** A local file was dropped or pasted as a file. */
    void fileDropped(const QString &path);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace MailDoctor
