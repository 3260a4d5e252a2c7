// Huge agent output: a generated raw review of about MEGABYTES parsed, added to a review and
// consolidated (what `reviewbench consolidate` does), then saved as a review file; and a
// review of FINDINGS findings exported as HTML. Each phase is measured for time and for
// peak resident memory (VmHWM, reset between phases through /proc/self/clear_refs), against
// a baseline measured in the same run: reading the same bytes into memory and building the
// cmark-gfm tree of them (the floor for the parse), and HTML-escaping every finding's text
// once (the floor for the export). Prints figures; it asserts nothing.
//
// Two shapes of input, because agents fail in both ways: "many" is the review of many
// ordinary findings, "long" is a few findings whose bodies and code blocks are megabytes.
//
// Usage: reviewbench-bench-big-review [MEGABYTES] [FINDINGS]   (default 100 and 10000)
#include "consolidate/consolidate.h"
#include "io/review_file.h"
#include "model/review.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"
#include "report/export.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstdio>
#include <optional>

#include <sys/wait.h>
#include <unistd.h>
#include <functional>

using namespace rb;

namespace {

// Peak resident set size since the last reset, in MiB.
double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

void resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

struct Figure {
    double ms = 0;
    double peakAboveStart = 0; // MiB
    double peak = 0;           // MiB, absolute
};

Figure measure(const std::function<void()> &work)
{
    resetPeak();
    const double start = residentMiB();
    QElapsedTimer t;
    t.start();
    work();
    Figure f;
    f.ms = double(t.nsecsElapsed()) / 1e6;
    f.peak = peakMiB();
    f.peakAboveStart = f.peak - start;
    return f;
}

QByteArray finding(int i, int bodyLines, int codeLines)
{
    static const char letters[] = {'C', 'I', 'S'};
    static const char *sev[] = {"critical", "important", "suggestion"};
    const QByteArray n = QByteArray::number(i);
    QByteArray out = QByteArray(1, letters[i % 3]) + n + ". **Finding " + n + ": `handler" + n
                   + "` drops the error of its write** — `src/dir" + QByteArray::number(i % 97) + "/module" + n
                   + ".cc:" + QByteArray::number(10 + i % 500) + "-" + QByteArray::number(20 + i % 500) + "` *("
                   + sev[i % 3] + ", regression)*\n\n```cpp\n";
    for (int l = 0; l < codeLines; ++l)
        out += "    if (int rc = write(fd, buffer" + n + ", size); rc < 0) return rc; // line " + QByteArray::number(l)
             + "\n";
    out += "```\n\n";
    for (int l = 0; l < bodyLines; ++l)
        out += "The call in `handler" + n + "` ignores what `write` returns on line " + QByteArray::number(l)
             + ", so a short write <b>loses</b> data &amp; the caller never learns of it.\n";
    out += "\n**Fix:** check the result.\n\n```diff\n-    write(fd, buffer" + n + ", size);\n+    if (write(fd, buffer" + n
         + ", size) < 0)\n+        return -1;\n```\n\n";
    return out;
}

QByteArray review(qint64 targetBytes, int bodyLines, int codeLines, int *count)
{
    QByteArray out = "I have read the change. Writing the review.\n\n---\n\n## Deep Code Review: `bench`\n\n"
                     "**Verdict: Request changes** — many issues.\n\n### Executive Summary\n\nGenerated.\n\n"
                     "### Findings\n\n#### Issues\n\n";
    int i = 0;
    while (out.size() < targetBytes)
        out += finding(++i, bodyLines, codeLines);
    out += "### Testing Assessment\n\nNone.\n";
    *count = i;
    return out;
}

double baselineParseMs(const QByteArray &text, Figure *fig)
{
    *fig = measure([&] {
        QByteArray copy(text.constData(), text.size()); // what reading the file costs in memory
        cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
        cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
        cmark_parser_feed(p, copy.constData(), std::size_t(copy.size()));
        cmark_node *doc = cmark_parser_finish(p);
        cmark_node_free(doc);
        cmark_parser_free(p);
    });
    return fig->ms;
}

// Runs work in a child process so that its peak memory is its own: returns the figures the
// child wrote to the pipe (time in ms, peak above the start in MiB, then free text).
QByteArray inChild(const std::function<QByteArray()> &work)
{
    int fds[2];
    if (pipe(fds) != 0)
        return "pipe failed";
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const QByteArray out = work();
        (void)!write(fds[1], out.constData(), std::size_t(out.size()));
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    QByteArray out;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
        out.append(buf, n);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status))
        return "the child process died (signal " + QByteArray::number(WTERMSIG(status)) + ")";
    return out;
}

QByteArray line(const char *what, const Figure &f)
{
    return QString::asprintf("      %-38s %9.0f ms  peak +%7.0f MiB\n", what, f.ms, f.peakAboveStart).toUtf8();
}

