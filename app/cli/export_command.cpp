// `reviewbench export REVIEW.json --format md|html|json|sarif [-o FILE]`: writes a report
// made from the review file alone, to FILE or standard output.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "io/atomic_file.h"
#include "io/review_file.h"
#include "report/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rb::cli {

namespace {

int exportCommand(const CommandArgs &args)
{
    const QString input = args.argument(0);
    const QString output = args.value(QStringLiteral("output"));
    const auto format = report::exportFormatFromString(args.value(QStringLiteral("format")));
    if (!format)
        return args.usageError(QStringLiteral("unknown format \"%1\"; expected md, html, json or sarif")
                                   .arg(args.value(QStringLiteral("format"))));
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

} // namespace

CommandSpec exportCommandSpec()
{
    return {
        .name = QStringLiteral("export"),
        .summary = QStringLiteral("write the consolidated report (standard output without -o)"),
        .description = QStringLiteral(
            "Writes a report made from the review file alone: Markdown, a self-contained HTML page, the review "
            "JSON, or SARIF 2.1.0 (see docs/reports.md). Without -o (or with -o -) the report goes to standard "
            "output; a file is replaced only once the whole report is written."),
        .arguments = {{.name = QStringLiteral("REVIEW.json"), .description = QStringLiteral("the review file")}},
        .options = {{.names = {QStringLiteral("format"), QStringLiteral("f")},
                     .valueName = QStringLiteral("md|html|json|sarif"),
                     .description = QStringLiteral("the report format"),
                     .required = true},
                    {.names = {QStringLiteral("o"), QStringLiteral("output")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("write the report to FILE instead of standard output")}},
        .run = exportCommand,
    };
}

} // namespace rb::cli
