// Clustering raw findings into issues: evidence, the same-agent rule, severity proposals and notes.
#include "consolidate/clustering.h"
#include "consolidate/consolidate.h"
#include "consolidate/severity_proposal.h"
#include "consolidate/text_features.h"

#include <QTest>

using namespace rb;
using namespace rb::consolidate;

using Ratings = QList<std::pair<QString, Severity>>;

namespace {

RawFinding finding(const char *id, const char *agent, Severity s, const char *title, const char *body,
                   QList<Location> locations, const char *code = nullptr)
{
    RawFinding f;
    f.id = QString::fromLatin1(id);
    f.agentId = QString::fromLatin1(agent);
    f.severity = s;
    f.title = QString::fromUtf8(title);
    f.body = QString::fromUtf8(body);
    f.locations = std::move(locations);
    if (code)
        f.codeExcerpts << QString::fromUtf8(code);
    return f;
}

Location loc(const char *path, int start, int end) { return Location{QString::fromLatin1(path), start, end}; }

Review threeAgents()
{
    Review r;
    for (const char *id : {"claude", "codex", "gemini"}) {
        AgentRun a;
        a.id = QString::fromLatin1(id);
        a.name = QString::fromLatin1(id == QByteArray("claude") ? "Claude Opus 4.6"
                                     : id == QByteArray("codex") ? "Codex GPT 5.4"
                                                                 : "Gemini 3.1 Pro");
        r.agents << a;
    }
    return r;
}

const char *kKeygenCode = "tmpPath := privPath + \".tmp\"\ncmd := exec.CommandContext(ctx, \"ssh-keygen\", \"-f\", tmpPath)\n"
                          "if out, err := cmd.CombinedOutput(); err != nil {\n";

// The seed's hard case: two different problems in overlapping lines of one file, plus the
// same temp-file problem described by two agents in different words.
Review sshKeys()
{
    Review r = threeAgents();
    r.findings << finding("claude:S1", "claude", Severity::Suggestion, "Leftover temp file hangs key generation",
                          "If the controller crashes during `ssh-keygen`, the `.tmp` file persists and the next "
                          "`ensureSSHKeys` run hangs on the overwrite prompt.",
                          {loc("pkg/lima/sshkeys.go", 30, 45)}, kKeygenCode)
               << finding("gemini:1", "gemini", Severity::Critical, "Stale .tmp file blocks controller startup",
                          "A `.tmp` key file left by a crash makes `ssh-keygen` prompt `Overwrite (y/n)?`; without a TTY it "
                          "hangs until the timeout and the controller cannot start.",
                          {loc("pkg/lima/sshkeys.go", 36, 36)}, kKeygenCode)
               << finding("codex:I1", "codex", Severity::Important, "Missing public key causes private key deletion",
                          "When only the public key is missing, `ensureSSHKeys` deletes the valid private key and "
                          "regenerates both, so existing VMs no longer accept the new key.",
                          {loc("pkg/lima/sshkeys.go", 28, 40)},
                          "if _, err := os.Stat(pubPath); err == nil {\n\treturn nil\n}\n_ = os.Remove(privPath)\n");
    return r;
}

QList<QStringList> groups(const QList<Issue> &issues)
{
    QList<QStringList> out;
    for (const Issue &i : issues) {
        QStringList m = i.members;
        m.sort();
        out << m;
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestClustering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void proposedSeverity_data()
    {
        QTest::addColumn<QList<Severity>>("ratings");
        QTest::addColumn<Severity>("expected");
        using S = Severity;
        QTest::newRow("one") << QList<S>{S::Critical} << S::Critical;
        QTest::newRow("suggestion+critical -> important") << QList<S>{S::Suggestion, S::Critical} << S::Important;
        QTest::newRow("suggestion+important -> higher") << QList<S>{S::Suggestion, S::Important} << S::Important;
        QTest::newRow("important+critical -> higher") << QList<S>{S::Critical, S::Important} << S::Critical;
        QTest::newRow("median of three") << QList<S>{S::Suggestion, S::Suggestion, S::Critical} << S::Suggestion;
        QTest::newRow("three all different") << QList<S>{S::Critical, S::Suggestion, S::Important} << S::Important;
        QTest::newRow("four, middle tie up") << QList<S>{S::Suggestion, S::Suggestion, S::Important, S::Critical} << S::Important;
        QTest::newRow("none") << QList<S>{} << S::Suggestion;
    }
    void proposedSeverity()
    {
        QFETCH(QList<Severity>, ratings);
        QFETCH(Severity, expected);
        QCOMPARE(toString(proposeSeverity(ratings)), toString(expected));
    }

    void disagreementNote_data()
    {
        QTest::addColumn<Ratings>("ratings");
        QTest::addColumn<QString>("expected");
        using S = Severity;
        using R = Ratings;
        QTest::newRow("seed") << R{{QStringLiteral("Gemini"), S::Critical}, {QStringLiteral("Claude"), S::Suggestion}}
                              << QStringLiteral("Claude rated this Suggestion; Gemini rated it Critical.");
        QTest::newRow("agree") << R{{QStringLiteral("Claude"), S::Important}, {QStringLiteral("Codex"), S::Important}}
                               << QString();
        QTest::newRow("single") << R{{QStringLiteral("Codex"), S::Important}} << QString();
        QTest::newRow("grouped")
            << R{{QStringLiteral("Claude"), S::Suggestion}, {QStringLiteral("Codex"), S::Suggestion}, {QStringLiteral("Gemini"), S::Critical}}
            << QStringLiteral("Claude and Codex rated this Suggestion; Gemini rated it Critical.");
        QTest::newRow("three levels")
            << R{{QStringLiteral("A"), S::Critical}, {QStringLiteral("B"), S::Important}, {QStringLiteral("C"), S::Suggestion}}
            << QStringLiteral("C rated this Suggestion; B rated it Important; A rated it Critical.");
    }
    void disagreementNote()
    {
        QFETCH(Ratings, ratings);
        QFETCH(QString, expected);
        QCOMPARE(draftDisagreementNote(ratings), expected);
    }

    void identifiers_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("call in backticks") << QStringLiteral("calls `os.Remove(tmpPath)` twice")
                                          << QStringList{QStringLiteral("Remove"), QStringLiteral("tmpPath")};
        QTest::newRow("double backticks") << QStringLiteral("``a `b` ensureSSHKeys``")
                                         << QStringList{QStringLiteral("ensureSSHKeys")};
        QTest::newRow("unclosed") << QStringLiteral("an `unclosed span") << QStringList{};
        QTest::newRow("keywords dropped") << QStringLiteral("`return nil` and `watchers`")
                                         << QStringList{QStringLiteral("watchers")};
    }
    void identifiers()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, expected);
        QCOMPARE(backtickedIdentifiers(markdown), expected);
    }

    void calledNamesInCode()
    {
        QCOMPARE(calledNames(QStringLiteral("if err := ensureSSHKeys(); err != nil {\n  log.Printf (\"x\")\n}")),
                 (QStringList{QStringLiteral("ensureSSHKeys"), QStringLiteral("Printf")}));
    }

    void paths_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("equal") << QStringLiteral("config/reload.go") << QStringLiteral("config/reload.go") << true;
        QTest::newRow("suffix at slash") << QStringLiteral("reload.go") << QStringLiteral("config/reload.go") << true;
        QTest::newRow("suffix inside name") << QStringLiteral("load.go") << QStringLiteral("config/reload.go") << false;
        QTest::newRow("diff prefix") << normalizedPath(QStringLiteral("b/config/reload.go")) << QStringLiteral("config/reload.go") << true;
        QTest::newRow("dot slash") << normalizedPath(QStringLiteral("./x/y.go")) << QStringLiteral("x/y.go") << true;
    }
    void paths()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(samePath(a, b), same);
    }

    void sameProblemJoinsDifferentProblemStaysApart()
    {
        const QList<Issue> issues = proposeIssues(sshKeys());
        QCOMPARE(groups(issues), (QList<QStringList>{{QStringLiteral("claude:S1"), QStringLiteral("gemini:1")},
                                                      {QStringLiteral("codex:I1")}}));
    }

    void evidenceNamesPairKindsAndScores()
    {
        const QList<Issue> issues = proposeIssues(sshKeys());
        const auto it = std::find_if(issues.begin(), issues.end(), [](const Issue &i) { return i.members.size() == 2; });
        QVERIFY(it != issues.end());
        QStringList kinds;
        for (const GroupingEvidence &e : it->evidence) {
            QCOMPARE(QSet<QString>({e.findingA, e.findingB}), QSet<QString>({QStringLiteral("claude:S1"), QStringLiteral("gemini:1")}));
            QVERIFY(e.score > 0.0 && e.score <= 1.0);
            kinds << e.kind;
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("combined"), QStringLiteral("location"), QStringLiteral("identifiers"),
                                     QStringLiteral("text")}));
        QCOMPARE(it->evidence[1].detail, QStringLiteral("pkg/lima/sshkeys.go: lines 30-45 and 36 overlap"));
        QVERIFY2(it->evidence[2].detail.contains(QLatin1String("tmpPath")), qPrintable(it->evidence[2].detail));
    }

    void proposalAndNoteForJoinedIssue()
    {
        const QList<Issue> issues = proposeIssues(sshKeys());
        const Issue &first = issues.first();
        QCOMPARE(first.members.size(), 2);
        QCOMPARE(toString(first.proposedSeverity), toString(Severity::Important));
        QVERIFY(!first.finalSeverity.has_value());
        QCOMPARE(first.disagreementNote, QStringLiteral("Claude rated this Suggestion; Gemini rated it Critical."));
        QCOMPARE(first.locations, (QList<Location>{loc("pkg/lima/sshkeys.go", 30, 45)}));
        QCOMPARE(toString(first.triage), toString(TriageState::Open));
    }

    void sameAgentNeedsOverwhelmingEvidence_data()
    {
        QTest::addColumn<QString>("secondTitle");
        QTest::addColumn<QString>("secondBody");
        QTest::addColumn<int>("secondStart");
        QTest::addColumn<bool>("joined");
        const QString body = QStringLiteral("The loop bound `len(watchers)-1` skips the final callback, so the watcher "
                                            "registered last in `notifyWatchers` never sees the new configuration.");
        QTest::newRow("repeated verbatim, same lines") << QStringLiteral("Reload drops the last registered watcher") << body << 60 << true;
        QTest::newRow("repeated verbatim, far lines") << QStringLiteral("Reload drops the last registered watcher") << body << 200 << false;
        QTest::newRow("different problem, same lines")
            << QStringLiteral("Watchers run while holding the config lock")
            << QStringLiteral("`notifyWatchers` calls every callback with `mu` held; a callback that reads the config deadlocks.")
            << 60 << false;
    }
    void sameAgentNeedsOverwhelmingEvidence()
    {
        QFETCH(QString, secondTitle);
        QFETCH(QString, secondBody);
        QFETCH(int, secondStart);
        QFETCH(bool, joined);
        Review r = threeAgents();
        r.findings << finding("claude:I1", "claude", Severity::Important, "Reload drops the last registered watcher",
                              "The loop bound `len(watchers)-1` skips the final callback, so the watcher registered last in "
                              "`notifyWatchers` never sees the new configuration.",
                              {loc("config/reload.go", 60, 71)});
        RawFinding second = finding("claude:S4", "claude", Severity::Suggestion, "", "", {loc("config/reload.go", secondStart, secondStart + 5)});
        second.title = secondTitle;
        second.body = secondBody;
        r.findings << second;
        QCOMPARE(proposeIssues(r).size(), joined ? 1 : 2);
    }

    // Three agents, one problem: a third agent's description joins the pair instead of
    // forming its own issue, and no agent appears twice.
    void threeAgentsOneIssue()
    {
        Review r = sshKeys();
        r.findings << finding("codex:S2", "codex", Severity::Suggestion, "Temp key file survives a crash",
                              "An interrupted `ssh-keygen` leaves the `.tmp` file; the next run prompts to overwrite it and hangs.",
                              {loc("pkg/lima/sshkeys.go", 33, 44)});
        const QList<Issue> issues = proposeIssues(r);
        QCOMPARE(groups(issues), (QList<QStringList>{{QStringLiteral("claude:S1"), QStringLiteral("codex:S2"), QStringLiteral("gemini:1")},
                                                      {QStringLiteral("codex:I1")}}));
        QCOMPARE(issues.first().members, QStringList{QStringLiteral("codex:I1")}); // important sorts first
        QCOMPARE(toString(issues.last().proposedSeverity), toString(Severity::Suggestion));
        QCOMPARE(issues.last().disagreementNote,
                 QStringLiteral("Claude and Codex rated this Suggestion; Gemini rated it Critical."));
    }

    void partitionsNeverJoin()
    {
        QList<ClusterItem> items;
        items << ClusterItem{QStringLiteral("a:1"), QStringLiteral("a"), 0, QStringLiteral("Clean process abstraction"), QString(), {}, {}}
              << ClusterItem{QStringLiteral("b:1"), QStringLiteral("b"), 1, QStringLiteral("Clean process abstraction"), QString(), {}, {}};
        QCOMPARE(clusterItems(items).size(), 2);
        items[1].partition = 0;
        QCOMPARE(clusterItems(items).size(), 1);
    }

    void representativeIsMostCompleteMember()
    {
        Review r = sshKeys();
        r.findings[1].fixProse = QStringLiteral("Remove stale temp files first.");
        r.findings[1].fixPatch = QStringLiteral("+\t_ = os.Remove(tmpPath)\n");
        const Issue i = issueFromMembers(r, {QStringLiteral("claude:S1"), QStringLiteral("gemini:1")}, QStringLiteral("issue-9"));
        QCOMPARE(i.id, QStringLiteral("issue-9"));
        QCOMPARE(i.members.first(), QStringLiteral("gemini:1"));
        QCOMPARE(i.title, QStringLiteral("Stale .tmp file blocks controller startup"));
        QCOMPARE(i.fixes.size(), 1);
        QCOMPARE(i.fixes[0].id, QStringLiteral("gemini:1"));
        QCOMPARE(i.fixes[0].patch, QStringLiteral("+\t_ = os.Remove(tmpPath)\n"));
        QVERIFY(i.fixes[0].chosen);
        QVERIFY(i.evidence.isEmpty());
    }

    void designObservationsClusterByKind()
    {
        Review r = threeAgents();
        r.observations << RawObservation{QStringLiteral("claude:concern-1"), QStringLiteral("claude"), ObservationKind::Concern,
                                         ObservationScope::InScope, QStringLiteral("stopInstanceForcibly bundles four responsibilities"),
                                         QStringLiteral("`stopInstanceForcibly` kills processes, unlocks disks and cleans temp files."), {}}
                       << RawObservation{QStringLiteral("codex:concern-1"), QStringLiteral("codex"), ObservationKind::Concern,
                                         ObservationScope::Future, QStringLiteral("Split stopInstanceForcibly responsibilities"),
                                         QStringLiteral("`stopInstanceForcibly` does four things; callers need only some."), {}}
                       << RawObservation{QStringLiteral("gemini:strength-1"), QStringLiteral("gemini"), ObservationKind::Strength,
                                         ObservationScope::Unspecified, QStringLiteral("stopInstanceForcibly is well documented"),
                                         QStringLiteral("`stopInstanceForcibly` explains each responsibility."), {}};
        const QList<DesignObservation> d = proposeDesignObservations(r);
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].id, QStringLiteral("concern-1"));
        QCOMPARE(d[0].members.size(), 2);
        QCOMPARE(toString(d[0].scope), toString(ObservationScope::InScope));
        QCOMPARE(d[1].id, QStringLiteral("strength-1"));
    }
};

QTEST_GUILESS_MAIN(TestClustering)
#include "test_clustering.moc"
