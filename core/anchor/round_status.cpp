#include "anchor/round_status.h"

#include <QHash>

namespace rb::anchor {

QString statusName(RoundStatus status)
{
    switch (status) {
    case RoundStatus::StillPresent: return QStringLiteral("still present");
    case RoundStatus::Moved: return QStringLiteral("moved");
    case RoundStatus::Fixed: return QStringLiteral("fixed");
    case RoundStatus::Stale: return QStringLiteral("stale");
    case RoundStatus::Unverified: return QStringLiteral("unverified");
    }
    return {};
}

QString addedLines(const QString &patch)
{
    QStringList out;
    const QStringList lines = patch.split(QLatin1Char('\n'));
    bool sawHunk = false;
    for (const QString &line : lines)
        if (line.startsWith(QLatin1String("@@")))
            sawHunk = true;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("+++")))
            continue;
        if (line.startsWith(QLatin1Char('+')))
            out << line.mid(1);
    }
    if (!sawHunk && out.isEmpty())
        return {};
    return out.join(QLatin1Char('\n'));
}

namespace {
// Whether some chosen-or-proposed fix's added code now sits near the issue's location.
bool fixApplied(const Issue &issue, const Location &at, const QList<QByteArray> &lines)
{
    for (const IssueFix &fix : issue.fixes) {
        const QString added = addedLines(fix.patch);
        if (searchedLines(added).isEmpty())
            continue;
        const Placement p = reanchor(Anchor{at, added}, lines);
        if (p.state == AnchorState::Unchanged)
            return true;
        if (p.state == AnchorState::Moved && std::abs(p.offset) <= 50)
            return true;
    }
    return false;
}
} // namespace

IssueRoundStatus classifyIssue(const Issue &issue, const FileLines &file)
{
    IssueRoundStatus out;
    out.issueId = issue.id;
    out.location = issue.locations.value(0);
    const Location at = out.location; // a copy: out.location becomes the new place
    if (at.path.isEmpty()) {
        out.reason = QStringLiteral("no location to look at");
        return out;
    }
    if (file.state == FileLines::Unknown) {
        out.reason = QStringLiteral("%1 is not known on the new head").arg(at.path);
        return out;
    }
    if (file.state == FileLines::Gone) {
        out.status = RoundStatus::Stale;
        out.reason = QStringLiteral("%1 is gone").arg(at.path);
        return out;
    }
    if (searchedLines(issue.codeExcerpt).isEmpty()) {
        out.reason = QStringLiteral("no quoted code to look for");
        return out;
    }
    const Placement p = reanchor(Anchor{at, issue.codeExcerpt}, file.lines);
    const bool fixFound = p.state == AnchorState::Stale && fixApplied(issue, at, file.lines);
    if (fixFound) {
        out.status = RoundStatus::Fixed;
        out.reason = QStringLiteral("changed as its fix proposed");
        return out;
    }
    switch (p.state) {
    case AnchorState::Unchanged:
        out.status = RoundStatus::StillPresent;
        out.reason = QStringLiteral("its code is still at %1").arg(at.toString());
        return out;
    case AnchorState::Moved:
        out.status = RoundStatus::Moved;
        out.location = p.location;
        out.reason = QStringLiteral("its code moved from %1 to %2").arg(at.toString(), p.location.toString());
        return out;
    case AnchorState::Stale:
        if (p.closestMatching > 0) {
            out.status = RoundStatus::Fixed;
            out.reason = QStringLiteral("its code was rewritten (%1 of %2 lines remain near line %3)")
                             .arg(p.closestMatching)
                             .arg(p.excerptLines)
                             .arg(p.closestLine);
        } else {
            out.status = RoundStatus::Stale;
            out.reason = QStringLiteral("its code is gone from %1").arg(at.path);
        }
        return out;
    case AnchorState::Unverified:
        out.reason = p.reason;
        return out;
    }
    return out;
}

QList<IssueRoundStatus> classifyPreviousRound(const Review &previous, const FileReader &readNewHead)
{
    QHash<QString, FileLines> files;
    QList<IssueRoundStatus> out;
    out.reserve(previous.issues.size());
    for (const Issue &issue : previous.issues) {
        const QString path = issue.locations.value(0).path;
        auto it = files.find(path);
        if (it == files.end())
            it = files.insert(path, path.isEmpty() ? FileLines{} : readNewHead(path));
        out << classifyIssue(issue, *it);
    }
    return out;
}

} // namespace rb::anchor
