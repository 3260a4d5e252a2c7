// The previous round's issues on a new head: each gets a status by the classification rules
// of anchor/round_status.h (still present, moved, fixed as proposed, fixed by a rewrite,
// stale, unverified), and none is dropped.
#include "anchor/round_status.h"

#include <QTest>

using namespace rb;
using namespace rb::anchor;

namespace {
FileLines present(const QByteArray &text)
{
    FileLines f;
    f.state = FileLines::Present;
    f.lines = text.split('\n');
    if (!f.lines.isEmpty() && f.lines.last().isEmpty())
        f.lines.removeLast();
    return f;
}

const QByteArray kFile = "def a():\n    pass\n\ndef reserve_many(items):\n    for sku in items:\n        reserve(sku)\n    return 1\n";

Issue issueAt(const QString &id, int start, int end, const QString &excerpt)
{
    Issue i;
    i.id = id;
    i.title = QStringLiteral("Reserve without a lock");
    i.locations = {Location{QStringLiteral("stock.py"), start, end}};
    i.codeExcerpt = excerpt;
    return i;
}
const QString kExcerpt = QStringLiteral("for sku in items:\n    reserve(sku)");
} // namespace

class TestRoundStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stillPresent()
    {
        const IssueRoundStatus s = classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), present(kFile));
        QCOMPARE(s.status, RoundStatus::StillPresent);
        QCOMPARE(s.location.startLine, 5);
    }
    void movedByAnEditAbove()
    {
        const IssueRoundStatus s = classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), present("import os\nimport sys\n" + kFile));
        QCOMPARE(s.status, RoundStatus::Moved);
        QCOMPARE(s.location.startLine, 7);
        QCOMPARE(s.location.endLine, 8);
        QVERIFY2(s.reason.contains(QLatin1String("stock.py:5-6")), qPrintable(s.reason));
    }
    void fixedAsProposed()
    {
        Issue i = issueAt("issue-1", 5, 6, kExcerpt);
        IssueFix fix;
        fix.id = QStringLiteral("fix-1");
        fix.patch = QStringLiteral("@@ -5,2 +5,3 @@\n-    for sku in items:\n-        reserve(sku)\n+    with lock:\n+        for sku in items:\n+            reserve_locked(sku)\n");
        i.fixes = {fix};
        const QByteArray fixed = "def a():\n    pass\n\ndef reserve_many(items):\n    with lock:\n        for sku in items:\n            reserve_locked(sku)\n    return 1\n";
        const IssueRoundStatus s = classifyIssue(i, present(fixed));
        QCOMPARE(s.status, RoundStatus::Fixed);
        QCOMPARE(s.reason, QStringLiteral("changed as its fix proposed"));
    }
    void fixedByARewrite()
    {
        const QByteArray rewritten = "def a():\n    pass\n\ndef reserve_many(items):\n    for sku in items:\n        reserve_with_lock(sku)\n    return 1\n";
        const IssueRoundStatus s = classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), present(rewritten));
        QCOMPARE(s.status, RoundStatus::Fixed);
        QVERIFY2(s.reason.contains(QLatin1String("rewritten")), qPrintable(s.reason));
    }
    void staleWhenTheCodeIsGone()
    {
        const IssueRoundStatus s = classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), present("def a():\n    pass\n"));
        QCOMPARE(s.status, RoundStatus::Stale);
        QVERIFY2(s.reason.contains(QLatin1String("gone")), qPrintable(s.reason));
    }
    void staleWhenTheFileIsGone()
    {
        FileLines gone;
        gone.state = FileLines::Gone;
        const IssueRoundStatus s = classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), gone);
        QCOMPARE(s.status, RoundStatus::Stale);
        QCOMPARE(s.reason, QStringLiteral("stock.py is gone"));
    }
    void unverifiedWithoutQuotedCodeOrFile()
    {
        QCOMPARE(classifyIssue(issueAt("issue-1", 5, 6, QString()), present(kFile)).status, RoundStatus::Unverified);
        QCOMPARE(classifyIssue(issueAt("issue-1", 5, 6, kExcerpt), FileLines{}).status, RoundStatus::Unverified);
    }
    void everyIssueGetsAStatusAndEachFileIsReadOnce()
    {
        Review previous;
        previous.issues = {issueAt("issue-1", 5, 6, kExcerpt), issueAt("issue-2", 1, 2, QStringLiteral("def a():\n    pass")),
                           issueAt("issue-3", 5, 6, QStringLiteral("nothing like this"))};
        Issue elsewhere = issueAt("issue-4", 1, 1, QStringLiteral("x = 1"));
        elsewhere.locations[0].path = QStringLiteral("gone.py");
        previous.issues << elsewhere;
        int reads = 0;
        const QList<IssueRoundStatus> out = classifyPreviousRound(previous, [&](const QString &path) {
            ++reads;
            if (path == QLatin1String("stock.py"))
                return present("import os\n" + kFile);
            FileLines g;
            g.state = FileLines::Gone;
            return g;
        });
        QCOMPARE(reads, 2);
        QCOMPARE(out.size(), 4);
        QCOMPARE(out[0].status, RoundStatus::Moved);
        QCOMPARE(out[1].status, RoundStatus::Moved);
        QCOMPARE(out[2].status, RoundStatus::Stale);
        QCOMPARE(out[3].status, RoundStatus::Stale);
        QCOMPARE(out[3].issueId, QStringLiteral("issue-4"));
    }
    void addedLinesOfAPatch()
    {
        QCOMPARE(addedLines(QStringLiteral("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n")), QStringLiteral("b\nc"));
        QCOMPARE(addedLines(QStringLiteral("just prose")), QString());
    }
};

QTEST_GUILESS_MAIN(TestRoundStatus)
#include "test_round_status.moc"
