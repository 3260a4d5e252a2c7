#include "edit/fix_overlaps.h"

#include "consolidate/text_features.h"
#include "patch/patch_parser.h"

namespace rb::edit {

namespace {

// One file's touched lines; startLine 0 = the whole file.
struct Touch {
    QString path;
    int startLine = 0;
    int endLine = 0;
};

QList<Touch> touchesOf(const Review &review, const IssueFix &fix)
{
    QList<Touch> out;
    const auto parsed = patch::parsePatch(fix.patch);
    const RawFinding *finding = review.finding(fix.id);
    if (!parsed)
        return {Touch{fix.path}};
    for (const patch::FilePatch &file : parsed->files) {
        const QString path = file.path().isEmpty() ? fix.path : file.path();
        bool unnumbered = file.hunks.isEmpty();
        for (const patch::Hunk &h : file.hunks) {
            if (!h.hasNumbers || h.oldStart <= 0) {
                unnumbered = true;
                continue;
            }
            const int span = std::max<qsizetype>(1, h.oldSide().size());
            out << Touch{path, h.oldStart, h.oldStart + span - 1};
        }
        if (!unnumbered)
            continue;
        bool located = false;
        if (finding)
            for (const Location &l : finding->locations)
                if (l.hasLines() && consolidate::samePath(consolidate::normalizedPath(l.path), consolidate::normalizedPath(path))) {
                    out << Touch{path, l.startLine, std::max(l.startLine, l.endLine)};
                    located = true;
                }
        if (!located)
            out << Touch{path};
    }
    return out;
}

bool samePathOrBothEmpty(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() && b.isEmpty();
    return consolidate::samePath(consolidate::normalizedPath(a), consolidate::normalizedPath(b));
}

} // namespace

QList<FixOverlap> fixOverlaps(const Review &review, const Issue &issue)
{
    QList<const IssueFix *> fixes;
    QList<QList<Touch>> touches;
    for (const IssueFix &f : issue.fixes) {
        if (!f.hasPatch())
            continue;
        fixes << &f;
        touches << touchesOf(review, f);
    }
    QList<FixOverlap> out;
    for (qsizetype a = 0; a < fixes.size(); ++a) {
        for (qsizetype b = a + 1; b < fixes.size(); ++b) {
            for (const Touch &ta : touches[a]) {
                bool found = false;
                for (const Touch &tb : touches[b]) {
                    if (!samePathOrBothEmpty(ta.path, tb.path))
                        continue;
                    FixOverlap o{fixes[a]->id, fixes[b]->id, ta.path.isEmpty() ? tb.path : ta.path, 0, 0,
                                 fixes[a]->chosen && fixes[b]->chosen};
                    if (ta.startLine > 0 && tb.startLine > 0) {
                        o.startLine = std::max(ta.startLine, tb.startLine);
                        o.endLine = std::min(ta.endLine, tb.endLine);
                        if (o.startLine > o.endLine)
                            continue;
                    }
                    out << o;
                    found = true;
                    break;
                }
                if (found)
                    break;
            }
        }
    }
    return out;
}

QString fixAuthor(const Review &review, const IssueFix &fix)
{
    const RawFinding *f = review.finding(fix.id);
    if (!f)
        return fix.id;
    const AgentRun *a = review.agent(f->agentId);
    const QString agent = a && !a->name.isEmpty() ? a->name : f->agentId;
    return f->rawId.isEmpty() ? agent : QStringLiteral("%1 (%2)").arg(agent, f->rawId);
}

QString describe(const Review &review, const FixOverlap &o)
{
    auto author = [&](const QString &id) {
        for (const Issue &i : review.issues)
            if (const IssueFix *f = i.fix(id))
                return fixAuthor(review, *f);
        return id;
    };
    const QString where = o.path.isEmpty() ? QStringLiteral("the same file") : o.path;
    QString lines;
    if (o.startLine > 0)
        lines = o.startLine == o.endLine ? QStringLiteral(" line %1").arg(o.startLine)
                                         : QStringLiteral(" lines %1-%2").arg(o.startLine).arg(o.endLine);
    return QStringLiteral("the fixes of %1 and %2 both change %3%4").arg(author(o.fixA), author(o.fixB), where, lines);
}

} // namespace rb::edit
