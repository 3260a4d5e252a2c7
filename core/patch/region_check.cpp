#include "patch/region_check.h"

#include "patch/patch_parser.h"
#include "patch/text_encoding.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace rb::patch {

namespace {
constexpr double kEditedSimilarity = 0.5;
constexpr qsizetype kMaxCompared = 400;
constexpr size_t kMaxTable = 4'000'000; // cells of the subsequence table (16 MB)

QByteArray squeeze(const QByteArray &line)
{
    QByteArray out;
    out.reserve(line.size());
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            out += c;
    return out;
}

// A line that says something: not only punctuation ("}", ");", "end" counts).
bool substantial(const QByteArray &squeezed)
{
    int alnum = 0;
    for (char c : squeezed)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
            ++alnum;
    return alnum >= 2;
}

QString shown(const QByteArray &line)
{
    QString s = displayText(line).trimmed();
    if (s.size() > 80)
        s = s.left(77) + QStringLiteral("...");
    return s;
}

// For each index of `a`, whether it is in a longest common subsequence with `b`; and for
// each index of `b`, likewise.
void commonSubsequence(const QList<QByteArray> &a, const QList<QByteArray> &b, std::vector<int> &matchOfA)
{
    const size_t n = size_t(a.size());
    const size_t m = size_t(b.size());
    if (n * m > kMaxTable) {
        // Too big for the table: a line is kept when it occurs in order further on.
        matchOfA.assign(n, -1);
        qsizetype from = 0;
        for (size_t i = 0; i < n; ++i) {
            const qsizetype at = b.indexOf(a[qsizetype(i)], from);
            if (at >= 0) {
                matchOfA[i] = int(at);
                from = at + 1;
            }
        }
        return;
    }
    std::vector<std::vector<int>> len(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            len[i][j] = a[qsizetype(i)] == b[qsizetype(j)] ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    matchOfA.assign(n, -1);
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[qsizetype(i)] == b[qsizetype(j)]) {
            matchOfA[i] = int(j);
            ++i;
            ++j;
        } else if (len[i + 1][j] >= len[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
}
} // namespace

double lineSimilarity(const QByteArray &a, const QByteArray &b)
{
    const QByteArray x = squeeze(a).left(kMaxCompared);
    const QByteArray y = squeeze(b).left(kMaxCompared);
    if (x.isEmpty() && y.isEmpty())
        return 1.0;
    if (x.isEmpty() || y.isEmpty())
        return 0.0;
    std::vector<int> prev(size_t(y.size()) + 1, 0), cur(size_t(y.size()) + 1, 0);
    for (qsizetype i = 1; i <= x.size(); ++i) {
        for (qsizetype j = 1; j <= y.size(); ++j)
            cur[size_t(j)] = x[i - 1] == y[j - 1] ? prev[size_t(j - 1)] + 1 : std::max(prev[size_t(j)], cur[size_t(j - 1)]);
        std::swap(prev, cur);
    }
    return 2.0 * prev[size_t(y.size())] / double(x.size() + y.size());
}

RegionVerdict checkReplacedRegion(const QList<QByteArray> &region, int firstLine, const QList<QByteArray> &code,
                                  const QList<QByteArray> &excerpt, const QList<QByteArray> &fileLines)
{
    RegionVerdict verdict;
    // Non-blank lines, whitespace removed, with their index in the original list.
    struct Lines {
        QList<QByteArray> squeezed;
        QList<int> index;
    };
    const auto nonBlank = [](const QList<QByteArray> &lines, bool skipOmissions) {
        Lines out;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray s = squeeze(lines[i]);
            if (s.isEmpty() || (skipOmissions && isOmissionLine(lines[i])))
                continue;
            out.squeezed.append(s);
            out.index.append(int(i));
        }
        return out;
    };
    const Lines r = nonBlank(region, false);
    const Lines c = nonBlank(code, false);
    const Lines e = nonBlank(excerpt, true);

    QSet<QByteArray> regionSet(r.squeezed.begin(), r.squeezed.end());
    bool excerptApplies = false;
    for (const QByteArray &l : e.squeezed)
        if (substantial(l) && regionSet.contains(l)) {
            excerptApplies = true;
            break;
        }
    QSet<QByteArray> quoted;
    if (excerptApplies) {
        QSet<QByteArray> fileSet;
        for (const QByteArray &l : fileLines)
            fileSet.insert(squeeze(l));
        for (qsizetype k = 0; k < e.squeezed.size(); ++k) {
            const QByteArray &l = e.squeezed[k];
            quoted.insert(l);
            if (substantial(l) && !fileSet.contains(l)) {
                verdict.reason = QStringLiteral("the code the finding quotes has changed since the review: its line \"%1\" is no "
                                                "longer in the file; replacing lines %2-%3 could overwrite that change")
                                     .arg(shown(excerpt[e.index[k]]))
                                     .arg(firstLine)
                                     .arg(firstLine + int(region.size()) - 1);
                return verdict;
            }
        }
    }

    std::vector<int> keptAt;
    commonSubsequence(r.squeezed, c.squeezed, keptAt);
    // The code lines written in the gap around each dropped region line: between the code
    // lines matched to the kept region lines before and after it.
    for (qsizetype k = 0; k < r.squeezed.size(); ++k) {
        if (keptAt[size_t(k)] >= 0)
            continue;
        const QByteArray &dropped = r.squeezed[k];
        if (quoted.contains(dropped) || !substantial(dropped))
            continue; // quoted, or only punctuation ("}", ");"): structure, not code of its own
        int from = 0;
        for (qsizetype p = k - 1; p >= 0; --p)
            if (keptAt[size_t(p)] >= 0) {
                from = keptAt[size_t(p)] + 1;
                break;
            }
        int to = int(c.squeezed.size());
        for (qsizetype p = k + 1; p < r.squeezed.size(); ++p)
            if (keptAt[size_t(p)] >= 0) {
                to = keptAt[size_t(p)];
                break;
            }
        double best = 0.0;
        for (int j = from; j < to; ++j)
            best = std::max(best, lineSimilarity(dropped, c.squeezed[j]));
        if (best >= kEditedSimilarity)
            continue;
        const int line = firstLine + r.index[k];
        verdict.reason = QStringLiteral("line %1 (\"%2\") is neither kept nor edited by the code%3, so the region (lines %4-%5) "
                                        "is not the code the agent quoted; it may have changed since the review")
                             .arg(line)
                             .arg(shown(region[r.index[k]]))
                             .arg(excerptApplies ? QStringLiteral(" nor quoted by the finding") : QString())
                             .arg(firstLine)
                             .arg(firstLine + int(region.size()) - 1);
        return verdict;
    }
    verdict.close = true;
    return verdict;
}

} // namespace rb::patch
