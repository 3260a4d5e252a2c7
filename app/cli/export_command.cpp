// `reviewbench export REVIEW.json --format md|html|json|sarif [-o FILE]`: writes a report
// made from the review file alone, to FILE or standard output.
#include "cli/cli.h"

#include "io/atomic_file.h"
#include "io/review_file.h"
#include "report/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rb::cli {

int exportCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("usage: reviewbench export REVIEW.json --format md|html|json|sarif [-o FILE]\n");
    QString input;
    QString output;
    std::optional<report::ExportFormat> format;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == QLatin1String("--format") || a == QLatin1String("-f")) && i + 1 < args.size()) {
            format = report::exportFormatFromString(args[++i]);
            if (!format) {
                err() << "reviewbench export: unknown format \"" << args[i] << "\"; expected md, html, json or sarif\n";
                return ExitUsage;
            }
        } else if ((a == QLatin1String("-o") || a == QLatin1String("--output")) && i + 1 < args.size()) {
            output = args[++i];
        } else if (!a.startsWith(QLatin1Char('-')) && input.isEmpty()) {
            input = a;
        } else {
            err() << "reviewbench export: unexpected argument \"" << a << "\"\n" << usage;
            return ExitUsage;
        }
    }
    if (input.isEmpty() || !format) {
        err() << usage;
        return ExitUsage;
    }
    const auto review = loadReviewFile(input);
    if (!review) {
        err() << "reviewbench: " << review.error().message << "\n";
        return ExitBadInput;
    }
    const QByteArray bytes = report::exportReview(*review, *format);
    if (output.isEmpty() || output == QLatin1String("-")) {
        // A full or closed standard output is a failure, not a truncated report and exit 0.
        out().flush();
        errno = 0;
        const std::size_t written = std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        if (written != std::size_t(bytes.size()) || std::fflush(stdout) != 0 || std::ferror(stdout)) {
            const int why = errno;
            err() << "reviewbench export: cannot write to standard output: "
                  << (why ? QString::fromLocal8Bit(std::strerror(why)) : QStringLiteral("write error")) << "\n";
            return ExitFailed;
        }
        return ExitOk;
    }
    if (const Status written = replaceFileAtomically(output, bytes); !written) {
        err() << "reviewbench export: " << written.error().message << "\n";
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace rb::cli
