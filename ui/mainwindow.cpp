#include "mainwindow.h"

#include "doctorwizard.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>
#include <QVBoxLayout>

namespace MailDoctor {

namespace {

const QString languageKey = QStringLiteral("ui/language");
constexpr int maxBannerProblems = 8;

} // namespace

MainWindow::MainWindow(KbLoadResult loaded, Translations *translations, QWidget *parent)
    : QMainWindow(parent), m_loaded(std::move(loaded)), m_session(&m_loaded.kb), m_translations(translations)
{
    if (!m_translations) {
        m_ownTranslations = std::make_unique<Translations>();
        m_ownTranslations->apply(savedLanguage());
        m_translations = m_ownTranslations.get();
    }
    m_language = m_translations->current();
    setObjectName(QStringLiteral("mainWindow"));

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_startOverAction = m_fileMenu->addAction(QString(), this, &MainWindow::startOver);
    m_startOverAction->setObjectName(QStringLiteral("startOverAction"));
    m_startOverAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_languageLabel = new QLabel(m_toolBar);
    m_languageLabel->setObjectName(QStringLiteral("languageLabel"));
    m_languageCombo = new QComboBox(m_toolBar);
    m_languageCombo->setObjectName(QStringLiteral("languageComboBox"));
    // Each language is named in itself, so it can be found whatever language is showing.
    m_languageCombo->addItem(QStringLiteral("日本語"), QVariant::fromValue(int(Language::Japanese)));
    m_languageCombo->addItem(QStringLiteral("English"), QVariant::fromValue(int(Language::English)));
    m_languageCombo->setCurrentIndex(m_language == Language::Japanese ? 0 : 1);
    // Sizing by contents would measure "日本語" and load a CJK font at start-up even in English.
    m_languageCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_languageCombo->setMinimumContentsLength(7);
    m_languageLabel->setBuddy(m_languageCombo);
    m_toolBar->addWidget(m_languageLabel);
    m_toolBar->addWidget(m_languageCombo);
    connect(m_languageCombo, &QComboBox::activated, this, [this](int index) {
        setLanguage(Language(m_languageCombo->itemData(index).toInt()));
    });

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_bannerLabel = new QLabel(central);
    m_bannerLabel->setObjectName(QStringLiteral("kbBannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_bannerLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4c2; border-bottom: 1px solid #d9c26a; padding: 8px; }"));
    m_bannerLabel->hide();
    layout->addWidget(m_bannerLabel);
    m_wizard = new DoctorWizard(&m_loaded.kb, &m_session, m_language, central);
    layout->addWidget(m_wizard, 1);
    setCentralWidget(central);
    connect(m_wizard, &DoctorWizard::caseChanged, this, &MainWindow::caseChanged);

    retranslate();
    resize(880, 660);
}

MainWindow::~MainWindow() = default;

Language MainWindow::savedLanguage()
{
    Language language = Translations::systemLanguage();
    const QString saved = QSettings().value(languageKey).toString();
    if (!saved.isEmpty())
        parseLanguage(saved, &language);
    return language;
}

WizardSession &MainWindow::session()
{
    return m_session;
}

const KnowledgeBase &MainWindow::knowledgeBase() const
{
    return m_loaded.kb;
}

Language MainWindow::language() const
{
    return m_language;
}

QString MainWindow::pastedText() const
{
    return m_wizard->pastedText();
}

const AnalysisResult &MainWindow::analysis() const
{
    return m_wizard->analysis();
}

QMenu *MainWindow::fileMenu() const
{
    return m_fileMenu;
}

QMenu *MainWindow::toolsMenu() const
{
    return m_toolsMenu;
}

void MainWindow::addSideWidget(QWidget *w)
{
    auto *dock = new QDockWidget(w->windowTitle(), this);
    dock->setObjectName(w->objectName() + QLatin1String("DockWidget"));
    dock->setWidget(w);
    connect(w, &QWidget::windowTitleChanged, dock, &QDockWidget::setWindowTitle);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

void MainWindow::restoreCase(const QList<Choice> &choices, const QString &pastedText,
                             const QString &pastedDiagnosis)
{
    m_wizard->restoreCase(choices, pastedText, pastedDiagnosis);
}

QString MainWindow::currentStepTitle() const
{
    return m_wizard->currentStepTitle();
}

QString MainWindow::bannerText() const
{
    return m_bannerLabel->isHidden() ? QString() : m_bannerLabel->text();
}

void MainWindow::setLanguage(Language language)
{
    if (language == m_language && m_translations->current() == language)
        return;
    m_language = language;
    m_translations->apply(language);
    m_wizard->setLanguage(language);
    QSettings().setValue(languageKey, languageCode(language));
    const int index = m_languageCombo->findData(int(language));
    if (index >= 0)
        m_languageCombo->setCurrentIndex(index);
    retranslate();
    emit languageChanged(language);
}

void MainWindow::startOver()
{
    m_wizard->startOver();
}

void MainWindow::updateBanner()
{
    const QList<KbProblem> &problems = m_loaded.problems;
    if (problems.isEmpty()) {
        m_bannerLabel->hide();
        return;
    }
    QStringList lines;
    lines.append(m_loaded.overlayRejected
                     ? tr("Your knowledge-base additions were not used because they have problems; Mail Doctor "
                          "is using its built-in knowledge base. Fix the following and start Mail Doctor again:")
                     : tr("The built-in knowledge base has problems; some questions or diagnoses may be "
                          "missing:"));
    for (qsizetype i = 0; i < problems.size() && i < maxBannerProblems; ++i)
        lines.append(QStringLiteral("• ") + problems.at(i).toString());
    if (problems.size() > maxBannerProblems)
        lines.append(tr("…and %n more problem(s).", nullptr, int(problems.size() - maxBannerProblems)));
    m_bannerLabel->setText(lines.join(QLatin1Char('\n')));
    m_bannerLabel->show();
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Mail Doctor"));
    m_fileMenu->setTitle(tr("&File"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_startOverAction->setText(tr("&Start over"));
    m_quitAction->setText(tr("&Quit"));
    m_toolBar->setWindowTitle(tr("Language"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageCombo->setAccessibleName(tr("Language"));
    m_languageCombo->setToolTip(tr("The language of the questions and diagnoses"));
    m_bannerLabel->setAccessibleName(tr("Knowledge-base problems"));
    updateBanner();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace MailDoctor
