#pragma once

#include "knowledgebase.h"
#include "store/casestore.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace MailDoctor {

/**
 * The case history: search by date, cause, recipient domain and text; reopen a case; mark the
 * outcome of the selected cases; export them to CSV.
 */
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(CaseStore *store, const KnowledgeBase *kb, Language language, QWidget *parent = nullptr);

    void setLanguage(Language language);
    /** Runs the search again with the current filters. */
    void refresh();
    /** Ids of the selected cases, in table order. */
    QStringList selectedIds() const;
    /** Selects the rows of these cases. */
    void selectIds(const QStringList &ids);
    /** Writes the selected cases (all shown when none is selected) to CSV; returns an error message or "". */
    QString exportSelected(const QString &path);
    /** Sets the outcome of the selected cases. */
    void applyOutcome(CaseOutcome outcome);
    QString statusText() const;

signals:
    void reopenRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillCauses();
    void updateButtons();
    void reopenSelected();
    void exportWithDialog();
    void showStatus(const QString &text, bool error);

    CaseStore *m_store;
    const KnowledgeBase *m_kb;
    Language m_language;
    QList<CaseRecord> m_shown;
    QTimer m_searchDelay;

    QCheckBox *m_dateCheck;
    QDateEdit *m_fromEdit;
    QLabel *m_toLabel;
    QDateEdit *m_toEdit;
    QLabel *m_causeLabel;
    QComboBox *m_causeCombo;
    QLabel *m_domainLabel;
    QLineEdit *m_domainEdit;
    QLabel *m_searchLabel;
    QLineEdit *m_searchEdit;
    QTableWidget *m_table;
    QLabel *m_statusLabel;
    QPushButton *m_reopenButton;
    QLabel *m_outcomeLabel;
    QComboBox *m_outcomeCombo;
    QPushButton *m_outcomeButton;
    QPushButton *m_exportButton;
    QPushButton *m_closeButton;
};

} // namespace MailDoctor
