// libFuzzer target: the raw review parser (Markdown, findings JSON, SARIF, format detected)
// on any bytes. It must return a review or an error, never crash, and every span it
// reports must lie inside the stored text.
#include "parse/raw_review.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    rb::parse::RawReviewSource source;
    source.agentId = QStringLiteral("fuzz");
    source.agentName = QStringLiteral("Fuzz");
    source.fileName = QStringLiteral("fuzz.md");
    source.readSource = [](const QString &) -> std::optional<QString> { return QStringLiteral("a\nb\nc\n"); };
    const auto r = rb::parse::parseRawReview(text, source);
    if (!r.ok())
        return 0;
    const qsizetype stored = r->run.rawOutput.toUtf8().size();
    for (const rb::RawFinding &f : r->findings)
        if (f.span.isValid() && (f.span.begin < 0 || f.span.begin > f.span.end || f.span.end > stored))
            std::abort();
    return 0;
}
