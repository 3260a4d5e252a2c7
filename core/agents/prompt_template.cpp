#include "agents/prompt_template.h"

#include <QStringList>

#include <algorithm>

namespace rb::agents {

Result<QString> renderTemplate(const QString &templateText, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(templateText.size());
    qsizetype pos = 0;
    while (pos < templateText.size()) {
        const qsizetype open = templateText.indexOf(QLatin1String("{{"), pos);
        if (open < 0) {
            out += QStringView(templateText).mid(pos);
            break;
        }
        out += QStringView(templateText).mid(pos, open - pos);
        const int line = int(QStringView(templateText).left(open).count(QLatin1Char('\n'))) + 1;
        const qsizetype close = templateText.indexOf(QLatin1String("}}"), open + 2);
        const qsizetype newline = templateText.indexOf(QLatin1Char('\n'), open);
        if (close < 0 || (newline >= 0 && newline < close))
            return Error::of(QStringLiteral("line %1: \"{{\" without a closing \"}}\" on the same line").arg(line));
        const QString name = templateText.mid(open + 2, close - open - 2);
        const auto it = values.constFind(name);
        if (it == values.constEnd()) {
            QStringList known = values.keys();
            std::sort(known.begin(), known.end());
            return Error::of(QStringLiteral("line %1: unknown placeholder {{%2}}; known placeholders: %3")
                                 .arg(line)
                                 .arg(name, known.join(QStringLiteral(", "))));
        }
        out += *it;
        pos = close + 2;
    }
    return out;
}

} // namespace rb::agents
