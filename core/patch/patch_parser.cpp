#include "patch/patch_parser.h"

#include "patch/quoted_path.h"
#include "patch/text_encoding.h"

#include <QRegularExpression>

namespace rb::patch {

QString toString(PatchStyle style)
{
    switch (style) {
    case PatchStyle::GitPatch: return QStringLiteral("git patch");
    case PatchStyle::UnifiedDiff: return QStringLiteral("unified diff");
    case PatchStyle::Fragment: return QStringLiteral("diff fragment");
    case PatchStyle::ReplacementCode: return QStringLiteral("replacement code");
    }
    return {};
}

QList<QByteArray> Hunk::oldSide() const
{
    QList<QByteArray> out;
    for (const PatchLine &l : lines)
        if (l.kind != LineKind::Added)
            out.append(l.text);
    return out;
}

QList<QByteArray> Hunk::newSide() const
{
    QList<QByteArray> out;
    for (const PatchLine &l : lines)
        if (l.kind != LineKind::Removed)
            out.append(l.text);
    return out;
}

bool Hunk::changesSomething() const
{
    for (const PatchLine &l : lines)
        if (l.kind != LineKind::Context)
            return true;
    return false;
}

bool isOmissionLine(const QByteArray &lineWithoutPrefix)
{
    const QByteArray t = lineWithoutPrefix.trimmed();
    return t == "..." || t == "\xE2\x80\xA6" || t == "// ..." || t == "# ..." || t == "/* ... */"
        || t == "//..." || t == "#...";
}

namespace {

struct Lines {
    QList<QByteArray> items;
    int firstLineNumber = 1; // patch-text line number of items[0]
};

Lines splitPatchText(const QByteArray &text)
{
    Lines result;
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    bool allCr = !lines.isEmpty();
    for (const QByteArray &l : lines)
        if (!l.endsWith('\r'))
            allCr = false;
    if (allCr)
        for (QByteArray &l : lines)
            l.chop(1);
    // A Markdown fence around the patch is not part of it.
    int first = 0;
    int last = int(lines.size()) - 1;
    while (first <= last && lines[first].trimmed().isEmpty())
        ++first;
    while (last >= first && lines[last].trimmed().isEmpty())
        --last;
    if (first < last && lines[first].trimmed().startsWith("```") && lines[last].trimmed() == "```") {
        ++first;
        --last;
    }
    result.items = lines.mid(first, last - first + 1);
    result.firstLineNumber = first + 1;
    return result;
}

const QRegularExpression &hunkHeaderRe()
{
    static const QRegularExpression re(QStringLiteral(R"(^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@)"));
    return re;
}

bool isHeaderPair(const QList<QByteArray> &lines, qsizetype i)
{
    return lines[i].startsWith("--- ") && i + 1 < lines.size() && lines[i + 1].startsWith("+++ ");
}

bool isFileBoundary(const QList<QByteArray> &lines, qsizetype i)
{
    return lines[i].startsWith("diff ") || lines[i].startsWith("Index: ") || isHeaderPair(lines, i);
}

struct HeaderPath {
    QString path;
    bool notUtf8 = false;
    QByteArray raw;
};

// A name as written in a header ("a/src/x.c", "\"a/\\303\\251t.txt\"", "/dev/null") ->
// "src/x.c", "ét.txt", empty.
HeaderPath fromName(QByteArray raw, bool stripPrefix)
{
    HeaderPath out;
    if (raw == "/dev/null")
        return out;
    if (stripPrefix && (raw.startsWith("a/") || raw.startsWith("b/")))
        raw = raw.mid(2);
    out.raw = raw;
    out.notUtf8 = !isValidUtf8(raw);
    out.path = QString::fromUtf8(raw);
    return out;
}

// The value of a "---"/"+++"/"rename to" line: "a/src/x.c\t2024-01-01 ..." -> "src/x.c".
HeaderPath headerPath(const QByteArray &value, bool stripPrefix)
{
    return fromName(headerName(value), stripPrefix);
}

void setOld(FilePatch &file, const HeaderPath &p)
{
    file.oldPath = p.path;
    if (p.notUtf8) {
        file.nameNotUtf8 = true;
        file.rawName = p.raw;
    }
}

void setNew(FilePatch &file, const HeaderPath &p)
{
    file.newPath = p.path;
    if (p.notUtf8) {
        file.nameNotUtf8 = true;
        file.rawName = p.raw;
    }
}

// Collects hunk lines starting at i until a boundary; returns the hunks (split at "..." lines).
class HunkReader {
public:
    HunkReader(const Lines &lines, int &hunkCounter) : m_lines(lines), m_counter(hunkCounter) {}

