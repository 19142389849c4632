#include "casestore.h"

#include "sheet/masking.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace MailDoctor {

QString StoreError::text() const
{
    if (!source)
        return message;
    const QString t = QCoreApplication::translate("MailDoctor::CaseStore", source);
    switch (arguments.size()) {
    case 0:
        return t;
    case 1:
        return t.arg(arguments.at(0));
    default:
        return t.arg(arguments.at(0), arguments.at(1));
    }
}

namespace {

StoreError storeError(StoreError::Code code, const char *source, const QStringList &arguments = {},
                      const QString &keptCopy = {})
{
    StoreError e{code, {}, keptCopy, source, arguments};
    e.message = e.text();
    return e;
}

} // namespace

namespace {

const int schemaVersion = 1;

const QLatin1String columns("id, created, updated, language, path, pasted_text, analysis, pasted_diagnosis, "
                            "diagnosis, cause, domains, caller, ticket, notes, outcome, elapsed, finished");

QString escapeLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

/** SQLite's own words ("file is not a database") without the driver's generic suffix. */
QString sqlErrorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QDateTime fromMsecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

CaseRecord recordFromQuery(const QSqlQuery &q)
{
    CaseRecord r;
    int i = 0;
    r.id = q.value(i++).toString();
    r.created = fromMsecs(q.value(i++));
    r.updated = fromMsecs(q.value(i++));
    parseLanguage(q.value(i++).toString(), &r.language);
    r.path = choicesFromJson(QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).array());
    r.pastedText = q.value(i++).toString();
    r.analysis = analysisFromJson(QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).object());
    r.pastedDiagnosis = q.value(i++).toString();
    r.diagnosis = q.value(i++).toString();
    r.cause = q.value(i++).toString();
    ++i; // domains: derived from the analysis
    r.callerName = q.value(i++).toString();
    r.ticket = q.value(i++).toString();
    r.notes = q.value(i++).toString();
    r.outcome = caseOutcomeFromCode(q.value(i++).toString());
    r.elapsedSeconds = q.value(i++).toLongLong();
    r.finished = q.value(i++).toInt() != 0;
    return r;
}

} // namespace

CaseStore::CaseStore()
    : m_connection(QStringLiteral("casestore-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

CaseStore::~CaseStore()
{
    close();
}

QString CaseStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/cases.sqlite");
}

bool CaseStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void CaseStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

StoreError CaseStore::openFile(const QString &path, bool *damaged, QString *detail)
{
    *damaged = false;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            *detail = db.lastError().text();
            ok = false;
        } else {
            QSqlQuery q(db);
            // The first statement reads the header: a file of garbage fails here with "file is not a
            // database".
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next()) {
                *damaged = true;
                *detail = sqlErrorText(q.lastError());
            } else if (q.value(0).toString() != QLatin1String("ok")) {
                *damaged = true;
                *detail = q.value(0).toString();
            }
            q.finish();
            if (!*damaged) {
                // WAL: a commit is one append to the log, and a killed process never leaves a half-written
                // page. synchronous=FULL: the log is flushed to disk at each commit, so even a power cut
                // keeps the last step. A commit per step at human pace makes the extra flush cheap.
                const QStringList setup = {
                    QStringLiteral("PRAGMA journal_mode=WAL"),
                    QStringLiteral("PRAGMA synchronous=FULL"),
                    QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS cases ("
                        "id TEXT PRIMARY KEY, created INTEGER NOT NULL, updated INTEGER NOT NULL, "
                        "language TEXT, path TEXT, pasted_text TEXT, analysis TEXT, "
                        "pasted_diagnosis TEXT, diagnosis TEXT, cause TEXT, domains TEXT, caller TEXT, "
                        "ticket TEXT, notes TEXT, outcome TEXT, elapsed INTEGER, finished INTEGER)"),
                    QStringLiteral("CREATE INDEX IF NOT EXISTS cases_updated ON cases(updated)"),
                    QStringLiteral("CREATE INDEX IF NOT EXISTS cases_created ON cases(created)"),
                    QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion),
                };
                for (const QString &statement : setup) {
                    if (!q.exec(statement)) {
                        *detail = sqlErrorText(q.lastError());
                        // Anything the header check let through but SQLite still refuses counts as damage.
                        *damaged = q.lastError().nativeErrorCode() == QLatin1String("11")
                            || q.lastError().nativeErrorCode() == QLatin1String("26");
                        ok = false;
                        break;
                    }
                }
            }
        }
    }
    if (*damaged || !ok) {
        close();
        if (*damaged)
            return {};
        return storeError(StoreError::Code::CannotOpen,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case history in %1 could not be opened: %2"),
                          {QDir::toNativeSeparators(path), *detail});
    }
    return {};
}

