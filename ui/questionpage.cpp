#include "questionpage.h"

#include "doctorwizard.h"

#include <QButtonGroup>
#include <QCommandLinkButton>
#include <QEvent>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

const char answerIdProperty[] = "answerId";

/** "&1  label": digits give every answer an Alt accelerator that works in both languages. */
QString answerText(int index, const QString &label)
{
    QString escaped = label;
    escaped.replace(QLatin1Char('&'), QLatin1String("&&"));
    if (index < 9)
        return QStringLiteral("&%1  %2").arg(index + 1).arg(escaped);
    return escaped;
}

} // namespace

QuestionPage::QuestionPage(DoctorWizard *wizard, const QString &nodeId)
    : m_wizard(wizard)
    , m_nodeId(nodeId)
    , m_commandLinks(nodeId == KnowledgeBase::startNodeId())
    , m_helpLabel(new QLabel(this))
    , m_group(new QButtonGroup(this))
{
    setObjectName(nodeId + QLatin1String("QuestionPage"));
    auto *layout = new QVBoxLayout(this);
    m_helpLabel->setObjectName(QStringLiteral("helpLabel"));
    m_helpLabel->setWordWrap(true);
    m_helpLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_helpLabel);

    // Command links behave like push buttons: the group must not be exclusive, or the arrow
    // keys would click (and so answer) every button they pass.
    m_group->setExclusive(!m_commandLinks);
    if (const Node *n = node()) {
        for (const Answer &answer : n->answers) {
            QAbstractButton *button = nullptr;
            if (m_commandLinks) {
                auto *link = new QCommandLinkButton(this);
                link->setCheckable(true);
                link->setObjectName(answer.id + QLatin1String("CommandLinkButton"));
                button = link;
            } else {
                button = new QRadioButton(this);
                button->setObjectName(answer.id + QLatin1String("RadioButton"));
            }
            button->setProperty(answerIdProperty, answer.id);
            m_group->addButton(button);
            m_buttons.append(button);
            layout->addWidget(button);
        }
    }
    layout->addStretch(1);
    connect(m_group, &QButtonGroup::buttonClicked, this, &QuestionPage::answerClicked);
    retranslate();
}

const Node *QuestionPage::node() const
{
    return m_wizard->knowledgeBase().node(m_nodeId);
}

QString QuestionPage::selectedAnswer() const
{
    for (QAbstractButton *button : m_buttons) {
        if (button->isChecked())
            return button->property(answerIdProperty).toString();
    }
    return {};
}

QAbstractButton *QuestionPage::answerButton(const QString &answerId) const
{
    for (QAbstractButton *button : m_buttons) {
        if (button->property(answerIdProperty).toString() == answerId)
            return button;
    }
    return nullptr;
}

void QuestionPage::selectAnswer(const QString &answerId)
{
    const bool exclusive = m_group->exclusive();
    m_group->setExclusive(false); // an exclusive group cannot end up with nothing checked
    for (QAbstractButton *button : m_buttons)
        button->setChecked(button->property(answerIdProperty).toString() == answerId);
    m_group->setExclusive(exclusive);
    DoctorWizard::notifyComplete(this);
}

void QuestionPage::answerClicked(QAbstractButton *button)
{
    selectAnswer(button->property(answerIdProperty).toString());
    if (m_commandLinks && wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void QuestionPage::initializePage()
{
    retranslate();
    selectAnswer(m_wizard->session().rememberedAnswer(m_nodeId));
}

bool QuestionPage::isComplete() const
{
    return !selectedAnswer().isEmpty();
}

bool QuestionPage::validatePage()
{
    return m_wizard->commitAnswer(m_nodeId, selectedAnswer());
}

int QuestionPage::nextId() const
{
    const Node *n = node();
    if (!n || n->answers.isEmpty())
        return -1;
    // Any answer's target will do until one is chosen: Next stays disabled (isComplete()),
    // and a real id keeps QWizard from treating a question as the last page.
    QString answerId = selectedAnswer();
    if (answerId.isEmpty())
        answerId = n->answers.constFirst().id;
    // QWizard asks for nextId() after validatePage() committed the answer, so the session may be
    // one step ahead: take the path up to this question.
    QList<Choice> choices = m_wizard->session().choices();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        if (choices.at(i).nodeId == m_nodeId) {
            choices.resize(i);
            break;
        }
    }
    const WizardStep here = nextStep(m_wizard->knowledgeBase(), choices);
    if (here.kind != WizardStep::Kind::Question || here.id != m_nodeId)
        return -1;
    choices.append({m_nodeId, answerId});
    return m_wizard->pageIdFor(nextStep(m_wizard->knowledgeBase(), choices));
}

void QuestionPage::focusAnswer()
{
    QAbstractButton *target = nullptr;
    for (QAbstractButton *button : m_buttons) {
        if (button->isChecked())
            target = button;
    }
    if (!target && !m_buttons.isEmpty())
        target = m_buttons.constFirst();
    if (target)
        target->setFocus(Qt::OtherFocusReason);
}

void QuestionPage::retranslate()
{
    const Node *n = node();
    if (!n)
        return;
    const Language language = m_wizard->language();
    setTitle(n->question.text(language));
    setSubTitle(m_commandLinks ? tr("Choose what you see. A few questions will lead you to the cause and "
                                    "what to do about it.")
                               : tr("Choose the answer that fits best, then press Next."));
    const QString help = n->help.text(language);
    m_helpLabel->setText(help);
    m_helpLabel->setVisible(!help.isEmpty());
    for (QAbstractButton *button : m_buttons) {
        const Answer *answer = n->answer(button->property(answerIdProperty).toString());
        if (!answer)
            continue;
        const QString label = answer->label.text(language);
        button->setText(answerText(static_cast<int>(m_buttons.indexOf(button)), label));
        button->setAccessibleName(label);
    }
    setAccessibleName(n->question.text(language));
}

void QuestionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace MailDoctor
