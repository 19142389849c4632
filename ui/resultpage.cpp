#include "resultpage.h"

#include "doctorwizard.h"
#include "plainwords.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

const QString entryScheme = QStringLiteral("entry");

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

/** Background and border colours that tell the severity at a glance (never the only cue). */
QString severityStyle(const QString &severity)
{
    QString colour = QStringLiteral("#e8eef7;border:1px solid #8aa4c8");
    if (severity == QLatin1String("permanent"))
        colour = QStringLiteral("#fbe3e1;border:1px solid #d08a84");
    else if (severity == QLatin1String("transient"))
        colour = QStringLiteral("#fdf0d9;border:1px solid #d6ac62");
    else if (severity == QLatin1String("warning"))
        colour = QStringLiteral("#fff7cc;border:1px solid #cdb64a");
    return QStringLiteral("QLabel{background:") + colour + QStringLiteral(";padding:6px;border-radius:3px;}");
}

} // namespace

ResultPage::ResultPage(DoctorWizard *wizard)
    : m_wizard(wizard)
    , m_relatedLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_severityLabel(new QLabel(this))
    , m_actorLabel(new QLabel(this))
    , m_browser(new QTextBrowser(this))
    , m_backToQuestionsButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("resultWizardPage"));
    m_relatedLabel->setObjectName(QStringLiteral("relatedLabel"));
    m_relatedLabel->setWordWrap(true);
    m_relatedLabel->setTextInteractionFlags(Qt::LinksAccessibleByKeyboard | Qt::LinksAccessibleByMouse);
    m_relatedLabel->hide();
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setWordWrap(true);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    m_titleLabel->setFont(titleFont);
    m_severityLabel->setObjectName(QStringLiteral("severityLabel"));
    m_severityLabel->setWordWrap(true);
    m_actorLabel->setObjectName(QStringLiteral("actorLabel"));
    m_actorLabel->setWordWrap(true);
    m_browser->setObjectName(QStringLiteral("diagnosisTextBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setTabChangesFocus(true);
    m_backToQuestionsButton->setObjectName(QStringLiteral("backToQuestionsPushButton"));
    m_backToQuestionsButton->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_relatedLabel);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_severityLabel);
    layout->addWidget(m_actorLabel);
    layout->addWidget(m_browser, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_backToQuestionsButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_browser, &QTextBrowser::anchorClicked, this, &ResultPage::linkActivated);
    connect(m_relatedLabel, &QLabel::linkActivated, this, [this] { showRelated({}); });
    connect(m_backToQuestionsButton, &QPushButton::clicked, m_wizard, &DoctorWizard::backToQuestions);
}

QString ResultPage::diagnosisEntry() const
{
    const WizardStep step = m_wizard->session().current();
    return step.kind == WizardStep::Kind::Diagnosis ? step.id : QString();
}

QString ResultPage::shownEntry() const
{
    return m_related.isEmpty() ? diagnosisEntry() : m_related;
}

void ResultPage::showRelated(const QString &entryId)
{
    m_related = entryId == diagnosisEntry() ? QString() : entryId;
    retranslate();
    m_browser->setFocus(Qt::OtherFocusReason);
}

void ResultPage::linkActivated(const QUrl &url)
{
    if (url.scheme() == entryScheme && m_wizard->knowledgeBase().entry(url.path()))
        showRelated(url.path());
}

void ResultPage::initializePage()
{
    m_related.clear();
    retranslate();
}

void ResultPage::cleanupPage()
{
    m_related.clear();
    QWizardPage::cleanupPage();
}

int ResultPage::nextId() const
{
    return -1;
}

QString ResultPage::bodyHtml(const Entry &entry) const
{
    const Language language = m_wizard->language();
    QString html;
    html += QStringLiteral("<p>") + escaped(entry.summary.text(language)) + QStringLiteral("</p>");
    html += QStringLiteral("<h3>") + escaped(tr("What happened")) + QStringLiteral("</h3><p>")
        + escaped(entry.explanation.text(language)) + QStringLiteral("</p>");
    html += QStringLiteral("<h3>") + escaped(tr("What to do")) + QStringLiteral("</h3><ol>");
    for (const LocalizedText &step : entry.steps)
        html += QStringLiteral("<li>") + escaped(step.text(language)) + QStringLiteral("</li>");
    html += QStringLiteral("</ol>");
    QString related;
    for (const QString &id : entry.related) {
        const Entry *other = m_wizard->knowledgeBase().entry(id);
        if (!other)
            continue;
        related += QStringLiteral("<li><a href=\"") + entryScheme + QLatin1Char(':') + escaped(id)
            + QStringLiteral("\">") + escaped(other->title.text(language)) + QStringLiteral("</a></li>");
    }
    if (!related.isEmpty())
        html += QStringLiteral("<h3>") + escaped(tr("Also rule out")) + QStringLiteral("</h3><ul>") + related
            + QStringLiteral("</ul>");
    return html;
}

void ResultPage::retranslate()
{
    setTitle(tr("Diagnosis"));
    setSubTitle(tr("What went wrong, who must act, and the steps to fix it."));
    m_backToQuestionsButton->setText(tr("Back to the &questions"));
    m_backToQuestionsButton->setAccessibleName(tr("Back to the questions"));
    m_browser->setAccessibleName(tr("Diagnosis and remedy steps"));
    m_severityLabel->setAccessibleName(tr("Severity"));
    m_actorLabel->setAccessibleName(tr("Who must act"));
    m_relatedLabel->setText(tr("You are looking at a related cause. <a href=\"back\">Return to the "
                               "diagnosis</a>"));
    m_relatedLabel->setVisible(!m_related.isEmpty());

    const Entry *entry = m_wizard->knowledgeBase().entry(shownEntry());
    if (!entry) {
        m_titleLabel->clear();
        m_severityLabel->clear();
        m_actorLabel->clear();
        m_browser->clear();
        return;
    }
    const Language language = m_wizard->language();
    m_titleLabel->setText(entry->title.text(language));
    m_titleLabel->setAccessibleName(entry->title.text(language));
    m_severityLabel->setText(QStringLiteral("<b>") + escaped(PlainWords::severityLabel(entry->severity))
                             + QStringLiteral(":</b> ") + escaped(PlainWords::severitySentence(entry->severity)));
    m_severityLabel->setStyleSheet(severityStyle(entry->severity));
    m_actorLabel->setText(QStringLiteral("<b>") + escaped(tr("Who must act:")) + QStringLiteral("</b> ")
                          + escaped(PlainWords::actorSentence(entry->actor)));
    m_browser->setHtml(bodyHtml(*entry));
    // The user reached a question path? Then there are questions to go back to.
    m_backToQuestionsButton->setEnabled(!m_wizard->session().choices().isEmpty());
}

void ResultPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace MailDoctor
