#pragma once

#include <QString>

namespace MailDoctor {

/** The languages the product speaks; knowledge-base text exists in both. */
enum class Language { English, Japanese };

/** Two-letter code ("en", "ja") used in files, settings and on the command line. */
QString languageCode(Language language);
/** Parses "en"/"ja" (also "en_US", "ja_JP"); returns false for anything else. */
bool parseLanguage(const QString &code, Language *language);

/** A piece of knowledge-base text in Japanese and English. */
struct LocalizedText
{
    QString en;
    QString ja;

    /** The text in the given language, falling back to the other one when missing. */
    QString text(Language language) const;
    bool isEmpty() const { return en.isEmpty() && ja.isEmpty(); }
    bool isComplete() const { return !en.trimmed().isEmpty() && !ja.trimmed().isEmpty(); }
};

} // namespace MailDoctor
