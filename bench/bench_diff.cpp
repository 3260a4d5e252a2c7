// reviewbench-bench-diff REPO BASE HEAD: how fast the git layer lists and materialises a
// review range, against `git diff BASE...HEAD` on the same range, measured in the same run.
//
// Order: one untimed `git diff` (so that both sides find the objects in the page cache),
// then the git layer N times (default 5), then `git diff` N times; the best time of each is
// reported, with the CPU time beside it (on a busy machine wall times say less).
// The last line is machine-readable:
// RESULT resolve_ms=<n> files_ms=<n> renames_ms=<n> patches_ms=<n> git_ms=<n> ratio=<patches/git> peak_mb=<n> patch_mb=<n>
#include "git/range.h"
#include "git/range_diff.h"
#include "git/repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpuMs(int who)
{
    rusage u{};
    getrusage(who, &u);
    return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3) + (double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3);
}

// A line of /proc/self/status ("VmHWM", "RssAnon", ...), in MiB; -1 when absent.
double statusMiB(QByteArrayView field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(field) && line.size() > field.size() && line[field.size()] == ':')
                return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

// This process's peak resident memory (VmHWM), in MiB.
double peakMiB()
{
    if (const double hwm = statusMiB("VmHWM"); hwm >= 0)
        return hwm;
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

struct GitRun {
    double ms = -1;
    double cpuMs = 0;
    qint64 bytes = 0;
    double peakMiB = 0;
    QString error;
};

// Times `git merge-base BASE HEAD`, git's own cost of resolving the range.
double gitMergeBaseMs(const QString &repo, const QString &base, const QString &head)
{
    const QByteArray repoArg = QFile::encodeName(repo), b = base.toUtf8(), h = head.toUtf8();
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, STDOUT_FILENO);
        execlp("git", "git", "-C", repoArg.constData(), "merge-base", b.constData(), h.constData(),
               static_cast<char *>(nullptr));
        _exit(127);
    }
    if (pid < 0)
        return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? msSince(start) : -1;
}

