#include "delimiterfinder.h"

#include <cstring>

namespace MailDoctor::Mime {

DelimiterFinder::DelimiterFinder(QByteArrayView delimiter) : m_delimiter(delimiter)
{
    // A byte that is not in the delimiter (but for its last byte) lets the window move past it; one
    // that is, as far as aligns its last occurrence with it. Capped to fit a byte: a smaller move is
    // always safe, only slower, and boundaries are at most seventy bytes long.
    const qsizetype length = delimiter.size();
    m_skip.fill(quint8(qMin<qsizetype>(length, 255)));
    for (qsizetype k = qMax<qsizetype>(0, length - 1 - 255); k < length - 1; ++k)
        m_skip[static_cast<uchar>(delimiter[k])] = quint8(length - 1 - k);
}

qsizetype DelimiterFinder::indexIn(QByteArrayView text, qsizetype from) const
{
    const qsizetype length = m_delimiter.size();
    from = qMax<qsizetype>(from, 0);
    if (length == 0 || text.size() - from < length)
        return -1;
    const auto *bytes = reinterpret_cast<const uchar *>(text.data());
    const auto *delimiter = reinterpret_cast<const uchar *>(m_delimiter.data());
    const uchar last = delimiter[length - 1];
    const qsizetype size = text.size();
    for (qsizetype at = from + length - 1; at < size; at += m_skip[bytes[at]]) {
        if (bytes[at] != last)
            continue;
        const qsizetype start = at - (length - 1);
        if ((start == 0 || bytes[start - 1] == '\n')
            && std::memcmp(bytes + start, delimiter, size_t(length - 1)) == 0)
            return start;
    }
    return -1;
}

} // namespace MailDoctor::Mime
