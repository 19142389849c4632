#include "doctorwizard.h"

#include "pastepage.h"
#include "questionpage.h"
#include "resultpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QTimer>

namespace MailDoctor {

DoctorWizard::DoctorWizard(const KnowledgeBase *kb, WizardSession *session, Language language, QWidget *parent)
    : QWizard(parent), m_kb(kb), m_session(session), m_language(language)
{
    // QDialog makes itself a window; this wizard lives inside the main window.
    setWindowFlags(Qt::Widget);
    setObjectName(QStringLiteral("doctorWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoCancelButton | QWizard::HaveCustomButton1);
    // Knowledge-base text is data: never let it be read as markup.
    setTitleFormat(Qt::PlainText);
    setSubTitleFormat(Qt::PlainText);
    setButtonLayout({QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton});
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backPushButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextPushButton"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("startOverPushButton"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            startOver();
    });
    connect(this, &QWizard::currentIdChanged, this, [this] {
        // After QWizard has placed its own focus: answers get it, so arrows and Enter work at once.
        QTimer::singleShot(0, this, &DoctorWizard::focusCurrentPage);
    });

    const int start = pageIdFor({WizardStep::Kind::Question, KnowledgeBase::startNodeId()});
    if (m_kb->node(KnowledgeBase::startNodeId())) {
        ensurePage(start);
        setStartId(start);
    }
    retranslate();
}

void DoctorWizard::setLanguage(Language language)
{
    m_language = language;
    // Pages re-render on LanguageChange as well; doing it now keeps the switch immediate even when
    // no translator changed (both catalogues missing).
    const QList<int> ids = pageIds();
    for (int id : ids) {
        if (auto *question = qobject_cast<QuestionPage *>(page(id)))
            question->retranslate();
        else if (auto *paste = qobject_cast<PastePage *>(page(id)))
            paste->retranslate();
        else if (auto *result = qobject_cast<ResultPage *>(page(id)))
            result->retranslate();
    }
    retranslate();
}

int DoctorWizard::pageIdFor(const WizardStep &step)
{
    switch (step.kind) {
    case WizardStep::Kind::Paste:
        return PastePageId;
    case WizardStep::Kind::Diagnosis:
        return ResultPageId;
    case WizardStep::Kind::Question: {
        const auto it = m_nodePageIds.constFind(step.id);
        if (it != m_nodePageIds.constEnd())
            return *it;
        const int id = m_nextQuestionPageId++;
        m_nodePageIds.insert(step.id, id);
        m_pageNodeIds.insert(id, step.id);
        return id;
    }
    case WizardStep::Kind::Invalid:
        break;
    }
    return -1;
}

void DoctorWizard::ensurePage(int id)
{
    if (id < 0 || page(id))
        return;
    QWizardPage *created = nullptr;
    if (id == PastePageId) {
        auto *paste = new PastePage(this);
        connect(paste, &PastePage::contentChanged, this, &DoctorWizard::notifyCaseChanged);
        created = paste;
    } else if (id == ResultPageId) {
        created = new ResultPage(this);
    } else if (m_pageNodeIds.contains(id)) {
        created = new QuestionPage(this, m_pageNodeIds.value(id));
    }
    if (created)
        setPage(id, created);
}

bool DoctorWizard::commitAnswer(const QString &nodeId, const QString &answerId)
{
    const WizardStep here = m_session->current();
    if (here.kind != WizardStep::Kind::Question || here.id != nodeId || answerId.isEmpty())
        return false;
    QList<Choice> choices = m_session->choices();
    choices.append({nodeId, answerId});
    const int target = pageIdFor(nextStep(*m_kb, choices));
    // A page already on the path (a loop in the data) cannot be shown twice by QWizard.
    if (target < 0 || visitedIds().contains(target))
        return false;
    ensurePage(target);
    if (!m_session->choose(answerId))
        return false;
    notifyCaseChanged();
    return true;
}

bool DoctorWizard::commitDiagnosis(const QString &entryId)
{
    if (entryId.isEmpty() || !m_session->diagnose(entryId))
        return false;
    ensurePage(ResultPageId);
    notifyCaseChanged();
    return true;
}

void DoctorWizard::cleanupPage(int id)
{
    QWizard::cleanupPage(id);
    if (m_resetting)
        return;
    // QWizard calls this when Back leaves page id: the session steps back with it.
    m_session->back();
    notifyCaseChanged();
}

void DoctorWizard::startOver()
{
    m_session->restart();
    if (PastePage *paste = pastePage())
        paste->clear();
    m_resetting = true;
    restart();
    m_resetting = false;
    notifyCaseChanged();
}

void DoctorWizard::backToQuestions()
{
    while (currentId() >= 0 && !qobject_cast<QuestionPage *>(currentPage()) && visitedIds().size() > 1)
        back();
}

void DoctorWizard::restoreCase(const QList<Choice> &choices, const QString &pastedText,
                               const QString &pastedDiagnosis)
{
    m_restoring = true;
    startOver();
    for (const Choice &choice : choices) {
        auto *question = qobject_cast<QuestionPage *>(currentPage());
        if (!question || question->nodeId() != choice.nodeId || !question->answerButton(choice.answerId))
            break;
        question->selectAnswer(choice.answerId);
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
    if (auto *paste = qobject_cast<PastePage *>(currentPage())) {
        paste->setText(pastedText);
        if (!pastedText.trimmed().isEmpty())
            paste->analyse();
        if (!pastedDiagnosis.isEmpty() && m_kb->entry(pastedDiagnosis)) {
            paste->selectEntry(pastedDiagnosis);
            next();
        }
    }
    m_restoring = false;
    notifyCaseChanged();
}

QString DoctorWizard::currentStepTitle() const
{
    const WizardStep step = m_session->current();
    switch (step.kind) {
    case WizardStep::Kind::Question:
        if (const Node *node = m_kb->node(step.id))
            return node->question.text(m_language);
        break;
    case WizardStep::Kind::Paste:
        return tr("Paste the error message");
    case WizardStep::Kind::Diagnosis:
        if (const Entry *entry = m_kb->entry(step.id))
            return entry->title.text(m_language);
        break;
    case WizardStep::Kind::Invalid:
        break;
    }
    return {};
}

QString DoctorWizard::pastedText() const
{
    const PastePage *paste = pastePage();
    return paste ? paste->text() : QString();
}

const AnalysisResult &DoctorWizard::analysis() const
{
    static const AnalysisResult none;
    const PastePage *paste = pastePage();
    return paste ? paste->analysis() : none;
}

PastePage *DoctorWizard::pastePage() const
{
    return qobject_cast<PastePage *>(page(PastePageId));
}

ResultPage *DoctorWizard::resultPage() const
{
    return qobject_cast<ResultPage *>(page(ResultPageId));
}

QuestionPage *DoctorWizard::questionPage(const QString &nodeId) const
{
    const auto it = m_nodePageIds.constFind(nodeId);
    return it == m_nodePageIds.constEnd() ? nullptr : qobject_cast<QuestionPage *>(page(*it));
}

void DoctorWizard::notifyComplete(QWizardPage *page)
{
    const QPointer<QWidget> focus = QApplication::focusWidget();
    emit page->completeChanged();
    if (focus && QApplication::focusWidget() != focus && focus->isVisible())
        focus->setFocus(Qt::OtherFocusReason);
}

void DoctorWizard::reject()
{
    // Escape would hide the embedded wizard (QDialog::reject); there is nothing to cancel.
}

void DoctorWizard::notifyCaseChanged()
{
    if (!m_restoring)
        emit caseChanged();
}

void DoctorWizard::focusCurrentPage()
{
    if (auto *question = qobject_cast<QuestionPage *>(currentPage()))
        question->focusAnswer();
}

void DoctorWizard::retranslate()
{
    // QWizard translates its default button texts only once; set them so a language switch reaches them.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CustomButton1, tr("&Start over"));
    button(QWizard::CustomButton1)->setToolTip(tr("Forget the answers and start again (Ctrl+R)"));
    button(QWizard::CustomButton1)->setAccessibleName(tr("Start over"));
}

void DoctorWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

} // namespace MailDoctor
