#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTextBrowser;
class QUrl;

namespace MailDoctor {

class DoctorWizard;
struct Entry;

/**
 * Shows a diagnosis: title, severity and who must act in plain words, summary, explanation,
 * numbered steps and related causes to rule out. A related cause opens in place, with a
 * link back to the diagnosis that was reached.
 */
class ResultPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ResultPage(DoctorWizard *wizard);

    /** The entry the wizard reached (the session's diagnosis). */
    QString diagnosisEntry() const;
    /** The entry shown: the diagnosis, or a related cause opened from it. */
    QString shownEntry() const;
    /** Opens a related cause in place; an empty id returns to the diagnosis. */
    void showRelated(const QString &entryId);

    void initializePage() override;
    void cleanupPage() override;
    int nextId() const override;

    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    void linkActivated(const QUrl &url);
    QString bodyHtml(const Entry &entry) const;

    DoctorWizard *m_wizard;
    QLabel *m_relatedLabel;
    QLabel *m_titleLabel;
    QLabel *m_severityLabel;
    QLabel *m_actorLabel;
    QTextBrowser *m_browser;
    QPushButton *m_backToQuestionsButton;
    QString m_related; ///< a related entry opened in place, or empty
};

} // namespace MailDoctor
