#include "patch/fix_result.h"

namespace rb::patch {

QString toString(FixStatus status)
{
    switch (status) {
    case FixStatus::Applied: return QStringLiteral("applied");
    case FixStatus::AlreadyApplied: return QStringLiteral("already-applied");
    case FixStatus::Refused: return QStringLiteral("refused");
    }
    return {};
}

QString toString(Placement placement)
{
    switch (placement) {
    case Placement::Exact: return QStringLiteral("exact");
    case Placement::Moved: return QStringLiteral("moved");
    case Placement::Located: return QStringLiteral("located by its lines");
    case Placement::WhitespaceInsensitive: return QStringLiteral("whitespace-insensitive");
    case Placement::ReplacedRegion: return QStringLiteral("replaced region");
    }
    return {};
}

namespace {
QString movedBy(int offset)
{
    const int n = offset < 0 ? -offset : offset;
    return QStringLiteral("moved by %1 line%2").arg(offset).arg(n == 1 ? QString() : QStringLiteral("s"));
}

QString lineList(const QList<int> &lines)
{
    QStringList parts;
    for (int l : lines)
        parts << QString::number(l);
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}
} // namespace

QString HunkOutcome::describe() const
{
    switch (status) {
    case HunkStatus::Placed: {
        QString how;
        switch (placement) {
        case Placement::Exact: how = QStringLiteral("exact"); break;
        case Placement::Moved:
            how = offset == 0 ? QStringLiteral("at its stated line, found by its context") : movedBy(offset);
            break;
        case Placement::Located: how = QStringLiteral("located by its context"); break;
        case Placement::WhitespaceInsensitive:
            how = !hasStatedLine ? QStringLiteral("whitespace-insensitive")
                  : offset == 0  ? QStringLiteral("whitespace-insensitive, at its stated line")
                                 : QStringLiteral("whitespace-insensitive, %1").arg(movedBy(offset));
            break;
        case Placement::ReplacedRegion:
            how = QStringLiteral("replaces lines %1-%2, the region its first and last lines bound")
                      .arg(line)
                      .arg(line + replacedLines - 1);
            break;
        }
        return QStringLiteral("%1: line %2, %3").arg(label).arg(line).arg(how);
    }
    case HunkStatus::AlreadyApplied:
        return QStringLiteral("%1: already applied at line %2").arg(label).arg(line);
    case HunkStatus::Ambiguous:
        return QStringLiteral("%1: ambiguous, its %2 match%3 at lines %4; refusing to guess")
            .arg(label)
            .arg(lookedForCount == 1 ? QStringLiteral("line") : QStringLiteral("%1 lines").arg(lookedForCount))
            .arg(lookedForCount == 1 ? QStringLiteral("es") : QString())
            .arg(lineList(candidates));
    case HunkStatus::Unplaceable:
        return QStringLiteral("%1: %2").arg(label, detail);
    case HunkStatus::NotFound: {
        QString s = QStringLiteral("%1: not found; it looked for these %2 lines:\n").arg(label).arg(lookedForCount);
        for (const QString &l : lookedFor)
            s += QStringLiteral("    | %1\n").arg(l);
        if (closestLine > 0)
            s += QStringLiteral("  closest place: line %1 (%2 of %3 lines agree)%4")
                     .arg(closestLine)
                     .arg(closestMatching)
                     .arg(lookedForCount)
                     .arg(detail.isEmpty() ? QString() : QStringLiteral("; ") + detail);
        else
            s += QStringLiteral("  no line of it is in the file");
        return s;
    }
    }
    return {};
}

QString HunkOutcome::summary() const
{
    if (status != HunkStatus::NotFound)
        return describe();
    if (closestLine == 0)
        return QStringLiteral("%1: not found; none of its %2 lines is in the file").arg(label).arg(lookedForCount);
    return QStringLiteral("%1: not found; closest place line %2 (%3 of %4 lines agree)")
        .arg(label)
        .arg(closestLine)
        .arg(closestMatching)
        .arg(lookedForCount);
}

QString FixResult::describe() const
{
    QString s = message + QLatin1Char('\n');
    for (const FileOutcome &f : files) {
        s += f.path.isEmpty() ? QStringLiteral("(no file)") : f.path;
        if (f.created)
            s += QStringLiteral(" (new file)");
        s += QLatin1Char('\n');
        if (!f.error.isEmpty())
            s += QStringLiteral("  %1\n").arg(f.error);
        if (!f.note.isEmpty())
            s += QStringLiteral("  %1\n").arg(f.note);
        for (const HunkOutcome &h : f.hunks)
            s += QStringLiteral("  %1\n").arg(h.describe());
    }
    return s;
}

QList<FixRecord> FixResult::records() const
{
    QList<FixRecord> out;
    if (!written)
        return out;
    for (const FileOutcome &f : files) {
        FixRecord r;
        r.path = f.path;
        r.contentHashBefore = f.contentHashBefore;
        r.contentHashAfter = f.contentHashAfter;
        QStringList lines;
        for (const HunkOutcome &h : f.hunks)
            lines << h.describe();
        r.message = lines.join(QLatin1Char('\n'));
        r.appliedDiff = f.appliedDiff;
        r.created = f.created;
        r.when = appliedAt;
        out.append(r);
    }
    return out;
}

} // namespace rb::patch
