#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <array>

namespace MailDoctor::Mime {

/**
 * Finds a multipart delimiter ("--" and the boundary) where it starts a line, for the multipart reader.
 * Horspool's search: the byte under the end of the window says how far the window may move, usually
 * the whole delimiter (some forty bytes), so most of a body is never read. It stands in for
 * QByteArrayMatcher, which costs about twice as much per step and as much again to set up, and finds
 * delimiters inside lines that the reader then has to skip.
 */
class DelimiterFinder
{
public:
    /** Prepares to look for @p delimiter, which is viewed (not copied): it must outlive the finder. */
    explicit DelimiterFinder(QByteArrayView delimiter);

    /**
     * Index of the first occurrence of the delimiter at or after @p from that starts a line (at 0 or
     * just after a '\n'); -1 when there is none, or when the delimiter is empty.
     */
    qsizetype indexIn(QByteArrayView text, qsizetype from) const;

private:
    QByteArrayView m_delimiter;
    std::array<quint8, 256> m_skip; ///< how far the window may move for the byte under its end
};

} // namespace MailDoctor::Mime
