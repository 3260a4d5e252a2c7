#include "patch/file_patcher.h"

#include "patch/indentation.h"
#include "patch/line_matcher.h"
#include "patch/region_check.h"
#include "patch/text_encoding.h"

#include <QRegularExpression>

#include <algorithm>

namespace rb::patch {

namespace {

struct OutLine {
    QByteArray text;
    QByteArray eol;
};

// A hunk's decided place: file lines [pos, pos + oldLength) become `lines`.
struct Placed {
    int hunkIndex = 0;
    int pos = 0;
    int oldLength = 0;
    QList<OutLine> lines;
    // Set when the hunk's "\ No newline at end of file" decides how the file ends.
    bool decidesEnd = false;
    bool endsWithoutNewline = false;
};

QStringList toStrings(const QList<QByteArray> &lines)
{
    QStringList out;
    for (const QByteArray &l : lines)
        out << displayText(l);
    return out;
}

QList<int> oneBased(const QList<int> &positions)
{
    QList<int> out;
    for (int p : positions)
        out << p + 1;
    return out;
}

bool equalAt(const QList<QByteArray> &file, int pos, const QList<QByteArray> &lines)
{
    if (pos < 0 || pos + lines.size() > file.size())
        return false;
    for (qsizetype k = 0; k < lines.size(); ++k)
        if (file[pos + k] != lines[k])
            return false;
    return true;
}

class Planner {
public:
    Planner(const TextFile &file, const FilePatch &patch, const PlanOptions &options)
        : m_file(file), m_index(file.lines), m_patch(patch), m_exact(options.exactVerified), m_quoted(options.quotedCode),
          m_fileStyle(detectIndentStyle(file.lines))
    {
        QList<QByteArray> fixLines = patch.replacement;
        for (const Hunk &h : patch.hunks)
            for (const PatchLine &l : h.lines)
                fixLines.append(l.text);
        m_fixStyle = detectIndentStyle(fixLines);
    }

