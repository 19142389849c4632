// maildoctor-cli: the headless front end. The contract is in ../shared/spec/cli.md; every
// command calls the same core as the GUI.

#include "analyzer.h"
#include "kbvalidator.h"
#include "knowledgebase.h"
#include "plainwords.h"
#include "sheet/sheetwriter.h"
#include "translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace MailDoctor;

namespace {

struct Options
{
    QString command;
    QString subcommand;
    QString format;
    Language language = Language::English;
    QString kbDir;
    QStringList inputs;
    // sheet
    SheetLanguages sheetLanguages = SheetLanguages::English;
    SheetPageSize pageSize = SheetPageSize::A4;
    bool mask = true;
    QString entry;
    QString output;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usage(const QString &problem)
{
    if (!problem.isEmpty())
        err() << "maildoctor-cli: " << problem << '\n';
    err() << QCoreApplication::translate(
        "Cli",
        "usage:\n"
        "  maildoctor-cli analyze [--format json|jsonl|text] [--lang ja|en] [--kb-dir DIR] [INPUT ...]\n"
        "  maildoctor-cli kb lint [--kb-dir DIR]\n"
        "  maildoctor-cli kb list [--lang ja|en] [--kb-dir DIR]\n"
        "  maildoctor-cli sheet [--lang ja|en|both] [--mask|--no-mask] [--page a4|letter] [--kb-dir DIR]\n"
        "                       (--entry ID | INPUT) -o OUT.pdf|OUT.html|OUT.txt\n");
    err().flush();
    return 2;
}

bool parseArguments(const QStringList &args, Options *o, QString *problem)
{
    int i = 1;
    if (i >= args.size()) {
        *problem = QCoreApplication::translate("Cli", "no command given");
        return false;
    }
    o->command = args.at(i++);
    if (o->command == QLatin1String("kb")) {
        if (i >= args.size()) {
            *problem = QCoreApplication::translate("Cli", "kb needs lint or list");
            return false;
        }
        o->subcommand = args.at(i++);
    }
    for (; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *into) {
            if (i + 1 >= args.size()) {
                *problem = QCoreApplication::translate("Cli", "%1 needs a value").arg(a);
                return false;
            }
            *into = args.at(++i);
            return true;
        };
        if (a == QLatin1String("--format")) {
            if (!value(&o->format))
                return false;
            if (o->format != QLatin1String("json") && o->format != QLatin1String("jsonl")
                && o->format != QLatin1String("text")) {
                *problem = QCoreApplication::translate("Cli", "unknown format \"%1\"").arg(o->format);
                return false;
            }
        } else if (a == QLatin1String("--lang")) {
            QString code;
            if (!value(&code))
                return false;
            if (o->command == QLatin1String("sheet") && parseSheetLanguages(code, &o->sheetLanguages)) {
                o->language = o->sheetLanguages == SheetLanguages::Japanese ? Language::Japanese : Language::English;
            } else if (!parseLanguage(code, &o->language)) {
                *problem = QCoreApplication::translate("Cli", "unknown language \"%1\"").arg(code);
                return false;
            } else {
                o->sheetLanguages = sheetLanguagesFor(o->language);
            }
        } else if (a == QLatin1String("--kb-dir")) {
            if (!value(&o->kbDir))
                return false;
        } else if (a == QLatin1String("--mask") || a == QLatin1String("--no-mask")) {
            o->mask = a == QLatin1String("--mask");
        } else if (a == QLatin1String("--page")) {
            QString page;
            if (!value(&page))
                return false;
            if (!parseSheetPageSize(page, &o->pageSize)) {
                *problem = QCoreApplication::translate("Cli", "unknown page size \"%1\"").arg(page);
                return false;
            }
        } else if (a == QLatin1String("--entry")) {
            if (!value(&o->entry))
                return false;
        } else if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (!value(&o->output))
                return false;
        } else if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
            *problem = QCoreApplication::translate("Cli", "unknown option \"%1\"").arg(a);
            return false;
        } else {
            o->inputs.append(a);
        }
    }
    return true;
}

