// libFuzzer target: the SARIF importer, the format given (no detection), with a source
// reader so that fixes are turned into diffs.
#include "parse/raw_review.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    rb::parse::RawReviewSource source;
    source.agentId = QStringLiteral("fuzz");
    source.agentName = QStringLiteral("Fuzz");
    source.fileName = QStringLiteral("fuzz.sarif");
    source.format = rb::RawFormat::Sarif;
    source.readSource = [](const QString &) -> std::optional<QString> {
        return QStringLiteral("line one\nline two\n\tline three\n");
    };
    (void)rb::parse::parseRawReview(text, source);
    return 0;
}
