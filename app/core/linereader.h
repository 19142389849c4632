#pragma once

#include "textscan.h"

#include <QStringView>

namespace MailDoctor {

/**
 * Walks a text line by line without copying: LF or CRLF endings, the ending not included. A text
 * that ends with a line break has a last, empty line; that keeps line numbers the same everywhere.
 */
class LineReader
{
public:
    explicit LineReader(QStringView text) : m_text(text) {}

    /** Sets line to the next line; false when there is none left. */
    bool next(QStringView *line)
    {
        if (m_pos > m_text.size())
            return false;
        qsizetype end = indexOfChar(m_text, u'\n', m_pos);
        if (end < 0)
            end = m_text.size();
        takeLineTo(end, line);
        return true;
    }

    /**
     * Sets line to the next line, known to end at @p end (its '\n', or the end of the text): for a
     * caller that has found the line ends already.
     */
    void takeLineTo(qsizetype end, QStringView *line)
    {
        *line = m_text.sliced(m_pos, end - m_pos);
        if (line->endsWith(u'\r'))
            line->chop(1);
        m_pos = end + 1;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace MailDoctor