void consolidateShape(const char *shape, const QByteArray &text, int generated, const QString &dir)
{
    const double mib = double(text.size()) / (1024.0 * 1024.0);
    std::printf("%-5s %.1f MiB Markdown, %d findings generated\n", shape, mib, generated);
    std::fflush(stdout);
    const QList<QByteArray> baseFigures = inChild([&] {
        Figure f;
        baselineParseMs(text, &f);
        return QByteArray::number(f.ms) + ' ' + QByteArray::number(f.peakAboveStart);
    }).split(' ');
    Figure baseline;
    baseline.ms = baseFigures.value(0).toDouble();
    baseline.peakAboveStart = baseFigures.value(1).toDouble();
    const double baseMs = std::max(1.0, baseline.ms);
    const QByteArray base = line("baseline  read + cmark-gfm tree", baseline);
    const QByteArray ours = inChild([&] {
        parse::RawReviewSource source;
        source.agentId = QStringLiteral("bench");
        source.agentName = QStringLiteral("bench");
        source.fileName = QStringLiteral("bench.md");
        Review r;
        QByteArray out;
        Figure total;
        const double start = residentMiB();
        double highest = 0;
        auto phase = [&](const char *what, const std::function<void()> &work) {
            const Figure f = measure(work);
            highest = std::max(highest, f.peak);
            return line(what, f);
        };
        QElapsedTimer all;
        all.start();
        {
            std::optional<Result<parse::ParsedReview>> parsed;
            out += phase("parse", ([&] { parsed.emplace(parse::parseRawReview(text, source)); }));
            if (!*parsed)
                return "      refused: " + (*parsed).error().message.toUtf8() + "\n";
            Status added = Status(Ok{});
            out += phase("add to the review", ([&] { added = parse::addAgentReview(r, **parsed); }));
            if (!added)
                return "      refused: " + added.error().message.toUtf8() + "\n";
        }
        out += phase("consolidate", ([&] { r = consolidate::consolidateReview(std::move(r)); }));
        Status saved = Status(Ok{});
        out += phase("save the review file", ([&] { saved = saveReviewFile(r, dir + QStringLiteral("/big.review.json")); }));
        if (!saved)
            return "      refused: " + saved.error().message.toUtf8() + "\n";
        total.ms = double(all.nsecsElapsed()) / 1e6;
        total.peakAboveStart = highest - start;
        out += line("all of it", total);
        out += QString::asprintf("      %.2fx the baseline's time, peak %.2fx the input and %.2fx the baseline's\n", total.ms / baseMs,
                                 total.peakAboveStart / mib, total.peakAboveStart / std::max(1.0, baseline.peakAboveStart)).toUtf8();
        out += QString::asprintf("      %lld findings -> %lld issues\n", qlonglong(r.findings.size()), qlonglong(r.issues.size())).toUtf8();
        return out;
    });
    std::printf("%s%s", base.constData(), ours.constData());
}

void exportHtml(int count, const QString &dir)
{
    int generated = 0;
    const QByteArray text = review(1, 3, 4, &generated); // header only: grows below
    QByteArray body = text;
    body.chop(int(qstrlen("### Testing Assessment\n\nNone.\n")));
    for (int i = generated + 1; i <= count; ++i)
        body += finding(i, 3, 4);
    parse::RawReviewSource source;
    source.agentId = QStringLiteral("bench");
    source.agentName = QStringLiteral("bench");
    source.fileName = QStringLiteral("bench.md");
    auto parsed = parse::parseRawReview(body, source);
    if (!parsed) {
        std::printf("html  refused: %s\n", qPrintable(parsed.error().message));
        return;
    }
    Review r;
    (void)parse::addAgentReview(r, *parsed);
    r = consolidate::consolidateReview(std::move(r));
    const QByteArray base = inChild([&] {
        qint64 escapedBytes = 0;
        const Figure f = measure([&] {
            for (const RawFinding &fd : r.findings)
                escapedBytes += (fd.title + fd.body + fd.fixProse + fd.fixPatch).toHtmlEscaped().toUtf8().size();
        });
        return QByteArray::number(f.ms) + ' ' + QByteArray::number(f.peakAboveStart) + ' ' + QByteArray::number(escapedBytes);
    });
    const QByteArray ours = inChild([&] {
        qint64 htmlBytes = 0;
        const Figure f = measure([&] {
            const QByteArray html = report::exportReview(r, report::ExportFormat::Html);
            htmlBytes = html.size();
            QFile out(dir + QStringLiteral("/big.html"));
            if (out.open(QIODevice::WriteOnly))
                out.write(html);
        });
        return QByteArray::number(f.ms) + ' ' + QByteArray::number(f.peakAboveStart) + ' ' + QByteArray::number(htmlBytes);
    });
    const QList<QByteArray> b = base.split(' ');
    const QList<QByteArray> o = ours.split(' ');
    std::printf("html  %lld findings, %lld issues, %.1f MiB of HTML\n", qlonglong(r.findings.size()),
                qlonglong(r.issues.size()), o.value(2).toDouble() / (1024.0 * 1024.0));
    std::printf("      %-38s %9.0f ms  peak +%7.0f MiB\n", "baseline  escape every finding once", b.value(0).toDouble(),
                b.value(1).toDouble());
    std::printf("      %-38s %9.0f ms  peak +%7.0f MiB  %.2fx the baseline's time\n", "export HTML and write",
                o.value(0).toDouble(), o.value(1).toDouble(), o.value(0).toDouble() / std::max(0.001, b.value(0).toDouble()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double megabytes = args.size() > 1 ? std::max(0.1, args[1].toDouble()) : 100.0;
    const int htmlFindings = args.size() > 2 ? std::max(3, args[2].toInt()) : 10000;
    const qint64 target = qint64(megabytes * 1024 * 1024);
    QTemporaryDir dir;
    cmark_gfm_core_extensions_ensure_registered();

    int generated = 0;
    {
        const QByteArray many = review(target, 3, 4, &generated);
        consolidateShape("many", many, generated, dir.path());
    }
    {
        // Bodies of target/8 bytes each: eight findings, each megabytes of prose and code.
        const int lines = int(std::max<qint64>(1, target / 8 / 200));
        const QByteArray longer = review(target, lines, lines, &generated);
        consolidateShape("long", longer, generated, dir.path());
    }
    exportHtml(htmlFindings, dir.path());
    return 0;
}
