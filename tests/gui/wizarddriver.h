#pragma once

// Drives the wizard as a user would, for the GUI tests: finds a path through the knowledge base and
// clicks its answers. The paths come from the data, so the tests follow the knowledge base.

#include "doctorwizard.h"
#include "knowledgebase.h"
#include "questionpage.h"
#include "wizardengine.h"

#include <QAbstractButton>
#include <QCommandLinkButton>
#include <QPushButton>
#include <QTest>

namespace WizardDriver {

using namespace MailDoctor;

/**
 * A path of answers from the start question to a diagnosis through at least a second question:
 * the @p skip-th such path in breadth-first order, or empty when there is none.
 */
inline QList<Choice> pathToDiagnosis(const KnowledgeBase &kb, int skip = 0)
{
    QList<QList<Choice>> found;
    QList<QList<Choice>> todo{{}};
    while (!todo.isEmpty() && found.size() <= skip) {
        const QList<Choice> path = todo.takeFirst();
        const WizardStep step = nextStep(kb, path);
        if (step.kind == WizardStep::Kind::Diagnosis) {
            if (path.size() >= 2)
                found.append(path);
            continue;
        }
        if (step.kind != WizardStep::Kind::Question || path.size() > 16)
            continue;
        for (const Answer &answer : kb.node(step.id)->answers)
            todo.append(path + QList<Choice>{{step.id, answer.id}});
    }
    return found.size() > skip ? found.at(skip) : QList<Choice>{};
}

/** The start answer that leads to the paste page, or empty. */
inline QString pasteAnswer(const KnowledgeBase &kb)
{
    for (const Answer &answer : kb.node(KnowledgeBase::startNodeId())->answers) {
        if (answer.paste)
            return answer.id;
    }
    return {};
}

/** Clicks @p answerId on the current question page, and Next where the answer does not go on by itself. */
inline void clickAnswer(DoctorWizard *wizard, const QString &answerId)
{
    auto *page = qobject_cast<QuestionPage *>(wizard->currentPage());
    QVERIFY(page);
    QAbstractButton *button = page->answerButton(answerId);
    QVERIFY2(button, qPrintable(answerId));
    // A radio button reacts only on its indicator and text, not on the empty width beside them.
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    // A command link answers and goes on; a radio button needs Next.
    if (!qobject_cast<QCommandLinkButton *>(button)) {
        QPushButton *next = wizard->findChild<QPushButton *>(QStringLiteral("nextPushButton"));
        QVERIFY(button->isChecked());
        QVERIFY(next && next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
    }
}

/** Answers the questions of @p path in turn, checking that each is the one on screen. */
inline void walk(DoctorWizard *wizard, const QList<Choice> &path)
{
    for (const Choice &choice : path) {
        auto *page = qobject_cast<QuestionPage *>(wizard->currentPage());
        QVERIFY(page);
        QCOMPARE(page->nodeId(), choice.nodeId);
        clickAnswer(wizard, choice.answerId);
        if (QTest::currentTestFailed())
            return;
    }
}

} // namespace WizardDriver
