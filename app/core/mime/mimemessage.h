#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <cstddef>
#include <cstring>
#include <string>

namespace MailDoctor::Mime {

/**
 * A NUL-terminated char array (in practice a string literal) as a view. QByteArrayView's own array
 * constructor looks for the NUL at run time on every call; the compiler folds this strlen() of a literal.
 */
template<std::size_t N>
Q_ALWAYS_INLINE QByteArrayView literalView(const char (&text)[N])
{
    return QByteArrayView(text, qsizetype(std::char_traits<char>::length(text)));
}

/**
 * One header field: its name as written and its unfolded raw value (not yet RFC 2047 decoded), as views
 * into the buffers of the Part that holds it (Part::source, Part::unfolded): valid while that part, or
 * a copy of it, lives. Views rather than one QByteArray per field: a message has dozens of fields, and
 * sharing a buffer costs a reference count to take and to drop for each.
 */
struct Header
{
    QByteArrayView name;
    QByteArrayView raw;
};

struct ParamListBuilder;

/**
 * The parameters of a structured header (Content-Type, Content-Disposition) by lower-case name, RFC 2231
 * continuations and charsets decoded. A plain value stays a view into the header until it is asked for
 * (most are never read); Content-Type has one or two: no allocation for those.
 */
class ParamList
{
public:
    /** The value of the parameter @p name (given in lower case), decoded; empty when absent. */
    QString value(QByteArrayView name) const;
    /** True when the parameter @p name (given in lower case) is present. */
    bool contains(QByteArrayView name) const { return find(name) != nullptr; }
    /** The number of parameters. */
    qsizetype size() const { return m_items.size(); }
    /** True when there are none. */
    bool isEmpty() const { return m_items.isEmpty(); }

private:
    friend struct ParamListBuilder;
    // Offsets into m_buffer rather than views: a Part holds a ParamList, and three Parts (a report)
    // must fit the allocator's small-block cache together.
    struct Item
    {
        qint32 name; ///< offset of the name as written (compared in lower case)
        qint32 nameSize;
        qint32 value; ///< offset of the value as written (quotes removed); below 0: -1 - index in m_texts
        qint32 valueSize;
    };
    const Item *find(QByteArrayView name) const;
    QByteArrayView nameOf(const Item &item) const { return QByteArrayView(m_buffer.constData() + item.name, item.nameSize); }
    QVarLengthArray<Item, 3> m_items;
    QByteArray m_buffer; ///< the header value the offsets point into (shared, not copied)
    QList<QString> m_texts; ///< values that had to be unescaped or assembled, decoded
};

/**
 * One MIME entity: a whole message, a part of a multipart, or the message inside message/rfc822.
 * Bodies and header values share the buffer of one copy of the input (no copy per field); like
 * QByteArray::fromRawData() data they are not NUL-terminated, so use them through size-aware APIs
 * (QByteArrayView, QString::fromUtf8(), indexOf()...), never as C strings.
 */
struct Part
{
    QList<Header> headers; ///< views into source and unfolded
    QByteArray type = QByteArrayLiteral("text"); ///< lower-case media type; "text" when absent
    QByteArray subtype = QByteArrayLiteral("plain"); ///< lower-case subtype
    ParamList params; ///< Content-Type parameters
    QByteArray body; ///< raw body bytes of this part (still transfer-encoded)
    /// The parts of a multipart; for message/rfc822 (and message/global, text/rfc822-headers) one
    /// child: the inner message (only headers for the -headers types).
    QList<Part> children;
    QByteArray preamble; ///< multipart only: the text before the first boundary
    QByteArray source; ///< the buffer the header fields lie in (the input, shared rather than copied)
    QByteArray unfolded; ///< the values of folded header fields, without their line breaks

    /** First raw value of the header @p name as a view into this part's buffers; empty when absent. */
    QByteArrayView headerView(QByteArrayView name) const;

    /** First raw value of the header @p name (case-insensitive), unfolded; empty when absent. */
    QByteArray header(QByteArrayView name) const;
    /** All raw values of the header @p name in order (e.g. every Received line). */
    QList<QByteArray> headerValues(QByteArrayView name) const;
    /** How many times the header @p name occurs (e.g. the Received lines, a hint for mail loops). */
    qsizetype headerCount(QByteArrayView name) const;
    /** True when the header @p name is present, even with an empty value. */
    bool hasHeader(QByteArrayView name) const;
    /** The header @p name with RFC 2047 encoded words decoded, unfolded. */
    QString decodedHeader(QByteArrayView name) const;
    /** The body with its Content-Transfer-Encoding (base64, quoted-printable, 7bit/8bit/binary) undone. */
    QByteArray decodedBody() const;
    /** decodedBody() as text, decoded from its charset parameter with the fallbacks of decodeText(). */
    QString text() const;

