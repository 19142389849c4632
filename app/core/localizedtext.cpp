#include "localizedtext.h"

namespace MailDoctor {

QString languageCode(Language language)
{
    return language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

bool parseLanguage(const QString &code, Language *language)
{
    const QString lower = code.trimmed().toLower();
    if (lower.startsWith(QLatin1String("ja"))) {
        *language = Language::Japanese;
        return true;
    }
    if (lower.startsWith(QLatin1String("en")) || lower == QLatin1String("c")) {
        *language = Language::English;
        return true;
    }
    return false;
}

QString LocalizedText::text(Language language) const
{
    const QString &wanted = language == Language::Japanese ? ja : en;
    if (!wanted.isEmpty())
        return wanted;
    return language == Language::Japanese ? en : ja;
}

} // namespace MailDoctor
