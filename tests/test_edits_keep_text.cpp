// Structural edits (merge, split, move, fold a run) never lose what an agent or the human
// wrote: every fix, body, title, note and reason is still in the review afterwards, also
// through undo/redo and a save and load. Checked on the demo review over many random edit
// sequences (fixed seeds, so that a failure reproduces), plus the cases that once broke.
#include "consolidate/consolidate.h"
#include "demo/demo_project.h"
#include "document/review_document.h"
#include "edit/add_agent_run.h"
#include "edit/fix_overlaps.h"
#include "edit/issue_edits.h"
#include "io/review_file.h"
#include "io/review_json.h"
#include "patch/issue_fixes_apply.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {

AgentRun runOf(const demo::DemoReview &d)
{
    AgentRun run;
    run.id = d.agentId;
    run.name = d.agentName;
    run.format = RawFormat::Markdown;
    run.status = RunStatus::Succeeded;
    run.rawOutput = d.text;
    return run;
}

// Every piece of text a person or an agent wrote on the consolidated issues, and every fix
// by the id of the finding that wrote it.
struct Written {
    QSet<QString> texts;
    QHash<QString, std::pair<QString, QString>> fixes; // fix id -> (prose, patch)

    void add(const QString &t)
    {
        if (!t.trimmed().isEmpty())
            texts.insert(t);
    }
};

Written writtenIn(const Review &r)
{
    Written w;
    for (const Issue &i : r.issues) {
        for (const QString &t : {i.title, i.body, i.notes, i.severityReason, i.codeExcerpt})
            w.add(t);
        for (const CombinedIssue &c : i.combined)
            for (const QString &t : {c.title, c.body, c.notes, c.severityReason, c.codeExcerpt})
                w.add(t);
        for (const IssueFix &f : i.fixes) {
            w.fixes.insert(f.id, {f.prose, f.patch});
            w.add(f.prose);
            w.add(f.patch);
        }
    }
    return w;
}

// What `before` held that `after` lost, for the failure message; empty when nothing.
QString lost(const Review &before, const Review &after)
{
    const Written a = writtenIn(before);
    const Written b = writtenIn(after);
    QStringList missing;
    for (const QString &t : a.texts)
        if (!b.texts.contains(t))
            missing << QStringLiteral("text \"%1\"").arg(t.left(60));
    for (auto it = a.fixes.cbegin(); it != a.fixes.cend(); ++it)
        if (b.fixes.value(it.key()) != it.value())
            missing << QStringLiteral("fix %1").arg(it.key());
    for (const RawFinding &f : before.findings)
        if (const RawFinding *g = after.finding(f.id);
            !g || g->title != f.title || g->body != f.body || g->fixProse != f.fixProse || g->fixPatch != f.fixPatch
            || g->codeExcerpts != f.codeExcerpts || g->locations != f.locations)
            missing << QStringLiteral("finding %1").arg(f.id);
    return missing.join(QStringLiteral("; "));
}

// Each finding in exactly one issue, its fix (if any) in that same issue.
QString structureProblems(const Review &r)
{
    QStringList problems;
    for (const RawFinding &f : r.findings) {
        int holders = 0;
        for (const Issue &i : r.issues)
            holders += i.members.count(f.id);
        if (holders != 1 && !r.issues.isEmpty())
            problems << QStringLiteral("%1 is in %2 issues").arg(f.id).arg(holders);
        for (const Issue &i : r.issues)
            if (i.fix(f.id) && !i.members.contains(f.id))
                problems << QStringLiteral("the fix of %1 sits in %2, which does not hold it").arg(f.id, i.id);
    }
    for (const Issue &i : r.issues)
        if (i.members.isEmpty())
            problems << QStringLiteral("%1 has no members").arg(i.id);
    return problems.join(QStringLiteral("; "));
}

} // namespace

