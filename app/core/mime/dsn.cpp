#include "dsn.h"

#include "linereader.h"
#include "textscan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <string_view>
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

/**
 * One field of the body as read: views into the text. A folded value is joined in the unfolded buffer,
 * found there by offset while the buffer still grows, and viewed once all the lines are read.
 */
struct Field
{
    QStringView name; // as written
    QStringView value; // trimmed
    Name id = Name::Other;
    qsizetype joinedAt = -1; // offset of the joined value in the unfolded buffer, when folded
    qsizetype joinedSize = 0;

    qsizetype valueSize() const { return joinedAt >= 0 ? joinedSize : value.size(); }
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
#if defined(__SSE2__)
    // Eight characters at a time until one is no name character (below '!', above '~', or ':'; as
    // signed 16-bit numbers those beyond ASCII are negative, so below '!' too). The loop after it
    // stops on that character.
    const char16_t *p = line.utf16();
    const __m128i low = _mm_set1_epi16(' ');
    const __m128i high = _mm_set1_epi16(127);
    const __m128i colonChar = _mm_set1_epi16(':');
    while (limit - i >= 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i name = _mm_andnot_si128(_mm_cmpeq_epi16(v, colonChar),
                                              _mm_and_si128(_mm_cmpgt_epi16(v, low), _mm_cmplt_epi16(v, high)));
        const int stops = _mm_movemask_epi8(name) ^ 0xFFFF;
        if (stops != 0) {
            i += qCountTrailingZeroBits(static_cast<quint32>(stops)) / 2;
            break;
        }
        i += 8;
    }
#endif
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

// A name (printable ASCII, see fieldNameLength() and stripTypePrefix()) in lower case, in one allocation.
QString asciiLower(QStringView name)
{
    QString out(name.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (qsizetype i = 0; i < name.size(); ++i)
        o[i] = QChar(lowerAsciiChar(name[i].unicode()));
    return out;
}

/** Which field @p name (as written) is. */
Name nameOf(QStringView name)
{
    static constexpr std::pair<Name, std::string_view> known[] = {
        { Name::FinalRecipient, "final-recipient" },
        { Name::OriginalRecipient, "original-recipient" },
        { Name::Action, "action" },
        { Name::Status, "status" },
        { Name::DiagnosticCode, "diagnostic-code" },
        { Name::RemoteMta, "remote-mta" },
        { Name::LastAttemptDate, "last-attempt-date" },
        { Name::WillRetryUntil, "will-retry-until" },
        { Name::XActualRecipient, "x-actual-recipient" },
        { Name::FinalLogId, "final-log-id" },
        { Name::ReportingMta, "reporting-mta" },
        { Name::ArrivalDate, "arrival-date" },
        { Name::ReceivedFromMta, "received-from-mta" },
    };
    // The length and the first letter tell the known names apart, so one table lookup finds the only
    // candidate and one comparison settles it (every field of every report comes through here).
    constexpr qsizetype maxSize = 18;
    static constexpr auto candidates = [] {
        std::array<std::array<signed char, 26>, maxSize + 1> t {};
        for (auto &row : t) {
            for (auto &k : row)
                k = -1;
        }
        for (size_t k = 0; k < std::size(known); ++k)
            t[known[k].second.size()][size_t(known[k].second[0] - 'a')] = static_cast<signed char>(k);
        return t;
    }();
    if (name.isEmpty() || name.size() > maxSize)
        return Name::Other;
    const char16_t first = lowerAsciiChar(name[0].unicode());
    if (first < u'a' || first > u'z')
        return Name::Other;
    const int k = candidates[size_t(name.size())][size_t(first - u'a')];
    if (k < 0 || !equalsLowerAscii(name, known[k].second))
        return Name::Other;
    return known[k].first;
}

// Bounds for hostile input: a real report has a handful of fields per recipient.
constexpr int MaxFields = 20000;
constexpr int MaxRecipients = 2000;
constexpr qsizetype MaxFieldValue = 64 * 1024;

bool isRecipientField(const Field &f)
{
    return f.id <= Name::FinalLogId;
}

QStringView stripAngles(QStringView address)
{
    address = trimmedView(address);
    if (address.startsWith(u'<') && address.endsWith(u'>'))
        address = trimmedView(address.mid(1, address.size() - 2));
    return address;
}

/** The first "d.d.d" enhanced status code in @p value, else the trimmed value. */
QStringView statusCode(QStringView value)
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
    return trimmedView(value);
}

/**
 * stripTypePrefix() as views: the value without its "type;" prefix; @p type receives the prefix (not
 * lower-cased) when there is one, else an empty view.
 */
QStringView typedValue(QStringView value, QStringView *type)
{
    value = trimmedView(value);
    *type = {};
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
        const QStringView prefix = trimmedView(value.first(semicolon));
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
            *type = prefix;
            return trimmedView(value.sliced(semicolon + 1));
        }
    }
    return value;
}

