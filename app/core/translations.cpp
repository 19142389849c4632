#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace MailDoctor {

Translations::~Translations()
{
    removeAll();
}

void Translations::removeAll()
{
    if (!m_installed)
        return;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    m_installed = false;
}

void Translations::apply(Language language)
{
    removeAll();
    m_current = language;
    const QString code = languageCode(language);
    const bool app = m_app.load(QStringLiteral(":/i18n/maildoctor_") + code);
    // Qt's own catalogue gives QWizard, dialogs and context menus their Japanese buttons.
    const bool qt = language == Language::Japanese
        && m_qt.load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (app)
        QCoreApplication::installTranslator(&m_app);
    if (qt)
        QCoreApplication::installTranslator(&m_qt);
    m_installed = app || qt;
}

Language Translations::systemLanguage()
{
    Language language = Language::English;
    const QStringList ui = QLocale::system().uiLanguages();
    if (!ui.isEmpty())
        parseLanguage(ui.first(), &language);
    return language;
}

} // namespace MailDoctor
