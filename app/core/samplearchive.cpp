#include "samplearchive.h"

#include "sheet/masking.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace MailDoctor {

QString defaultSampleFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base.isEmpty() ? QString() : base + QLatin1String("/unrecognised");
}

SampleSaveResult saveUnrecognisedSample(const QString &text, const QString &folder, const QDateTime &when)
{
    if (text.trimmed().isEmpty())
        return {{}, QCoreApplication::translate("MailDoctor::SampleArchive", "There is no text to save.")};
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        return {{}, QCoreApplication::translate("MailDoctor::SampleArchive", "The folder %1 cannot be created.")
                        .arg(QDir::toNativeSeparators(folder))};
    }
    const QString stem = QStringLiteral("sample-") + when.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = folder + QLatin1Char('/') + stem + QLatin1String(".txt");
    for (int n = 2; QFile::exists(path); ++n)
        path = folder + QLatin1Char('/') + stem + QLatin1Char('-') + QString::number(n) + QLatin1String(".txt");

    MaskOptions options; // addresses masked; passwords are always removed
    const QByteArray bytes = maskText(text, options).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return {{}, QCoreApplication::translate("MailDoctor::SampleArchive", "%1 could not be written: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return {path, {}};
}

} // namespace MailDoctor
