#include "anchor/fingerprint.h"

#include "patch/line_matcher.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>

namespace rb::anchor {

namespace {
constexpr int kContextLines = 3;

QByteArray squeezed(const QByteArray &line)
{
    QByteArray out;
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            out += c;
    return out;
}

QString hash16(const QList<QByteArray> &lines)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QByteArray &l : lines) {
        h.addData(l);
        h.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(h.result().toHex().left(16));
}

QList<QByteArray> nonBlankSqueezed(const QList<QByteArray> &lines)
{
    QList<QByteArray> out;
    for (const QByteArray &l : lines) {
        const QByteArray s = squeezed(l);
        if (!s.isEmpty())
            out.append(s);
    }
    return out;
}
} // namespace

QString fingerprintOf(const Location &location, const QString &excerpt, const QString &title, const FileLines &file)
{
    QList<QByteArray> anchored = nonBlankSqueezed(searchedLines(excerpt));
    // The file's non-blank lines, squeezed, with their 0-based line index.
    QList<QByteArray> dense;
    QList<int> lineOf;
    if (file.state == FileLines::Present)
        for (qsizetype i = 0; i < file.lines.size(); ++i) {
            const QByteArray s = squeezed(file.lines[i]);
            if (!s.isEmpty()) {
                dense.append(s);
                lineOf.append(int(i));
            }
        }
    int at = -1; // index into dense where the anchored code starts
    if (anchored.isEmpty() && location.hasLines() && !dense.isEmpty()) {
        for (qsizetype k = 0; k < dense.size(); ++k) {
            const int line = lineOf[k] + 1;
            if (line >= location.startLine && line <= std::max(location.startLine, location.endLine)) {
                if (at < 0)
                    at = int(k);
                anchored.append(dense[k]);
            }
        }
    } else if (!anchored.isEmpty() && !dense.isEmpty()) {
        const QList<int> found = patch::findAll(dense, anchored, patch::Comparison::Exact);
        if (!found.isEmpty()) {
            // The occurrence nearest the recorded line.
            at = found.first();
            for (int f : found)
                if (std::abs(lineOf[f] + 1 - location.startLine) < std::abs(lineOf[at] + 1 - location.startLine))
                    at = f;
        }
    }
    if (anchored.isEmpty())
        anchored = {QFileInfo(location.path).fileName().toUtf8(), title.toLower().simplified().toUtf8()};
    QString context = QStringLiteral("-");
    if (at >= 0) {
        QList<QByteArray> around;
        for (int k = std::max(0, at - kContextLines); k < at; ++k)
            around.append(dense[k]);
        around.append(QByteArray("|")); // where the anchored code sits
        const int end = at + int(anchored.size());
        for (int k = end; k < std::min(int(dense.size()), end + kContextLines); ++k)
            around.append(dense[k]);
        context = hash16(around);
    }
    return QStringLiteral("v1:%1:%2").arg(hash16(anchored), context);
}

bool fingerprintsMatch(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char(':'));
    const QStringList y = b.split(QLatin1Char(':'));
    if (x.size() != 3 || y.size() != 3 || x[0] != y[0] || x[1] != y[1])
        return false;
    return x[2] == y[2] || x[2] == QLatin1String("-") || y[2] == QLatin1String("-");
}

int fingerprintReview(Review &review, const FileReader &readFile)
{
    QHash<QString, FileLines> files;
    const auto linesOf = [&](const QString &path) -> const FileLines & {
        auto it = files.find(path);
        if (it == files.end())
            it = files.insert(path, readFile ? readFile(path) : FileLines{});
        return *it;
    };
    int added = 0;
    const auto give = [&](QString &fingerprint, const QList<Location> &locations, const QString &excerpt, const QString &title) {
        if (!fingerprint.isEmpty())
            return;
        const Location l = locations.value(0);
        fingerprint = fingerprintOf(l, excerpt, title, l.path.isEmpty() ? FileLines{} : linesOf(l.path));
        ++added;
    };
    for (RawFinding &f : review.findings)
        give(f.fingerprint, f.locations, f.codeExcerpts.value(0), f.title);
    for (Issue &i : review.issues)
        give(i.fingerprint, i.locations, i.codeExcerpt, i.title);
    return added;
}

} // namespace rb::anchor
