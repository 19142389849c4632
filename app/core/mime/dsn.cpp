#include "dsn.h"

#include "linereader.h"

#include <array>
#include <utility>

namespace MailDoctor::Dsn {

namespace {

/** The fields the parser acts on; the per-recipient ones first (see isRecipientField()). */
enum class Name {
    FinalRecipient,
    OriginalRecipient,
    Action,
    Status,
    DiagnosticCode,
    RemoteMta,
    LastAttemptDate,
    WillRetryUntil,
    XActualRecipient,
    FinalLogId,
    ReportingMta,
    ArrivalDate,
    ReceivedFromMta,
    Other
};

struct Field
{
    QString name; // lower case
    QString value;
    Name id = Name::Other;
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
    // Field-name characters looked up instead of compared: every line of a report comes through here.
    static constexpr auto nameChar = [] {
        std::array<bool, 128> t {};
        for (int c = 33; c < 127; ++c)
            t[size_t(c)] = c != ':';
        return t;
    }();
    const qsizetype limit = qMin<qsizetype>(line.size(), 80);
    qsizetype i = 0;
    while (i < limit && line[i].unicode() < 128 && nameChar[line[i].unicode()])
        ++i;
    if (i >= limit)
        return -1;
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
    }
    return -1;
}

// A field name (printable ASCII, see fieldNameLength()) in lower case, in one allocation.
QString asciiLower(QStringView name)
{
    QString out(name.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (qsizetype i = 0; i < name.size(); ++i)
        o[i] = QChar(lowerAsciiChar(name[i].unicode()));
    return out;
}

/**
 * Which field @p name (as written) is; @p lower receives its lower-case form. The known names come
 * from a table of static strings, so the fields every report has cost no allocation for their names.
 */
Name nameOf(QStringView name, QString *lower)
{
    static const std::array<std::pair<Name, QString>, 13> known = { {
        { Name::FinalRecipient, QStringLiteral("final-recipient") },
        { Name::OriginalRecipient, QStringLiteral("original-recipient") },
        { Name::Action, QStringLiteral("action") },
        { Name::Status, QStringLiteral("status") },
        { Name::DiagnosticCode, QStringLiteral("diagnostic-code") },
        { Name::RemoteMta, QStringLiteral("remote-mta") },
        { Name::LastAttemptDate, QStringLiteral("last-attempt-date") },
        { Name::WillRetryUntil, QStringLiteral("will-retry-until") },
        { Name::XActualRecipient, QStringLiteral("x-actual-recipient") },
        { Name::FinalLogId, QStringLiteral("final-log-id") },
        { Name::ReportingMta, QStringLiteral("reporting-mta") },
        { Name::ArrivalDate, QStringLiteral("arrival-date") },
        { Name::ReceivedFromMta, QStringLiteral("received-from-mta") },
    } };
    const char16_t first = lowerAsciiChar(name.isEmpty() ? u'\0' : name[0].unicode());
    for (const auto &[id, text] : known) {
        if (text.size() != name.size() || text[0].unicode() != first)
            continue;
        qsizetype i = 1;
        while (i < name.size() && lowerAsciiChar(name[i].unicode()) == text[i].unicode())
            ++i;
        if (i == name.size()) {
            *lower = text;
            return id;
        }
    }
    *lower = asciiLower(name);
    return Name::Other;
}

// Bounds for hostile input: a real report has a handful of fields per recipient.
constexpr int MaxFields = 20000;
constexpr int MaxRecipients = 2000;
constexpr qsizetype MaxFieldValue = 64 * 1024;

bool isRecipientField(const Field &f)
{
    return f.id <= Name::FinalLogId;
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
    switch (f.id) {
    case Name::FinalRecipient:
        r->finalRecipient = stripAngles(stripTypePrefix(f.value));
        break;
    case Name::OriginalRecipient:
        r->originalRecipient = stripAngles(stripTypePrefix(f.value));
        break;
    case Name::Action: {
        QString action = f.value.trimmed().toLower();
        const qsizetype cut = action.indexOf(QLatin1Char(' '));
        r->action = cut > 0 ? action.left(cut) : action;
        break;
    }
    case Name::Status:
        r->status = statusCode(f.value);
        break;
    case Name::RemoteMta:
        r->remoteMta = stripTypePrefix(f.value);
        break;
    case Name::DiagnosticCode:
        r->diagnosticCode = stripTypePrefix(f.value, &r->diagnosticType);
        break;
    case Name::LastAttemptDate:
        r->lastAttemptDate = f.value;
        break;
    case Name::WillRetryUntil:
        r->willRetryUntil = f.value;
        break;
    default:
        break;
    }
}

void applyMessageField(Report *report, const Field &f)
{
    if (!report->fields.contains(f.name))
        report->fields.insert(f.name, f.value);
    if (f.id == Name::ReportingMta && report->reportingMta.isEmpty())
        report->reportingMta = stripTypePrefix(f.value);
    else if (f.id == Name::ArrivalDate && report->arrivalDate.isEmpty())
        report->arrivalDate = f.value;
    else if (f.id == Name::ReceivedFromMta && report->receivedFromMta.isEmpty())
        report->receivedFromMta = stripTypePrefix(f.value);
}

/** Applies one block of fields to @p report; false when the recipient limit was reached. */
bool applyBlock(Report *report, const QList<Field> &block)
{
    bool hasRecipientField = false;
    for (const Field &f : block) {
        if (isRecipientField(f)) {
            hasRecipientField = true;
            break;
        }
    }
    if (!hasRecipientField) {
        for (const Field &f : block)
            applyMessageField(report, f);
        return true;
    }
    // A recipient block; a missing blank line can put several recipients (or the per-message
    // fields) into one block, so a new recipient starts at every repeated address field.
    Recipient *current = nullptr;
    for (const Field &f : block) {
        if (!current) {
            if (!isRecipientField(f)) {
                applyMessageField(report, f);
                continue;
            }
            if (report->recipients.size() >= MaxRecipients)
                return false;
            current = &report->recipients.emplaceBack();
        } else if ((f.id == Name::FinalRecipient && current->fields.contains(f.name))
                   || (f.id == Name::OriginalRecipient && current->fields.contains(f.name))) {
            if (report->recipients.size() >= MaxRecipients)
                return false;
            current = &report->recipients.emplaceBack();
        }
        applyRecipientField(current, f);
    }
    return true;
}

} // namespace

QString stripTypePrefix(QStringView value, QString *type)
{
    value = value.trimmed();
    // Only a type within the first 32 characters counts, so the search stops there (a loop rather
    // than indexOf(), which runs Qt's general substring search for one character).
    qsizetype semicolon = -1;
    for (qsizetype i = 0, n = qMin<qsizetype>(value.size(), 33); i < n; ++i) {
        if (value[i] == u';') {
            semicolon = i;
            break;
        }
    }
    if (semicolon > 0) {
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
                *type = asciiLower(prefix); // the prefix is ASCII (checked above): one allocation
            return value.sliced(semicolon + 1).trimmed().toString();
        }
    }
    if (type)
        type->clear();
    return value.toString();
}

