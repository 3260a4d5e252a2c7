#include "agents/command_line.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace rb::agents {

namespace {
Result<QString> expandOne(const QString &arg, qsizetype index, const QHash<QString, QString> &values)
{
    QString out;
    for (qsizetype i = 0; i < arg.size(); ++i) {
        const QChar c = arg[i];
        const bool doubled = i + 1 < arg.size() && arg[i + 1] == c;
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && doubled) {
            out += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            out += c;
            continue;
        }
        const qsizetype close = arg.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0)
            return Error::of(QStringLiteral("argument %1 (\"%2\"): \"{\" without a closing \"}\"; write \"{{\" for a literal brace")
                                 .arg(index)
                                 .arg(arg));
        const QString name = arg.mid(i + 1, close - i - 1);
        const auto it = values.constFind(name);
        if (it == values.constEnd()) {
            QStringList known = values.keys();
            std::sort(known.begin(), known.end());
            return Error::of(QStringLiteral("argument %1 (\"%2\"): unknown placeholder {%3}; known placeholders: %4")
                                 .arg(index)
                                 .arg(arg, name, known.join(QStringLiteral(", "))));
        }
        out += *it;
        i = close;
    }
    return out;
}
} // namespace

Result<QStringList> expandArguments(const QStringList &arguments, const QHash<QString, QString> &values)
{
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        auto arg = expandOne(arguments[i], i, values);
        if (!arg)
            return arg.error();
        out << *arg;
    }
    return out;
}

std::optional<QString> resolveExecutable(const QString &program, const QString &workingDirectory)
{
    if (program.isEmpty())
        return std::nullopt;
    if (!program.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(program);
        if (found.isEmpty())
            return std::nullopt;
        return found;
    }
    const QFileInfo info(QDir(workingDirectory).absoluteFilePath(program));
    if (!info.exists() || !info.isFile() || !info.isExecutable())
        return std::nullopt;
    return info.absoluteFilePath();
}

} // namespace rb::agents
