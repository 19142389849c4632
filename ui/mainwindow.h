#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"
#include "localizedtext.h"
#include "wizardengine.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QToolBar;

namespace MailDoctor {

class DoctorWizard;
class Translations;

/**
 * The main window: menus, the language switch, a banner for knowledge-base problems and the
 * wizard. The public members below are the stable interface for code that attaches to the
 * window (printing, helpdesk panel, case history).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** translations may be null; the window then keeps its own. */
    explicit MainWindow(KbLoadResult loaded, Translations *translations = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The language to start in: the one chosen last time, else the system's. */
    static Language savedLanguage();

    WizardSession &session();
    const KnowledgeBase &knowledgeBase() const;
    Language language() const;
    QString pastedText() const;
    const AnalysisResult &analysis() const;
    QMenu *fileMenu() const;
    QMenu *toolsMenu() const;
    /** Adds a panel beside the wizard (a dock whose title follows the widget's window title). */
    void addSideWidget(QWidget *w);
    /** Re-renders the wizard at the step a saved case reached. */
    void restoreCase(const QList<Choice> &choices, const QString &pastedText, const QString &pastedDiagnosis);
    /** The question, "Paste the error message" or the diagnosis title, in the current language. */
    QString currentStepTitle() const;

    DoctorWizard *wizard() const { return m_wizard; }
    /** The knowledge-base problem banner's text, empty when hidden. */
    QString bannerText() const;

public slots:
    /** Switches the language at run time and remembers the choice. */
    void setLanguage(MailDoctor::Language language);
    void startOver();

signals:
    /** After every answer, Back, Start over, paste change (debounced), analysis and diagnosis. */
    void caseChanged();
    void languageChanged(MailDoctor::Language language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateBanner();

    KbLoadResult m_loaded;
    WizardSession m_session;
    std::unique_ptr<Translations> m_ownTranslations;
    Translations *m_translations;
    Language m_language;
    DoctorWizard *m_wizard = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QAction *m_startOverAction = nullptr;
    QAction *m_quitAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
};

} // namespace MailDoctor
