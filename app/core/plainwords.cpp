#include "plainwords.h"

namespace MailDoctor {

QString PlainWords::severityLabel(const QString &severity)
{
    if (severity == QLatin1String("permanent"))
        return tr("Permanent failure");
    if (severity == QLatin1String("transient"))
        return tr("Temporary problem");
    if (severity == QLatin1String("warning"))
        return tr("Warning only");
    if (severity == QLatin1String("local"))
        return tr("Problem with your settings or connection");
    if (severity == QLatin1String("info"))
        return tr("Information");
    return tr("Unknown");
}

QString PlainWords::severitySentence(const QString &severity)
{
    if (severity == QLatin1String("permanent"))
        return tr("The message was not delivered and will not be tried again. Fix the cause, then send it "
                  "again.");
    if (severity == QLatin1String("transient"))
        return tr("A temporary problem: it often clears up by itself. Wait a while and try again.");
    if (severity == QLatin1String("warning"))
        return tr("This is only a warning: the message is still on its way and will be retried "
                  "automatically. There is no need to resend it.");
    if (severity == QLatin1String("local"))
        return tr("The problem is on your computer, in your mail program's settings or in your "
                  "connection. Once it is fixed, mail works again.");
    if (severity == QLatin1String("info"))
        return tr("For your information; nothing went wrong.");
    return tr("How serious this is could not be determined.");
}

QString PlainWords::actorLabel(const QString &actor)
{
    if (actor == QLatin1String("you"))
        return tr("You");
    if (actor == QLatin1String("your-admin"))
        return tr("Your mail administrator");
    if (actor == QLatin1String("provider"))
        return tr("Your provider");
    if (actor == QLatin1String("recipient"))
        return tr("The recipient");
    if (actor == QLatin1String("recipient-admin"))
        return tr("The recipient's mail administrator");
    if (actor == QLatin1String("nobody"))
        return tr("Nobody");
    return tr("Unknown");
}

QString PlainWords::actorSentence(const QString &actor)
{
    if (actor == QLatin1String("you"))
        return tr("You can fix this yourself, in your mail program, its settings or the address you "
                  "typed.");
    if (actor == QLatin1String("your-admin"))
        return tr("Your mail administrator (or the company that runs your mail server) must fix this; "
                  "pass this diagnosis on to them.");
    if (actor == QLatin1String("provider"))
        return tr("Your Internet or mail provider must act; contact their support.");
    if (actor == QLatin1String("recipient"))
        return tr("The recipient must act (for example free up space or change a filter); let them know "
                  "by another way, such as phone.");
    if (actor == QLatin1String("recipient-admin"))
        return tr("The administrator of the recipient's mail server must act; the recipient can pass "
                  "this on.");
    if (actor == QLatin1String("nobody"))
        return tr("Nobody needs to do anything: wait, and it resolves itself.");
    return tr("It is not known who must act.");
}

QString PlainWords::recipientAction(const QString &action)
{
    if (action == QLatin1String("failed"))
        return tr("Not delivered");
    if (action == QLatin1String("delayed"))
        return tr("Delayed");
    if (action == QLatin1String("delivered"))
        return tr("Delivered");
    if (action == QLatin1String("relayed"))
        return tr("Passed on");
    if (action == QLatin1String("expanded"))
        return tr("Forwarded to a list");
    return action;
}

} // namespace MailDoctor
