#pragma once

#include "knowledgebase.h"

namespace MailDoctor {

/** The severities an entry may declare (the values of the CLI contract). */
const QStringList &knownSeverities();
/** The actors an entry may declare. */
const QStringList &knownActors();

/** Whether the validator compiles the regular expressions of built-in entries too. */
enum class PatternCheck { All, SkipBuiltIn };

/**
 * Checks a loaded knowledge base: unknown causes, dangling or unreachable nodes and entries,
 * missing languages, patterns that do not compile, questions with no way to a diagnosis,
 * causes without an entry. Returns nothing when the knowledge base is sound.
 */
QList<KbProblem> validateKnowledgeBase(const KnowledgeBase &kb, PatternCheck patternCheck = PatternCheck::All);

} // namespace MailDoctor
