// The consolidation quality measure: parses the labelled evaluation set (tests/data/eval:
// raw reviews by three agents of several made-up PRs, the true grouping in truth.json),
// clusters each PR's findings and prints pairwise precision, recall and F1 against the true
// grouping, and the share of true issues whose proposed severity equals the human's.
// Exit status 1 when F1 is below the target (or the data cannot be read).
#include "consolidate/consolidate.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <nlohmann/json.hpp>

using namespace rb;

namespace {

constexpr double kTargetF1 = 0.9;

QString plain(QString s)
{
    s.remove(QLatin1Char('`'));
    s.remove(QLatin1Char('*'));
    return s.trimmed();
}

struct Counts {
    qint64 truePairs = 0;
    qint64 predictedPairs = 0;
    qint64 correctPairs = 0;
    int issues = 0;
    int severityCorrect = 0;

    Counts &operator+=(const Counts &o)
    {
        truePairs += o.truePairs;
        predictedPairs += o.predictedPairs;
        correctPairs += o.correctPairs;
        issues += o.issues;
        severityCorrect += o.severityCorrect;
        return *this;
    }
    double precision() const { return predictedPairs ? double(correctPairs) / double(predictedPairs) : 1.0; }
    double recall() const { return truePairs ? double(correctPairs) / double(truePairs) : 1.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

qint64 pairs(qint64 n) { return n * (n - 1) / 2; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    const bool verbose = args.removeAll(QStringLiteral("-v")) > 0; // also print every proposed issue
    const QString dir = !args.isEmpty() ? args.first() : QStringLiteral(RB_EVAL_DIR);
    QFile truthFile(QDir(dir).filePath(QStringLiteral("truth.json")));
    if (!truthFile.open(QIODevice::ReadOnly)) {
        err << truthFile.fileName() << ": cannot open\n";
        return 1;
    }
    const nlohmann::json truth = nlohmann::json::parse(truthFile.readAll().toStdString(), nullptr, false);
    if (truth.is_discarded()) {
        err << truthFile.fileName() << ": not valid JSON\n";
        return 1;
    }

    Counts total;
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("PR"), -16).arg(QStringLiteral("findings"), 8).arg(QStringLiteral("true"), 5)
               .arg(QStringLiteral("found"), 5).arg(QStringLiteral("precision"), 9).arg(QStringLiteral("recall"), 7)
               .arg(QStringLiteral("F1"), 6);
    for (const auto &pr : truth.at("prs")) {
        const QString prDir = QString::fromStdString(pr.at("dir").get<std::string>());
        Review review;
        for (const auto &[key, name] : truth.at("agents").items()) {
            const QString path = QDir(dir).filePath(prDir + QLatin1Char('/') + QString::fromStdString(key) + QStringLiteral(".md"));
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                err << path << ": cannot open\n";
                return 1;
            }
            parse::RawReviewSource source;
            source.agentId = QString::fromStdString(key);
            source.agentName = QString::fromStdString(name.get<std::string>());
            source.fileName = path;
            const auto parsed = parse::parseRawReview(f.readAll(), source);
            if (!parsed || !parse::addAgentReview(review, *parsed).ok()) {
                err << path << ": " << (parsed ? QStringLiteral("cannot add") : parsed.error().message) << "\n";
                return 1;
            }
        }

        // The true issue of every finding, by "agent: title" prefix.
        QHash<QString, int> trueIssue;
        QList<std::pair<QString, Severity>> trueIssues; // first member, severity
        int index = 0;
        for (const auto &issue : pr.at("issues")) {
            QString first;
            for (const auto &m : issue.at("members")) {
                const QString member = QString::fromStdString(m.get<std::string>());
                const QString agent = member.section(QLatin1Char(':'), 0, 0).trimmed();
                const QString title = plain(member.section(QLatin1Char(':'), 1));
                const auto it = std::find_if(review.findings.begin(), review.findings.end(), [&](const RawFinding &f) {
                    return f.agentId == agent && plain(f.title).startsWith(title);
                });
                if (it == review.findings.end()) {
                    err << prDir << ": no finding \"" << member << "\" among the parsed findings\n";
                    return 1;
                }
                trueIssue.insert(it->id, index);
                if (first.isEmpty())
                    first = it->id;
            }
            trueIssues.append({first, *severityFromString(QString::fromStdString(issue.at("severity").get<std::string>()))});
            ++index;
        }
        for (const RawFinding &f : review.findings) {
            if (!trueIssue.contains(f.id)) {
                err << prDir << ": finding " << f.id << " (\"" << f.title << "\") is not labelled in truth.json\n";
                return 1;
            }
        }

        const QList<Issue> issues = consolidate::proposeIssues(review);
        if (verbose) {
            for (const Issue &issue : issues) {
                out << "  " << issue.id << " " << toString(issue.proposedSeverity) << ":";
                for (const QString &m : issue.members)
                    out << " [" << trueIssue.value(m) << "] " << m << " \"" << review.finding(m)->title << "\"";
                out << "\n";
            }
            // Pairs the clustering got wrong, with their scores.
            const QList<consolidate::ClusterItem> items = consolidate::findingItems(review);
            auto predicted = [&](const QString &id) {
                for (const Issue &issue : issues)
                    if (issue.members.contains(id))
                        return issue.id;
                return QString();
            };
            for (qsizetype a = 0; a < items.size(); ++a) {
                for (qsizetype b = a + 1; b < items.size(); ++b) {
                    const bool same = trueIssue.value(items[a].id) == trueIssue.value(items[b].id);
                    if (same == (predicted(items[a].id) == predicted(items[b].id)))
                        continue;
                    const consolidate::PairScore s = consolidate::scorePair(items, int(a), int(b));
                    out << "    " << (same ? "missed " : "wrong  ") << items[a].id << " + " << items[b].id
                        << QStringLiteral(": combined %1 location %2 identifiers %3 text %4 (%5; %6)\n")
                               .arg(s.combined, 0, 'f', 2).arg(s.location, 0, 'f', 2).arg(s.identifiers, 0, 'f', 2)
                               .arg(s.text, 0, 'f', 2).arg(s.sharedIdentifiers.join(QLatin1Char(',')), s.sharedTerms.join(QLatin1Char(',')));
                }
            }
        }
        Counts c;
        c.issues = int(trueIssues.size());
        QHash<int, int> sizes;
        for (auto it = trueIssue.constBegin(); it != trueIssue.constEnd(); ++it)
            ++sizes[it.value()];
        for (int n : std::as_const(sizes))
            c.truePairs += pairs(n);
        for (const Issue &issue : issues) {
            c.predictedPairs += pairs(issue.members.size());
            for (qsizetype a = 0; a < issue.members.size(); ++a)
                for (qsizetype b = a + 1; b < issue.members.size(); ++b)
                    if (trueIssue.value(issue.members[a]) == trueIssue.value(issue.members[b]))
                        ++c.correctPairs;
        }
        for (const auto &[first, severity] : trueIssues)
            for (const Issue &issue : issues)
                if (issue.members.contains(first) && issue.proposedSeverity == severity)
                    ++c.severityCorrect;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(prDir, -16).arg(review.findings.size(), 8).arg(trueIssues.size(), 5).arg(issues.size(), 5)
                   .arg(c.precision(), 9, 'f', 3).arg(c.recall(), 7, 'f', 3).arg(c.f1(), 6, 'f', 3);
        total += c;
    }
    out << QStringLiteral("pairwise: precision %1  recall %2  F1 %3 (target %4)\n")
               .arg(total.precision(), 0, 'f', 3).arg(total.recall(), 0, 'f', 3).arg(total.f1(), 0, 'f', 3).arg(kTargetF1, 0, 'f', 2);
    out << QStringLiteral("proposed severity equals the human's: %1 of %2 issues (%3)\n")
               .arg(total.severityCorrect).arg(total.issues).arg(double(total.severityCorrect) / std::max(1, total.issues), 0, 'f', 3);
    out.flush();
    if (total.f1() < kTargetF1) {
        err << "F1 " << total.f1() << " is below the target " << kTargetF1 << "\n";
        return 1;
    }
    return 0;
}
