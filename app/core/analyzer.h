#pragma once

#include "analysisresult.h"
#include "knowledgebase.h"
#include "patternmatcher.h"

#include <QByteArray>

namespace MailDoctor {

/**
 * Turns pasted text, an error line or a whole returned message into an AnalysisResult:
 * the kind of input, per-recipient facts and the ranked causes from the knowledge base.
 * The GUI's paste page and `maildoctor-cli analyze` both call this.
 */
class Analyzer
{
public:
    explicit Analyzer(const KnowledgeBase *kb);

    /** Analyses raw bytes as read from a file or the clipboard. */
    AnalysisResult analyze(const QByteArray &data, const QString &inputName = {}) const;
    /** Analyses text that is already decoded (a paste). */
    AnalysisResult analyzeText(const QString &text, const QString &inputName = {}) const;

    const KnowledgeBase *knowledgeBase() const { return m_kb; }

private:
    void rankCauses(const QString &text, AnalysisResult *result) const;

    const KnowledgeBase *m_kb;
    PatternMatcher m_matcher;
};

} // namespace MailDoctor
