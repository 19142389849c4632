// libFuzzer target: arbitrary bytes through the same core entry the CLI and the GUI use
// (Analyzer::analyze), plus the MIME reader and the DSN parser on their own, so that a crash or a
// hang in any of them is found under AddressSanitizer and UndefinedBehaviorSanitizer.

#include "analyzer.h"
#include "knowledgebase.h"
#include "mime/dsn.h"
#include "mime/mimemessage.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace MailDoctor;

namespace {

// Built once: the knowledge base and the analyzer are read-only during analysis, and loading the
// KB for every input would leave no time for the input itself.
struct Fixture
{
    Fixture() : app(argc, argv), loaded(loadKnowledgeBase(QString())), analyzer(&loaded.kb) { }

    static inline int argc = 1;
    static inline char arg0[] = "fuzz_analyzer";
    static inline char *argv[] = { arg0, nullptr };
    QCoreApplication app;
    KbLoadResult loaded;
    Analyzer analyzer;
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

// Touches what the readers build lazily (decoded bodies, headers, names) on every part, the way the
// analyzer and the GUI do, so that decoding bugs in deep parts are reached too.
qsizetype walk(const Mime::Part &part, int depth)
{
    qsizetype n = part.text().size() + part.decodedHeader("subject").size() + part.fileName().size()
        + part.headerParams("content-disposition").size() + part.headerValues("received").size();
    if (depth > 200)
        return n;
    for (const Mime::Part &child : part.children)
        n += walk(child, depth + 1);
    return n;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Fixture &f = fixture();
    // A view over libFuzzer's own buffer (exactly @p size bytes, no terminating NUL) so that a read
    // one byte past the end is an ASan report instead of a silent read of QByteArray's NUL.
    const QByteArrayView view(reinterpret_cast<const char *>(data), qsizetype(size));

    const Mime::ParseResult parsed = Mime::parseMessage(view);
    volatile qsizetype sink = walk(parsed.root, 0);
    sink = sink + Mime::decodeEncodedWords(view).size();

    const Dsn::Report report = Dsn::parse(QString::fromUtf8(view));
    sink = sink + report.recipients.size();

    const AnalysisResult result = f.analyzer.analyze(view.toByteArray(), QStringLiteral("fuzz.eml"));
    sink = sink + QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact).size();
    (void)sink;
    return 0;
}