    FilePlan run()
    {
        FilePlan plan;
        QList<Placed> placed;
        if (!m_patch.replacement.isEmpty()) {
            HunkOutcome o;
            Placed p;
            planReplacement(o, p);
            plan.hunks.append(o);
            if (o.status == HunkStatus::Placed)
                placed.append(p);
        }
        for (int i = 0; i < m_patch.hunks.size(); ++i) {
            HunkOutcome o;
            Placed p;
            p.hunkIndex = i;
            planHunk(m_patch.hunks[i], o, p);
            plan.hunks.append(o);
            if (o.status == HunkStatus::Placed)
                placed.append(p);
        }
        const auto count = [&](HunkStatus s) {
            return std::count_if(plan.hunks.begin(), plan.hunks.end(), [s](const HunkOutcome &h) { return h.status == s; });
        };
        const auto nPlaced = count(HunkStatus::Placed);
        const auto nApplied = count(HunkStatus::AlreadyApplied);
        if (nApplied == plan.hunks.size()) {
            plan.alreadyApplied = true;
            return plan;
        }
        if (nPlaced + nApplied < plan.hunks.size())
            return plan; // the failing hunks say why
        if (nApplied > 0) {
            plan.refusal = QStringLiteral("part of this fix is already in the file (%1 of %2 hunks) and part is not; "
                                          "refusing to apply the rest on top")
                               .arg(nApplied)
                               .arg(plan.hunks.size());
            return plan;
        }
        if (!checkOrderAndOverlap(placed, plan))
            return plan;
        build(placed, plan);
        plan.placeable = true;
        return plan;
    }

private:
    void planHunk(const Hunk &h, HunkOutcome &o, Placed &p)
    {
        const QList<QByteArray> oldSide = h.oldSide();
        const QList<QByteArray> newSide = h.newSide();
        o.label = h.label;
        o.lookedFor = toStrings(oldSide);
        o.lookedForCount = int(oldSide.size());
        o.hasStatedLine = h.hasNumbers;
        const int stated = h.oldStart - 1;
        p.oldLength = int(oldSide.size());

        if (!h.changesSomething()) {
            o.status = HunkStatus::Unplaceable;
            o.detail = QStringLiteral("it changes nothing (no added or removed lines)");
            return;
        }
        const bool marked = h.oldEndsWithoutNewline || h.newEndsWithoutNewline;
        const int fileSize = int(m_file.lines.size());
        const auto atEnd = [&](int pos) { return pos + int(oldSide.size()) == fileSize; };
        if (oldSide.isEmpty()) {
            // Nothing to locate it by: only a numbered insertion into a checked patch, or a new file.
            const bool intoEmptyFile = m_file.lines.isEmpty() && (h.oldStart == 0 || !h.hasNumbers);
            if ((m_exact && h.hasNumbers) || intoEmptyFile) {
                const int pos = m_file.lines.isEmpty() ? 0 : h.oldStart;
                if (marked && !atEnd(pos)) {
                    endMismatch(o, pos);
                    return;
                }
                place(h, o, p, pos, m_exact ? Placement::Exact : Placement::Located);
                return;
            }
            if (!m_file.lines.isEmpty() && equalAt(m_file.lines, 0, newSide) && h.oldStart <= 1) {
                o.status = HunkStatus::AlreadyApplied;
                o.line = 1;
                return;
            }
            o.status = HunkStatus::Unplaceable;
            o.detail = QStringLiteral("it has only added lines, no context or removed lines to locate it by");
            return;
        }
        if (m_exact && h.hasNumbers && equalAt(m_file.lines, stated, oldSide) && (!marked || atEnd(stated))) {
            place(h, o, p, stated, Placement::Exact);
            return;
        }
        QList<int> exact = findAll(m_index, oldSide, Comparison::Exact);
        QList<int> loose = exact.isEmpty() ? findAll(m_index, oldSide, Comparison::IgnoringWhitespace) : exact;
        if (marked) {
            // "\ No newline at end of file": the old side's last line is the file's last.
            const QList<int> anywhere = loose;
            exact.removeIf([&](int pos) { return !atEnd(pos); });
            loose.removeIf([&](int pos) { return !atEnd(pos); });
            if (loose.isEmpty() && !anywhere.isEmpty()) {
                endMismatch(o, anywhere.first());
                return;
            }
            if (newSide == oldSide && loose.size() == 1) {
                // Only the final line terminator changes.
                if (m_file.endsWithEol() == !h.newEndsWithoutNewline) {
                    o.status = HunkStatus::AlreadyApplied;
                    o.line = loose.first() + 1;
                    return;
                }
            }
        }
        if (isAlreadyApplied(h, oldSide, newSide, loose, o))
            return;
        if (exact.size() == 1) {
            place(h, o, p, exact.first(), h.hasNumbers ? Placement::Moved : Placement::Located);
            return;
        }
        if (loose.size() == 1) {
            place(h, o, p, loose.first(), Placement::WhitespaceInsensitive);
            return;
        }
        if (loose.size() > 1) {
            o.status = HunkStatus::Ambiguous;
            o.candidates = oneBased(loose);
            return;
        }
        notFound(oldSide, o);
    }

    void endMismatch(HunkOutcome &o, int pos) const
    {
        o.status = HunkStatus::Unplaceable;
        o.detail = QStringLiteral("it says its last line ends the file (\"\\ No newline at end of file\"), but it matches at "
                                  "line %1 and the file has %2 lines")
                       .arg(pos + 1)
                       .arg(m_file.lines.size());
    }

    // Its new side is in the file (once) and its old side is nowhere else; when the hunk
    // says how the file ends, the file ends so.
    bool isAlreadyApplied(const Hunk &h, const QList<QByteArray> &oldSide, const QList<QByteArray> &newSide,
                          const QList<int> &oldMatches, HunkOutcome &o) const
    {
        if (newSide.isEmpty() || newSide == oldSide)
            return false;
        QList<int> found = findAll(m_index, newSide, Comparison::Exact);
        if (found.isEmpty())
            found = findAll(m_index, newSide, Comparison::IgnoringWhitespace);
        if (found.size() != 1)
            return false;
        const int start = found.first();
        const int end = start + int(newSide.size());
        if ((h.oldEndsWithoutNewline || h.newEndsWithoutNewline)
            && (end != m_file.lines.size() || m_file.endsWithEol() == h.newEndsWithoutNewline))
            return false;
        for (int m : oldMatches)
            if (m < start || m + oldSide.size() > end)
                return false;
        o.status = HunkStatus::AlreadyApplied;
        o.line = start + 1;
        return true;
    }