/**
 * The text of @p v as a QString that shares the buffer of @p text or @p unfolded (the report's, which
 * the field views point into) instead of copying, when @p v lies inside one of them; else a copy. A
 * report sets some seven such strings per recipient, and a slice costs a reference count where a copy
 * costs an allocation to make and one to free. Like Mime's share() for bytes, such a slice is not
 * NUL-terminated, which nothing that goes by size minds; writing to it detaches (or, once it is the
 * buffer's last owner, writes in a buffer that nothing else reads).
 */
QString sharedText(QStringView v, const QString &text, const QString &unfolded)
{
    if (v.isEmpty())
        return v.toString(); // null or empty as before: no allocation either way
    for (const QString *owner : { &text, &unfolded }) {
        const auto *begin = reinterpret_cast<const char16_t *>(owner->constData()); // utf16() may copy
        if (v.utf16() >= begin && v.utf16() + v.size() <= begin + owner->size()
            && const_cast<QString *>(owner)->data_ptr().isMutable()) {
            QString slice = *owner;
            QString::DataPointer &d = slice.data_ptr();
            d.ptr = const_cast<char16_t *>(v.utf16());
            d.size = v.size();
            return slice;
        }
    }
    return v.toString();
}

/** True when @p v is ASCII without upper-case letters: toLower() would return it as it is. */
bool isLowerAscii(QStringView v)
{
    for (const QChar c : v) {
        const char16_t u = c.unicode();
        if (u >= 0x80 || (u >= u'A' && u <= u'Z'))
            return false;
    }
    return true;
}

} // namespace

/** Fills a FieldList (a friend of it, so that the list keeps its views to itself). */
struct FieldListBuilder
{
    /** Makes @p list share the buffers its views will point into. */
    static void keep(FieldList *list, const QString &text, const QString &unfolded)
    {
        list->m_text = text;
        list->m_unfolded = unfolded;
    }
    /** The item named as @p name (as written), compared in lower case. */
    static FieldList::Item *findSame(FieldList *list, QStringView name)
    {
        for (FieldList::Item &item : list->m_items) {
            if (item.name.size() != name.size())
                continue;
            qsizetype i = 0;
            while (i < name.size() && lowerAsciiChar(item.name[i].unicode()) == lowerAsciiChar(name[i].unicode()))
                ++i;
            if (i == name.size())
                return &item;
        }
        return nullptr;
    }
    /** Sets the field @p f, replacing an earlier value of its name. */
    static void set(FieldList *list, const Field &f)
    {
        if (FieldList::Item *item = findSame(list, f.name))
            item->value = f.value;
        else
            add(list, f);
    }
    /** Adds the field @p f, whose name is not in the list yet. */
    static void add(FieldList *list, const Field &f)
    {
        list->m_items.append(FieldList::Item { f.name, f.value });
    }
};

namespace {

/** The buffers the field views point into, which the strings of the report share (see sharedText()). */
struct Buffers
{
    const QString &text;
    const QString &unfolded;

