#include "knowledgebase.h"

#include "kbvalidator.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace MailDoctor {

namespace {

LocalizedText readText(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return LocalizedText{object.value(QLatin1String("en")).toString(),
                         object.value(QLatin1String("ja")).toString()};
}

QList<LocalizedText> readTextList(const QJsonValue &value)
{
    QList<LocalizedText> list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(readText(item));
    return list;
}

QStringList readStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

struct PatternKey
{
    const char *key;
    PatternKind kind;
};

constexpr PatternKey patternKeys[] = {
    {"regex", PatternKind::Regex},         {"reply", PatternKind::ReplyCode},
    {"enhanced", PatternKind::EnhancedCode}, {"pop3", PatternKind::Pop3Code},
    {"imap", PatternKind::ImapCode},       {"client", PatternKind::ClientCode},
};

bool readPattern(const QJsonObject &object, Pattern *pattern, QString *error)
{
    int found = 0;
    for (const PatternKey &key : patternKeys) {
        const QJsonValue value = object.value(QLatin1String(key.key));
        if (value.isUndefined())
            continue;
        ++found;
        pattern->kind = key.kind;
        pattern->value = value.toString();
    }
    if (found != 1) {
        *error = QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                             "a pattern needs exactly one of regex, reply, "
                                             "enhanced, pop3, imap or client");
        return false;
    }
    if (pattern->value.isEmpty()) {
        *error = QCoreApplication::translate("MailDoctor::KnowledgeBase", "empty pattern");
        return false;
    }
    pattern->weight = object.value(QLatin1String("weight")).toDouble(1.0);
    if (pattern->kind == PatternKind::Regex) {
        pattern->regex = QRegularExpression(pattern->value,
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::UseUnicodePropertiesOption);
    } else if (pattern->kind != PatternKind::ClientCode) {
        pattern->value = pattern->value.toUpper();
    } else {
        pattern->value = pattern->value.toUpper().replace(QLatin1String("0X"), QLatin1String("0x"));
    }
    return true;
}

template<typename T>
void upsert(QList<T> &list, QHash<QString, qsizetype> &index, T &&item)
{
    const auto it = index.constFind(item.id);
    if (it != index.constEnd()) {
        list[*it] = std::move(item);
        return;
    }
    index.insert(item.id, list.size());
    list.append(std::move(item));
}

} // namespace

QString KbProblem::toString() const
{
    return file + QLatin1String(": ") + (entry.isEmpty() ? QStringLiteral("-") : entry)
        + QLatin1String(": ") + problem;
}

const Answer *Node::answer(const QString &answerId) const
{
    for (const Answer &a : answers) {
        if (a.id == answerId)
            return &a;
    }
    return nullptr;
}

QString KnowledgeBase::builtInPath()
{
    return QStringLiteral(":/kb");
}

QString KnowledgeBase::defaultOverlayPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base.isEmpty() ? QString() : base + QLatin1String("/kb");
}

QString KnowledgeBase::startNodeId()
{
    return QStringLiteral("start");
}

void KnowledgeBase::loadDirectory(const QString &dir, QList<KbProblem> *problems)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    // A stable order makes "which definition wins" and problem reports predictable.
    std::sort(files.begin(), files.end());
    m_layerIds.clear();
    const QString prefix = dir.endsWith(QLatin1Char('/')) ? dir : dir + QLatin1Char('/');
    for (const QString &file : files) {
        QString display = file.startsWith(prefix) ? file.mid(prefix.size()) : file;
        if (dir.startsWith(QLatin1Char(':')))
            display.prepend(QLatin1String("kb/"));
        else
            display = file;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            problems->append({display, {}, QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                                                        "cannot be read: %1")
                                               .arg(f.errorString())});
            continue;
        }
        parseDocument(f.readAll(), display, dir.startsWith(QLatin1Char(':')), problems);
    }
}

void KnowledgeBase::loadFile(const QString &path, QList<KbProblem> *problems, const QString &displayName)
{
    m_layerIds.clear();
    const QString display = displayName.isEmpty() ? path : displayName;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems->append({display, {}, QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                                                    "cannot be read: %1")
                                           .arg(f.errorString())});
        return;
    }
    parseDocument(f.readAll(), display, path.startsWith(QLatin1Char(':')), problems);
}

bool KnowledgeBase::claimId(const QString &kind, const QString &id, const QString &file,
                            QList<KbProblem> *problems)
{
    if (id.isEmpty()) {
        problems->append({file, {}, QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                                                 "%1 without an id").arg(kind)});
        return false;
    }
    const QString key = kind + QLatin1Char(':') + id;
    if (m_layerIds.contains(key)) {
        problems->append({file, id, QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                                                 "duplicate id")});
        return false;
    }
    m_layerIds.insert(key);
    return true;
}

