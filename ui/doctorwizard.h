#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"
#include "wizardengine.h"

#include <QHash>
#include <QWizard>

namespace MailDoctor {

class PastePage;
class QuestionPage;
class ResultPage;

/**
 * The wizard inside the main window. The engine (WizardSession / nextStep) decides every
 * step; this class maps steps to QWizard page ids and keeps QWizard's history and the
 * session in step. Each knowledge-base question gets its own page, created when first
 * reached, so QWizard's Back works on real pages; the paste page and the result page are
 * single pages because each appears at most once on a path.
 */
class DoctorWizard : public QWizard
{
    Q_OBJECT

public:
    enum : int { PastePageId = 1, ResultPageId = 2, FirstQuestionPageId = 100 };

    DoctorWizard(const KnowledgeBase *kb, WizardSession *session, Language language, QWidget *parent = nullptr);

    const KnowledgeBase &knowledgeBase() const { return *m_kb; }
    WizardSession &session() { return *m_session; }
    const WizardSession &session() const { return *m_session; }

    Language language() const { return m_language; }
    /** Re-renders every page in the language (KB text included). */
    void setLanguage(Language language);

    /** The page id that shows a step; ids of question pages are handed out on first use. */
    int pageIdFor(const WizardStep &step);
    /** Creates the page with this id if it does not exist yet. */
    void ensurePage(int id);

    /** Called by a question page when Next leaves it; false keeps the wizard where it is. */
    bool commitAnswer(const QString &nodeId, const QString &answerId);
    /** Called by the paste page when Next opens the diagnosis of a cause. */
    bool commitDiagnosis(const QString &entryId);

    /** Empties the case and returns to the start page. */
    void startOver();
    /** Goes back until a question page is shown. */
    void backToQuestions();
    /** Replays a saved path page by page; stops at the first answer that no longer fits. */
    void restoreCase(const QList<Choice> &choices, const QString &pastedText, const QString &pastedDiagnosis);

    /**
     * Emits page->completeChanged() and keeps the keyboard focus where it was: QWizard hides its
     * pages while it updates the buttons, and the focus would escape to the toolbar.
     */
    static void notifyComplete(QWizardPage *page);

    QString currentStepTitle() const;
    QString pastedText() const;
    const AnalysisResult &analysis() const;

    PastePage *pastePage() const;
    ResultPage *resultPage() const;
    QuestionPage *questionPage(const QString &nodeId) const;

    void reject() override;

signals:
    /** The path, the pasted text, the analysis or the diagnosis changed. */
    void caseChanged();

protected:
    void cleanupPage(int id) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void notifyCaseChanged();
    void focusCurrentPage();

    const KnowledgeBase *m_kb;
    WizardSession *m_session;
    Language m_language;
    QHash<QString, int> m_nodePageIds;
    QHash<int, QString> m_pageNodeIds;
    int m_nextQuestionPageId = FirstQuestionPageId;
    bool m_resetting = false; ///< QWizard::restart() cleans up pages; that is not a Back
    bool m_restoring = false; ///< one caseChanged() after a restore instead of one per step
};

} // namespace MailDoctor
