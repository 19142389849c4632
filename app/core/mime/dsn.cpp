#include "dsn.h"

#include "linereader.h"

namespace MailDoctor::Dsn {

namespace {

struct Field
{
    QString name; // lower case
    QString value;
};

bool isBlank(QStringView line)
{
    for (const QChar c : line) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

/**
 * Length of the name in "Name:" at the start of @p line, or -1 when the line is not a field; @p colon
 * receives the colon's index. Blanks before the colon are allowed (Mimecast writes "Status : 5.0.0").
 */
qsizetype fieldNameLength(QStringView line, qsizetype *colon)
{
    const qsizetype limit = qMin<qsizetype>(line.size(), 80);
    for (qsizetype i = 0; i < limit; ++i) {
        const char16_t c = line[i].unicode();
        if (c == u':') {
            *colon = i;
            return i > 0 ? i : -1;
        }
        if (c == u' ' || c == u'\t') {
            qsizetype j = i;
            while (j < limit && (line[j] == u' ' || line[j] == u'\t'))
                ++j;
            if (i > 0 && j < limit && line[j] == u':') {
                *colon = j;
                return i;
            }
            return -1;
        }
        if (c < 32 || c >= 127)
            return -1;
    }
    return -1;
}

// A field name (printable ASCII, see fieldNameLength()) in lower case, in one allocation.
QString asciiLower(QStringView name)
{
    QString out(name.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        o[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
    }
    return out;
}

// Bounds for hostile input: a real report has a handful of fields per recipient.
constexpr int MaxFields = 20000;
constexpr int MaxRecipients = 2000;
constexpr qsizetype MaxFieldValue = 64 * 1024;

/** Splits the body into blocks of unfolded fields; blank lines separate blocks. */
QList<QList<Field>> readBlocks(QStringView body)
{
    QList<QList<Field>> blocks;
    QList<Field> current;
    int fields = 0;
    LineReader reader(body);
    for (QStringView line; fields < MaxFields && reader.next(&line);) {

        if (isBlank(line)) {
            if (!current.isEmpty()) {
                blocks.append(std::move(current));
                current.clear();
            }
        } else if (line[0].isSpace()) {
            // Folded line: joined with one blank (RFC 5322 unfolding, runs of blanks collapsed).
            if (!current.isEmpty() && current.last().value.size() < MaxFieldValue) {
                QString &value = current.last().value;
                if (!value.isEmpty())
                    value += QLatin1Char(' ');
                value += line.trimmed();
            }
        } else if (qsizetype colon = -1, n = fieldNameLength(line, &colon); n > 0) {
            current.append({ asciiLower(line.first(n)), line.sliced(colon + 1).trimmed().toString() });
            ++fields;
        } else if (!current.isEmpty() && current.last().name == QLatin1String("diagnostic-code")
                   && current.last().value.size() < MaxFieldValue) {
            // Some MTAs wrap a long diagnostic without indenting the continuation.
            current.last().value += QLatin1Char(' ') + line.trimmed();
        }
    }
    if (!current.isEmpty())
        blocks.append(std::move(current));
    return blocks;
}

bool isRecipientField(const QString &name)
{
    return name == QLatin1String("final-recipient") || name == QLatin1String("original-recipient")
        || name == QLatin1String("action") || name == QLatin1String("status")
        || name == QLatin1String("diagnostic-code") || name == QLatin1String("remote-mta")
        || name == QLatin1String("last-attempt-date") || name == QLatin1String("will-retry-until")
        || name == QLatin1String("x-actual-recipient") || name == QLatin1String("final-log-id");
}

QString stripAngles(QString address)
{
    address = address.trimmed();
    if (address.startsWith(QLatin1Char('<')) && address.endsWith(QLatin1Char('>')))
        address = address.mid(1, address.size() - 2).trimmed();
    return address;
}

/** The first "d.d.d" enhanced status code in @p value, else the trimmed value. */
QString statusCode(const QString &value)
{
    const qsizetype size = value.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = value[i];
        if ((c != u'2' && c != u'4' && c != u'5') || (i > 0 && value[i - 1].isDigit()))
            continue;
        qsizetype j = i + 1;
        if (j >= size || value[j] != u'.')
            continue;
        qsizetype k = j + 1;
        const qsizetype subjectStart = k;
        while (k < size && value[k].isDigit() && k - subjectStart < 3)
            ++k;
        if (k == subjectStart || k >= size || value[k] != u'.')
            continue;
        qsizetype m = k + 1;
        const qsizetype detailStart = m;
        while (m < size && value[m].isDigit() && m - detailStart < 3)
            ++m;
        if (m == detailStart || (m < size && value[m].isDigit()))
            continue;
        return value.mid(i, m - i);
    }
    return value.trimmed();
}

void applyRecipientField(Recipient *r, const Field &f)
{
    r->fields.insert(f.name, f.value);
    if (f.name == QLatin1String("final-recipient")) {
        r->finalRecipient = stripAngles(stripTypePrefix(f.value));
    } else if (f.name == QLatin1String("original-recipient")) {
        r->originalRecipient = stripAngles(stripTypePrefix(f.value));
    } else if (f.name == QLatin1String("action")) {
        QString action = f.value.trimmed().toLower();
        const qsizetype cut = action.indexOf(QLatin1Char(' '));
        r->action = cut > 0 ? action.left(cut) : action;
    } else if (f.name == QLatin1String("status")) {
        r->status = statusCode(f.value);
    } else if (f.name == QLatin1String("remote-mta")) {
        r->remoteMta = stripTypePrefix(f.value);
    } else if (f.name == QLatin1String("diagnostic-code")) {
        r->diagnosticCode = stripTypePrefix(f.value, &r->diagnosticType);
    } else if (f.name == QLatin1String("last-attempt-date")) {
        r->lastAttemptDate = f.value;
    } else if (f.name == QLatin1String("will-retry-until")) {
        r->willRetryUntil = f.value;
    }
}

void applyMessageField(Report *report, const Field &f)
{
    if (!report->fields.contains(f.name))
        report->fields.insert(f.name, f.value);
    if (f.name == QLatin1String("reporting-mta") && report->reportingMta.isEmpty())
        report->reportingMta = stripTypePrefix(f.value);
    else if (f.name == QLatin1String("arrival-date") && report->arrivalDate.isEmpty())
        report->arrivalDate = f.value;
    else if (f.name == QLatin1String("received-from-mta") && report->receivedFromMta.isEmpty())
        report->receivedFromMta = stripTypePrefix(f.value);
}

} // namespace

QString stripTypePrefix(QStringView value, QString *type)
{
    value = value.trimmed();
    const qsizetype semicolon = value.indexOf(u';');
    if (semicolon > 0 && semicolon <= 32) {
        const QStringView prefix = value.first(semicolon).trimmed();
        bool token = !prefix.isEmpty();
        for (const QChar c : prefix) {
            const char16_t u = c.unicode();
            // "rfc/822" is Mimecast's spelling of rfc822.
            if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                  || u == u'-' || u == u'_' || u == u'.' || u == u'/')) {
                token = false;
                break;
            }
        }
        if (token) {
            if (type)
                *type = prefix.toString().toLower();
            return value.sliced(semicolon + 1).trimmed().toString();
        }
    }
    if (type)
        type->clear();
    return value.toString();
}