void KnowledgeBase::parseDocument(const QByteArray &data, const QString &file, bool builtIn,
                                  QList<KbProblem> *problems)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (doc.isNull() || !doc.isObject()) {
        const QString why = doc.isNull()
            ? QCoreApplication::translate("MailDoctor::KnowledgeBase", "not valid JSON at offset %1: %2")
                  .arg(error.offset)
                  .arg(error.errorString())
            : QCoreApplication::translate("MailDoctor::KnowledgeBase", "the top level must be an object");
        problems->append({file, {}, why});
        return;
    }
    const QJsonObject root = doc.object();

    const QJsonArray causes = root.value(QLatin1String("causes")).toArray();
    for (const QJsonValue &value : causes) {
        const QJsonObject o = value.toObject();
        Cause cause{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("area")).toString(),
                    o.value(QLatin1String("severity")).toString(),
                    o.value(QLatin1String("actor")).toString(),
                    o.value(QLatin1String("reason")).toString(), file};
        if (claimId(QStringLiteral("cause"), cause.id, file, problems))
            upsert(m_causes, m_causeIndex, std::move(cause));
    }

    const QJsonArray entries = root.value(QLatin1String("entries")).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject o = value.toObject();
        Entry entry;
        entry.id = o.value(QLatin1String("id")).toString();
        entry.file = file;
        entry.cause = o.value(QLatin1String("cause")).toString();
        entry.severity = o.value(QLatin1String("severity")).toString();
        entry.actor = o.value(QLatin1String("actor")).toString();
        entry.title = readText(o.value(QLatin1String("title")));
        entry.summary = readText(o.value(QLatin1String("summary")));
        entry.explanation = readText(o.value(QLatin1String("explanation")));
        entry.steps = readTextList(o.value(QLatin1String("steps")));
        entry.checks = readTextList(o.value(QLatin1String("checks")));
        entry.notice = readText(o.value(QLatin1String("notice")));
        entry.related = readStringList(o.value(QLatin1String("related")));
        entry.settingsChecklist = o.value(QLatin1String("settings")).toBool(false);
        entry.builtIn = builtIn;
        const QJsonArray patterns = o.value(QLatin1String("patterns")).toArray();
        for (const QJsonValue &p : patterns) {
            Pattern pattern;
            QString why;
            if (readPattern(p.toObject(), &pattern, &why))
                entry.patterns.append(std::move(pattern));
            else
                problems->append({file, entry.id, why});
        }
        if (claimId(QStringLiteral("entry"), entry.id, file, problems))
            upsert(m_entries, m_entryIndex, std::move(entry));
    }

    const QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
    for (const QJsonValue &value : nodes) {
        const QJsonObject o = value.toObject();
        Node node;
        node.id = o.value(QLatin1String("id")).toString();
        node.file = file;
        node.question = readText(o.value(QLatin1String("question")));
        node.help = readText(o.value(QLatin1String("help")));
        node.aloud = readText(o.value(QLatin1String("aloud")));
        node.listen = readText(o.value(QLatin1String("listen")));
        const QJsonArray answers = o.value(QLatin1String("answers")).toArray();
        for (const QJsonValue &a : answers) {
            const QJsonObject ao = a.toObject();
            Answer answer;
            answer.id = ao.value(QLatin1String("id")).toString();
            answer.label = readText(ao.value(QLatin1String("label")));
            answer.next = ao.value(QLatin1String("next")).toString();
            answer.diagnosis = ao.value(QLatin1String("diagnosis")).toString();
            answer.paste = ao.value(QLatin1String("paste")).toBool(false);
            answer.file = file;
            node.answers.append(std::move(answer));
        }
        // An overlay may add answers to an existing question instead of replacing it.
        if (o.value(QLatin1String("extend")).toBool(false)) {
            const auto it = m_nodeIndex.constFind(node.id);
            if (it == m_nodeIndex.constEnd()) {
                problems->append({file, node.id, QCoreApplication::translate("MailDoctor::KnowledgeBase",
                                                                              "extends a question that does not exist")});
                continue;
            }
            m_nodes[*it].answers += node.answers;
            continue;
        }
        if (claimId(QStringLiteral("node"), node.id, file, problems))
            upsert(m_nodes, m_nodeIndex, std::move(node));
    }
}

const Cause *KnowledgeBase::cause(const QString &id) const
{
    const auto it = m_causeIndex.constFind(id);
    return it == m_causeIndex.constEnd() ? nullptr : &m_causes.at(*it);
}

const Entry *KnowledgeBase::entry(const QString &id) const
{
    const auto it = m_entryIndex.constFind(id);
    return it == m_entryIndex.constEnd() ? nullptr : &m_entries.at(*it);
}

const Node *KnowledgeBase::node(const QString &id) const
{
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.constEnd() ? nullptr : &m_nodes.at(*it);
}

QList<const Entry *> KnowledgeBase::entriesForCause(const QString &causeId) const
{
    QList<const Entry *> result;
    for (const Entry &e : m_entries) {
        if (e.cause == causeId)
            result.append(&e);
    }
    return result;
}

KbLoadResult loadKnowledgeBase(const QString &overlayDir)
{
    KbLoadResult result;
    result.kb.loadDirectory(KnowledgeBase::builtInPath(), &result.problems);
    // The built-in patterns were compiled and checked by `kb lint` when the application was built;
    // compiling ~300 expressions again here would dominate start-up.
    result.problems += validateKnowledgeBase(result.kb, PatternCheck::SkipBuiltIn);
    if (!result.problems.isEmpty())
        return result; // a broken build; callers report it
    if (overlayDir.isEmpty() || !QFileInfo(overlayDir).isDir())
        return result;
    KnowledgeBase merged = result.kb;
    QList<KbProblem> overlayProblems;
    merged.loadDirectory(overlayDir, &overlayProblems);
    overlayProblems += validateKnowledgeBase(merged, PatternCheck::SkipBuiltIn);
    if (overlayProblems.isEmpty()) {
        result.kb = std::move(merged);
    } else {
        result.problems = overlayProblems;
        result.overlayRejected = true;
    }
    return result;
}

} // namespace MailDoctor