KbLoadResult loadKb(const Options &o)
{
    KbLoadResult loaded = loadKnowledgeBase(o.kbDir);
    if (loaded.overlayRejected) {
        err() << QCoreApplication::translate("Cli", "The knowledge-base overlay in %1 is not used:")
                     .arg(o.kbDir)
              << '\n';
        for (const KbProblem &p : std::as_const(loaded.problems))
            err() << "  " << p.toString() << '\n';
        err().flush();
    }
    return loaded;
}

int runLint(const Options &o)
{
    KnowledgeBase kb;
    QList<KbProblem> problems;
    kb.loadDirectory(KnowledgeBase::builtInPath(), &problems);
    if (!o.kbDir.isEmpty())
        kb.loadDirectory(o.kbDir, &problems);
    problems += validateKnowledgeBase(kb);
    for (const KbProblem &p : std::as_const(problems))
        out() << p.toString() << '\n';
    out().flush();
    return problems.isEmpty() ? 0 : 1;
}

int runList(const Options &o)
{
    const KbLoadResult loaded = loadKb(o);
    for (const Entry &e : loaded.kb.entries())
        out() << e.id << '\t' << e.cause << '\t' << e.title.text(o.language) << '\n';
    out().flush();
    return 0;
}

void printText(const AnalysisResult &r, const KnowledgeBase &kb, Language language)
{
    QTextStream &s = out();
    s << "== " << r.input << " ==\n";
    if (!r.error.isEmpty()) {
        s << QCoreApplication::translate("Cli", "Could not analyse: %1").arg(r.error) << '\n';
        return;
    }
    s << QCoreApplication::translate("Cli", "Severity: %1").arg(PlainWords::severityLabel(r.severity)) << '\n';
    s << PlainWords::severitySentence(r.severity) << '\n';
    if (r.causes.isEmpty()) {
        s << QCoreApplication::translate("Cli", "No known cause was recognised in this text.") << '\n';
        return;
    }
    const CauseFinding &top = r.causes.first();
    if (const Entry *e = kb.entry(top.kb)) {
        s << QCoreApplication::translate("Cli", "Diagnosis: %1").arg(e->title.text(language)) << '\n';
        s << e->summary.text(language) << '\n';
        int n = 0;
        for (const LocalizedText &step : e->steps)
            s << "  " << ++n << ". " << step.text(language) << '\n';
    }
    for (const CauseFinding &c : r.causes) {
        for (const QString &line : c.evidence)
            s << "  > " << line << '\n';
        break;
    }
    for (const RecipientFinding &rc : r.recipients) {
        s << "  - " << rc.address << "  " << rc.status << "  " << rc.reason;
        if (!rc.didYouMean.isEmpty())
            s << "  (" << QCoreApplication::translate("Cli", "did you mean %1?").arg(rc.didYouMean) << ')';
        s << '\n';
    }
}

int runAnalyze(const Options &o)
{
    const KbLoadResult loaded = loadKb(o);
    const Analyzer analyzer(&loaded.kb);
    QStringList inputs = o.inputs;
    if (inputs.isEmpty())
        inputs.append(QStringLiteral("-"));
    const QString format = o.format.isEmpty()
        ? (inputs.size() == 1 ? QStringLiteral("json") : QStringLiteral("jsonl"))
        : o.format;
    int status = 0;
    for (const QString &input : std::as_const(inputs)) {
        QByteArray data;
        QString readError;
        if (input == QLatin1String("-")) {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                data = in.readAll();
            else
                readError = in.errorString();
        } else {
            QFile in(input);
            if (in.open(QIODevice::ReadOnly))
                data = in.readAll();
            else
                readError = QCoreApplication::translate("Cli", "cannot read %1: %2").arg(input, in.errorString());
        }
        AnalysisResult result;
        if (readError.isEmpty()) {
            result = analyzer.analyze(data, input);
        } else {
            result.input = input;
            result.error = readError;
        }
        if (!result.error.isEmpty())
            status = 1;
        if (format == QLatin1String("text")) {
            printText(result, loaded.kb, o.language);
        } else {
            const QJsonDocument doc(result.toJson());
            out() << QString::fromUtf8(doc.toJson(format == QLatin1String("json") ? QJsonDocument::Indented
                                                                                  : QJsonDocument::Compact));
            if (format == QLatin1String("jsonl"))
                out() << '\n';
        }
        out().flush();
    }
    return status;
}

