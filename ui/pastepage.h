#pragma once

#include "analysisresult.h"

#include <QByteArray>
#include <QWizardPage>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace MailDoctor {

class Analyzer;
class KnowledgeBase;

class DoctorWizard;
class PasteTextEdit;

/**
 * Takes pasted text or a file, runs the Analyzer, and shows the ranked causes (with the
 * matched lines highlighted in the text) and the recipients. Next opens the diagnosis of the
 * selected cause.
 */
class PastePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PastePage(DoctorWizard *wizard);
    ~PastePage() override;

    QString text() const;
    void setText(const QString &text);
    /** Reads a .eml/.txt file into the box and analyses it; false (and a message in the page) on failure. */
    bool loadFile(const QString &path);
    /** Analyses the text in the box. */
    void analyse();
    const AnalysisResult &analysis() const { return m_analysis; }
    /** The knowledge-base entry of the selected cause, or empty. */
    QString selectedEntry() const { return m_selectedEntry; }
    /** Selects a cause by its entry; also accepts an entry the analysis did not rank (a restored case). */
    void selectEntry(const QString &entryId);
    /** Forgets text, file and analysis. */
    void clear();
    /** The error shown in the page, or empty. */
    QString errorText() const;

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    void retranslate();

signals:
    /** The text changed (debounced) or a new analysis is shown. */
    void contentChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFile();
    /// An inline error's words, asked for again when the language changes while it is shown.
    using ErrorText = std::function<QString()>;
    void showError(ErrorText message);
    void clearError();
    void showAnalysis();
    void fillCauses();
    void fillRecipients();
    void highlightEvidence();
    void causeSelectionChanged();
    void saveSample();
    QString entryTitle(const QString &entryId, const QString &causeId) const;

    DoctorWizard *m_wizard;
    QLabel *m_introLabel;
    PasteTextEdit *m_textEdit;
    QPushButton *m_openButton;
    QPushButton *m_analyseButton;
    QLabel *m_errorLabel;
    ErrorText m_errorText;
    QWidget *m_resultsWidget;
    QLabel *m_resultsLabel;
    QTableWidget *m_causesTable;
    QLabel *m_recipientsLabel;
    QTableWidget *m_recipientsTable;
    QPushButton *m_saveSampleButton;
    QLabel *m_sampleLabel;
    QTimer *m_changeTimer;

    // Building an analyzer prepares its phrase tables (several ms): one per knowledge base, not per click.
    std::unique_ptr<Analyzer> m_analyzer;
    const KnowledgeBase *m_analyzerKb = nullptr;
    AnalysisResult m_analysis;
    bool m_analysed = false;
    bool m_stale = false;
    QString m_selectedEntry;
    QString m_fileName;
    QByteArray m_fileBytes; ///< the raw file, analysed as bytes while the text is unchanged
    QString m_fileText;
};

} // namespace MailDoctor
