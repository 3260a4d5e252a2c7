// Raw review parsing speed: a generated Markdown review of N findings parsed by
// parse::parseRawReview, against a baseline measured in the same run: cmark-gfm parsing the
// same text alone (the floor any tree-based parser pays). Also the findings JSON form of
// the same review. Prints medians of several rounds.
//
// Usage: reviewbench-bench-parse [FINDINGS] [ROUNDS]     (default 400 findings, 7 rounds)
#include "parse/findings_json.h"
#include "parse/raw_review.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

QByteArray generatedReview(int findings)
{
    QByteArray out = "I have read the change. Writing the review.\n\n---\n\n## Deep Code Review: `bench`\n\n"
                     "**Verdict: Request changes** — several issues.\n\n### Executive Summary\n\n"
                     "A generated review used to measure the parser.\n\n### Findings\n\n";
    const char *sections[] = {"#### Critical Issues\n\n", "#### Important Issues\n\n", "#### Suggestions\n\n"};
    const char letters[] = {'C', 'I', 'S'};
    const char *sev[] = {"critical", "important", "suggestion"};
    for (int s = 0; s < 3; ++s) {
        out += sections[s];
        for (int i = 1; i <= findings / 3; ++i) {
            const QByteArray n = QByteArray::number(i);
            out += QByteArray(1, letters[s]) + n + ". **Finding number " + n + " with `code` in its title** — `src/module"
                 + n + ".cc:" + n + "-" + QByteArray::number(i + 12) + "`, `src/other.cc:" + n + "` *(" + sev[s]
                 + ", regression)*\n\n```cpp\nint value = compute(" + n + ");\nif (value < 0)\n    return value;\n```\n\n"
                 + "The explanation of the problem runs over a couple of lines and cites `other.cc:" + n + "` and line "
                 + n + ". It also names what was tried.\n\n**Fix:** return early and log the value.\n\n```diff\n"
                 + " int value = compute(" + n + ");\n-if (value < 0)\n+if (value <= 0)\n     return value;\n```\n\n";
        }
    }
    out += "### Design Observations\n\n**Concerns**\n\n- **Global state** *(future)* — tests share it.\n\n"
           "**Strengths**\n\n- Small functions.\n\n### Testing Assessment\n\nRanked by risk: none.\n";
    return out;
}

double medianMs(int rounds, const std::function<void()> &work)
{
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        work();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int findings = args.size() > 1 ? std::max(3, args[1].toInt()) : 400;
    const int rounds = args.size() > 2 ? std::max(1, args[2].toInt()) : 7;

    const QByteArray text = generatedReview(findings);
    rb::parse::RawReviewSource source;
    source.agentId = QStringLiteral("bench");
    source.fileName = QStringLiteral("bench.md");

    cmark_gfm_core_extensions_ensure_registered();
    const double baseline = medianMs(rounds, [&] {
        cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
        cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
        cmark_parser_feed(p, text.constData(), std::size_t(text.size()));
        cmark_node *doc = cmark_parser_finish(p);
        cmark_node_free(doc);
        cmark_parser_free(p);
    });
    int parsedFindings = 0;
    const double markdown = medianMs(rounds, [&] {
        const auto r = rb::parse::parseRawReview(text, source);
        parsedFindings = r.ok() ? int(r->findings.size()) : -1;
    });
    const auto parsed = rb::parse::parseRawReview(text, source);
    const QByteArray json = QByteArray::fromStdString(rb::parse::findingsToJson(parsed.value()).dump(2));
    const double jsonMs = medianMs(rounds, [&] { (void)rb::parse::parseRawReview(json, source); });

    const double mb = double(text.size()) / (1024.0 * 1024.0);
    std::printf("review: %d findings parsed of %d generated, %.2f MiB Markdown, %.2f MiB JSON, median of %d rounds\n",
                parsedFindings, (findings / 3) * 3, mb, double(json.size()) / (1024.0 * 1024.0), rounds);
    std::printf("baseline  cmark-gfm tree only   %8.2f ms  %7.1f MiB/s\n", baseline, mb / (baseline / 1000.0));
    std::printf("markdown  parseRawReview        %8.2f ms  %7.1f MiB/s  %.2fx baseline\n", markdown,
                mb / (markdown / 1000.0), markdown / baseline);
    std::printf("json      parseRawReview        %8.2f ms  %7.2f ms per finding\n", jsonMs,
                jsonMs / std::max(1, parsedFindings));
    return parsedFindings == (findings / 3) * 3 ? 0 : 1;
}
