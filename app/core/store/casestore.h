#pragma once

#include "caserecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MailDoctor {

/** What went wrong in the case store, with a message in the current UI language. */
struct StoreError
{
    enum class Code {
        None,
        CannotOpen, ///< the store could not be opened or created; history is unavailable
        Damaged, ///< the file was damaged: it was kept aside and a fresh store is in use
        WriteFailed, ///< a case could not be written
        NotFound, ///< no case with that id
    };
    Code code = Code::None;
    QString message;  ///< in the language in use when it happened
    QString keptCopy; ///< for Damaged: where the damaged file was moved
    const char *source = nullptr; ///< the message before translation (a literal), for text()
    QStringList arguments;        ///< what fills its %1, %2…

    bool isError() const { return code != Code::None; }
    /** The message in the language in use now: a notice still on screen follows a language switch. */
    QString text() const;
};

/** A history search; empty fields do not filter. */
struct CaseQuery
{
    QDateTime from; ///< cases created at or after this moment
    QDateTime to; ///< cases created before this moment
    QString cause; ///< cause id
    QString domain; ///< recipient domain; "example.jp" also finds "mx.example.jp"
    QString text; ///< words in the pasted text, notes, caller, ticket or diagnosis
    int limit = 1000;
};

/**
 * The case history: one SQLite file (WAL journal, synchronous=FULL) in the app's data folder.
 * Every step is written at once, so a crash or a kill loses nothing already typed.
 */
class CaseStore
{
    Q_DECLARE_TR_FUNCTIONS(MailDoctor::CaseStore)

public:
    CaseStore();
    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    /** cases.sqlite in QStandardPaths::AppDataLocation. */
    static QString defaultPath();

    /**
     * Opens (or creates) the store. A damaged file is moved aside with a timestamped name and a
     * fresh store is opened: the result is then Damaged but the store is usable (isOpen()).
     */
    StoreError open(const QString &path = {});
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    /** Inserts or updates a case; gives it an id and timestamps; removes passwords from its pasted text. */
    StoreError save(CaseRecord *record);
    std::optional<CaseRecord> load(const QString &id) const;
    /** The newest case that was not finished (left by a crash or a kill), if any. */
    std::optional<CaseRecord> unfinishedCase() const;
    /** Every case that was not finished, newest first. */
    QList<CaseRecord> unfinishedCases() const;
    /** Cases matching the query, newest first. */
    QList<CaseRecord> search(const CaseQuery &query) const;
    StoreError setOutcome(const QString &id, CaseOutcome outcome);
    StoreError setFinished(const QString &id, bool finished);
    StoreError remove(const QString &id);
    int count() const;

private:
    StoreError openFile(const QString &path, bool *damaged, QString *detail);
    StoreError updateColumn(const QString &id, const QString &column, const QVariant &value);
    QList<CaseRecord> unfinished(int limit) const; ///< newest first; a negative limit lists them all

    QString m_connection;
    QString m_path;
};

} // namespace MailDoctor