    void notFound(const QList<QByteArray> &oldSide, HunkOutcome &o) const
    {
        o.status = HunkStatus::NotFound;
        const ClosestMatch c = closestMatch(m_index, oldSide);
        if (c.matchingLines == 0)
            return;
        o.closestLine = std::max(c.position, 0) + 1;
        o.closestMatching = c.matchingLines;
        if (c.firstDifference >= 0) {
            const int at = c.position + c.firstDifference;
            const QString wanted = QString::fromUtf8(oldSide[c.firstDifference]);
            if (at >= 0 && at < m_file.lines.size())
                o.detail = QStringLiteral("line %1 is \"%2\" where it expects \"%3\"")
                               .arg(at + 1)
                               .arg(QString::fromUtf8(m_file.lines[at]).trimmed(), wanted.trimmed());
            else
                o.detail = QStringLiteral("the file ends before its line \"%1\"").arg(wanted.trimmed());
        }
    }

    void place(const Hunk &h, HunkOutcome &o, Placed &p, int pos, Placement how)
    {
        o.status = HunkStatus::Placed;
        o.placement = how;
        o.line = pos + 1;
        if (h.hasNumbers && how != Placement::Located)
            o.offset = pos - (h.oldStart - 1);
        p.pos = pos;
        p.decidesEnd = h.oldEndsWithoutNewline || h.newEndsWithoutNewline;
        p.endsWithoutNewline = h.newEndsWithoutNewline;
        // Added lines follow the file's indentation when the hunk matched only ignoring
        // whitespace, or when they are indented in another style than the file (an exact
        // placement keeps them as written).
        // Old-side index of each hunk line (-1 for added lines), to find anchors.
        QList<int> oldIndex;
        int k = 0;
        for (const PatchLine &l : h.lines)
            oldIndex.append(l.kind == LineKind::Added ? -1 : k++);
        for (qsizetype i = 0; i < h.lines.size(); ++i) {
            const PatchLine &l = h.lines[i];
            if (l.kind == LineKind::Context) {
                const int at = pos + oldIndex[i];
                p.lines.append(OutLine{m_file.lines[at], m_file.eols[at]});
            } else if (l.kind == LineKind::Added) {
                QByteArray text = l.text;
                if (how == Placement::WhitespaceInsensitive || (how != Placement::Exact && indentedOtherwise(l.text, m_fileStyle))) {
                    const qsizetype anchor = anchorFor(h, i);
                    if (anchor >= 0)
                        text = reindent(l.text, h.lines[anchor].text, m_file.lines[pos + oldIndex[anchor]], m_fixStyle, m_fileStyle);
                }
                p.lines.append(OutLine{text, m_file.dominantEol});
            }
        }
    }

    // The nearest non-blank old-side line before the added line i, else after it.
    static qsizetype anchorFor(const Hunk &h, qsizetype i)
    {
        for (qsizetype j = i - 1; j >= 0; --j)
            if (h.lines[j].kind != LineKind::Added && !h.lines[j].text.trimmed().isEmpty())
                return j;
        for (qsizetype j = i + 1; j < h.lines.size(); ++j)
            if (h.lines[j].kind != LineKind::Added && !h.lines[j].text.trimmed().isEmpty())
                return j;
        return -1;
    }

