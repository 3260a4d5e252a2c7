#include "edit/issue_edits.h"

#include "consolidate/consolidate.h"
#include "consolidate/issue_fixes.h"
#include "consolidate/severity_proposal.h"
#include "consolidate/text_features.h"

#include <algorithm>

namespace rb::edit {

namespace {

Issue *issueContaining(Review &review, const QString &findingId)
{
    for (Issue &i : review.issues)
        if (i.members.contains(findingId))
            return &i;
    return nullptr;
}

qsizetype indexOfIssue(const Review &review, const QString &id)
{
    for (qsizetype i = 0; i < review.issues.size(); ++i)
        if (review.issues[i].id == id)
            return i;
    return -1;
}

void dropEvidenceAbout(Issue &issue, const QString &findingId)
{
    issue.evidence.removeIf([&](const GroupingEvidence &e) { return e.findingA == findingId || e.findingB == findingId; });
}

bool sameFile(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() && b.isEmpty();
    return consolidate::samePath(consolidate::normalizedPath(a), consolidate::normalizedPath(b));
}

CombinedIssue snapshotOf(const Issue &i)
{
    return CombinedIssue{i.id, i.title, i.body, i.codeExcerpt, i.notes, i.severityReason, i.finalSeverity, i.triage,
                         i.members};
}

// Takes the fix that `findingId` wrote out of the issue (nullopt when it has none there).
// When it was the chosen fix for its file, the issue's next fix for that file is chosen.
std::optional<IssueFix> takeFix(Issue &issue, const QString &findingId)
{
    for (qsizetype k = 0; k < issue.fixes.size(); ++k) {
        if (issue.fixes[k].id != findingId)
            continue;
        IssueFix fix = issue.fixes.takeAt(k);
        if (fix.chosen && fix.hasPatch()) {
            const bool covered = std::any_of(issue.fixes.begin(), issue.fixes.end(), [&](const IssueFix &f) {
                return f.chosen && f.hasPatch() && sameFile(f.path, fix.path);
            });
            if (!covered)
                for (IssueFix &f : issue.fixes)
                    if (f.hasPatch() && sameFile(f.path, fix.path)) {
                        f.chosen = true;
                        break;
                    }
        }
        return fix;
    }
    return std::nullopt;
}

// Adds a fix that moves in with its finding: it stays chosen unless the issue already has a
// chosen fix for the same file (then it is an alternative to pick).
void putFix(Issue &issue, IssueFix fix)
{
    if (issue.fix(fix.id))
        return;
    if (fix.chosen && fix.hasPatch())
        fix.chosen = std::none_of(issue.fixes.begin(), issue.fixes.end(), [&](const IssueFix &f) {
            return f.chosen && f.hasPatch() && sameFile(f.path, fix.path);
        });
    issue.fixes << fix;
}

// The combined parts of `issue` that describe only `findingId` (an issue of that one finding
// merged in earlier): they leave with the finding.
QList<CombinedIssue> takeCombinedOf(Issue &issue, const QString &findingId)
{
    QList<CombinedIssue> out;
    for (qsizetype k = issue.combined.size() - 1; k >= 0; --k)
        if (issue.combined[k].members == QStringList{findingId})
            out.prepend(issue.combined.takeAt(k));
    return out;
}

// What an issue that disappears into `into` leaves there: its text as a combined part, its
// remaining fixes and the records of fixes applied (revert still needs them).
void absorb(Issue &into, const Issue &gone)
{
    for (const IssueFix &f : gone.fixes)
        if (!into.fix(f.id))
            into.fixes << f;
    into.combined << gone.combined;
    into.combined << snapshotOf(gone);
    into.fixRecords << gone.fixRecords;
    if (gone.fixState == FixState::Applied)
        into.fixState = FixState::Applied;
}

} // namespace

const Issue *issueOfFinding(const Review &review, const QString &findingId)
{
    for (const Issue &i : review.issues)
        if (i.members.contains(findingId))
            return &i;
    return nullptr;
}

QString newIssueId(const Review &review)
{
    int highest = 0;
    for (const Issue &i : review.issues) {
        if (i.id.startsWith(QLatin1String("issue-"))) {
            bool ok = false;
            const int n = i.id.mid(6).toInt(&ok);
            if (ok)
                highest = std::max(highest, n);
        }
    }
    return QStringLiteral("issue-%1").arg(highest + 1);
}

void refreshProposal(const Review &review, Issue &issue)
{
    const auto ratings = consolidate::agentRatings(review, issue.members);
    if (ratings.isEmpty())
        return;
    QList<Severity> values;
    for (const auto &r : ratings)
        values << r.second;
    issue.proposedSeverity = consolidate::proposeSeverity(values);
    issue.disagreementNote = consolidate::draftDisagreementNote(ratings);
}

Status chooseFix(Review &review, const QString &issueId, const QString &fixId, bool chosen)
{
    Issue *issue = review.issue(issueId);
    if (!issue)
        return Error::of(QStringLiteral("no issue \"%1\"").arg(issueId));
    for (IssueFix &f : issue->fixes) {
        if (f.id == fixId) {
            f.chosen = chosen;
            return Ok{};
        }
    }
    return Error::of(QStringLiteral("issue \"%1\" has no fix \"%2\"").arg(issueId, fixId));
}

Result<QString> mergeIssues(Review &review, const QStringList &ids)
{
    if (ids.size() < 2)
        return Error::of(QStringLiteral("select at least two issues to merge"));
    const qsizetype target = indexOfIssue(review, ids.first());
    if (target < 0)
        return Error::of(QStringLiteral("no issue \"%1\"").arg(ids.first()));
    for (const QString &id : ids.mid(1)) {
        if (id == ids.first())
            continue;
        const qsizetype from = indexOfIssue(review, id);
        if (from < 0)
            return Error::of(QStringLiteral("no issue \"%1\"").arg(id));
    }
    Issue merged = review.issues[target];
    for (const QString &id : ids.mid(1)) {
        if (id == merged.id)
            continue;
        const Issue &other = review.issues[indexOfIssue(review, id)];
        for (const QString &m : other.members)
            if (!merged.members.contains(m))
                merged.members << m;
        for (const Location &l : other.locations)
            if (!merged.locations.contains(l))
                merged.locations << l;
        merged.evidence << other.evidence;
        merged.evidence << GroupingEvidence{other.members.value(0), merged.members.value(0), QStringLiteral("manual"), 1.0,
                                            QStringLiteral("merged by hand")};
        absorb(merged, other);
    }
    refreshProposal(review, merged);
    review.issues[target] = merged;
    review.issues.removeIf([&](const Issue &i) { return i.id != merged.id && ids.contains(i.id); });
    return merged.id;
}

Result<QString> splitFinding(Review &review, const QString &findingId)
{
    const RawFinding *finding = review.finding(findingId);
    if (!finding)
        return Error::of(QStringLiteral("no finding \"%1\"").arg(findingId));
    Issue *from = issueContaining(review, findingId);
    if (!from)
        return Error::of(QStringLiteral("finding \"%1\" belongs to no issue").arg(findingId));
    if (from->members.size() == 1)
        return Error::of(QStringLiteral("\"%1\" is the only finding of its issue; there is nothing to split").arg(findingId));
    from->members.removeAll(findingId);
    dropEvidenceAbout(*from, findingId);
    refreshProposal(review, *from);
    std::optional<IssueFix> fix = takeFix(*from, findingId);
    QList<CombinedIssue> parts = takeCombinedOf(*from, findingId);

    Issue fresh = consolidate::issueFromMembers(review, {findingId}, newIssueId(review));
    fresh.fixes.clear();
    if (fix) {
        fix->chosen = true;
        fresh.fixes << *fix;
    }
    // The finding was an issue of its own before a merge: it gets back what that issue said.
    if (!parts.isEmpty()) {
        const CombinedIssue was = parts.takeLast();
        if (!review.issue(was.id))
            fresh.id = was.id;
        fresh.title = was.title;
        fresh.body = was.body;
        fresh.codeExcerpt = was.codeExcerpt;
        fresh.notes = was.notes;
        fresh.severityReason = was.severityReason;
        fresh.finalSeverity = was.finalSeverity;
        fresh.triage = was.triage;
    }
    fresh.combined = parts;
    const qsizetype at = indexOfIssue(review, from->id) + 1;
    review.issues.insert(at, fresh);
    return fresh.id;
}

Status moveFinding(Review &review, const QString &findingId, const QString &targetIssueId)
{
    if (!review.finding(findingId))
        return Error::of(QStringLiteral("no finding \"%1\"").arg(findingId));
    Issue *to = review.issue(targetIssueId);
    if (!to)
        return Error::of(QStringLiteral("no issue \"%1\"").arg(targetIssueId));
    Issue *from = issueContaining(review, findingId);
    if (from == to)
        return Ok{};
    std::optional<IssueFix> fix;
    QList<CombinedIssue> parts;
    std::optional<Issue> emptied;
    if (from) {
        from->members.removeAll(findingId);
        dropEvidenceAbout(*from, findingId);
        refreshProposal(review, *from);
        fix = takeFix(*from, findingId);
        parts = takeCombinedOf(*from, findingId);
        if (from->members.isEmpty())
            emptied = *from;
    }
    to = review.issue(targetIssueId);
    to->members << findingId;
    if (const RawFinding *f = review.finding(findingId))
        for (const Location &l : f->locations)
            if (!to->locations.contains(l))
                to->locations << l;
    to->evidence << GroupingEvidence{findingId, to->members.first(), QStringLiteral("manual"), 1.0,
                                     QStringLiteral("moved by hand")};
    if (fix)
        putFix(*to, *fix);
    to->combined << parts;
    // An issue left without members goes, but what was written on it stays with the finding.
    if (emptied)
        absorb(*to, *emptied);
    refreshProposal(review, *to);
    review.issues.removeIf([](const Issue &i) { return i.members.isEmpty(); });
    return Ok{};
}

} // namespace rb::edit