    /** Parameters of a structured header such as Content-Disposition (same decoding as params). */
    ParamList headerParams(QByteArrayView name) const;
    // The lookups above taking a string literal, as callers usually write them: its length is then known at
    // compile time (see literalView()), which matters for lookups made several times per message.
    template<std::size_t N>
    QByteArray header(const char (&name)[N]) const { return header(literalView(name)); }
    template<std::size_t N>
    QByteArrayView headerView(const char (&name)[N]) const { return headerView(literalView(name)); }
    template<std::size_t N>
    QList<QByteArray> headerValues(const char (&name)[N]) const { return headerValues(literalView(name)); }
    template<std::size_t N>
    qsizetype headerCount(const char (&name)[N]) const { return headerCount(literalView(name)); }
    template<std::size_t N>
    bool hasHeader(const char (&name)[N]) const { return hasHeader(literalView(name)); }
    template<std::size_t N>
    QString decodedHeader(const char (&name)[N]) const { return decodedHeader(literalView(name)); }
    template<std::size_t N>
    ParamList headerParams(const char (&name)[N]) const { return headerParams(literalView(name)); }
    template<std::size_t T, std::size_t S>
    bool is(const char (&type)[T], const char (&subtype)[S]) const { return is(literalView(type), literalView(subtype)); }

    /** The attachment name: Content-Disposition filename, else the Content-Type name parameter. */
    QString fileName() const;

    /** "type/subtype" in lower case, e.g. "multipart/report". */
    QByteArray mimeType() const;
    /** True when this part is type/subtype (both given in lower case). */
    bool is(QByteArrayView type, QByteArrayView subtype) const
    {
        // Inline and sizes first: readers ask this of every part with literals, whose sizes are known.
        return this->type.size() == type.size() && this->subtype.size() == subtype.size()
            && std::memcmp(this->type.constData(), type.data(), size_t(type.size())) == 0
            && std::memcmp(this->subtype.constData(), subtype.data(), size_t(subtype.size())) == 0;
    }
    /** True for any multipart type. */
    bool isMultipart() const { return QByteArrayView(type) == literalView("multipart"); }
    /** Content-Transfer-Encoding in lower case, empty when absent. */
    QByteArray transferEncoding() const;
};

/** What parseMessage() returns: the tree and whether any limit cut it short. */
struct ParseResult
{
    Part root;
    bool truncated = false; ///< a depth, size or part-count limit was hit; the rest was kept as text
    QString warning; ///< translated note on what was cut or repaired, empty when nothing
    bool hasHeaders = false; ///< false for a body-only or single-line paste (root is text/plain)
};

/** Parses a whole RFC 5322 message (LF or CRLF, optional mbox "From " line) or a body-only paste. */
ParseResult parseMessage(QByteArrayView raw);
/** parseMessage() that shares @p raw's buffer with the result instead of copying it. */
ParseResult parseMessage(const QByteArray &raw);
/**
 * As parseMessage(), but reads the message header only: the root has the same header fields and
 * hasHeaders answer, and neither body nor parts. For a quoted original whose header is all that counts.
 */
ParseResult parseMessageHeader(QByteArrayView raw);
/** parseMessageHeader() that shares @p raw's buffer with the result instead of copying it. */
ParseResult parseMessageHeader(const QByteArray &raw);

/** Decodes RFC 2047 encoded words in a header value; the rest is taken as UTF-8 (or a fallback). */
QString decodeEncodedWords(QByteArrayView value);

/** Decodes @p bytes from the charset label @p charset with Qt's QStringDecoder, with sane fallbacks. */
QString decodeText(QByteArrayView bytes, QByteArrayView charset);

/** Undoes base64, tolerating garbage characters, missing padding and stray line breaks. */
QByteArray decodeBase64(QByteArrayView data);

/** Undoes quoted-printable (soft line breaks, lower-case hex, stray '=' kept as is). */
QByteArray decodeQuotedPrintable(QByteArrayView data, bool headerMode = false);

/**
 * Length of the leading run of @p bytes that is printable ASCII, tabs and line breaks (no other control,
 * no ESC, no 8-bit byte): text that every ASCII-based charset reads alike.
 */
qsizetype plainAsciiLength(QByteArrayView bytes);

/** Maps a charset label onto a name QStringDecoder knows; empty when nothing matches. */
QByteArray normalizeCharset(QByteArrayView label);

} // namespace MailDoctor::Mime
