// libFuzzer target: the patch parser (unified diffs, git headers, fragments) on any bytes.
#include "patch/patch_parser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)rb::patch::parsePatch(text);
    return 0;
}
