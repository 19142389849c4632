#pragma once

#include <QDateTime>
#include <QString>

namespace MailDoctor {

/** Where a saved sample went, or why it could not be saved. */
struct SampleSaveResult
{
    QString path;  ///< the file written, when it worked
    QString error; ///< translated reason, when it did not

    bool ok() const { return error.isEmpty(); }
};

/** The folder for texts nothing in the knowledge base recognised (in the app's data folder). */
QString defaultSampleFolder();

/**
 * Saves a text the analyzer did not recognise for the knowledge-base maintainers: e-mail addresses
 * masked and passwords removed, as UTF-8, under a new time-stamped name that never overwrites.
 */
SampleSaveResult saveUnrecognisedSample(const QString &text, const QString &folder,
                                        const QDateTime &when = QDateTime::currentDateTime());

} // namespace MailDoctor
