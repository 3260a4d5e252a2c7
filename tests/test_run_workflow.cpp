// Preparing an agent run and folding its results (workflows/run_workflow.h): the rules the
// Run Agents dialog and `reviewbench run` share, pinned once, and one scenario run through
// both front ends that must save the same review file.
#include "agents/agent_config.h"
#include "agents/agent_runner.h"
#include "agents/review_prompt.h"
#include "document/review_document.h"
#include "git_fixture.h"
#include "io/review_file.h"
#include "workflows/run_workflow.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::workbench;

namespace {

const QString kFakeAgent = QStringLiteral(RB_FAKE_AGENT);

agents::AgentProfile profile(const QString &id, const QStringList &args, const QString &name = {})
{
    agents::AgentProfile p;
    p.id = id;
    p.name = name.isEmpty() ? id : name;
    p.command = QStringList{kFakeAgent} + args;
    p.timeoutSeconds = 30;
    return p;
}

template <typename T>
QString errorOf(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().message;
}

// What differs between two runs of the same agents: times, and nothing else.
Review withoutTimes(Review r)
{
    r.metadata.date = {};
    r.metadata.wallClockSeconds.reset();
    for (AgentRun &a : r.agents) {
        a.started = {};
        a.finished = {};
        a.durationSeconds.reset();
    }
    return r;
}

QList<AgentRun> runToTheEnd(const QList<agents::AgentLaunch> &launches)
{
    agents::AgentRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &agents::AgentRunner::allFinished, &loop, &QEventLoop::quit);
    if (!runner.start(launches).ok())
        return {};
    loop.exec();
    return runner.results();
}

} // namespace

