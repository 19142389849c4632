#pragma once

// A small knowledge-base overlay written by the tests themselves: one more symptom on the start
// question, a new question behind it and a new diagnosis. It proves that questions and diagnoses
// are data: nothing in the code knows these ids.

#include "knowledgebase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace ExtraKb {

inline const QString symptomAnswer = QStringLiteral("test-extra-symptom");
inline const QString questionNode = QStringLiteral("test-extra-question");
inline const QString newDiagnosisAnswer = QStringLiteral("test-extra-yes");
inline const QString oldDiagnosisAnswer = QStringLiteral("test-extra-no");
inline const QString diagnosisEntry = QStringLiteral("test-extra-diagnosis");
inline const QString questionEn = QStringLiteral("Does the problem start only after the laptop wakes up?");
inline const QString questionJa = QStringLiteral("ノートパソコンのスリープ復帰後にだけ起きますか?");
inline const QString titleEn = QStringLiteral("The connection is not restored after sleep");
inline const QString titleJa = QStringLiteral("スリープ復帰後に接続が戻っていません");

inline QJsonObject text(const QString &en, const QString &ja)
{
    return {{QStringLiteral("en"), en}, {QStringLiteral("ja"), ja}};
}

/** Writes the overlay into dir; existingEntry is where the "no" answer leads. */
inline bool write(const QString &dir, const MailDoctor::KnowledgeBase &builtIn)
{
    if (builtIn.entries().isEmpty() || builtIn.causes().isEmpty())
        return false;
    const QString existingEntry = builtIn.entries().constFirst().id;
    const QJsonObject start{
        {QStringLiteral("id"), MailDoctor::KnowledgeBase::startNodeId()},
        {QStringLiteral("extend"), true},
        {QStringLiteral("answers"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), symptomAnswer},
                                {QStringLiteral("label"), text(QStringLiteral("It fails only after sleep"),
                                                               QStringLiteral("スリープ復帰後だけ失敗する"))},
                                {QStringLiteral("next"), questionNode}}}}};
    const QJsonObject question{
        {QStringLiteral("id"), questionNode},
        {QStringLiteral("question"), text(questionEn, questionJa)},
        {QStringLiteral("help"), text(QStringLiteral("Think of the last few times it happened."),
                                      QStringLiteral("最近起きた数回を思い出してください。"))},
        {QStringLiteral("answers"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), newDiagnosisAnswer},
                                {QStringLiteral("label"), text(QStringLiteral("Yes"), QStringLiteral("はい"))},
                                {QStringLiteral("diagnosis"), diagnosisEntry}},
                    QJsonObject{{QStringLiteral("id"), oldDiagnosisAnswer},
                                {QStringLiteral("label"), text(QStringLiteral("No"), QStringLiteral("いいえ"))},
                                {QStringLiteral("diagnosis"), existingEntry}}}}};
    const QJsonObject entry{
        {QStringLiteral("id"), diagnosisEntry},
        {QStringLiteral("cause"), builtIn.causes().constFirst().id},
        {QStringLiteral("severity"), QStringLiteral("local")},
        {QStringLiteral("actor"), QStringLiteral("you")},
        {QStringLiteral("title"), text(titleEn, titleJa)},
        {QStringLiteral("summary"), text(QStringLiteral("The network comes back later than the mail program."),
                                         QStringLiteral("ネットワークの復帰がメールソフトより遅れています。"))},
        {QStringLiteral("explanation"),
         text(QStringLiteral("After sleep the program tries to connect before the network is back."),
              QStringLiteral("スリープ復帰直後、ネットワークが戻る前にメールソフトが接続しようとします。"))},
        {QStringLiteral("steps"),
         QJsonArray{text(QStringLiteral("Wait a minute after waking the laptop, then check mail again."),
                         QStringLiteral("復帰後1分ほど待ってから、もう一度受信してください。"))}}};
    const QJsonObject root{{QStringLiteral("nodes"), QJsonArray{start, question}},
                           {QStringLiteral("entries"), QJsonArray{entry}}};
    QFile file(dir + QStringLiteral("/extra.json"));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(root).toJson()) > 0;
}

} // namespace ExtraKb