class TestEditsKeepText : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<demo::DemoReview> m_reviews;
    QString m_repository;

    // Two agents consolidated, with the human's text on every issue; the third agent is
    // left for folding in.
    Review triaged() const
    {
        Review r;
        for (int k = 0; k < 2; ++k)
            if (!edit::addAgentRun(r, runOf(m_reviews[k])).ok())
                qFatal("demo run %d was refused", k);
        for (Issue &i : r.issues) {
            i.title += QStringLiteral(" (edited %1)").arg(i.id);
            i.notes = QStringLiteral("My note on %1").arg(i.id);
            i.severityReason = QStringLiteral("My reason for %1").arg(i.id);
        }
        return r;
    }

    QString randomFinding(const Review &r, QRandomGenerator &rng, bool multiMemberOnly) const
    {
        QStringList ids;
        for (const Issue &i : r.issues)
            if (!multiMemberOnly || i.members.size() > 1)
                ids << i.members;
        return ids.isEmpty() ? QString() : ids[rng.bounded(int(ids.size()))];
    }

    // One random structural edit, applied through `apply` (the pure edit or the document).
    template <typename Doc>
    QString randomEdit(const Review &r, QRandomGenerator &rng, Doc &doc) const
    {
        switch (rng.bounded(5)) {
        case 0: { // merge two or three issues
            if (r.issues.size() < 2)
                return {};
            QStringList ids;
            const int n = std::min<int>(int(r.issues.size()), 2 + rng.bounded(2));
            while (ids.size() < n) {
                const QString id = r.issues[rng.bounded(int(r.issues.size()))].id;
                if (!ids.contains(id))
                    ids << id;
            }
            return doc.merge(ids) ? QStringLiteral("merge %1").arg(ids.join(QLatin1Char('+'))) : QString();
        }
        case 1: {
            const QString f = randomFinding(r, rng, true);
            return !f.isEmpty() && doc.split(f) ? QStringLiteral("split %1").arg(f) : QString();
        }
        case 2: {
            const QString f = randomFinding(r, rng, false);
            const QString to = r.issues.isEmpty() ? QString() : r.issues[rng.bounded(int(r.issues.size()))].id;
            return !f.isEmpty() && doc.move(f, to) ? QStringLiteral("move %1 to %2").arg(f, to) : QString();
        }
        case 3:
            return !r.agent(m_reviews[2].agentId) && doc.fold(runOf(m_reviews[2])) ? QStringLiteral("fold codex") : QString();
        default: { // the human picks another fix
            for (const Issue &i : r.issues)
                if (i.fixes.size() > 1) {
                    const IssueFix &f = i.fixes[rng.bounded(int(i.fixes.size()))];
                    return doc.choose(i.id, f.id, !f.chosen) ? QStringLiteral("choose %1 in %2").arg(f.id, i.id) : QString();
                }
            return {};
        }
        }
    }

    struct PureEdits {
        Review &r;
        bool merge(const QStringList &ids) { return edit::mergeIssues(r, ids).ok(); }
        bool split(const QString &f) { return edit::splitFinding(r, f).ok(); }
        bool move(const QString &f, const QString &to) { return edit::moveFinding(r, f, to).ok(); }
        bool fold(const AgentRun &run) { return edit::addAgentRun(r, run).ok(); }
        bool choose(const QString &i, const QString &f, bool c) { return edit::chooseFix(r, i, f, c).ok(); }
    };

    struct DocumentEdits {
        ui::ReviewDocument &d;
        bool merge(const QStringList &ids) { return d.mergeIssues(ids).ok(); }
        bool split(const QString &f) { return d.splitFinding(f).ok(); }
        bool move(const QString &f, const QString &to) { return d.moveFinding(f, to).ok(); }
        bool fold(const AgentRun &run) { return d.addAgentRun(run).ok(); }
        bool choose(const QString &i, const QString &f, bool c) { return d.setFixChosen(i, f, c); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto project = demo::createDemoProject(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(project.ok(), qPrintable(project ? QString() : project.error().message));
        m_reviews = project->reviews;
        m_repository = project->repositoryPath;
        QCOMPARE(m_reviews.size(), 3);
    }

    void randomEditSequencesLoseNothing()
    {
        const Review start = triaged();
        QVERIFY(structureProblems(start).isEmpty());
        int edits = 0;
        for (quint32 seed = 1; seed <= 150; ++seed) {
            QRandomGenerator rng(seed);
            Review r = start;
            Review everything = start; // the union of what was ever written, to compare against
            QStringList log;
            for (int step = 0; step < 12; ++step) {
                const Review before = r;
                PureEdits pure{r};
                const QString what = randomEdit(before, rng, pure);
                if (what.isEmpty()) {
                    QCOMPARE(r, before); // a refused edit changes nothing
                    continue;
                }
                ++edits;
                log << what;
                const QString context = QStringLiteral("seed %1: %2").arg(seed).arg(log.join(QStringLiteral(", ")));
                const QString missing = lost(before, r);
                QVERIFY2(missing.isEmpty(), qPrintable(context + QStringLiteral(" lost ") + missing));
                const QString broken = structureProblems(r);
                QVERIFY2(broken.isEmpty(), qPrintable(context + QStringLiteral(": ") + broken));
                // Save and load give back the same review.
                const auto loaded = reviewFromJson(reviewToJson(r));
                QVERIFY2(loaded.ok(), qPrintable(context));
                QVERIFY2(*loaded == r, qPrintable(context + QStringLiteral(": the review changed through save and load")));
            }
            QVERIFY2(lost(start, r).isEmpty(), qPrintable(QStringLiteral("seed %1 lost %2").arg(seed).arg(lost(start, r))));
        }
        QVERIFY2(edits > 600, qPrintable(QString::number(edits))); // the sequences really edit
    }

    void undoAndRedoRestoreEveryStep()
    {
        for (quint32 seed = 1; seed <= 25; ++seed) {
            QRandomGenerator rng(seed);
            ui::ReviewDocument doc;
            doc.reset(triaged());
            QList<Review> states{doc.review()};
            DocumentEdits edits{doc};
            for (int step = 0; step < 10; ++step) {
                const Review now = doc.review();
                // Moving a finding to its own issue succeeds without a change, and without a step.
                if (!randomEdit(now, rng, edits).isEmpty() && !(doc.review() == now))
                    states << doc.review();
            }
            QCOMPARE(doc.undoStack()->count(), int(states.size() - 1));
            for (qsizetype k = states.size() - 1; k > 0; --k) {
                doc.undoStack()->undo();
                QVERIFY2(doc.review() == states[k - 1], qPrintable(QStringLiteral("seed %1, undo to step %2").arg(seed).arg(k - 1)));
            }
            for (qsizetype k = 1; k < states.size(); ++k) {
                doc.undoStack()->redo();
                QVERIFY2(doc.review() == states[k], qPrintable(QStringLiteral("seed %1, redo to step %2").arg(seed).arg(k)));
            }
            // Through the file as well.
            const QString path = m_dir.filePath(QStringLiteral("seed-%1.json").arg(seed));
            QVERIFY(doc.saveAs(path).ok());
            ui::ReviewDocument reopened;
            QVERIFY(reopened.load(path).ok());
            // Opening may add what the file lacked (fingerprints); nothing written is lost.
            QVERIFY2(lost(doc.review(), reopened.review()).isEmpty(), qPrintable(lost(doc.review(), reopened.review())));
        }
    }

    // The demo's drain() issue merged into the reserve_many one: both fixes stay chosen (they
    // are for different files) and Apply Fix fixes both files; revert restores both.
    void mergedIssueAppliesEveryMembersFix()
    {
        QTemporaryDir dir;
        const auto project = demo::createDemoProject(dir.filePath(QStringLiteral("demo")));
        QVERIFY(project.ok());
        Review r;
        for (const demo::DemoReview &d : project->reviews)
            QVERIFY(edit::addAgentRun(r, runOf(d)).ok());
        const Issue *reserve = edit::issueOfFinding(r, QStringLiteral("claude:I1"));
        const Issue *drain = edit::issueOfFinding(r, QStringLiteral("claude:I2"));
        QVERIFY(reserve && drain && reserve != drain);
        const QString reserveId = reserve->id;
        const QString drainTitle = drain->title;
        const auto merged = edit::mergeIssues(r, {reserveId, drain->id});
        QVERIFY(merged.ok());
        const Issue &i = *r.issue(*merged);
        QStringList chosenFiles;
        for (const IssueFix &f : i.chosenFixes())
            chosenFiles << f.path;
        chosenFiles.sort();
        QCOMPARE(chosenFiles, (QStringList{QStringLiteral("inventory/stock.py"), QStringLiteral("native/ring_buffer.h")}));
        QCOMPARE(i.combined.size(), 1);
        QCOMPARE(i.combined.first().title, drainTitle);

        const QString ring = project->repositoryPath + QStringLiteral("/native/ring_buffer.h");
        const QString stock = project->repositoryPath + QStringLiteral("/inventory/stock.py");
        const auto read = [](const QString &p) {
            QFile f(p);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray ringBefore = read(ring);
        const QByteArray stockBefore = read(stock);
        const patch::IssueFixResult applied = patch::applyIssueFixes(project->repositoryPath, i);
        QVERIFY2(applied.status == patch::FixStatus::Applied && applied.written, qPrintable(applied.describe()));
        QVERIFY(read(ring) != ringBefore);
        QVERIFY(read(stock) != stockBefore);
        const QList<FixRecord> records = applied.records();
        QVERIFY(std::all_of(records.begin(), records.end(), [](const FixRecord &rec) { return !rec.fixId.isEmpty(); }));
        const patch::RevertResult reverted = patch::revertIssueFixes(project->repositoryPath, records);
        QVERIFY2(reverted.reverted, qPrintable(reverted.message));
        QCOMPARE(read(ring), ringBefore);
        QCOMPARE(read(stock), stockBefore);
    }

    // All or none across fixes: when a later chosen fix cannot be placed, the earlier one
    // that was written is taken back.
    void aRefusedFixTakesBackTheOnesBefore()
    {
        QTemporaryDir dir;
        QFile a(dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(a.open(QIODevice::WriteOnly));
        a.write("one\ntwo\nthree\n");
        a.close();
        Issue i;
        i.fixes << IssueFix{QStringLiteral("x:1"), QStringLiteral("a.txt"), {}, QStringLiteral("-two\n+TWO\n"), true}
                << IssueFix{QStringLiteral("y:1"), QStringLiteral("a.txt"), {}, QStringLiteral("-nowhere\n+else\n"), true};
        const patch::IssueFixResult r = patch::applyIssueFixes(dir.path(), i);
        QVERIFY(r.status == patch::FixStatus::Refused);
        QVERIFY2(r.message.contains(QLatin1String("y:1")) && r.message.contains(QLatin1String("reverted")), qPrintable(r.message));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), QByteArray("one\ntwo\nthree\n"));
    }

    void twoFixesOnTheSameLinesAreReported()
    {
        Review r;
        RawFinding f1;
        f1.id = QStringLiteral("a:1");
        f1.agentId = QStringLiteral("a");
        f1.locations << Location{QStringLiteral("src/x.c"), 10, 14};
        RawFinding f2 = f1;
        f2.id = QStringLiteral("b:1");
        f2.agentId = QStringLiteral("b");
        f2.locations = {Location{QStringLiteral("src/x.c"), 12, 20}};
        RawFinding f3 = f1;
        f3.id = QStringLiteral("c:1");
        f3.locations = {Location{QStringLiteral("src/x.c"), 40, 41}};
        r.findings << f1 << f2 << f3;
        Issue i;
        i.members << f1.id << f2.id << f3.id;
        i.fixes << IssueFix{f1.id, QStringLiteral("src/x.c"), {}, QStringLiteral("-a\n+b\n"), true}
                << IssueFix{f2.id, QStringLiteral("src/x.c"), {}, QStringLiteral("-c\n+d\n"), true}
                << IssueFix{f3.id, QStringLiteral("src/x.c"), {}, QStringLiteral("@@ -40,2 +40,2 @@\n-e\n-f\n+g\n+h\n"), false};
        r.issues << i;
        const QList<edit::FixOverlap> overlaps = edit::fixOverlaps(r, i);
        QCOMPARE(overlaps.size(), 1);
        QCOMPARE(overlaps[0].fixA, f1.id);
        QCOMPARE(overlaps[0].fixB, f2.id);
        QCOMPARE(overlaps[0].startLine, 12);
        QCOMPARE(overlaps[0].endLine, 14);
        QVERIFY(overlaps[0].bothChosen);
        QCOMPARE(edit::describe(r, overlaps[0]), QStringLiteral("the fixes of a and b both change src/x.c lines 12-14"));
    }

    void splitAfterMergeGivesBackTheIssue()
    {
        Review r = triaged();
        QString single;
        for (const Issue &i : r.issues)
            if (i.members.size() == 1 && i.id != r.issues.first().id) {
                single = i.id;
                break;
            }
        QVERIFY(!single.isEmpty());
        const Issue was = *r.issue(single);
        const QString target = r.issues.first().id;
        QVERIFY(edit::mergeIssues(r, {target, single}).ok());
        QVERIFY(!r.issue(single));
        const auto back = edit::splitFinding(r, was.members.first());
        QVERIFY(back.ok());
        QCOMPARE(*back, single);
        const Issue &again = *r.issue(single);
        QCOMPARE(again.title, was.title);
        QCOMPARE(again.notes, was.notes);
        QCOMPARE(again.severityReason, was.severityReason);
        QCOMPARE(again.fixes.size(), was.fixes.size());
        QVERIFY(r.issue(target)->combined.isEmpty());
    }

    void movingTheLastFindingKeepsItsIssueText()
    {
        Review r = triaged();
        QString single;
        for (const Issue &i : r.issues)
            if (i.members.size() == 1 && i.id != r.issues.first().id) {
                single = i.id;
                break;
            }
        const Issue was = *r.issue(single);
        QVERIFY(edit::moveFinding(r, was.members.first(), r.issues.first().id).ok());
        QVERIFY(!r.issue(single));
        const Issue &into = r.issues.first();
        QCOMPARE(into.combined.size(), 1);
        QCOMPARE(into.combined.first().notes, was.notes);
        QCOMPARE(into.combined.first().title, was.title);
        for (const IssueFix &f : was.fixes)
            QVERIFY(into.fix(f.id));
    }

    // A version 1 file (one fixProse/fixPatch per issue) reads as one chosen fix named after
    // the member that wrote it, and is written back in the new shape.
    void versionOneFilesAreRead()
    {
        const QByteArray v1 = R"({
  "schemaVersion": 1,
  "agents": [{"id": "a"}],
  "findings": [{"id": "a:1", "agent": "a", "fixPatch": "-x\n+y\n"},
               {"id": "a:2", "agent": "a", "fixPatch": "-p\n+q\n"}],
  "issues": [{"id": "issue-1", "members": ["a:1", "a:2"], "locations": [{"path": "f.c"}],
              "fixProse": "Do it.", "fixPatch": "-p\n+q\n", "fixState": "applied",
              "fixRecords": [{"path": "f.c", "contentHashBefore": "aa", "contentHashAfter": "bb"}]}]
})";
        const auto r = parseReviewFile(v1, QStringLiteral("old.json"));
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
        const Issue &i = r->issues.first();
        QCOMPARE(i.fixes.size(), 1);
        QCOMPARE(i.fixes[0].id, QStringLiteral("a:2"));
        QCOMPARE(i.fixes[0].prose, QStringLiteral("Do it."));
        QCOMPARE(i.fixes[0].path, QStringLiteral("f.c"));
        QVERIFY(i.fixes[0].chosen);
        QCOMPARE(i.fixRecords[0].fixId, QStringLiteral("a:2"));
        const nlohmann::json written = reviewToJson(*r);
        QCOMPARE(written["schemaVersion"].get<int>(), Review::kSchemaVersion);
        QVERIFY(!written["issues"][0].contains("fixPatch"));
        QCOMPARE(written["issues"][0]["fixes"].size(), std::size_t(1));
    }

    void duplicateFixIdsAreRefused()
    {
        const QByteArray text = R"({"schemaVersion": 2, "agents": [{"id": "a"}], "findings": [{"id": "a:1", "agent": "a"}],
  "issues": [{"id": "issue-1", "members": ["a:1"], "fixes": [{"id": "a:1"}, {"id": "a:1"}]}]})";
        const auto r = parseReviewFile(text, QStringLiteral("dup.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("issues[0].fixes[1].id")), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEditsKeepText)
#include "test_edits_keep_text.moc"