int runSheet(const Options &o)
{
    if (o.output.isEmpty())
        return usage(QCoreApplication::translate("Cli", "sheet needs -o OUT.pdf, OUT.html or OUT.txt"));
    if (sheetFormatForPath(o.output) == SheetFormat::Unknown)
        return usage(QCoreApplication::translate("Cli", "the sheet is written as .pdf, .html or .txt, not \"%1\"")
                         .arg(o.output));
    if (!(o.entry.isEmpty() ? o.inputs.size() == 1 : o.inputs.isEmpty()))
        return usage(QCoreApplication::translate("Cli", "sheet needs either --entry ID or one INPUT"));
    const KbLoadResult loaded = loadKb(o);
    CaseRecord record;
    record.language = o.language;
    if (!o.entry.isEmpty()) {
        if (!loaded.kb.entry(o.entry)) {
            err() << QCoreApplication::translate("Cli", "no knowledge-base entry \"%1\"").arg(o.entry) << '\n';
            return 1;
        }
        record.diagnosis = o.entry;
    } else {
        const QString input = o.inputs.first();
        QFile in;
        const bool opened = input == QLatin1String("-") ? in.open(stdin, QIODevice::ReadOnly)
                                                         : (in.setFileName(input), in.open(QIODevice::ReadOnly));
        if (!opened) {
            err() << QCoreApplication::translate("Cli", "cannot read %1: %2").arg(input, in.errorString()) << '\n';
            return 1;
        }
        const QByteArray data = in.readAll();
        record.analysis = Analyzer(&loaded.kb).analyze(data, input);
        if (!record.analysis.error.isEmpty()) {
            err() << QCoreApplication::translate("Cli", "Could not analyse: %1").arg(record.analysis.error) << '\n';
            return 1;
        }
        record.pastedText = QString::fromUtf8(data);
        if (!record.analysis.causes.isEmpty())
            record.diagnosis = record.analysis.causes.first().kb;
    }
    // The footer comes from the app's settings; everything else from the command line alone.
    const SheetOptions saved = sheetOptionsFromSettings();
    SheetOptions sheet;
    sheet.helpdeskName = saved.helpdeskName;
    sheet.helpdeskContact = saved.helpdeskContact;
    sheet.languages = o.sheetLanguages;
    sheet.pageSize = o.pageSize;
    sheet.mask.addresses = o.mask;
    const SheetWriteError e = writeSheet(loaded.kb, record, sheet, o.output);
    if (e.isError()) {
        err() << e.message << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Only the sheet draws (PDF needs fonts, hence QGuiApplication); without a platform given it renders
    // offscreen. Every other command stays on QCoreApplication and runs without any display.
    const bool sheet = argc > 1 && qstrcmp(argv[1], "sheet") == 0;
    if (sheet && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A headless session (a cron job, a service, a container) often has no XDG runtime directory;
    // the GUI library then warns on every run. A private one for the run keeps stderr for our messages.
    std::unique_ptr<QTemporaryDir> runtimeDir;
    if (sheet && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        runtimeDir = std::make_unique<QTemporaryDir>();
        if (runtimeDir->isValid())
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
    }
    const std::unique_ptr<QCoreApplication> app = sheet ? std::make_unique<QGuiApplication>(argc, argv)
                                                        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MailDoctor"));
    QCoreApplication::setApplicationName(QStringLiteral("maildoctor"));
    out().setEncoding(QStringConverter::Utf8);
    err().setEncoding(QStringConverter::Utf8);

    Options options;
    QString problem;
    if (!parseArguments(QCoreApplication::arguments(), &options, &problem))
        return usage(problem);

    Translations translations;
    translations.apply(options.language);

    if (options.command == QLatin1String("analyze"))
        return runAnalyze(options);
    if (options.command == QLatin1String("kb") && options.subcommand == QLatin1String("lint"))
        return runLint(options);
    if (options.command == QLatin1String("kb") && options.subcommand == QLatin1String("list"))
        return runList(options);
    if (options.command == QLatin1String("sheet"))
        return runSheet(options);
    if (options.command == QLatin1String("--help") || options.command == QLatin1String("help")) {
        usage({});
        return 0;
    }
    return usage(QCoreApplication::translate("Cli", "unknown command \"%1\"").arg(options.command));
}