    // Plain code: its first line marks where the region starts, its last line (at the same
    // relative indentation) where it ends; the region is replaced by the code.
    void planReplacement(HunkOutcome &o, Placed &p)
    {
        const QList<QByteArray> &code = m_patch.replacement;
        o.label = QStringLiteral("replacement code");
        o.lookedFor = toStrings({code.first(), code.last()});
        o.lookedForCount = int(code.size());
        const QList<int> whole = findAll(m_index, code, Comparison::IgnoringWhitespace);
        if (!whole.isEmpty()) {
            o.status = HunkStatus::AlreadyApplied;
            o.line = whole.first() + 1;
            return;
        }
        o.status = HunkStatus::Unplaceable;
        if (code.size() < 2) {
            o.detail = QStringLiteral("a single line of plain code without diff markers cannot be placed: "
                                      "nothing says which line it replaces");
            return;
        }
        const QList<int> starts = findAll(m_index, {code.first()}, Comparison::IgnoringWhitespace);
        if (starts.isEmpty()) {
            o.detail = QStringLiteral("its first line \"%1\" is not in the file; plain code can be placed only when its "
                                      "first and last lines are, and then replaces the lines between them")
                           .arg(QString::fromUtf8(code.first()).trimmed());
            return;
        }
        if (starts.size() > 1) {
            o.status = HunkStatus::Ambiguous;
            o.lookedForCount = 1;
            o.candidates = oneBased(starts);
            return;
        }
        const int start = starts.first();
        const int depth = indentLevel(code.last(), m_fixStyle).level - indentLevel(code.first(), m_fixStyle).level;
        const int startDepth = indentLevel(m_file.lines[start], m_fileStyle).level;
        int end = -1;
        for (int j = start + 1; j < m_file.lines.size(); ++j) {
            if (linesEqual(m_file.lines[j], code.last(), Comparison::IgnoringWhitespace)
                && indentLevel(m_file.lines[j], m_fileStyle).level - startDepth == depth) {
                end = j;
                break;
            }
        }
        if (end < 0) {
            o.detail = QStringLiteral("its first line is line %1, but its last line \"%2\" does not follow it at the same "
                                      "indentation; cannot tell where the replaced region ends")
                           .arg(start + 1)
                           .arg(QString::fromUtf8(code.last()).trimmed());
            return;
        }
        const RegionVerdict verdict = checkReplacedRegion(m_file.lines.mid(start, end - start + 1), start + 1, code, m_quoted, m_file.lines);
        if (!verdict.close) {
            o.line = start + 1;
            o.detail = verdict.reason;
            return;
        }
        o.status = HunkStatus::Placed;
        o.placement = Placement::ReplacedRegion;
        o.line = start + 1;
        p.hunkIndex = -1;
        p.pos = start;
        p.oldLength = end - start + 1;
        o.replacedLines = p.oldLength;
        const bool sameStyle = leadingWhitespace(code.first()) == leadingWhitespace(m_file.lines[start])
                            && m_fixStyle.tabs == m_fileStyle.tabs;
        for (const QByteArray &l : code) {
            const QByteArray text = sameStyle ? l : reindent(l, code.first(), m_file.lines[start], m_fixStyle, m_fileStyle);
            p.lines.append(OutLine{text, m_file.dominantEol});
        }
    }

    bool checkOrderAndOverlap(QList<Placed> &placed, FilePlan &plan) const
    {
        // Parts of one hunk (split at "...") must land in their written order.
        for (qsizetype i = 1; i < placed.size(); ++i) {
            const Placed &a = placed[i - 1];
            const Placed &b = placed[i];
            if (a.hunkIndex < 0 || b.hunkIndex < 0)
                continue;
            const QString la = m_patch.hunks[a.hunkIndex].label.section(QLatin1String(" (part"), 0, 0);
            const QString lb = m_patch.hunks[b.hunkIndex].label.section(QLatin1String(" (part"), 0, 0);
            if (la == lb && b.pos < a.pos + a.oldLength) {
                plan.refusal = QStringLiteral("%1 lands at line %2, before the end of %3 (line %4): the parts around \"...\" "
                                              "are out of order")
                                   .arg(m_patch.hunks[b.hunkIndex].label)
                                   .arg(b.pos + 1)
                                   .arg(m_patch.hunks[a.hunkIndex].label)
                                   .arg(a.pos + 1);
                return false;
            }
        }
        std::stable_sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) { return a.pos < b.pos; });
        for (qsizetype i = 1; i < placed.size(); ++i) {
            const Placed &a = placed[i - 1];
            const Placed &b = placed[i];
            if (b.pos < a.pos + a.oldLength || (b.pos == a.pos && a.oldLength == 0)) {
                const auto name = [&](const Placed &x) {
                    return x.hunkIndex < 0 ? QStringLiteral("the replacement code") : m_patch.hunks[x.hunkIndex].label;
                };
                plan.refusal = QStringLiteral("%1 (line %2) and %3 (line %4) overlap").arg(name(a)).arg(a.pos + 1).arg(name(b)).arg(b.pos + 1);
                return false;
            }
        }
        return true;
    }

