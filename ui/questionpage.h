#pragma once

#include <QWizardPage>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QVBoxLayout;

namespace MailDoctor {

class DoctorWizard;
struct Node;

/**
 * Renders one knowledge-base question and reports the answer. The start question shows its
 * answers as command links (one click answers and goes on); others use radio buttons and Next.
 */
class QuestionPage : public QWizardPage
{
    Q_OBJECT

public:
    QuestionPage(DoctorWizard *wizard, const QString &nodeId);

    QString nodeId() const { return m_nodeId; }
    /** The answer currently selected, or empty. */
    QString selectedAnswer() const;
    /** Selects an answer without going on (used for Back and for restoring a case). */
    void selectAnswer(const QString &answerId);
    /** The button of an answer, for keyboard focus and tests. */
    QAbstractButton *answerButton(const QString &answerId) const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    /** Puts keyboard focus on the selected answer, or the first one. */
    void focusAnswer();
    /** Re-renders the texts in the wizard's language. */
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    const Node *node() const;
    void answerClicked(QAbstractButton *button);

    DoctorWizard *m_wizard;
    QString m_nodeId;
    bool m_commandLinks;
    QLabel *m_helpLabel;
    QButtonGroup *m_group;
    QList<QAbstractButton *> m_buttons;
};

} // namespace MailDoctor
