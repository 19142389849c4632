#pragma once

#include "localizedtext.h"

#include <QTranslator>

namespace MailDoctor {

/** Installs Mail Doctor's and Qt's own translations for a language, replacing earlier ones. */
class Translations
{
public:
    Translations() = default;
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    /** Switches the application's translators; sends the LanguageChange event to every object. */
    void apply(Language language);
    Language current() const { return m_current; }

    /** The language of the system locale, English unless it is Japanese. */
    static Language systemLanguage();

private:
    void removeAll();

    QTranslator m_app;
    QTranslator m_qt;
    bool m_installed = false;
    Language m_current = Language::English;
};

} // namespace MailDoctor
