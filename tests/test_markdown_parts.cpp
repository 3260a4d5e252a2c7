// Each part of the Markdown review parser on its own: the header table, finding sections,
// design observations, assessments and the appendix (the whole parser: test_markdown_review).
#include "parse/markdown_appendix.h"
#include "parse/markdown_assessments.h"
#include "parse/markdown_findings.h"
#include "parse/markdown_header.h"
#include "parse/markdown_observations.h"

#include <QTest>

using namespace rb;
using namespace rb::parse;

namespace {
// Markdown text parsed, with a context over it.
struct Doc {
    explicit Doc(const QByteArray &text) : src(text), root(md::parseMarkdown(src.bytes())), ctx{src, out} {}
    const md::Block &block(qsizetype i) const { return root.children.at(i); }
    SourceText src;
    md::Block root;
    ParsedReview out;
    MarkdownContext ctx;
};
} // namespace

class TestMarkdownParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- header table -----------------------------------------------------------------
    void headerTableGivesVerdictAndRows()
    {
        Doc d("| Field | Value |\n| --- | --- |\n| Verdict | **Merge with fixes** |\n| Scope | 3 commits |\n| | empty key |\n");
        const auto h = readHeaderTable(d.block(0));
        QVERIFY(h);
        QCOMPARE(h->verdict, QStringLiteral("Merge with fixes"));
        QCOMPARE(h->rows.size(), 1);
        QCOMPARE(h->rows.value(QStringLiteral("Scope")), QStringLiteral("3 commits"));
    }
    void tableWithoutVerdictIsNoHeader()
    {
        Doc d("| File | Status |\n| --- | --- |\n| a.go | reviewed |\n");
        QVERIFY(!readHeaderTable(d.block(0)));
    }

    // ---- appendix ---------------------------------------------------------------------
    void coverageFromListItems()
    {
        Doc d("- `watch/reload.go` — reviewed in full\n- cmd/main.go: skimmed\n- not a path at all\n");
        const QList<CoverageEntry> c = coverageFromList(d.block(0));
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[0].path, QStringLiteral("watch/reload.go"));
        QCOMPARE(c[0].status, QStringLiteral("reviewed in full"));
        QCOMPARE(c[1].path, QStringLiteral("cmd/main.go"));
        QCOMPARE(c[1].status, QStringLiteral("skimmed"));
    }
    void coverageFromTableRows()
    {
        Doc d("| File | Status |\n| --- | --- |\n| a.go | reviewed |\n| file | header again |\n| b.go | |\n");
        const QList<CoverageEntry> c = coverageFromTable(d.block(0));
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[0].path, QStringLiteral("a.go"));
        QCOMPARE(c[0].status, QStringLiteral("reviewed"));
        QCOMPARE(c[1].path, QStringLiteral("b.go"));
    }
    void appendixSections()
    {
        QVERIFY(isAppendixSection(SectionKind::AcknowledgedLimitations));
        QVERIFY(isAppendixSection(SectionKind::CoverageSummary));
        QVERIFY(!isAppendixSection(SectionKind::Testing));
    }

    // ---- assessments ------------------------------------------------------------------
    void sectionTextLeavesOutThematicBreaks()
    {
        Doc d("First paragraph.\n\n---\n\n  Indented second.\n");
        const QList<const md::Block *> blocks{&d.block(0), &d.block(1), &d.block(2)};
        QCOMPARE(sectionText(blocks, d.ctx), QStringLiteral("First paragraph.\n\nIndented second."));
    }
    void assessmentsGoToTheirFieldAndAddUp()
    {
        ParsedReview out;
        storeSection(SectionKind::Testing, QStringLiteral("Testing"), QStringLiteral("One."), {}, out);
        storeSection(SectionKind::Testing, QStringLiteral("Testing"), QStringLiteral("Two."), {}, out);
        storeSection(SectionKind::ExecutiveSummary, QStringLiteral("Summary"), QStringLiteral("S."), {}, out);
        storeSection(SectionKind::CommitStructure, QStringLiteral("Commits"), QStringLiteral("C."), {}, out);
        storeSection(SectionKind::Documentation, QStringLiteral("Docs"), QStringLiteral("D."), {}, out);
        storeSection(SectionKind::Findings, QStringLiteral("Findings"), QStringLiteral("ignored"), {}, out);
        QCOMPARE(out.run.testingAssessment, QStringLiteral("One.\n\nTwo."));
        QCOMPARE(out.run.executiveSummary, QStringLiteral("S."));
        QCOMPARE(out.run.commitStructure, QStringLiteral("C."));
        QCOMPARE(out.run.documentationAssessment, QStringLiteral("D."));
        QVERIFY(out.otherSections.isEmpty());
        storeSection(SectionKind::UnresolvedFeedback, QStringLiteral("Unresolved"), QStringLiteral("U."), SourceSpan{3, 4, 10, 20}, out);
        QCOMPARE(out.otherSections.size(), 1);
        QCOMPARE(out.otherSections[0].heading, QStringLiteral("Unresolved"));
        QCOMPARE(out.otherSections[0].span.startLine, 3);
    }

    // ---- design observations ----------------------------------------------------------
    void observationFromABulletWithScopeAndBody()
    {
        Doc d("- **Config is read twice** *(future)* — the loader and the watcher\n  each parse it.\n");
        d.out.run.id = QStringLiteral("a");
        ObservationBuilder b(d.ctx);
        const md::Block &item = d.block(0).children.first();
        QVERIFY(ObservationBuilder::holdsObservation(item));
        b.startFromItem(item, ObservationKind::Concern);
        QVERIFY(b.isOpen() && b.fromListItem());
        b.close();
        QCOMPARE(d.out.observations.size(), 1);
        const RawObservation &o = d.out.observations.first();
        QCOMPARE(o.title, QStringLiteral("Config is read twice"));
        QVERIFY(o.scope == ObservationScope::Future);
        QCOMPARE(o.body, QStringLiteral("the loader and the watcher\neach parse it."));
        QCOMPARE(o.agentId, QStringLiteral("a"));
        QCOMPARE(o.span.startLine, 1);
        QCOMPARE(o.span.endLine, 2);
    }
    void observationFromATitleCollectsFollowingBlocks()
    {
        Doc d("**Clear error paths:**\n\nEvery failure names the file.\n");
        ObservationBuilder b(d.ctx);
        b.startFromTitle(d.block(0), d.block(0).firstLine(), ObservationKind::Strength, false);
        b.add(d.block(1));
        b.close();
        QCOMPARE(d.out.observations.size(), 1);
        QCOMPARE(d.out.observations[0].title, QStringLiteral("Clear error paths"));
        QVERIFY(d.out.observations[0].kind == ObservationKind::Strength);
        QCOMPARE(d.out.observations[0].body, QStringLiteral("Every failure names the file."));
    }
    void emptyObservationIsDropped()
    {
        Doc d("- \n");
        ObservationBuilder b(d.ctx);
        QVERIFY(!ObservationBuilder::holdsObservation(d.block(0).children.first()));
        b.startFromTitle(d.block(0), QString(), ObservationKind::Concern, false);
        b.close();
        QVERIFY(d.out.observations.isEmpty());
    }
    void observationTitlesAreCleaned_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("clean");
        QTest::newRow("bold") << "**Title**" << "Title";
        QTest::newRow("colon") << "Title::" << "Title";
        QTest::newRow("marker") << "Nice split [good]" << "Nice split";
        QTest::newRow("bold run") << "****" << "****";
        QTest::newRow("short bold") << "**x****" << "x**";
    }
    void observationTitlesAreCleaned()
    {
        QFETCH(QString, raw);
        QFETCH(QString, clean);
        QCOMPARE(cleanObservationTitle(raw), clean);
    }

    // ---- findings ---------------------------------------------------------------------
    void findingTitleAcceptance_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("inFindings");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("bracket severity anywhere") << QByteArray("**[CRITICAL] a.go:3 — T**") << false << true;
        QTest::newRow("letter id anywhere") << QByteArray("I1. **Title** — `a.go:3`") << false << true;
        QTest::newRow("numbered bold outside findings") << QByteArray("1. **Title** — `a.go:3`") << false << false;
        QTest::newRow("numbered bold in findings") << QByteArray("1. **Title** — `a.go:3`") << true << true;
        QTest::newRow("bare bold opening a section") << QByteArray("**Title**") << true << true;
        QTest::newRow("plain prose") << QByteArray("Just a sentence about things.") << true << false;
    }
    void findingTitleAcceptance()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, inFindings);
        QFETCH(bool, accepted);
        Doc d(line + "\n");
        const md::Block *p = &d.block(0);
        int number = 0;
        if (p->type == md::BlockType::List) {
            number = p->ordered ? p->listStart : 0;
            p = &p->children.first().children.first();
        }
        const auto t = parseTitleLine(p->firstLine(), number);
        const bool ok = t && acceptsFindingTitle(*t, *p, {inFindings, false, false});
        QCOMPARE(ok, accepted);
    }
    void findingCollectsBodyFixAndSeverity()
    {
        Doc d("**Reload drops a watcher** — `watch/reload.go:3`\n\nThe loop stops one short.\n\n"
              "Fix:\n\n```diff\n-a\n+b\n```\n");
        d.out.run.id = QStringLiteral("a");
        FindingBuilder f(d.ctx);
        const auto t = parseTitleLine(d.block(0).firstLine());
        QVERIFY(t);
        f.start(*t, d.block(0), d.block(0).startLine, SectionKind::Important);
        f.takeTitleParagraph(*t, d.block(0));
        for (qsizetype i = 1; i < d.root.children.size(); ++i)
            f.addContent(d.block(i));
        f.close();
        QCOMPARE(d.out.findings.size(), 1);
        const RawFinding &r = d.out.findings.first();
        QCOMPARE(r.title, QStringLiteral("Reload drops a watcher"));
        QVERIFY(r.severity == Severity::Important); // from the section
        QCOMPARE(r.locations.size(), 1);
        QCOMPARE(r.locations[0].path, QStringLiteral("watch/reload.go"));
        QCOMPARE(r.body, QStringLiteral("The loop stops one short."));
        QCOMPARE(r.fixPatch, QStringLiteral("-a\n+b\n"));
        QCOMPARE(r.span.startLine, 1);
        QCOMPARE(r.span.endLine, 10);
        QVERIFY(d.out.run.parseWarnings.isEmpty());
    }
    void findingWithoutSeverityIsASuggestionWithAWarning()
    {
        Doc d("**Something** — `a.go:1`\n\n- Classification: nothing useful\n- A plain bullet\n");
        FindingBuilder f(d.ctx);
        const auto t = parseTitleLine(d.block(0).firstLine());
        QVERIFY(t);
        f.start(*t, d.block(0), 1, SectionKind::Findings);
        f.addContent(d.block(1));
        f.close();
        QCOMPARE(d.out.findings.size(), 1);
        QVERIFY(d.out.findings[0].severity == Severity::Suggestion);
        QCOMPARE(d.out.run.parseWarnings.size(), 1);
        QVERIFY(d.out.run.parseWarnings[0].message.contains(QLatin1String("taken as a suggestion")));
        QVERIFY(d.out.findings[0].body.contains(QLatin1String("A plain bullet")));
    }
    void classificationLabelGivesTheTag()
    {
        Doc d("**Something** — `a.go:1`\n\n- Classification: critical, regression\n");
        FindingBuilder f(d.ctx);
        const auto t = parseTitleLine(d.block(0).firstLine());
        f.start(*t, d.block(0), 1, SectionKind::Findings);
        f.addContent(d.block(1));
        f.close();
        QVERIFY(d.out.findings[0].severity == Severity::Critical);
        QVERIFY(d.out.findings[0].category == Category::Regression);
    }
    void lettersGiveSeverities()
    {
        QVERIFY(severityOfLetter(QStringLiteral("C2")) == Severity::Critical);
        QVERIFY(severityOfLetter(QStringLiteral("I1")) == Severity::Important);
        QVERIFY(severityOfLetter(QStringLiteral("S3")) == Severity::Suggestion);
        QVERIFY(!severityOfLetter(QStringLiteral("3")));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownParts)
#include "test_markdown_parts.moc"
