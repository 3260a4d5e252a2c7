// The previous round's issues classified on a new head at scale: FILES files of 300 lines,
// an unrelated edit above the reviewed code in every other file, ISSUES issues spread over
// them (some fixed by a rewrite, some deleted, the rest still there or moved). The files are
// held in memory: this measures the classification, not reading git. The baseline, in the
// same run, is the least any search does: each issue's quoted code looked up as one string
// in its file's text (QByteArray::indexOf, exact bytes, no placement). Prints figures and
// the 1 s target; it asserts nothing.
//   bench_round_status [ISSUES] [FILES]   (defaults 1000 4000)
#include "anchor/round_status.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>

#include <random>

using namespace rb;
using namespace rb::anchor;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int issues = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int files = argc > 2 ? QByteArray(argv[2]).toInt() : 4000;
    QTextStream out(stdout);
    if (issues <= 0 || files <= 0) {
        out << "usage: bench_round_status [ISSUES] [FILES] (positive numbers)\n";
        return 2;
    }
    std::mt19937 rng(15);
    constexpr int kLines = 300;
    QHash<QString, FileLines> head;
    QHash<QString, QByteArray> headText;
    Review previous;
    for (int f = 0; f < files; ++f) {
        const QString path = QStringLiteral("src/mod%1/file%2.cpp").arg(f % 97).arg(f);
        FileLines lines;
        lines.state = FileLines::Present;
        if (f % 2)
            for (int k = 0; k < 5; ++k)
                lines.lines << QByteArray("// unrelated edit ") + QByteArray::number(k);
        for (int l = 0; l < kLines; ++l)
            lines.lines << QByteArray("    int value_") + QByteArray::number(f) + '_' + QByteArray::number(l) + " = compute("
                               + QByteArray::number(int(rng() % 1000)) + ");";
        head.insert(path, lines);
    }
    QStringList paths = head.keys();
    paths.sort(); // QHash order differs per process: the same issues every run
    std::uniform_int_distribution<int> pickFile(0, int(paths.size()) - 1);
    std::uniform_int_distribution<int> pickLine(10, kLines - 10);
    for (int i = 0; i < issues; ++i) {
        const QString path = paths[pickFile(rng)];
        FileLines &file = head[path];
        const int shift = file.lines.first().startsWith("// unrelated") ? 5 : 0;
        const int at = pickLine(rng); // 1-based line as reviewed
        Issue issue;
        issue.id = QStringLiteral("issue-%1").arg(i + 1);
        issue.locations = {Location{path, at, at + 2}};
        QStringList excerpt;
        for (int l = 0; l < 3; ++l)
            excerpt << QString::fromUtf8(file.lines[at - 1 + shift + l]);
        issue.codeExcerpt = excerpt.join(QLatin1Char('\n'));
        if (i % 10 == 0) // rewritten: fixed
            file.lines[at - 1 + shift + 1] = "    rewritten();";
        previous.issues << issue;
    }
    for (auto it = head.begin(); it != head.end(); ++it)
        headText.insert(it.key(), it->lines.join('\n'));

    QElapsedTimer t;
    t.start();
    qsizetype found = 0;
    for (const Issue &issue : previous.issues)
        found += headText.value(issue.locations[0].path).indexOf(issue.codeExcerpt.toUtf8()) >= 0;
    const double baselineMs = double(t.nsecsElapsed()) / 1e6;

    t.restart();
    const QList<IssueRoundStatus> statuses
        = classifyPreviousRound(previous, [&](const QString &path) { return head.value(path); });
    const double ms = double(t.nsecsElapsed()) / 1e6;

    QHash<RoundStatus, int> counts;
    for (const IssueRoundStatus &s : statuses)
        ++counts[s.status];
    out << "issues " << issues << ", files " << files << " (" << kLines << "+ lines each)\n";
    out << "classified: " << counts.value(RoundStatus::StillPresent) << " still present, " << counts.value(RoundStatus::Moved)
        << " moved, " << counts.value(RoundStatus::Fixed) << " fixed, " << counts.value(RoundStatus::Stale) << " stale, "
        << counts.value(RoundStatus::Unverified) << " unverified\n";
    out << "baseline (exact indexOf per issue, " << found << " found): " << QString::number(baselineMs, 'f', 2) << " ms\n";
    out << "classifyPreviousRound: " << QString::number(ms, 'f', 2) << " ms (" << QString::number(ms / qMax(baselineMs, 0.001), 'f', 1)
        << "x baseline; target <= 1000 ms: " << (ms <= 1000 ? "met" : "NOT met") << ")\n";
    return 0;
}