    QString operator()(QStringView v) const { return sharedText(v, text, unfolded); }
};

void applyRecipientField(Recipient *r, const Field &f, const Buffers &shared)
{
    FieldListBuilder::set(&r->fields, f);
    QStringView type;
    switch (f.id) {
    case Name::FinalRecipient:
        r->finalRecipient = shared(stripAngles(typedValue(f.value, &type)));
        break;
    case Name::OriginalRecipient:
        r->originalRecipient = shared(stripAngles(typedValue(f.value, &type)));
        break;
    case Name::Action: {
        const QStringView action = trimmedView(f.value);
        const qsizetype cut = action.indexOf(u' ');
        const QStringView word = cut > 0 ? action.first(cut) : action;
        // Usually written in lower case already ("failed"): then it is the text itself. Otherwise as
        // before, lowered first and cut after (lowering may change the length of non-ASCII text).
        if (isLowerAscii(word)) {
            r->action = shared(word);
        } else {
            QString lowered = action.toString().toLower();
            const qsizetype loweredCut = lowered.indexOf(QLatin1Char(' '));
            r->action = loweredCut > 0 ? lowered.left(loweredCut) : lowered;
        }
        break;
    }
    case Name::Status:
        r->status = shared(statusCode(f.value));
        break;
    case Name::RemoteMta:
        r->remoteMta = shared(typedValue(f.value, &type));
        break;
    case Name::DiagnosticCode:
        r->diagnosticCode = shared(typedValue(f.value, &type));
        if (type.isEmpty())
            r->diagnosticType.clear();
        else if (isLowerAscii(type))
            r->diagnosticType = shared(type);
        else
            r->diagnosticType = asciiLower(type); // the prefix is ASCII (see typedValue()): one allocation
        break;
    case Name::LastAttemptDate:
        r->lastAttemptDate = shared(f.value);
        break;
    case Name::WillRetryUntil:
        r->willRetryUntil = shared(f.value);
        break;
    default:
        break;
    }
}

void applyMessageField(Report *report, const Field &f, const Buffers &shared)
{
    if (!FieldListBuilder::findSame(&report->fields, f.name))
        FieldListBuilder::add(&report->fields, f);
    QStringView type;
    if (f.id == Name::ReportingMta && report->reportingMta.isEmpty())
        report->reportingMta = shared(typedValue(f.value, &type));
    else if (f.id == Name::ArrivalDate && report->arrivalDate.isEmpty())
        report->arrivalDate = shared(f.value);
    else if (f.id == Name::ReceivedFromMta && report->receivedFromMta.isEmpty())
        report->receivedFromMta = shared(typedValue(f.value, &type));
}

/** The fields between two blank lines. */
struct Block
{
    const Field *first;
    const Field *last; // past the end
    const Field *begin() const { return first; }
    const Field *end() const { return last; }
};

/**
 * Applies one block of fields to @p report; false when the recipient limit was reached. New recipients
 * share @p text and @p unfolded, which the fields' views point into.
 */
bool applyBlock(Report *report, const Block &block, const Buffers &shared)
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
            applyMessageField(report, f, shared);
        return true;
    }
    // A recipient block; a missing blank line can put several recipients (or the per-message
    // fields) into one block, so a new recipient starts at every repeated address field.
    Recipient *current = nullptr;
    const auto addRecipient = [&] {
        current = &report->recipients.emplaceBack();
        FieldListBuilder::keep(&current->fields, shared.text, shared.unfolded);
    };
    for (const Field &f : block) {
        if (!current) {
            if (!isRecipientField(f)) {
                applyMessageField(report, f, shared);
                continue;
            }
            if (report->recipients.size() >= MaxRecipients)
                return false;
            addRecipient();
        } else if ((f.id == Name::FinalRecipient || f.id == Name::OriginalRecipient)
                   && FieldListBuilder::findSame(&current->fields, f.name)) {
            if (report->recipients.size() >= MaxRecipients)
                return false;
            addRecipient();
        }
        applyRecipientField(current, f, shared);
    }
    return true;
}

/** Appends @p piece, a further line of the folded field @p f, to its value joined in @p unfolded. */
void extend(Field *f, QStringView piece, bool alwaysBlank, QString *unfolded, qsizetype textSize)
{
    // The joined values never take more than the text (each joined line gives up at least its line
    // break for the blank put in its place), and a report's folded values are a few lines: reserved
    // once for them, the buffer seldom grows. The reserve stays small for a long pasted text, whose
    // values (and the buffer, which they share) may outlive the parse.
    if (unfolded->capacity() == 0)
        unfolded->reserve(qMin<qsizetype>(textSize, 4096));
    if (f->joinedAt < 0) {
        f->joinedAt = unfolded->size();
        unfolded->append(f->value);
        f->joinedSize = f->value.size();
    }
    // Folded lines are joined with one blank (none before the first text); an unindented Diagnostic-Code
    // continuation always with one.
    if (alwaysBlank || f->joinedSize > 0) {
        unfolded->append(QLatin1Char(' '));
        ++f->joinedSize;
    }
    unfolded->append(piece);
    f->joinedSize += piece.size();
}

} // namespace