Report parse(QStringView deliveryStatusBody)
{
    Report report;
    const QList<QList<Field>> blocks = readBlocks(deliveryStatusBody);
    for (const QList<Field> &block : blocks) {
        bool hasRecipientField = false;
        for (const Field &f : block) {
            if (isRecipientField(f.name)) {
                hasRecipientField = true;
                break;
            }
        }
        if (!hasRecipientField) {
            for (const Field &f : block)
                applyMessageField(&report, f);
            continue;
        }
        // A recipient block; a missing blank line can put several recipients (or the per-message
        // fields) into one block, so a new recipient starts at every repeated address field.
        Recipient *current = nullptr;
        for (const Field &f : block) {
            const bool isFinal = f.name == QLatin1String("final-recipient");
            const bool isOriginal = f.name == QLatin1String("original-recipient");
            if (!current) {
                if (!isRecipientField(f.name)) {
                    applyMessageField(&report, f);
                    continue;
                }
                if (report.recipients.size() >= MaxRecipients)
                    return report;
                report.recipients.append(Recipient());
                current = &report.recipients.last();
            } else if ((isFinal && current->fields.contains(QStringLiteral("final-recipient")))
                       || (isOriginal && current->fields.contains(QStringLiteral("original-recipient")))) {
                if (report.recipients.size() >= MaxRecipients)
                    return report;
                report.recipients.append(Recipient());
                current = &report.recipients.last();
            }
            applyRecipientField(current, f);
        }
    }
    return report;
}

} // namespace MailDoctor::Dsn
