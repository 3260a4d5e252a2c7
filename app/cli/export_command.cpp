// `reviewbench export REVIEW.json --format md|html|json|sarif [-o FILE]`: writes a report
// made from the review file alone, to FILE or standard output.
#include "cli/cli.h"

#include "io/review_file.h"
#include "report/export.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

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
        out().flush();
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err() << "reviewbench export: " << output << ": cannot write: " << file.errorString() << "\n";
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace rb::cli