QString FieldList::value(QStringView name) const
{
    const Item *item = find(name);
    return item ? item->value.toString() : QString();
}

// Names are kept as written and compared in lower case with the wanted one (given in lower case).
const FieldList::Item *FieldList::find(QStringView name) const
{
    for (const Item &item : m_items) {
        if (item.name.size() != name.size())
            continue;
        qsizetype i = 0;
        while (i < name.size() && lowerAsciiChar(item.name[i].unicode()) == name[i].unicode())
            ++i;
        if (i == name.size())
            return &item;
    }
    return nullptr;
}

QString stripTypePrefix(QStringView value, QString *type)
{
    QStringView prefix;
    const QStringView rest = typedValue(value, &prefix);
    if (type) {
        if (prefix.isEmpty())
            type->clear();
        else
            *type = asciiLower(prefix); // the prefix is ASCII (see typedValue()): one allocation
    }
    return rest.toString();
}

Report parse(QStringView deliveryStatusBody)
{
    return parse(deliveryStatusBody.toString());
}

Report parse(const QString &deliveryStatusBody)
{
    // The fields are read first, as views into the text (folded values joined in one buffer), then
    // applied block by block: a block ends at a blank line.
    QVarLengthArray<Field, 32> fields;
    QVarLengthArray<qsizetype, 8> blockEnds;
    QString unfolded;
    qsizetype blockStart = 0;
    int count = 0;
    LineReader reader(deliveryStatusBody);
    for (QStringView line; count < MaxFields && reader.next(&line);) {
        const bool inBlock = fields.size() > blockStart;
        if (isBlank(line)) {
            if (inBlock) {
                blockEnds.append(fields.size());
                blockStart = fields.size();
            }
        } else if (line[0].isSpace()) {
            // Folded line: joined with one blank (RFC 5322 unfolding, runs of blanks collapsed).
            if (inBlock && fields.last().valueSize() < MaxFieldValue)
                extend(&fields.last(), trimmedView(line), false, &unfolded, deliveryStatusBody.size());
        } else if (qsizetype colon = -1, n = fieldNameLength(line, &colon); n > 0) {
            Field f;
            f.name = line.first(n);
            f.id = nameOf(f.name);
            f.value = trimmedView(line.sliced(colon + 1));
            fields.append(f);
            ++count;
        } else if (inBlock && fields.last().id == Name::DiagnosticCode && fields.last().valueSize() < MaxFieldValue) {
            // Some MTAs wrap a long diagnostic without indenting the continuation.
            extend(&fields.last(), trimmedView(line), true, &unfolded, deliveryStatusBody.size());
        }
    }
    if (fields.size() > blockStart)
        blockEnds.append(fields.size());
    // The joined buffer is complete: it no longer moves.
    for (Field &f : fields) {
        if (f.joinedAt >= 0)
            f.value = QStringView(unfolded).sliced(f.joinedAt, f.joinedSize);
    }

    Report report;
    FieldListBuilder::keep(&report.fields, deliveryStatusBody, unfolded);
    const Buffers shared { deliveryStatusBody, unfolded };
    // A recipient a Final-Recipient, as a rule: the list then grows once instead of moving the
    // recipients (large, and not relocatable) at each growth.
    qsizetype finalRecipients = 0;
    for (const Field &f : fields)
        finalRecipients += f.id == Name::FinalRecipient ? 1 : 0;
    report.recipients.reserve(qMin<qsizetype>(finalRecipients, MaxRecipients));
    qsizetype start = 0;
    for (const qsizetype end : blockEnds) {
        if (!applyBlock(&report, Block { fields.constData() + start, fields.constData() + end }, shared))
            break;
        start = end;
    }
    return report;
}

} // namespace MailDoctor::Dsn
