#include "anchor/reanchor.h"

#include "patch/line_matcher.h"
#include "patch/patch_parser.h"

#include <QHash>

#include <algorithm>
#include <cstdlib>

namespace rb::anchor {

QString toString(AnchorState state)
{
    switch (state) {
    case AnchorState::Unchanged: return QStringLiteral("unchanged");
    case AnchorState::Moved: return QStringLiteral("moved");
    case AnchorState::Stale: return QStringLiteral("stale");
    case AnchorState::Unverified: return QStringLiteral("unverified");
    }
    return {};
}

QList<QByteArray> searchedLines(const QString &excerpt)
{
    QList<QList<QByteArray>> parts(1);
    for (QByteArray line : excerpt.toUtf8().split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (patch::isOmissionLine(line)) {
            parts.append(QList<QByteArray>());
            continue;
        }
        if (!line.trimmed().isEmpty())
            parts.last().append(line);
    }
    QList<QByteArray> best;
    for (const QList<QByteArray> &p : parts)
        if (p.size() > best.size())
            best = p;
    return best;
}

Placement reanchor(const Anchor &anchor, const std::optional<QList<QByteArray>> &fileLines)
{
    Placement out;
    out.location = anchor.location;
    const Location &was = anchor.location;
    if (!fileLines) {
        out.state = AnchorState::Stale;
        out.reason = QStringLiteral("%1 is gone").arg(was.path);
        return out;
    }
    const QList<QByteArray> needle = searchedLines(anchor.excerpt);
    out.excerptLines = int(needle.size());
    if (needle.isEmpty()) {
        out.reason = QStringLiteral("no quoted code to check it by");
        return out;
    }
    // Blank lines of the file are skipped as they are in the needle: map positions back.
    QList<QByteArray> dense;
    QList<int> lineOf;
    for (qsizetype i = 0; i < fileLines->size(); ++i)
        if (!fileLines->at(i).trimmed().isEmpty()) {
            dense.append(fileLines->at(i));
            lineOf.append(int(i) + 1);
        }
    const QList<int> found = patch::findAll(dense, needle, patch::Comparison::IgnoringWhitespace);
    if (found.isEmpty()) {
        out.state = AnchorState::Stale;
        const patch::ClosestMatch c = patch::closestMatch(dense, needle);
        if (c.matchingLines > 0 && c.position >= 0 && c.position < lineOf.size()) {
            out.closestLine = lineOf[c.position];
            out.closestMatching = c.matchingLines;
            out.reason = QStringLiteral("the code it quotes is no longer in %1 (closest: line %2, %3 of %4 lines agree)")
                             .arg(was.path)
                             .arg(out.closestLine)
                             .arg(c.matchingLines)
                             .arg(needle.size());
        } else {
            out.reason = QStringLiteral("the code it quotes is no longer in %1").arg(was.path);
        }
        return out;
    }
    if (!was.hasLines()) {
        out.state = AnchorState::Unchanged; // the whole file: the code is still in it
        return out;
    }
    struct Match {
        int first, last; // 1-based lines in the file
    };
    QList<Match> matches;
    for (int pos : found)
        matches.append({lineOf[pos], lineOf[pos + needle.size() - 1]});
    for (const Match &m : matches)
        if (m.first >= was.startLine && m.last <= std::max(was.endLine, was.startLine + int(needle.size()) - 1)) {
            out.state = AnchorState::Unchanged; // the recorded lines still hold the quoted code
            return out;
        }
    // The smallest shift that puts the match back inside the recorded span (where the
    // quoted code sat inside a longer location is not known; the least move is assumed).
    const auto shiftFor = [&](const Match &m) {
        if (m.last - m.first > was.endLine - was.startLine)
            return m.first - was.startLine; // longer than the span: align the starts
        const int low = m.last - was.endLine;    // shifts in [low, high] contain the match
        const int high = m.first - was.startLine;
        return std::abs(low) < std::abs(high) ? low : high;
    };
    int bestDistance = -1;
    QList<Match> nearest;
    for (const Match &m : matches) {
        const int d = std::abs(shiftFor(m));
        if (bestDistance < 0 || d < bestDistance) {
            bestDistance = d;
            nearest = {m};
        } else if (d == bestDistance) {
            nearest.append(m);
        }
    }
    out.state = AnchorState::Moved;
    out.offset = shiftFor(nearest.first());
    out.location.startLine = was.startLine + out.offset;
    // The location keeps its length, and covers the quoted code (blank lines may have
    // come between its lines).
    out.location.endLine = std::max(was.endLine + out.offset, nearest.first().last);
    for (const Match &m : nearest)
        out.candidates.append(m.first);
    if (out.candidates.size() < 2)
        out.candidates.clear();
    out.reason = QStringLiteral("moved by %1 line%2%3")
                     .arg(out.offset)
                     .arg(std::abs(out.offset) == 1 ? QString() : QStringLiteral("s"))
                     .arg(nearest.size() > 1
                              ? QStringLiteral(" (its code also occurs at line %1; the first was taken)").arg(nearest.last().first)
                              : QString());
    return out;
}

namespace {
// Applies a placement to a location, keeping the reviewed line in movedFrom.
bool apply(Location &l, const Placement &p)
{
    switch (p.state) {
    case AnchorState::Moved:
        if (l.movedFrom == 0)
            l.movedFrom = l.startLine;
        if (l.movedFrom == p.location.startLine)
            l.movedFrom = 0; // back where it was reviewed
        l.startLine = p.location.startLine;
        l.endLine = p.location.endLine;
        l.stale = false;
        return true;
    case AnchorState::Stale:
        if (l.stale)
            return false;
        l.stale = true;
        return true;
    case AnchorState::Unchanged:
        if (!l.stale)
            return false;
        l.stale = false;
        return true;
    case AnchorState::Unverified: return false;
    }
    return false;
}
} // namespace

ReviewReanchoring reanchorReview(Review &review, const FileReader &readFile)
{
    ReviewReanchoring result;
    QHash<QString, FileLines> files;
    const auto linesOf = [&](const QString &path) -> const FileLines & {
        auto it = files.find(path);
        if (it == files.end())
            it = files.insert(path, readFile(path));
        return *it;
    };
    const auto one = [&](const QString &id, Location &l, const QString &excerpt) {
        if (l.path.isEmpty())
            return;
        const FileLines &file = linesOf(l.path);
        if (file.state == FileLines::Unknown) {
            ++result.unverified;
            return;
        }
        const Location before = l;
        const Placement p = reanchor(Anchor{l, excerpt}, file.state == FileLines::Present
                                                             ? std::optional<QList<QByteArray>>(file.lines)
                                                             : std::nullopt);
        switch (p.state) {
        case AnchorState::Moved: ++result.moved; break;
        case AnchorState::Stale: ++result.stale; break;
        case AnchorState::Unchanged: ++result.unchanged; break;
        case AnchorState::Unverified: ++result.unverified; break;
        }
        if (apply(l, p))
            result.notes << (p.state == AnchorState::Moved
                                 ? QStringLiteral("%1: %2 moved to lines %3-%4 (%5)")
                                       .arg(id, before.toString())
                                       .arg(l.startLine)
                                       .arg(l.endLine)
                                       .arg(p.reason)
                                 : QStringLiteral("%1: %2 %3: %4")
                                       .arg(id, before.toString(), p.state == AnchorState::Stale ? QStringLiteral("is stale")
                                                                                               : QStringLiteral("is found again"),
                                            p.state == AnchorState::Stale ? p.reason : QStringLiteral("its code is back")));
    };
    for (RawFinding &f : review.findings)
        if (!f.locations.isEmpty())
            one(f.id, f.locations.first(), f.codeExcerpts.value(0));
    for (Issue &i : review.issues)
        if (!i.locations.isEmpty())
            one(i.id, i.locations.first(), i.codeExcerpt);
    return result;
}

} // namespace rb::anchor
