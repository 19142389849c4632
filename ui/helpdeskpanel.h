#pragma once

#include "sheet/sheetbuilder.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace MailDoctor {

/**
 * The helpdesk side panel: who is calling, the ticket, free notes and the time on the call;
 * the current question phrased to be read aloud with what to listen for; and how remedy
 * sheets are made (languages, paper, masking, the helpdesk's name and contact for the footer).
 */
class HelpdeskPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HelpdeskPanel(QWidget *parent = nullptr);

    QString callerName() const;
    QString ticket() const;
    QString notes() const;
    /** Sets the fields without reporting them as edited. */
    void setCase(const QString &callerName, const QString &ticket, const QString &notes);

    /** Seconds on the current case: the base given to restartClock() plus the time since. */
    qint64 elapsedSeconds() const;
    void restartClock(qint64 baseSeconds = 0);

    /** Shows the text to read to the caller and what to listen for (plain text, never markup). */
    void setReadAloud(const QString &aloud, const QString &listen);
    QString aloudText() const;
    QString listenText() const;

    /** The sheet options chosen here; "same as the window" follows uiLanguage. */
    SheetOptions sheetOptions(Language uiLanguage) const;

    QSize sizeHint() const override;

signals:
    /** The user typed in the caller, ticket or notes fields. */
    void caseFieldsEdited();
    void sheetOptionsChanged();
    void newCallRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateElapsed();
    void loadSheetSettings();
    void saveSheetSettings();

    QGroupBox *m_callGroup;
    QLabel *m_callerLabel;
    QLineEdit *m_callerEdit;
    QLabel *m_ticketLabel;
    QLineEdit *m_ticketEdit;
    QLabel *m_notesLabel;
    QPlainTextEdit *m_notesEdit;
    QLabel *m_elapsedLabel;
    QPushButton *m_newCallButton;

    QGroupBox *m_aloudGroup;
    QLabel *m_aloudLabel;
    QLabel *m_listenTitleLabel;
    QLabel *m_listenLabel;

    QGroupBox *m_sheetGroup;
    QLabel *m_sheetLanguageLabel;
    QComboBox *m_sheetLanguageCombo;
    QLabel *m_pageSizeLabel;
    QComboBox *m_pageSizeCombo;
    QCheckBox *m_maskAddresses;
    QCheckBox *m_maskHosts;
    QCheckBox *m_maskIps;
    QLabel *m_helpdeskNameLabel;
    QLineEdit *m_helpdeskNameEdit;
    QLabel *m_helpdeskContactLabel;
    QLineEdit *m_helpdeskContactEdit;

    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_baseSeconds = 0;
};

} // namespace MailDoctor
