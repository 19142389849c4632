#pragma once

#include "sheet/sheetbuilder.h"
#include "store/casestore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QToolBar;

namespace MailDoctor {

class HelpdeskPanel;
class HistoryDialog;
class MainWindow;

/**
 * Keeps the case behind the main window: saves it to the case history after every step (there
 * is no Save button), offers an unfinished case after a crash, runs the helpdesk panel and the
 * history window, and prints, previews, exports or copies the remedy sheet.
 */
class CaseController : public QObject
{
    Q_OBJECT

public:
    /** Attaches to the window (and becomes its child); storePath empty means CaseStore::defaultPath(). */
    explicit CaseController(MainWindow *window, const QString &storePath = {});
    ~CaseController() override;

    CaseStore &store() { return m_store; }
    /** What opening the store reported (a damaged file kept aside, or no history at all). */
    const StoreError &storeStatus() const { return m_storeStatus; }
    /** The case as last captured from the window and the panel. */
    const CaseRecord &currentCase() const { return m_record; }
    /** The unfinished case found at start, while it is still offered. */
    std::optional<CaseRecord> offeredCase() const { return m_offered; }

    HelpdeskPanel *helpdeskPanel() const;
    /** The history window while it is open, else null. */
    HistoryDialog *historyDialog() const;
    /** The text of the inline notice (recovery offer or store problem), empty when hidden. */
    QString noticeText() const;

    SheetOptions sheetOptions() const;
    QString sheetHtml() const;
    /** The sheet as plain text with the helpdesk's notes, for a ticket or a mail. */
    QString sheetText() const;
    /** Writes the sheet as PDF; returns an error message, or an empty string. */
    QString exportPdf(const QString &path);

public slots:
    /** Writes the current case to the history now. */
    void saveNow();
    void resumeOffered();
    void discardOffered();
    /** Opens a case from the history in the window. */
    void reopenCase(const QString &id);
    /** Closes the current case and starts an empty one (the panel's "New call"). */
    void newCall();
    void showHistory();
    void print();
    void printPreview();
    void exportPdfWithDialog();
    void copyAsText();

private:
    void onCaseChanged();
    void onStartOver();
    void onFieldsEdited();
    void captureWizard();
    void captureFields();
    bool hasContent() const;
    void finishCurrent();
    void openRecord(const CaseRecord &record);
    void updateActions();
    void updateReadAloud();
    void retranslate();
    void openStore(const QString &storePath);
    void offerUnfinished();
    /// A notice's words, asked for again when the language changes while it is shown.
    using NoticeText = std::function<QString()>;
    void showNotice(NoticeText text, bool offerRecovery, bool error);
    void hideNotice();

    MainWindow *m_window;
    CaseStore m_store;
    StoreError m_storeStatus;
    NoticeText m_noticeText;
    CaseRecord m_record;
    std::optional<CaseRecord> m_offered;
    bool m_restoring = false;
    QTimer m_typingSave;

    QPointer<HelpdeskPanel> m_panel;
    QPointer<HistoryDialog> m_history;

    QToolBar *m_noticeBar = nullptr;
    QFrame *m_noticeFrame = nullptr;
    QLabel *m_noticeLabel = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QPushButton *m_dismissButton = nullptr;

    QToolBar *m_sheetBar = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_previewAction = nullptr;
    QAction *m_pdfAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_newCallAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_helpdeskAction = nullptr;
};

} // namespace MailDoctor
