// Agent runner overhead: K processes each printing N bytes, collected by AgentRunner in
// parallel (with envelope extraction and progress bookkeeping), against a baseline of the
// same processes run one after another with a bare QProcess in the same run.
//
// Usage: agent_runner_bench [AGENTS=8] [MEGABYTES_EACH=32]
#include "agents/agent_runner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace rb;
using namespace rb::agents;

namespace {
struct Figures {
    double ms = 0;
    qint64 bytes = 0;
};

Figures baseline(const QString &head, const QStringList &args, int agents)
{
    QElapsedTimer t;
    t.start();
    Figures f;
    for (int i = 0; i < agents; ++i) {
        QProcess p;
        p.start(head, args);
        p.closeWriteChannel();
        QByteArray out;
        while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
            p.waitForReadyRead(1000);
            out += p.readAllStandardOutput();
        }
        f.bytes += out.size();
    }
    f.ms = t.nsecsElapsed() / 1e6;
    return f;
}

Figures runner(const QString &head, const QStringList &args, int agents)
{
    QList<AgentLaunch> launches;
    for (int i = 0; i < agents; ++i) {
        AgentLaunch l;
        l.id = QStringLiteral("a%1").arg(i);
        l.program = l.executable = head;
        l.arguments = args;
        l.workingDirectory = QDir::tempPath();
        launches << l;
    }
    AgentRunner r;
    QEventLoop loop;
    QObject::connect(&r, &AgentRunner::allFinished, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    if (!r.start(launches).ok())
        return {};
    loop.exec();
    Figures f;
    f.ms = t.nsecsElapsed() / 1e6;
    for (const AgentRun &run : r.results())
        f.bytes += run.status == RunStatus::Succeeded ? run.rawOutput.toUtf8().size() : 0;
    return f;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int agents = argc > 1 ? std::atoi(argv[1]) : 8;
    const int megabytes = argc > 2 ? std::atoi(argv[2]) : 32;
    const QString head = QStandardPaths::findExecutable(QStringLiteral("head"));
    const QStringList args{QStringLiteral("-c"), QString::number(qint64(megabytes) * 1000 * 1000), QStringLiteral("/dev/zero")};

    const Figures base = baseline(head, args, agents);
    const Figures run = runner(head, args, agents);
    const Figures spawnBase = baseline(head, {QStringLiteral("-c0"), QStringLiteral("/dev/null")}, agents * 4);
    const Figures spawnRun = runner(head, {QStringLiteral("-c0"), QStringLiteral("/dev/null")}, agents * 4);
    std::printf("%d agents x %d MB of output\n", agents, megabytes);
    std::printf("  baseline, bare QProcess one after another: %8.1f ms  %7.1f MB/s  (%lld bytes)\n", base.ms,
                base.bytes / 1e3 / base.ms, static_cast<long long>(base.bytes));
    std::printf("  AgentRunner, in parallel:                  %8.1f ms  %7.1f MB/s  (%lld bytes)\n", run.ms,
                run.bytes / 1e3 / run.ms, static_cast<long long>(run.bytes));
    std::printf("  ratio runner/baseline: %.2f\n", run.ms / base.ms);
    std::printf("%d agents with no output (start and finish cost)\n", agents * 4);
    std::printf("  baseline: %.1f ms, AgentRunner: %.1f ms, ratio %.2f\n", spawnBase.ms, spawnRun.ms,
                spawnRun.ms / spawnBase.ms);
    return run.bytes == base.bytes ? 0 : 1;
}
