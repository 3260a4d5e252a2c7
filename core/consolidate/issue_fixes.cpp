#include "consolidate/issue_fixes.h"

#include "consolidate/text_features.h"
#include "patch/patch_parser.h"

#include <algorithm>

namespace rb::consolidate {

namespace {

bool sameFile(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() && b.isEmpty();
    return samePath(normalizedPath(a), normalizedPath(b));
}

} // namespace

std::optional<IssueFix> fixOfFinding(const RawFinding &f)
{
    if (f.fixPatch.trimmed().isEmpty() && f.fixProse.trimmed().isEmpty())
        return std::nullopt;
    IssueFix fix;
    fix.id = f.id;
    fix.prose = f.fixProse;
    fix.patch = f.fixPatch;
    if (!f.fixPatch.trimmed().isEmpty()) {
        const auto parsed = patch::parsePatch(f.fixPatch);
        if (parsed && parsed->hasFileHeaders() && !parsed->files.isEmpty())
            fix.path = parsed->files.first().path();
    }
    if (fix.path.isEmpty())
        fix.path = f.locations.value(0).path;
    return fix;
}

void chooseDefaultFixes(QList<IssueFix> &fixes)
{
    QStringList chosenPaths;
    bool anyPatch = false;
    for (IssueFix &fix : fixes) {
        fix.chosen = false;
        if (!fix.hasPatch())
            continue;
        anyPatch = true;
        if (std::none_of(chosenPaths.begin(), chosenPaths.end(), [&](const QString &p) { return sameFile(p, fix.path); })) {
            fix.chosen = true;
            chosenPaths << fix.path;
        }
    }
    if (!anyPatch && !fixes.isEmpty())
        fixes.first().chosen = true;
}

void addFindingFix(Issue &issue, const RawFinding &finding)
{
    if (issue.fix(finding.id))
        return;
    std::optional<IssueFix> fix = fixOfFinding(finding);
    if (!fix)
        return;
    const bool taken = std::any_of(issue.fixes.begin(), issue.fixes.end(), [&](const IssueFix &f) {
        return f.chosen && (f.hasPatch() || !fix->hasPatch()) && sameFile(f.path, fix->path);
    });
    const bool anyChosen = std::any_of(issue.fixes.begin(), issue.fixes.end(), [](const IssueFix &f) { return f.chosen; });
    fix->chosen = fix->hasPatch() ? !taken : !anyChosen;
    issue.fixes << *fix;
}

} // namespace rb::consolidate
