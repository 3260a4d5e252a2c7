#include "git/patch_header.h"

#include <algorithm>

namespace rb::git {

namespace {

bool needsQuoting(QByteArrayView path)
{
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\')
            return true;
    }
    return false;
}

QByteArray octalMode(quint32 mode)
{
    return QByteArray::number(mode, 8).rightJustified(6, '0');
}

QByteArray abbreviated(const QString &id, int abbrev)
{
    if (id.isEmpty())
        return QByteArray(abbrev, '0');
    return id.left(abbrev).toLatin1();
}

bool hasOld(const FileDiff &f) { return f.status != FileStatus::Added; }
bool hasNew(const FileDiff &f) { return f.status != FileStatus::Deleted; }

const QByteArray &oldName(const FileDiff &f) { return hasOld(f) ? f.oldPathBytes : f.newPathBytes; }
const QByteArray &newName(const FileDiff &f) { return hasNew(f) ? f.newPathBytes : f.oldPathBytes; }

} // namespace

QByteArray quotedPath(QByteArrayView prefix, QByteArrayView path)
{
    if (!needsQuoting(path))
        return prefix.toByteArray() + path.toByteArray();
    QByteArray out = "\"" + prefix.toByteArray();
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\v': out += "\\v"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            if (u < 0x20 || u >= 0x7f) {
                out += '\\';
                out += char('0' + ((u >> 6) & 7));
                out += char('0' + ((u >> 3) & 7));
                out += char('0' + (u & 7));
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray gitHeader(const FileDiff &f, int abbrev, int oldAbbrev, int newAbbrev)
{
    QByteArray h = "diff --git " + quotedPath("a/", oldName(f)) + ' ' + quotedPath("b/", newName(f)) + '\n';
    switch (f.status) {
    case FileStatus::Added:
        h += "new file mode " + octalMode(f.newMode) + '\n';
        break;
    case FileStatus::Deleted:
        h += "deleted file mode " + octalMode(f.oldMode) + '\n';
        break;
    default:
        if (f.oldMode != f.newMode)
            h += "old mode " + octalMode(f.oldMode) + "\nnew mode " + octalMode(f.newMode) + '\n';
        break;
    }
    if (f.status == FileStatus::Renamed || f.status == FileStatus::Copied) {
        const QByteArray verb = f.status == FileStatus::Renamed ? "rename" : "copy";
        h += "similarity index " + QByteArray::number(f.similarity) + "%\n";
        h += verb + " from " + quotedPath({}, f.oldPathBytes) + '\n';
        h += verb + " to " + quotedPath({}, f.newPathBytes) + '\n';
    }
    const bool sameContent = !f.oldId.isEmpty() && f.oldId == f.newId;
    if (!sameContent) {
        h += "index " + abbreviated(f.oldId, std::max(abbrev, oldAbbrev)) + ".."
             + abbreviated(f.newId, std::max(abbrev, newAbbrev));
        if (hasOld(f) && hasNew(f) && f.oldMode == f.newMode)
            h += ' ' + octalMode(f.newMode);
        h += '\n';
    }
    return h;
}

QByteArray fileLabels(const FileDiff &f)
{
    // git ends a label with a tab when the name holds a space, so that tools can tell
    // where the name stops.
    const QByteArray oldLabel = hasOld(f) ? quotedPath("a/", f.oldPathBytes) : QByteArray("/dev/null");
    const QByteArray newLabel = hasNew(f) ? quotedPath("b/", f.newPathBytes) : QByteArray("/dev/null");
    QByteArray out = "--- " + oldLabel;
    if (hasOld(f) && f.oldPathBytes.contains(' '))
        out += '\t';
    out += "\n+++ " + newLabel;
    if (hasNew(f) && f.newPathBytes.contains(' '))
        out += '\t';
    out += '\n';
    return out;
}

QByteArray binaryNotice(const FileDiff &f)
{
    const QByteArray oldLabel = hasOld(f) ? quotedPath("a/", f.oldPathBytes) : QByteArray("/dev/null");
    const QByteArray newLabel = hasNew(f) ? quotedPath("b/", f.newPathBytes) : QByteArray("/dev/null");
    return "Binary files " + oldLabel + " and " + newLabel + " differ\n";
}

} // namespace rb::git
