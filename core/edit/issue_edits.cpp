#include "edit/issue_edits.h"

#include "consolidate/consolidate.h"
#include "consolidate/severity_proposal.h"

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
        if (merged.fixPatch.isEmpty() && !other.fixPatch.isEmpty()) {
            merged.fixPatch = other.fixPatch;
            merged.fixProse = other.fixProse;
        }
        if (merged.notes.isEmpty())
            merged.notes = other.notes;
        else if (!other.notes.isEmpty())
            merged.notes += QStringLiteral("\n\n") + other.notes;
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

    const Issue fresh = consolidate::issueFromMembers(review, {findingId}, newIssueId(review));
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
    if (from) {
        from->members.removeAll(findingId);
        dropEvidenceAbout(*from, findingId);
        refreshProposal(review, *from);
    }
    to = review.issue(targetIssueId);
    to->members << findingId;
    to->evidence << GroupingEvidence{findingId, to->members.first(), QStringLiteral("manual"), 1.0,
                                     QStringLiteral("moved by hand")};
    refreshProposal(review, *to);
    review.issues.removeIf([](const Issue &i) { return i.members.isEmpty(); });
    return Ok{};
}

} // namespace rb::edit