StoreError CaseStore::open(const QString &path)
{
    close();
    m_path = path.isEmpty() ? defaultPath() : path;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return storeError(StoreError::Code::CannotOpen,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The folder for the case history, %1, cannot be created."),
                          {QDir::toNativeSeparators(QFileInfo(m_path).absolutePath())});
    }
    bool damaged = false;
    QString detail;
    StoreError error = openFile(m_path, &damaged, &detail);
    if (!damaged)
        return error;

    // Keep the damaged file for whoever wants to rescue it, and carry on with an empty history.
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString kept = m_path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(kept); ++n)
        kept = m_path + QStringLiteral(".damaged-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(m_path, kept)) {
        return storeError(StoreError::Code::CannotOpen,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore",
                                            "The case history in %1 is damaged (%2) and could not be moved aside."),
                          {QDir::toNativeSeparators(m_path), detail});
    }
    for (const QLatin1String suffix : { QLatin1String("-wal"), QLatin1String("-shm") }) {
        if (QFileInfo::exists(m_path + suffix) && !QFile::rename(m_path + suffix, kept + suffix))
            QFile::remove(m_path + suffix);
    }
    bool damagedAgain = false;
    QString detailAgain;
    error = openFile(m_path, &damagedAgain, &detailAgain);
    if (error.isError())
        return error;
    if (damagedAgain) {
        return storeError(StoreError::Code::CannotOpen,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "A new case history could not be started in %1: %2"),
                          {QDir::toNativeSeparators(m_path), detailAgain});
    }
    return storeError(StoreError::Code::Damaged,
                      QT_TRANSLATE_NOOP("MailDoctor::CaseStore",
                                        "The case history file was damaged and could not be read (%1). It was kept "
                                        "as %2 and a new, empty history was started."),
                      {detail, QDir::toNativeSeparators(kept)}, kept);
}

StoreError CaseStore::save(CaseRecord *record)
{
    if (!isOpen())
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case history is not available."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (record->id.isEmpty())
        record->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!record->created.isValid())
        record->created = now;
    record->updated = now;
    // Passwords never reach the disk: not in the pasted text, nor in evidence lines taken from it.
    const PasswordScrubber scrubber(record->pastedText);
    for (CauseFinding &c : record->analysis.causes) {
        for (QString &line : c.evidence)
            line = scrubber.line(line);
    }
    for (RecipientFinding &r : record->analysis.recipients) {
        r.diagnostic = scrubber.line(r.diagnostic);
        for (QString &line : r.evidence)
            line = scrubber.line(line);
    }
    record->pastedText = removePasswords(record->pastedText);

    const QStringList domains = record->recipientDomains();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO cases (") + columns
              + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(record->id);
    q.addBindValue(record->created.toMSecsSinceEpoch());
    q.addBindValue(record->updated.toMSecsSinceEpoch());
    q.addBindValue(languageCode(record->language));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(choicesToJson(record->path)).toJson(QJsonDocument::Compact)));
    q.addBindValue(record->pastedText);
    const bool hasAnalysis = !record->analysis.causes.isEmpty() || !record->analysis.recipients.isEmpty()
        || !record->analysis.error.isEmpty() || record->analysis.kind != QLatin1String("unknown");
    q.addBindValue(hasAnalysis ? QString::fromUtf8(
                       QJsonDocument(record->analysis.toJson()).toJson(QJsonDocument::Compact))
                               : QString());
    q.addBindValue(record->pastedDiagnosis);
    q.addBindValue(record->diagnosis);
    q.addBindValue(record->cause);
    q.addBindValue(domains.isEmpty() ? QString()
                                     : QLatin1Char(' ') + domains.join(QLatin1Char(' ')) + QLatin1Char(' '));
    q.addBindValue(record->callerName);
    q.addBindValue(record->ticket);
    q.addBindValue(record->notes);
    q.addBindValue(caseOutcomeCode(record->outcome));
    q.addBindValue(record->elapsedSeconds);
    q.addBindValue(record->finished ? 1 : 0);
    if (!q.exec()) {
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case could not be saved: %1"),
                          {q.lastError().text()});
    }
    return {};
}