    // Reads hunks from i while they continue; stops at a file boundary (when headers matter)
    // or the end. Returns the index after the last consumed line.
    qsizetype read(qsizetype i, bool stopAtFileBoundary, QList<Hunk> &out, QString &error)
    {
        const QList<QByteArray> &ls = m_lines.items;
        bool open = false;
        Hunk current;
        int oldCount = -1;
        int newCount = -1;
        int oldSeen = 0;
        int newSeen = 0;
        int part = 1;
        bool started = false;
        auto startHunk = [&](qsizetype at) {
            started = true;
            current = Hunk{};
            current.sourceLine = int(at) + m_lines.firstLineNumber;
            current.label = QStringLiteral("hunk %1").arg(++m_counter);
            part = 1;
            oldCount = -1;
            newCount = -1;
            oldSeen = 0;
            newSeen = 0;
            open = true;
        };
        // Where "\ No newline at end of file" marked each side (hunk lines before it), or -1.
        qsizetype oldMark = -1;
        qsizetype newMark = -1;
        int oldMarkLine = 0;
        int newMarkLine = 0;
        auto flush = [&]() {
            if (!open)
                return true;
            open = false;
            // Trailing empty lines are separators, unless the header's count needs them.
            while (!current.lines.isEmpty() && current.lines.last().kind == LineKind::Context
                   && current.lines.last().text.isEmpty()
                   && (oldCount < 0 || current.oldSide().size() > oldCount))
                current.lines.removeLast();
            // A marked side may have no more lines after the mark.
            for (qsizetype k = 0; k < current.lines.size(); ++k) {
                const LineKind kind = current.lines[k].kind;
                const bool old = kind != LineKind::Added;
                const bool neu = kind != LineKind::Removed;
                if ((old && oldMark >= 0 && k >= oldMark) || (neu && newMark >= 0 && k >= newMark)) {
                    error = QStringLiteral("patch line %1: \"\\ No newline at end of file\" follows a line that is not the last "
                                           "of its side of %2")
                                .arg(old && oldMark >= 0 && k >= oldMark ? oldMarkLine : newMarkLine)
                                .arg(current.label);
                    return false;
                }
            }
            current.oldEndsWithoutNewline = oldMark >= 0;
            current.newEndsWithoutNewline = newMark >= 0;
            oldMark = newMark = -1;
            if (!current.lines.isEmpty())
                out.append(current);
            return true;
        };
        for (; i < ls.size(); ++i) {
            const QByteArray &line = ls[i];
            if (stopAtFileBoundary && isFileBoundary(ls, i))
                break;
            if (line.startsWith("@@")) {
                if (!flush())
                    return i;
                startHunk(i);
                const auto m = hunkHeaderRe().match(QString::fromUtf8(line));
                if (m.hasMatch()) {
                    current.hasNumbers = true;
                    current.oldStart = m.captured(1).toInt();
                    current.newStart = m.captured(3).toInt();
                    oldCount = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
                    newCount = m.captured(4).isEmpty() ? 1 : m.captured(4).toInt();
                }
                continue;
            }
            if (line.startsWith("\\")) {
                // "\ No newline at end of file" (in the diff's language): the line before it,
                // on its side(s), ends the file without a terminator.
                if (open && !current.lines.isEmpty()) {
                    const LineKind kind = current.lines.last().kind;
                    const int at = int(i) + m_lines.firstLineNumber;
                    if (kind != LineKind::Added) {
                        oldMark = current.lines.size();
                        oldMarkLine = at;
                    }
                    if (kind != LineKind::Removed) {
                        newMark = current.lines.size();
                        newMarkLine = at;
                    }
                }
                continue;
            }
            if (stopAtFileBoundary) {
                // Between hunks of a real patch: prose, or format-patch's "-- " signature.
                const bool counted = oldCount >= 0 && oldSeen >= oldCount && newSeen >= newCount;
                const bool hunkLine = line.startsWith(' ') || line.startsWith('+') || line.startsWith('-');
                if (counted && (!hunkLine || line == "-- ") && !flush())
                    return i;
                if (!open && (started || !hunkLine))
                    continue; // a file header followed directly by lines, without "@@", starts a hunk
            }
            if (!open)
                startHunk(i);
            const char c = line.isEmpty() ? ' ' : line.at(0);
            const bool prefixed = c == ' ' || c == '+' || c == '-';
            const QByteArray body = prefixed ? line.mid(1) : line;
            if ((c == ' ' || !prefixed) && isOmissionLine(body)) {
                // The code between this part and the next is not shown: locate each part alone.
                const QString baseLabel = current.label.section(QLatin1String(" (part"), 0, 0);
                if (current.lines.isEmpty()) {
                    error = QStringLiteral("patch line %1: %2 starts with \"...\"; nothing to locate it by")
                                .arg(int(i) + m_lines.firstLineNumber)
                                .arg(baseLabel);
                    return i;
                }
                const int nextPart = part + 1;
                if (part == 1)
                    current.label = baseLabel + QStringLiteral(" (part 1)");
                oldCount = -1;
                if (!flush())
                    return i;
                current = Hunk{};
                current.sourceLine = int(i) + 1 + m_lines.firstLineNumber;
                current.label = baseLabel + QStringLiteral(" (part %1)").arg(nextPart);
                part = nextPart;
                open = true;
                continue;
            }
            PatchLine pl;
            pl.kind = c == '+' ? LineKind::Added : c == '-' ? LineKind::Removed : LineKind::Context;
            pl.text = body;
            current.lines.append(pl);
            oldSeen += pl.kind != LineKind::Added ? 1 : 0;
            newSeen += pl.kind != LineKind::Removed ? 1 : 0;
        }
        flush();
        return i;
    }

private:
    const Lines &m_lines;
    int &m_counter;
};

bool looksLikeDiff(const QList<QByteArray> &lines)
{
    for (const QByteArray &l : lines)
        if (l.startsWith('+') || l.startsWith('-') || l.startsWith("@@"))
            return true;
    return false;
}

Result<ParsedPatch> parseWithHeaders(const Lines &lines, PatchStyle style)
{
    ParsedPatch patch;
    patch.style = style;
    const QList<QByteArray> &ls = lines.items;
    int hunkCounter = 0;
    qsizetype i = 0;
    while (i < ls.size()) {
        if (!isFileBoundary(ls, i)) {
            ++i; // text between files (commit message, "index" lines of a skipped file)
            continue;
        }
        FilePatch file;
        const int fileLine = int(i) + lines.firstLineNumber;
        if (ls[i].startsWith("diff --git ")) {
            if (const auto names = splitGitNames(QByteArrayView(ls[i]).sliced(11))) {
                setOld(file, fromName(names->oldName, true));
                setNew(file, fromName(names->newName, true));
            }
            ++i;
            for (; i < ls.size() && !ls[i].startsWith("--- ") && !ls[i].startsWith("@@") && !ls[i].startsWith("diff ");
                 ++i) {
                const QByteArray &h = ls[i];
                const auto valueOf = [&h](const char *key) { return h.mid(qsizetype(qstrlen(key))).trimmed(); };
                if (h.startsWith("new file mode ")) {
                    file.isNewFile = true;
                    file.newMode = valueOf("new file mode ");
                } else if (h.startsWith("deleted file mode ")) {
                    file.isDeletedFile = true;
                    file.oldMode = valueOf("deleted file mode ");
                } else if (h.startsWith("old mode ")) {
                    file.oldMode = valueOf("old mode ");
                } else if (h.startsWith("new mode ")) {
                    file.newMode = valueOf("new mode ");
                } else if (h.startsWith("index ")) {
                    // "index 1234567..89abcde 100644": the mode of both sides.
                    const QList<QByteArray> parts = h.simplified().split(' ');
                    if (parts.size() >= 3) {
                        if (file.oldMode.isEmpty())
                            file.oldMode = parts[2];
                        if (file.newMode.isEmpty())
                            file.newMode = parts[2];
                    }
                } else if (h.startsWith("rename to ") || h.startsWith("copy to ")) {
                    setNew(file, headerPath(h.mid(h.indexOf(" to ") + 4), false));
                } else if (h.startsWith("rename from ") || h.startsWith("copy from ")) {
                    setOld(file, headerPath(h.mid(h.indexOf(" from ") + 6), false));
                } else if (h.startsWith("Binary files") || h.startsWith("GIT binary patch")) {
                    return Error::of(QStringLiteral("patch line %1: binary patches are not supported").arg(int(i) + lines.firstLineNumber),
                                     ErrorUnsupportedPatch);
                }
            }
        } else if (ls[i].startsWith("Index: ") || (ls[i].startsWith("diff ") && !isHeaderPair(ls, i))) {
            ++i;
            continue;
        }
        if (i < ls.size() && isHeaderPair(ls, i)) {
            const HeaderPath oldPath = headerPath(ls[i].mid(4), true);
            const HeaderPath newPath = headerPath(ls[i + 1].mid(4), true);
            file.isNewFile = file.isNewFile || (oldPath.path.isEmpty() && !newPath.path.isEmpty());
            file.isDeletedFile = file.isDeletedFile || (newPath.path.isEmpty() && !oldPath.path.isEmpty());
            setOld(file, oldPath);
            setNew(file, newPath);
            i += 2;
        }
        HunkReader reader(lines, hunkCounter);
        QString error;
        i = reader.read(i, true, file.hunks, error);
        if (!error.isEmpty())
            return Error::of(error, ErrorMalformedPatch);
        if (file.path().isEmpty())
            return Error::of(QStringLiteral("patch line %1: the file header names no file").arg(fileLine), ErrorMalformedPatch);
        if (file.hunks.isEmpty())
            return Error::of(QStringLiteral("patch line %1: %2 has no hunks (only mode or name changes, which are not supported)")
                                 .arg(fileLine)
                                 .arg(file.path()),
                             ErrorUnsupportedPatch);
        patch.files.append(file);
    }
    if (patch.files.isEmpty())
        return Error::of(QStringLiteral("the patch has file headers but no hunks"), ErrorMalformedPatch);
    return patch;
}

} // namespace

Result<ParsedPatch> parsePatch(const QString &text)
{
    return parsePatch(text.toUtf8());
}

Result<ParsedPatch> parsePatch(const QByteArray &text)
{
    const Lines lines = splitPatchText(text);
    if (lines.items.isEmpty())
        return Error::of(QStringLiteral("the patch is empty"), ErrorEmptyPatch);
    const QList<QByteArray> &ls = lines.items;
    for (qsizetype i = 0; i < ls.size(); ++i)
        if (ls[i].contains('\0'))
            return Error::of(QStringLiteral("patch line %1 holds a NUL byte: binary content cannot be applied as text")
                                 .arg(int(i) + lines.firstLineNumber),
                             ErrorUnsupportedPatch);
    bool git = false;
    bool unified = false;
    for (qsizetype i = 0; i < ls.size(); ++i) {
        if (ls[i].startsWith("diff --git "))
            git = true;
        else if (isHeaderPair(ls, i))
            unified = true;
    }
    if (git || unified)
        return parseWithHeaders(lines, git ? PatchStyle::GitPatch : PatchStyle::UnifiedDiff);

    ParsedPatch patch;
    FilePatch file;
    if (!looksLikeDiff(ls)) {
        patch.style = PatchStyle::ReplacementCode;
        file.replacement = ls;
        patch.files.append(file);
        return patch;
    }
    patch.style = PatchStyle::Fragment;
    int hunkCounter = 0;
    HunkReader reader(lines, hunkCounter);
    QString error;
    reader.read(0, false, file.hunks, error);
    if (!error.isEmpty())
        return Error::of(error, ErrorMalformedPatch);
    if (file.hunks.isEmpty())
        return Error::of(QStringLiteral("the fragment has no lines"), ErrorEmptyPatch);
    patch.files.append(file);
    return patch;
}

} // namespace rb::patch
