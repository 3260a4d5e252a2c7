// The diff model: file statuses, paths, ids and modes; patches built on demand; whole-file
// texts; parallel materialisation; and the unified patch, checked against `git diff`.
#include "git/range.h"
#include "git/range_diff.h"
#include "git_fixture.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <mutex>
#include <optional>
#include <thread>

using namespace rb;
using namespace rb::test;

namespace {
QByteArray lines(int from, int to, const QByteArray &tag = "line")
{
    QByteArray out;
    for (int i = from; i <= to; ++i)
        out += tag + ' ' + QByteArray::number(i) + '\n';
    return out;
}

const QByteArray kLatin1Name = "caf\xe9.txt"; // not UTF-8
const QByteArray kBinary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

// One range that holds every kind of change.
struct Everything {
    GitFixture fx;
    QString base, head;
    Everything()
    {
        const Snapshot before{
            {"keep.txt", {lines(1, 5)}},
            {"modify.txt", {lines(1, 10)}},
            {"delete.txt", {lines(1, 3)}},
            {"rename-me.txt", {lines(1, 20)}},
            {"script.sh", {"#!/bin/sh\necho hi\n"}},
            {"image.bin", {kBinary}},
            {"crlf.txt", {"one\r\ntwo\r\nthree\r\n"}},
            {"link", {"target text\n"}},
            {"dir with space/file name.txt", {"old\n"}},
            {kLatin1Name, {"caf\xe9\n"}},
            {"noeol.txt", {"x"}},
        };
        Snapshot after = before;
        after.erase("delete.txt");
        after.erase("rename-me.txt");
        QByteArray renamed = lines(1, 20);
        renamed.replace("line 20\n", "line twenty\n");
        after["renamed.txt"] = {renamed};
        after["modify.txt"] = {lines(1, 4) + "changed 5\n" + lines(6, 10) + "line 11\n"};
        after["script.sh"] = {"#!/bin/sh\necho hi\n", 0100755};
        after["image.bin"] = {kBinary + QByteArray("\0more", 5)};
        after["crlf.txt"] = {"one\r\nTWO\r\nthree\r\n"};
        after["link"] = {"keep.txt", 0120000};
        after["dir with space/file name.txt"] = {"new\n"};
        after[kLatin1Name] = {"caf\xe9 au lait\n"};
        after["noeol.txt"] = {"y"};
        after["added.txt"] = {lines(1, 2, "added")};
        base = fx.commit(before, QStringLiteral("before"), {});
        head = fx.commit(after, QStringLiteral("after"), {base});
    }
};

Result<git::RangeDiff> diffOf(const GitFixture &fx, const QString &base, const QString &head,
                              const git::DiffOptions &options = {})
{
    auto repo = git::Repository::open(fx.path());
    if (!repo)
        return repo.error();
    auto range = git::resolveRange(*repo, base, head);
    if (!range)
        return range.error();
    return git::RangeDiff::compute(*repo, *range, options);
}

std::optional<git::FileDiff> find(const git::RangeDiff &d, const QString &path)
{
    const int i = d.indexOf(path);
    return i < 0 ? std::nullopt : std::optional(d.files()[i]);
}
} // namespace

class TestGitDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileList_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("oldPath");
        QTest::addColumn<int>("oldMode");
        QTest::addColumn<int>("newMode");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::addColumn<bool>("binary");
        QTest::newRow("modified") << "modify.txt" << "modified" << "modify.txt" << 0100644 << 0100644 << 2 << 1 << false;
        QTest::newRow("deleted") << "delete.txt" << "deleted" << "delete.txt" << 0100644 << 0 << 0 << 3 << false;
        QTest::newRow("added") << "added.txt" << "added" << "" << 0 << 0100644 << 2 << 0 << false;
        QTest::newRow("renamed") << "renamed.txt" << "renamed" << "rename-me.txt" << 0100644 << 0100644 << 1 << 1 << false;
        QTest::newRow("mode change") << "script.sh" << "modified" << "script.sh" << 0100644 << 0100755 << 0 << 0 << false;
        QTest::newRow("binary") << "image.bin" << "modified" << "image.bin" << 0100644 << 0100644 << 0 << 0 << true;
        QTest::newRow("crlf") << "crlf.txt" << "modified" << "crlf.txt" << 0100644 << 0100644 << 1 << 1 << false;
        QTest::newRow("type change") << "link" << "type changed" << "link" << 0100644 << 0120000 << 1 << 1 << false;
        QTest::newRow("space in name") << "dir with space/file name.txt" << "modified"
                                       << "dir with space/file name.txt" << 0100644 << 0100644 << 1 << 1 << false;
        QTest::newRow("no newline at end") << "noeol.txt" << "modified" << "noeol.txt" << 0100644 << 0100644 << 1 << 1 << false;
    }
    void fileList()
    {
        QFETCH(QString, path);
        QFETCH(QString, status);
        QFETCH(QString, oldPath);
        QFETCH(int, oldMode);
        QFETCH(int, newMode);
        QFETCH(int, added);
        QFETCH(int, removed);
        QFETCH(bool, binary);
        Everything e;
        QVERIFY2(e.fx.ok(), qPrintable(e.fx.error()));
        const auto diff = diffOf(e.fx, e.base, e.head);
        QVERIFY2(diff.ok(), diff.ok() ? "" : qPrintable(diff.error().message));
        QCOMPARE(diff->fileCount(), 11);
        const auto f = find(*diff, path);
        QVERIFY2(f, qPrintable(path));
        QCOMPARE(git::fileStatusName(f->status), status);
        QCOMPARE(f->oldPath, oldPath);
        QCOMPARE(int(f->oldMode), oldMode);
        QCOMPARE(int(f->newMode), newMode);
        QCOMPARE(f->oldId.isEmpty(), oldMode == 0);
        QCOMPARE(f->newId.isEmpty(), newMode == 0);
        if (f->status == git::FileStatus::Renamed)
            QVERIFY(f->similarity >= 50 && f->similarity < 100);
        const int index = diff->indexOf(path);
        QVERIFY(!diff->hasPatch(index));
        const auto patch = diff->patch(index);
        QVERIFY2(patch.ok(), patch.ok() ? "" : qPrintable(patch.error().message));
        QVERIFY(diff->hasPatch(index));
        QCOMPARE((*patch)->added, added);
        QCOMPARE((*patch)->removed, removed);
        QCOMPARE((*patch)->binary, binary);
        const auto counts = diff->lineCounts(index);
        QVERIFY(counts.ok());
        QCOMPARE(counts->added, added);
        QCOMPARE(counts->removed, removed);
        QCOMPARE(counts->binary, binary);
        QCOMPARE(diff->patchText(index).value(), (*patch)->text);
    }

    void nonUtf8NameKeepsItsBytes()
    {
        Everything e;
        const auto diff = diffOf(e.fx, e.base, e.head);
        QVERIFY(diff.ok());
        std::optional<git::FileDiff> hit;
        for (const auto &f : diff->files()) {
            if (f.newPathBytes == kLatin1Name)
                hit = f;
        }
        QVERIFY(hit);
        QCOMPARE(hit->oldPathBytes, kLatin1Name);
        const auto patch = diff->patch(*hit);
        QVERIFY(patch.ok());
        QVERIFY2((*patch)->text.startsWith("diff --git \"a/caf\\351.txt\" \"b/caf\\351.txt\"\n"), (*patch)->text.constData());
    }

    void hunksAndLines()
    {
        Everything e;
        const auto diff = diffOf(e.fx, e.base, e.head);
        QVERIFY(diff.ok());
        const auto patch = diff->patch(diff->indexOf(QStringLiteral("modify.txt")));
        QVERIFY(patch.ok());
        const git::FilePatch &p = **patch;
        QCOMPARE(p.hunks.size(), 1);
        const git::Hunk &h = p.hunks.first();
        QCOMPARE(h.header, QStringLiteral("@@ -2,9 +2,10 @@ line 1"));
        QCOMPARE(h.oldStart, 2);
        QCOMPARE(h.newCount, 10);
        QCOMPARE(h.lines.size(), 11);
        const git::DiffLine &removed = h.lines[3];
        QCOMPARE(removed.kind, git::LineKind::Removed);
        QCOMPARE(removed.oldLine, 5);
        QCOMPARE(removed.newLine, 0);
        QCOMPARE(p.lineText(removed), QStringLiteral("line 5"));
        const git::DiffLine &added = h.lines[4];
        QCOMPARE(added.kind, git::LineKind::Added);
        QCOMPARE(added.newLine, 5);
        QCOMPARE(p.lineText(added), QStringLiteral("changed 5"));
        QCOMPARE(p.lineText(h.lines.last()), QStringLiteral("line 11"));
        QCOMPARE(h.lines.last().newLine, 11);

        const auto noeol = diff->patch(diff->indexOf(QStringLiteral("noeol.txt")));
        QVERIFY(noeol.ok());
        QVERIFY((*noeol)->hunks.first().lines.first().noNewlineAtEnd);
        QVERIFY((*noeol)->text.contains("-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n"));

        const auto crlf = diff->patch(diff->indexOf(QStringLiteral("crlf.txt")));
        QVERIFY(crlf.ok());
        const auto &crlfLine = (*crlf)->hunks.first().lines[1];
        QCOMPARE((*crlf)->lineBytes(crlfLine), QByteArrayView("two\r"));
    }

    void wholeFileTexts()
    {
        Everything e;
        const auto diff = diffOf(e.fx, e.base, e.head);
        QVERIFY(diff.ok());
        const int renamed = diff->indexOf(QStringLiteral("renamed.txt"));
        QCOMPARE(diff->oldText(renamed).value(), lines(1, 20));
        QVERIFY(diff->newText(renamed).value().endsWith("line twenty\n"));
        const int added = diff->indexOf(QStringLiteral("added.txt"));
        QCOMPARE(diff->oldText(added).value(), QByteArray());
        QCOMPARE(diff->newText(added).value(), lines(1, 2, "added"));
        const int deleted = diff->indexOf(QStringLiteral("delete.txt"));
        QCOMPARE(diff->newText(deleted).value(), QByteArray());
    }

    // The whole range written as one patch is what `git diff` writes for the same range.
    void unifiedPatchMatchesGitDiff_data()
    {
        QTest::addColumn<bool>("copies");
        QTest::newRow("renames") << false;
        QTest::newRow("renames and copies") << true;
    }
    void unifiedPatchMatchesGitDiff()
    {
        QFETCH(bool, copies);
        const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
        QVERIFY2(!git.isEmpty(), "git is in packaging/debian-packages.txt and must be installed");
        Everything e;
        if (copies) {
            // A copy of modify.txt's old content, next to the modified original.
            Snapshot withCopy;
            withCopy["modify.txt"] = {lines(1, 10)};
            const QString b = e.fx.commit(withCopy, QStringLiteral("copy base"), {});
            withCopy["modify.txt"] = {lines(1, 9) + "ten\n"};
            withCopy["copy.txt"] = {lines(1, 10) + "line 11\n"};
            e.base = b;
            e.head = e.fx.commit(withCopy, QStringLiteral("copy head"), {b});
        }
        git::DiffOptions options;
        options.detectCopies = copies;
        const auto diff = diffOf(e.fx, e.base, e.head, options);
        QVERIFY(diff.ok());
        const auto ours = diff->unifiedPatch();
        QVERIFY(ours.ok());

        QProcess p;
        p.setWorkingDirectory(e.fx.path());
        QStringList args{"-c", "core.quotePath=true", "-c", "core.abbrev=7", "-c", "diff.renames=true",
                         "diff", "--no-color", "--no-ext-diff", "--full-index"};
        args.removeLast(); // abbreviated ids, as ours
        if (copies)
            args << "-C";
        args << e.base + QStringLiteral("...") + e.head;
        p.start(git, args);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray theirs = p.readAllStandardOutput();
        const QList<QByteArray> a = ours.value().split('\n'), b = theirs.split('\n');
        QVERIFY(ours.value().contains("similarity index "));
        if (a != b) {
            for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
                if (a[i] != b[i])
                    QFAIL(qPrintable(QStringLiteral("line %1 differs:\n ours: %2\n  git: %3")
                                         .arg(i + 1).arg(QString::fromUtf8(a[i]), QString::fromUtf8(b[i]))));
            }
            QCOMPARE(a.size(), b.size());
        }
    }

    void materialisesInParallelAndFromManyThreads()
    {
        Everything e;
        const auto diff = diffOf(e.fx, e.base, e.head);
        QVERIFY(diff.ok());
        // Lazy access from several threads at once, while materialiseAll runs.
        std::vector<std::thread> readers;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t) {
            readers.emplace_back([&, t] {
                for (int i = 0; i < diff->fileCount(); ++i) {
                    if (!diff->patch((i + t) % diff->fileCount()).ok())
                        ++failures;
                }
            });
        }
        const Status all = diff->materialiseAll(3);
        for (auto &r : readers)
            r.join();
        QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().message));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(diff->materialisedCount(), diff->fileCount());
        qint64 total = 0;
        for (int i = 0; i < diff->fileCount(); ++i)
            total += diff->patch(i).value()->text.size();
        QCOMPARE(diff->materialisedBytes(), total);
    }

    void workingTreeChanges()
    {
        Everything e;
        QVERIFY(e.fx.checkoutHead());
        QVERIFY(e.fx.writeWorkFile("modify.txt", "entirely new\n"));
        QVERIFY(e.fx.writeWorkFile("untracked dir/new file.txt", "fresh\n"));
        QVERIFY(e.fx.removeWorkFile("keep.txt"));
        auto repo = git::Repository::open(e.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveWorkingTree(*repo);
        QVERIFY(range.ok());
        const auto diff = git::RangeDiff::compute(*repo, *range);
        QVERIFY2(diff.ok(), diff.ok() ? "" : qPrintable(diff.error().message));
        QCOMPARE(diff->fileCount(), 3);
        const auto untracked = find(*diff, QStringLiteral("untracked dir/new file.txt"));
        QVERIFY(untracked);
        QCOMPARE(untracked->status, git::FileStatus::Added);
        QCOMPARE(diff->newText(diff->indexOf(untracked->path())).value(), QByteArray("fresh\n"));
        const auto deleted = find(*diff, QStringLiteral("keep.txt"));
        QVERIFY(deleted);
        QCOMPARE(deleted->status, git::FileStatus::Deleted);
        const auto modified = diff->patch(diff->indexOf(QStringLiteral("modify.txt")));
        QVERIFY(modified.ok());
        QCOMPARE((*modified)->added, 1);
        QCOMPARE((*modified)->removed, 11);
        QVERIFY((*modified)->text.contains("\n+entirely new\n"));
    }

    void workingTreeRenameOfAnUntrackedFile()
    {
        Everything e;
        QVERIFY(e.fx.checkoutHead());
        QByteArray moved = lines(1, 20);
        moved.replace("line 20\n", "line twenty\n");
        moved.replace("line 3\n", "line three\n");
        QVERIFY(e.fx.removeWorkFile("renamed.txt"));
        QVERIFY(e.fx.writeWorkFile("moved.txt", moved));
        auto repo = git::Repository::open(e.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveWorkingTree(*repo);
        QVERIFY(range.ok());
        const auto diff = git::RangeDiff::compute(*repo, *range);
        QVERIFY2(diff.ok(), diff.ok() ? "" : qPrintable(diff.error().message));
        QCOMPARE(diff->fileCount(), 1);
        const git::FileDiff f = diff->files().first();
        QCOMPARE(f.status, git::FileStatus::Renamed);
        QCOMPARE(f.oldPath, QStringLiteral("renamed.txt"));
        QCOMPARE(f.newPath, QStringLiteral("moved.txt"));
        QVERIFY(f.similarity >= 50 && f.similarity < 100);
        const auto counts = diff->lineCounts(0);
        QVERIFY(counts.ok());
        QCOMPARE(counts->added, 1);
        QCOMPARE(counts->removed, 1);
    }

    // start(): the tree diff's list at once, then renames merged phase by phase, each
    // update telling the listener; the final list is compute()'s.
    void renamesArriveAfterTheFileList()
    {
        Everything e;
        auto repo = git::Repository::open(e.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveRange(*repo, e.base, e.head, git::RangeCommits::EndpointsOnly);
        QVERIFY(range.ok());
        QVERIFY(range->commits.isEmpty());
        QCOMPARE(git::listCommits(*repo, *range).value().size(), 1);
        std::mutex m;
        QList<git::RenameUpdate> updates;
        auto diff = git::RangeDiff::start(*repo, *range, {}, [&](const git::RenameUpdate &u) {
            std::lock_guard lock(m);
            updates.append(u);
        });
        QVERIFY(diff.ok());
        diff->waitForRenames();
        QVERIFY(diff->renamesFinished());
        std::lock_guard lock(m);
        QVERIFY(!updates.isEmpty());
        QVERIFY(updates.last().finished());
        QCOMPARE(updates.last().renamed, 1);
        QCOMPARE(updates.last().files, diff->files());
        // Exactly one update merged the rename, naming it.
        int merging = 0;
        for (const auto &u : std::as_const(updates)) {
            if (!u.merged.isEmpty()) {
                ++merging;
                QCOMPARE(u.merged.first().newPath, QStringLiteral("renamed.txt"));
                QCOMPARE(u.merged.first().oldPath, QStringLiteral("rename-me.txt"));
            }
        }
        QCOMPARE(merging, 1);
        const auto final = diffOf(e.fx, e.base, e.head);
        QCOMPARE(diff->files(), final->files());
        // A patch built from the tree diff's entry still answers for that entry.
        git::DiffOptions none;
        none.detectRenames = false;
        const auto plain = git::RangeDiff::start(*repo, *range, none);
        QVERIFY(plain->renamesFinished());
        QCOMPARE(plain->fileCount(), diff->fileCount() + 1);
        QCOMPARE(find(*plain, QStringLiteral("renamed.txt"))->status, git::FileStatus::Added);
    }

    // git's phases: identical contents first (same basename preferred), then a unique
    // basename on both sides at >= 75 %, then the best-scoring pairs.
    void renamePhasesFollowGit()
    {
        GitFixture fx;
        Snapshot before, after;
        before["a/same.txt"] = {"identical\n"};
        before["b/same.txt"] = {"identical\n"};
        after["c/same.txt"] = {"identical\n"}; // exact: both sources match; the first same-named wins
        before["src/util.c"] = {lines(1, 40, "util")};
        // 87 % alike under the same basename: paired by name before the 97 % x/best.c is
        // even looked at (git's trade-off), which then stays an added file.
        after["lib/util.c"] = {lines(1, 36, "util") + lines(1, 4, "changed")};
        after["x/best.c"] = {lines(1, 40, "util") + "one more\n"};
        before["old/name.txt"] = {lines(1, 40, "text")};
        after["new/other.txt"] = {lines(1, 25, "text") + lines(1, 15, "edit")}; // ~62 %: inexact
        before["gone.txt"] = {lines(1, 10, "gone")};
        const QString b = fx.commit(before, QStringLiteral("before"), {});
        const QString h = fx.commit(after, QStringLiteral("after"), {b});
        const auto diff = diffOf(fx, b, h);
        QVERIFY(diff.ok());
        QCOMPARE(find(*diff, QStringLiteral("c/same.txt"))->oldPath, QStringLiteral("a/same.txt"));
        QCOMPARE(find(*diff, QStringLiteral("c/same.txt"))->similarity, 100);
        QCOMPARE(find(*diff, QStringLiteral("b/same.txt"))->status, git::FileStatus::Deleted);
        QCOMPARE(find(*diff, QStringLiteral("lib/util.c"))->oldPath, QStringLiteral("src/util.c"));
        QCOMPARE(find(*diff, QStringLiteral("x/best.c"))->status, git::FileStatus::Added);
        QCOMPARE(find(*diff, QStringLiteral("new/other.txt"))->oldPath, QStringLiteral("old/name.txt"));
        QCOMPARE(find(*diff, QStringLiteral("gone.txt"))->status, git::FileStatus::Deleted);
        QCOMPARE(diff->fileCount(), 6);
    }

    void renameDetectionIsBounded()
    {
        // Three deletions and three additions of the same texts, slightly edited: with a
        // limit of 2 (2 x 2 < 3 x 3) inexact renames are not searched; exact ones still are.
        GitFixture fx;
        Snapshot before, after;
        for (int i = 0; i < 3; ++i) {
            before["old" + QByteArray::number(i)] = {lines(1, 30, "file" + QByteArray::number(i))};
            after["new" + QByteArray::number(i)] = {lines(1, 29, "file" + QByteArray::number(i)) + "edited\n"};
        }
        before["same-old"] = {"identical\n"};
        after["same-new"] = {"identical\n"};
        const QString b = fx.commit(before, QStringLiteral("before"), {});
        const QString h = fx.commit(after, QStringLiteral("after"), {b});

        const auto unbounded = diffOf(fx, b, h);
        QVERIFY(unbounded.ok());
        QVERIFY(!unbounded->renameDetectionLimited());
        QCOMPARE(unbounded->fileCount(), 4);
        for (const auto &f : unbounded->files())
            QCOMPARE(f.status, git::FileStatus::Renamed);

        git::DiffOptions tight;
        tight.renameLimit = 2;
        const auto bounded = diffOf(fx, b, h, tight);
        QVERIFY(bounded.ok());
        QVERIFY(bounded->renameDetectionLimited());
        QCOMPARE(bounded->fileCount(), 7);
        QCOMPARE(find(*bounded, QStringLiteral("same-new"))->status, git::FileStatus::Renamed);
        QCOMPARE(find(*bounded, QStringLiteral("new0"))->status, git::FileStatus::Added);
    }
};

QTEST_GUILESS_MAIN(TestGitDiff)
#include "test_git_diff.moc"