    void build(const QList<Placed> &placed, FilePlan &plan) const
    {
        TextFile out;
        out.dominantEol = m_file.dominantEol;
        int next = 0;
        const auto copyUntil = [&](int end) {
            for (; next < end; ++next) {
                out.lines.append(m_file.lines[next]);
                out.eols.append(m_file.eols[next]);
            }
        };
        struct Range {
            int oldStart, oldLength, newStart, newLength;
        };
        QList<Range> ranges;
        // How the file ends: as it did, unless a hunk's "\ No newline at end of file" says.
        bool endsWithoutNewline = !m_file.lines.isEmpty() && !m_file.endsWithEol();
        for (const Placed &p : placed) {
            copyUntil(p.pos);
            const int newStart = int(out.lines.size());
            for (const OutLine &l : p.lines) {
                out.lines.append(l.text);
                out.eols.append(l.eol);
            }
            next = p.pos + p.oldLength;
            ranges.append({p.pos, p.oldLength, newStart, int(p.lines.size())});
            if (p.decidesEnd)
                endsWithoutNewline = p.endsWithoutNewline;
        }
        copyUntil(int(m_file.lines.size()));
        // Every line but the last ends with a terminator; the last one ends as decided.
        for (qsizetype i = 0; i + 1 < out.eols.size(); ++i)
            if (out.eols[i].isEmpty())
                out.eols[i] = out.dominantEol;
        if (!out.eols.isEmpty())
            out.eols.last() = endsWithoutNewline ? QByteArray() : (out.eols.last().isEmpty() ? out.dominantEol : out.eols.last());
        // An untouched line whose terminator changed (the old last line when lines follow it
        // now, the new last line when the lines after it were removed) joins the change
        // after it, so that the record of the change says so.
        for (qsizetype k = 0; k < ranges.size(); ++k) {
            Range &r = ranges[k];
            const int previousEnd = k > 0 ? ranges[k - 1].oldStart + ranges[k - 1].oldLength : 0;
            if (r.oldStart - 1 >= previousEnd && r.newStart >= 1 && out.eols[r.newStart - 1] != m_file.eols[r.oldStart - 1]) {
                --r.oldStart;
                ++r.oldLength;
                --r.newStart;
                ++r.newLength;
            }
        }
        plan.result = out;
        plan.appliedDiff = appliedDiffOf(ranges, out);
    }

    template<typename Ranges>
    QString appliedDiffOf(const Ranges &ranges, const TextFile &out) const
    {
        QStringList diff;
        for (const auto &r : ranges) {
            bool utf8 = true;
            for (int i = 0; i < r.oldLength && utf8; ++i)
                utf8 = isValidUtf8(m_file.lines[r.oldStart + i]);
            for (int i = 0; i < r.newLength && utf8; ++i)
                utf8 = isValidUtf8(out.lines[r.newStart + i]);
            const auto line = [utf8, &diff](QChar sign, const QByteArray &text, const QByteArray &eol) {
                diff << sign + (utf8 ? QString::fromUtf8(text) : QString::fromLatin1(text)) + (eol == "\r\n" ? QStringLiteral("\r") : QString());
                if (eol.isEmpty())
                    diff << QStringLiteral("\\ No newline at end of file");
            };
            diff << QStringLiteral("@@ -%1,%2 +%3,%4 @@%5")
                        .arg(r.oldLength ? r.oldStart + 1 : r.oldStart)
                        .arg(r.oldLength)
                        .arg(r.newLength ? r.newStart + 1 : r.newStart)
                        .arg(r.newLength)
                        .arg(utf8 ? QString() : QStringLiteral(" latin1"));
            for (int i = 0; i < r.oldLength; ++i)
                line(QLatin1Char('-'), m_file.lines[r.oldStart + i], m_file.eols[r.oldStart + i]);
            for (int i = 0; i < r.newLength; ++i)
                line(QLatin1Char('+'), out.lines[r.newStart + i], out.eols[r.newStart + i]);
        }
        return diff.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }

