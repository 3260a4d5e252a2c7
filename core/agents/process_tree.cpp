#include "agents/process_tree.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <csignal>
#include <unistd.h>

namespace rb::agents {

namespace {
// The parent id from /proc/PID/stat: the field after the parenthesised command name
// (which may itself contain spaces and parentheses).
pid_t parentOf(const QString &pidDir)
{
    QFile stat(pidDir + QStringLiteral("/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.size() > 1 ? pid_t(fields[1].toLong()) : -1;
}

bool hasMarker(const QString &pidDir, const QByteArray &entry)
{
    QFile environ(pidDir + QStringLiteral("/environ"));
    if (!environ.open(QIODevice::ReadOnly))
        return false; // gone, or another user's
    const QByteArray all = environ.readAll();
    for (const QByteArray &var : all.split('\0'))
        if (var == entry)
            return true;
    return false;
}
} // namespace

QByteArray newAgentMarker()
{
    QByteArray bytes(16, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toHex();
}

QList<pid_t> agentProcesses(pid_t root, const QByteArray &marker)
{
    const QByteArray entry = QByteArray(kAgentMarkerVariable) + '=' + marker;
    const pid_t self = ::getpid();
    QSet<pid_t> found;
    QHash<pid_t, QList<pid_t>> children;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : pids) {
        bool ok = false;
        const pid_t pid = pid_t(name.toLong(&ok));
        if (!ok || pid == self)
            continue;
        const QString dir = QStringLiteral("/proc/") + name;
        if (root > 0)
            children[parentOf(dir)].append(pid);
        if (!marker.isEmpty() && hasMarker(dir, entry))
            found.insert(pid);
    }
    if (root > 0) {
        QList<pid_t> queue{root};
        while (!queue.isEmpty()) {
            const pid_t p = queue.takeLast();
            for (pid_t c : children.value(p))
                if (c != self && !found.contains(c)) {
                    found.insert(c);
                    queue.append(c);
                }
        }
    }
    found.remove(root);
    return QList<pid_t>(found.cbegin(), found.cend());
}

int signalAgentProcesses(pid_t root, const QByteArray &marker, int signal)
{
    if (root > 0) {
        ::kill(-root, signal); // its process group (it leads its own session)
        ::kill(root, signal);
    }
    const QList<pid_t> others = agentProcesses(root, marker);
    for (pid_t pid : others)
        ::kill(pid, signal);
    return int(others.size());
}

} // namespace rb::agents
