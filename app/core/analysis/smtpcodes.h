#pragma once

#include <QString>
#include <QStringView>

#include <string_view>

namespace MailDoctor::Analysis {

/**
 * True when @p text is exactly @p ascii. Compared inline, the length first: the name tables
 * (reasons, categories) are asked many times per recipient, mostly about names they do not hold.
 */
inline bool equalsAscii(QStringView text, std::string_view ascii)
{
    if (text.size() != qsizetype(ascii.size()))
        return false;
    const char16_t *d = text.utf16();
    for (size_t i = 0; i < ascii.size(); ++i) {
        if (d[i] != char16_t(uchar(ascii[i])))
            return false;
    }
    return true;
}

/** Finds the enhanced status code ("5.1.1") in an error text; @p replyClass '2', '4' or '5' narrows the search. */
QString findStatusCode(QStringView text, QChar replyClass = QChar());

/** Picks between the Status: field value and the code found in the text, guided by the reply code. */
QString preferStatusCode(const QString &fieldValue, const QString &inText, const QString &replyCode);

/** Finds the SMTP reply code ("550") in an error text; @p statusClass '2', '4' or '5' narrows the search. */
QString findReplyCode(QStringView text, QChar statusClass = QChar());

/** The bounce reason an enhanced status code stands for, empty when the code alone does not say. */
QString reasonForStatusCode(QStringView status);
/** As above, for a status already in a QString. */
QString reasonForStatusCode(const QString &status);

/** The pseudo status code used when a bounce gives none (5.0.9xx / 4.0.9xx per reason). */
QString pseudoStatusCode(const QString &reason, bool temporary);

/** True when the text carries a permanent failure (a 5xx code or the word "permanent"). */
bool textIsPermanent(QStringView text);
/** True when the text's status code, or its reply code when it has none, is of a temporary failure (4). */
bool codeIsTemporary(QStringView text);
/** True when the text carries a temporary failure (a 4xx code or the words "temporary"/"persistent"). */
bool textIsTemporary(QStringView text);

/** The SMTP command an error text refers to ("RCPT", "DATA", "MAIL", ...), empty when none is named. */
QString findSmtpCommand(QStringView text);

/** True for a reply code that RFC 5321 and its extensions define. */
bool isStandardReplyCode(QStringView code);
/** True for an enhanced status code in the IANA registry (RFC 3463 and successors). */
bool isStandardStatusCode(QStringView code);

} // namespace MailDoctor::Analysis