// Runs `git diff` with its output in a pipe that this process drains, as a consumer would.
// git is run with core.abbrev=7: by default it scales the digits of the index lines' blob
// ids with the number of objects (10 on git's own repository), where the git layer writes
// 7, or more where 7 are ambiguous, as git does. With the same digits the texts are the
// same byte for byte; `hash`, when given, receives git's output to check that.
GitRun runGitDiff(const QString &repo, const QString &range, QCryptographicHash *hash = nullptr)
{
    GitRun r;
    const QByteArray repoArg = QFile::encodeName(repo);
    const QByteArray rangeArg = range.toUtf8();
    int fds[2];
    if (pipe(fds) != 0) {
        r.error = QStringLiteral("pipe failed");
        return r;
    }
    const double cpuBefore = cpuMs(RUSAGE_CHILDREN);
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("git", "git", "-C", repoArg.constData(), "-c", "core.quotePath=true", "-c", "core.abbrev=7", "-c", "diff.renames=true",
               "--no-pager", "diff", "--no-color", "--no-ext-diff", rangeArg.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        r.error = QStringLiteral("fork failed");
        return r;
    }
    std::vector<char> buf(1 << 20);
    ssize_t n;
    while ((n = read(fds[0], buf.data(), buf.size())) > 0) {
        r.bytes += n;
        if (hash)
            hash->addData(QByteArrayView(buf.data(), n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    r.ms = msSince(start);
    r.cpuMs = cpuMs(RUSAGE_CHILDREN) - cpuBefore;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        r.error = QStringLiteral("git diff %1 failed (status %2)").arg(range).arg(WEXITSTATUS(status));
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    r.peakMiB = double(u.ru_maxrss) / 1024.0;
    return r;
}

struct OurRun {
    double resolveMs = 0; // open the repository, resolve base and head, their merge base
    double filesMs = 0;   // from the resolved range to the file list
    double renamesMs = 0;
    double patchesMs = 0;
    double patchesCpuMs = 0;
    int files = 0;
    int renamed = 0;
    qint64 bytes = 0;
    qint64 added = 0;
    qint64 removed = 0;
    bool renamesLimited = false;
};

int usage(QTextStream &err)
{
    err << "usage: reviewbench-bench-diff [--repeat N] [--threads N] REPO BASE HEAD\n"
           "  Times the file list and every patch of BASE...HEAD against `git diff BASE...HEAD`.\n"
           "  Build a large synthetic repository with bench/make-synthetic-repo.sh DIR.\n";
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    int repeat = 5;
    int threads = 0;
    for (qsizetype i = 0; i + 1 < args.size();) {
        if (args[i] == QLatin1String("--repeat") || args[i] == QLatin1String("--threads")) {
            bool ok = false;
            const int v = args[i + 1].toInt(&ok);
            if (!ok || v < 0 || (args[i] == QLatin1String("--repeat") && v < 1))
                return usage(err);
            (args[i] == QLatin1String("--repeat") ? repeat : threads) = v;
            args.remove(i, 2);
        } else {
            ++i;
        }
    }
    if (args.size() != 3)
        return usage(err);
    const QString repoPath = args[0], base = args[1], head = args[2];
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int workers = threads > 0 ? threads : cores;

    auto repo = rb::git::Repository::open(repoPath);
    if (!repo) {
        err << "reviewbench-bench-diff: " << repo.error().message << "\n";
        return 1;
    }
    const QString range = base + QStringLiteral("...") + head;
    out << "repository: " << repo->displayPath() << "\nrange: " << range << "\ncores: " << cores
        << ", worker threads: " << workers << ", repetitions: " << repeat << " (best time kept)\n";
    out.flush();

    QCryptographicHash gitHash(QCryptographicHash::Sha1), ourHash(QCryptographicHash::Sha1);
    const GitRun warm = runGitDiff(repo->displayPath(), range, &gitHash);
    if (!warm.error.isEmpty()) {
        err << "reviewbench-bench-diff: " << warm.error << "\n";
        return 1;
    }

    double heldAnon = 0, heldFile = 0; // resident while the first run's texts are held
    OurRun best;
    best.resolveMs = best.filesMs = best.renamesMs = best.patchesMs = 1e300;
    for (int rep = 0; rep < repeat; ++rep) {
        OurRun r;
        const auto start = Clock::now();
        auto opened = rb::git::Repository::open(repoPath);
        if (!opened) {
            err << "reviewbench-bench-diff: " << opened.error().message << "\n";
            return 1;
        }
        const auto resolved = rb::git::resolveRange(*opened, base, head, rb::git::RangeCommits::EndpointsOnly);
        if (!resolved) {
            err << "reviewbench-bench-diff: " << resolved.error().message << "\n";
            return 1;
        }
        r.resolveMs = msSince(start);
        const auto listStart = Clock::now();
        const auto diff = rb::git::RangeDiff::start(*opened, *resolved);
        if (!diff) {
            err << "reviewbench-bench-diff: " << diff.error().message << "\n";
            return 1;
        }
        r.filesMs = msSince(listStart);
        diff->waitForRenames();
        r.renamesMs = msSince(listStart);
        const double cpuBefore = cpuMs(RUSAGE_SELF);
        const auto patchStart = Clock::now();
        if (auto s = diff->materialiseAll(threads); !s) {
            err << "reviewbench-bench-diff: " << s.error().message << "\n";
            return 1;
        }
        r.patchesMs = msSince(patchStart);
        r.patchesCpuMs = cpuMs(RUSAGE_SELF) - cpuBefore;
        r.files = diff->fileCount();
        r.bytes = diff->materialisedBytes();
        r.renamesLimited = diff->renameDetectionLimited();
        for (int i = 0; i < diff->fileCount(); ++i) {
            const auto counts = diff->lineCounts(i).value();
            r.added += counts.added;
            r.removed += counts.removed;
            if (diff->files()[i].status == rb::git::FileStatus::Renamed)
                ++r.renamed;
        }
        if (rep == 0) {
            heldAnon = statusMiB("RssAnon");
            heldFile = statusMiB("RssFile");
            for (const auto &f : diff->files())
                ourHash.addData(diff->patchText(f).value());
        }
        out << "  run " << (rep + 1) << ": range resolved in " << qRound(r.resolveMs) << " ms, then file list "
            << qRound(r.filesMs) << " ms, renames merged at "
            << qRound(r.renamesMs) << " ms, all patches "
            << qRound(r.patchesMs) << " ms (" << qRound(r.patchesCpuMs) << " ms of CPU)\n";
        out.flush();
        const double filesMs = std::min(best.filesMs, r.filesMs);
        const double renamesMs = std::min(best.renamesMs, r.renamesMs);
        const double resolveMs = std::min(best.resolveMs, r.resolveMs);
        if (r.patchesMs < best.patchesMs)
            best = r;
        best.filesMs = filesMs;
        best.renamesMs = renamesMs;
        best.resolveMs = resolveMs;
    }
    const double peak = peakMiB();

    double mergeBaseMs = 1e300;
    for (int rep = 0; rep < repeat; ++rep)
        mergeBaseMs = std::min(mergeBaseMs, gitMergeBaseMs(repo->displayPath(), base, head));

    GitRun git;
    git.ms = 1e300;
    for (int rep = 0; rep < repeat; ++rep) {
        const GitRun g = runGitDiff(repo->displayPath(), range);
        if (!g.error.isEmpty()) {
            err << "reviewbench-bench-diff: " << g.error << "\n";
            return 1;
        }
        out << "  git diff run " << (rep + 1) << ": " << qRound(g.ms) << " ms (" << qRound(g.cpuMs) << " ms of CPU)\n";
        out.flush();
        if (g.ms < git.ms)
            git = g;
    }

    const double patchMiB = double(best.bytes) / (1024.0 * 1024.0);
    const double ratio = best.patchesMs / git.ms;
    out << "\nfiles: " << best.files << " (" << best.renamed << " renamed"
        << (best.renamesLimited ? ", inexact rename detection skipped: over the bound" : "") << "), lines +"
        << best.added << " -" << best.removed << "\n";
    out << "patch text: " << best.bytes << " bytes (" << QString::number(patchMiB, 'f', 1) << " MiB); git diff wrote "
        << git.bytes << " bytes";
    if (gitHash.result() == ourHash.result())
        out << ": the same text byte for byte (git run with core.abbrev=7, the digits of our index lines), so the"
               " times compare like for like\n";
    else
        out << ": the texts differ, so the times do not compare like for like (a rename paired on one side only"
               " writes a whole deletion and addition instead of the changed lines)\n";
    out << "resolving the range (merge base): " << QString::number(best.resolveMs, 'f', 1) << " ms; git merge-base: "
        << QString::number(mergeBaseMs, 'f', 1) << " ms (both walk the history between; a commit-graph file speeds up both)\n";
    out << "reviewbench: file list " << QString::number(best.filesMs, 'f', 1) << " ms after that (renames merged in the background by "
        << QString::number(best.renamesMs, 'f', 1) << " ms), every patch "
        << QString::number(best.patchesMs, 'f', 1) << " ms (" << qRound(best.patchesCpuMs) << " ms of CPU), peak memory " << QString::number(peak, 'f', 1) << " MiB\n";
    out << "  resident with every text held: " << QString::number(heldAnon, 'f', 1) << " MiB of heap (the texts: "
        << QString::number(patchMiB, 'f', 1) << " MiB), " << QString::number(heldFile, 'f', 1)
        << " MiB of mapped files (libraries, pack indexes and windows)\n";
    out << "git diff:    " << QString::number(git.ms, 'f', 1) << " ms (" << qRound(git.cpuMs) << " ms of CPU), peak memory "
        << QString::number(git.peakMiB, 'f', 1) << " MiB\n";
    out << "ratios: patches/git " << QString::number(ratio, 'f', 2) << " (target <= 0.50), peak/patch text "
        << QString::number(peak / patchMiB, 'f', 2) << " (target <= 2.00), file list "
        << (best.filesMs <= 20 ? "within" : "over") << " the 20 ms target\n";
    out << "RESULT resolve_ms=" << qRound(best.resolveMs) << " files_ms=" << qRound(best.filesMs) << " renames_ms=" << qRound(best.renamesMs) << " patches_ms=" << qRound(best.patchesMs)
        << " git_ms=" << qRound(git.ms) << " ratio=" << QString::number(ratio, 'f', 2) << " peak_mb=" << qRound(peak)
        << " patch_mb=" << qRound(patchMiB) << "\n";
    return 0;
}