    const TextFile &m_file;
    LineIndex m_index;
    const FilePatch &m_patch;
    bool m_exact;
    QList<QByteArray> m_quoted;
    IndentStyle m_fileStyle;
    IndentStyle m_fixStyle;
};

} // namespace

FilePlan planFilePatch(const TextFile &file, const FilePatch &patch, const PlanOptions &options)
{
    return Planner(file, patch, options).run();
}

Result<QByteArray> reverseAppliedDiff(const TextFile &after, const QString &appliedDiff)
{
    static const QRegularExpression header(QStringLiteral(R"(^@@ -(\d+),(\d+) \+(\d+),(\d+) @@( latin1)?$)"));
    static const QString noNewline = QStringLiteral("\\ No newline at end of file");
    struct Rev {
        int newStart, newLength;
        QList<OutLine> oldLines;
        QList<QByteArray> newLines;
    };
    QList<Rev> hunks;
    bool markers = false; // a record written since the end of the file is marked
    QStringList lines = appliedDiff.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const auto m = header.match(lines[i]);
        if (!m.hasMatch())
            return Error::of(QStringLiteral("the record of the applied change is damaged at its line %1").arg(i + 1));
        const bool latin1 = !m.captured(5).isEmpty();
        Rev r;
        const int oldLength = m.captured(2).toInt();
        r.newLength = m.captured(4).toInt();
        r.newStart = r.newLength ? m.captured(3).toInt() - 1 : m.captured(3).toInt();
        for (int k = 0; k < oldLength + r.newLength; ++k) {
            if (++i >= lines.size())
                return Error::of(QStringLiteral("the record of the applied change is truncated at its line %1").arg(i));
            const QString &l = lines[i];
            const QChar want = k < oldLength ? QLatin1Char('-') : QLatin1Char('+');
            if (!l.startsWith(want))
                return Error::of(QStringLiteral("the record of the applied change is damaged at its line %1").arg(i + 1));
            QString text = l.mid(1);
            QByteArray eol = QByteArrayLiteral("\n");
            if (i + 1 < lines.size() && lines[i + 1] == noNewline) {
                ++i;
                markers = true;
                eol.clear();
            } else if (text.endsWith(QLatin1Char('\r'))) {
                text.chop(1);
                eol = QByteArrayLiteral("\r\n");
            }
            const QByteArray bytes = latin1 ? text.toLatin1() : text.toUtf8();
            if (k < oldLength)
                r.oldLines.append(OutLine{bytes, eol});
            else
                r.newLines.append(bytes);
        }
        hunks.append(r);
    }
    TextFile before = after;
    for (qsizetype h = hunks.size() - 1; h >= 0; --h) {
        const Rev &r = hunks[h];
        if (!equalAt(before.lines, r.newStart, r.newLines))
            return Error::of(QStringLiteral("the lines the fix wrote at line %1 are not there any more").arg(r.newStart + 1));
        before.lines.remove(r.newStart, r.newLength);
        before.eols.remove(r.newStart, r.newLength);
        for (qsizetype k = 0; k < r.oldLines.size(); ++k) {
            before.lines.insert(r.newStart + k, r.oldLines[k].text);
            before.eols.insert(r.newStart + k, r.oldLines[k].eol);
        }
    }
    // Records without "\ No newline" lines (written before they were) leave the end of the
    // file as the fix found it.
    if (!markers && !before.eols.isEmpty())
        before.eols.last() = after.endsWithEol() ? (before.eols.last().isEmpty() ? before.dominantEol : before.eols.last()) : QByteArray();
    return before.toBytes();
}

} // namespace rb::patch