Report parse(QStringView deliveryStatusBody)
{
    // Each block is applied as soon as its blank line is read; one list of fields serves them all.
    Report report;
    QList<Field> block;
    block.reserve(16);
    int fields = 0;
    LineReader reader(deliveryStatusBody);
    for (QStringView line; fields < MaxFields && reader.next(&line);) {
        if (isBlank(line)) {
            if (!block.isEmpty()) {
                if (!applyBlock(&report, block))
                    return report;
                block.clear();
            }
        } else if (line[0].isSpace()) {
            // Folded line: joined with one blank (RFC 5322 unfolding, runs of blanks collapsed).
            if (!block.isEmpty() && block.last().value.size() < MaxFieldValue) {
                QString &value = block.last().value;
                if (!value.isEmpty())
                    value += QLatin1Char(' ');
                value += line.trimmed();
            }
        } else if (qsizetype colon = -1, n = fieldNameLength(line, &colon); n > 0) {
            Field f;
            f.id = nameOf(line.first(n), &f.name);
            f.value = line.sliced(colon + 1).trimmed().toString();
            block.append(std::move(f));
            ++fields;
        } else if (!block.isEmpty() && block.last().id == Name::DiagnosticCode
                   && block.last().value.size() < MaxFieldValue) {
            // Some MTAs wrap a long diagnostic without indenting the continuation.
            block.last().value += QLatin1Char(' ') + line.trimmed();
        }
    }
    if (!block.isEmpty())
        applyBlock(&report, block);
    return report;
}

} // namespace MailDoctor::Dsn