class TestRunWorkflow : public QObject {
    Q_OBJECT
private:
    test::GitFixture m_repo;
    QString m_head;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_repo.ok(), qPrintable(m_repo.error()));
        const QString base = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() {}\n"}}},
                                           QStringLiteral("Add reload"), {}, QStringLiteral("refs/heads/main"));
        m_head = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() { stop() }\n"}}},
                               QStringLiteral("Stop watchers on reload"), {base}, QStringLiteral("refs/heads/topic"));
        QVERIFY(!m_head.isEmpty());
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/topic")));
        QVERIFY(m_repo.checkoutHead());
    }

    void idsAreUniqueInTheReviewAndTheRun()
    {
        QTemporaryDir work;
        RunPlan plan{m_repo.path(), QStringLiteral("main"), QStringLiteral("topic"),
                     {profile("claude", {"review"}, "Claude"), profile("claude", {"review"}, "Claude"), profile("codex", {"review"})},
                     agents::defaultPromptTemplate(), QStringLiteral("default prompt"), work.path()};
        AgentRun earlier;
        earlier.id = QStringLiteral("claude");
        const auto prepared = prepareRun(plan, {earlier});
        QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
        QCOMPARE(prepared->launches.size(), 3);
        QCOMPARE(prepared->launches[0].id, QStringLiteral("claude-2"));
        QCOMPARE(prepared->launches[0].name, QStringLiteral("Claude (claude-2)"));
        QCOMPARE(prepared->launches[1].id, QStringLiteral("claude-3"));
        QCOMPARE(prepared->launches[2].id, QStringLiteral("codex"));
        QCOMPARE(prepared->launches[2].name, QStringLiteral("codex"));
        QVERIFY(prepared->warnings.isEmpty()); // the reviewed commit is checked out
        QCOMPARE(prepared->input.metadata.headSha, m_head);
        QVERIFY(prepared->input.diff.contains(QLatin1String("stop()")));
    }

    void warnsWhenTheReviewedCommitIsNotCheckedOut()
    {
        test::GitFixture repo;
        const QString base = repo.commit({{"a.txt", {"a\n"}}}, QStringLiteral("a"), {}, QStringLiteral("refs/heads/main"));
        const QString head = repo.commit({{"a.txt", {"a\nb\n"}}}, QStringLiteral("b"), {base}, QStringLiteral("refs/heads/topic"));
        QVERIFY(repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(repo.checkoutHead());
        QTemporaryDir work;
        const RunPlan plan{repo.path(), QStringLiteral("main"), QStringLiteral("topic"), {profile("a", {"review"})},
                           agents::defaultPromptTemplate(), QStringLiteral("default prompt"), work.path()};
        const auto prepared = prepareRun(plan, {});
        QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
        QCOMPARE(prepared->warnings.size(), 1);
        QVERIFY2(prepared->warnings.first().contains(QStringLiteral("is not at topic (%1)").arg(head.left(12))),
                 qPrintable(prepared->warnings.first()));
        QCOMPARE(checkoutWarning(prepared->input), prepared->warnings.first());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString fine = agents::defaultPromptTemplate();
        QTest::newRow("unknown revision") << "mian" << fine << QStringList{"review"} << int(PrepareFailure::Range) << "mian";
        QTest::newRow("bad template") << "main" << "{{nosuch}}" << QStringList{"review"} << int(PrepareFailure::Agent)
                                      << "my.tmpl: ";
        QTest::newRow("bad command") << "main" << fine << QStringList{"{branch}"} << int(PrepareFailure::Agent)
                                     << "unknown placeholder {branch}";
    }
    void refusals()
    {
        QFETCH(QString, base);
        QFETCH(QString, templ);
        QFETCH(QStringList, command);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir work;
        const RunPlan plan{m_repo.path(), base, QStringLiteral("topic"), {profile("a", command)}, templ,
                           QStringLiteral("my.tmpl"), work.path()};
        const auto prepared = prepareRun(plan, {});
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, code);
        QVERIFY2(prepared.error().message.contains(message), qPrintable(prepared.error().message));
    }

    void foldingIsOneUndoStepAndSaysWhatHappened()
    {
        QTemporaryDir work;
        const RunPlan plan{m_repo.path(), QStringLiteral("main"), QStringLiteral("topic"),
                           {profile("md", {"finding"}), profile("broken", {"exit-code", "2"})},
                           agents::defaultPromptTemplate(), QStringLiteral("default prompt"), work.path()};
        const auto prepared = prepareRun(plan, {});
        QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
        const QList<AgentRun> runs = runToTheEnd(prepared->launches);
        QCOMPARE(runs.size(), 2);
        ui::ReviewDocument doc;
        Review fresh;
        fresh.metadata = prepared->input.metadata;
        doc.reset(fresh);
        const auto md = foldRun(doc, runs[0]);
        QVERIFY2(md.ok(), qPrintable(errorOf(md)));
        QCOMPARE(md->summary(), QStringLiteral("done: 1 finding"));
        QCOMPARE(doc.review().issues.size(), 1); // proposed at once, as the window shows it
        const auto broken = foldRun(doc, runs[1]);
        QVERIFY(broken.ok());
        QVERIFY2(broken->summary().startsWith(QLatin1String("failed: ")), qPrintable(broken->summary()));
        QCOMPARE(doc.undoStack()->count(), 2);
        QVERIFY(!foldRun(doc, runs[0]).ok()); // its id is taken now
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.review().agents.isEmpty());
        QVERIFY(doc.review().issues.isEmpty());
    }

    // One scenario, two front ends: `reviewbench run` and prepare/run/fold on a document
    // must write the same review file (times aside).
    void cliAndDocumentSaveTheSameReview()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("agents.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"version": 1, "agents": [
            {"id": "md", "name": "Markdown Agent", "command": ["FAKE", "finding"]},
            {"id": "again", "name": "Second Agent", "command": ["FAKE", "finding"]},
            {"id": "broken", "command": ["FAKE", "exit-code", "2"]}]})")
                    .replace(QLatin1String("FAKE"), kFakeAgent)
                    .toUtf8());
        f.close();
        const QStringList chosen{QStringLiteral("md"), QStringLiteral("again"), QStringLiteral("broken")};

        const QString cliPath = dir.filePath(QStringLiteral("cli.json"));
        QProcess p;
        QStringList args{QStringLiteral("run"), QStringLiteral("--repo"), m_repo.path(), QStringLiteral("--base"),
                         QStringLiteral("main"), QStringLiteral("--head"), QStringLiteral("topic"), QStringLiteral("--config"),
                         config, QStringLiteral("-o"), cliPath};
        for (const QString &id : chosen)
            args << QStringLiteral("--agent") << id;
        p.start(QStringLiteral(RB_REVIEWBENCH_BIN), args);
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

        const auto profiles = agents::loadAgentProfiles(config, true);
        QVERIFY(profiles.ok());
        const auto selected = agents::selectAgentProfiles(*profiles, chosen);
        QVERIFY(selected.ok());
        QTemporaryDir work;
        const RunPlan plan{m_repo.path(), QStringLiteral("main"), QStringLiteral("topic"), *selected,
                           agents::defaultPromptTemplate(), QStringLiteral("default prompt"), work.path()};
        const auto prepared = prepareRun(plan, {});
        QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
        ui::ReviewDocument doc;
        Review fresh;
        fresh.metadata = prepared->input.metadata;
        doc.reset(fresh);
        for (const AgentRun &run : runToTheEnd(prepared->launches))
            QVERIFY(foldRun(doc, run).ok());
        const QString docPath = dir.filePath(QStringLiteral("doc.json"));
        QVERIFY(doc.saveAs(docPath).ok());

        const auto fromCli = loadReviewFile(cliPath);
        const auto fromDoc = loadReviewFile(docPath);
        QVERIFY2(fromCli.ok(), qPrintable(errorOf(fromCli)));
        QVERIFY2(fromDoc.ok(), qPrintable(errorOf(fromDoc)));
        QCOMPARE(fromCli->agents.size(), 3);
        QCOMPARE(fromCli->issues.size(), 1); // both agents' finding, one issue
        QCOMPARE(fromCli->issues.first().members.size(), 2);
        const QByteArray cliText = serializeReview(withoutTimes(*fromCli));
        const QByteArray docText = serializeReview(withoutTimes(*fromDoc));
        QCOMPARE(QString::fromUtf8(cliText), QString::fromUtf8(docText));
    }
};

QTEST_GUILESS_MAIN(TestRunWorkflow)
#include "test_run_workflow.moc"
