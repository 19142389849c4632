#pragma once

#include "localizedtext.h"

#include <QList>
#include <QString>

namespace MailDoctor {

/**
 * The fixed words of the remedy sheet. They are a small bilingual table rather than tr() strings
 * because one sheet may carry both languages at once, whatever the UI language is.
 */
enum class SheetLabel {
    Title,
    Subtitle,
    DateTime,
    Reference,
    Caller,
    SymptomPath,
    Question,
    AnswerGiven,
    Evidence,
    Recipients,
    Address,
    Status,
    ServerReply,
    RemoteServer,
    Detail,
    DidYouMean,
    MatchedLines,
    Codes,
    Diagnosis,
    Severity,
    WhoMustAct,
    WhatHappened,
    RemedySteps,
    SettingsChecklist,
    SettingsIntro,
    Notice,
    NoticeIntro,
    Notes,
    NoDiagnosis,
    NothingFound,
    Helpdesk,
    Contact,
    MaskedNote,
    Count
};

/** A label in one language. */
QString sheetLabel(SheetLabel label, Language language);
/** A label in both languages. */
LocalizedText sheetLabelText(SheetLabel label);
/** A severity ("permanent", "transient", ...) in plain words. */
LocalizedText severityInWords(const QString &severity);
/** Who must act ("you", "provider", ...) in plain words. */
LocalizedText actorInWords(const QString &actor);
/** The lines of the mail-settings checklist: servers, ports 587/465 and 995/993, SMTP authentication,
 * SSL/TLS. */
QList<LocalizedText> settingsChecklistItems();

} // namespace MailDoctor
