#pragma once

#include <QCoreApplication>
#include <QString>

namespace MailDoctor {

/** Turns the codes of the knowledge base (severity, actor, delivery action) into plain words. */
class PlainWords
{
    Q_DECLARE_TR_FUNCTIONS(MailDoctor::PlainWords)

public:
    /** A short label for a severity ("Permanent failure"). */
    static QString severityLabel(const QString &severity);
    /** A sentence telling the user what the severity means for them. */
    static QString severitySentence(const QString &severity);
    /** Who must act, as a short noun phrase for tables ("You"). */
    static QString actorLabel(const QString &actor);
    /** Who must act, as a sentence ("You can fix this yourself..."). */
    static QString actorSentence(const QString &actor);
    /** A recipient's delivery action in words ("Not delivered"). */
    static QString recipientAction(const QString &action);
};

} // namespace MailDoctor
