// libFuzzer target: the review file loader. A file it accepts must save and load again to
// the same text (what the workbench does on every save).
#include "io/review_file.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto review = rb::parseReviewFile(text, QStringLiteral("fuzz.json"));
    if (!review.ok())
        return 0;
    const QByteArray saved = rb::serializeReview(*review);
    const auto again = rb::parseReviewFile(saved, QStringLiteral("saved.json"));
    if (!again.ok() || rb::serializeReview(*again) != saved)
        std::abort();
    return 0;
}