std::optional<CaseRecord> CaseStore::load(const QString &id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM cases WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return recordFromQuery(q);
}

std::optional<CaseRecord> CaseStore::unfinishedCase() const
{
    const QList<CaseRecord> newest = unfinished(1);
    return newest.isEmpty() ? std::nullopt : std::optional<CaseRecord>(newest.first());
}

QList<CaseRecord> CaseStore::unfinishedCases() const
{
    return unfinished(-1);
}

QList<CaseRecord> CaseStore::unfinished(int limit) const
{
    QList<CaseRecord> found;
    if (!isOpen())
        return found;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM cases WHERE finished = 0 ORDER BY updated DESC");
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    if (!q.exec(sql))
        return found;
    while (q.next())
        found.append(recordFromQuery(q));
    return found;
}

QList<CaseRecord> CaseStore::search(const CaseQuery &query) const
{
    QList<CaseRecord> found;
    if (!isOpen())
        return found;
    QStringList where;
    QVariantList values;
    if (query.from.isValid()) {
        where.append(QStringLiteral("created >= ?"));
        values.append(query.from.toMSecsSinceEpoch());
    }
    if (query.to.isValid()) {
        where.append(QStringLiteral("created < ?"));
        values.append(query.to.toMSecsSinceEpoch());
    }
    if (!query.cause.isEmpty()) {
        where.append(QStringLiteral("cause = ?"));
        values.append(query.cause);
    }
    const QString domain = query.domain.trimmed().toLower();
    if (!domain.isEmpty()) {
        where.append(QStringLiteral("(domains LIKE ? ESCAPE '\\' OR domains LIKE ? ESCAPE '\\')"));
        values.append(QString(QStringLiteral("% ") + escapeLike(domain) + QStringLiteral(" %")));
        values.append(QString(QStringLiteral("%.") + escapeLike(domain) + QStringLiteral(" %")));
    }
    const QStringList words = query.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        where.append(QStringLiteral("(pasted_text LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\' "
                                    "OR caller LIKE ? ESCAPE '\\' OR ticket LIKE ? ESCAPE '\\' "
                                    "OR diagnosis LIKE ? ESCAPE '\\' OR domains LIKE ? ESCAPE '\\')"));
        for (int i = 0; i < 6; ++i)
            values.append(QString(QLatin1Char('%') + escapeLike(word) + QLatin1Char('%')));
    }
    QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM cases");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY updated DESC LIMIT %1").arg(qMax(1, query.limit));

    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return found;
    while (q.next())
        found.append(recordFromQuery(q));
    return found;
}

StoreError CaseStore::updateColumn(const QString &id, const QString &column, const QVariant &value)
{
    if (!isOpen())
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case history is not available."));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE cases SET ") + column
              + QStringLiteral(" = ?, updated = ? WHERE id = ?"));
    q.addBindValue(value);
    q.addBindValue(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case could not be saved: %1"),
                          {q.lastError().text()});
    if (q.numRowsAffected() == 0)
        return storeError(StoreError::Code::NotFound,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case %1 is not in the history."), {id});
    return {};
}

StoreError CaseStore::setOutcome(const QString &id, CaseOutcome outcome)
{
    return updateColumn(id, QStringLiteral("outcome"), caseOutcomeCode(outcome));
}

StoreError CaseStore::setFinished(const QString &id, bool finished)
{
    return updateColumn(id, QStringLiteral("finished"), finished ? 1 : 0);
}

StoreError CaseStore::remove(const QString &id)
{
    if (!isOpen())
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case history is not available."));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM cases WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storeError(StoreError::Code::WriteFailed,
                          QT_TRANSLATE_NOOP("MailDoctor::CaseStore", "The case could not be removed: %1"),
                          {q.lastError().text()});
    return {};
}

int CaseStore::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM cases")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace MailDoctor
