// Prompt templates and the default review prompt: pure functions from values to text.
#include "agents/prompt_template.h"
#include "agents/review_prompt.h"

#include <QTest>

using namespace rb;
using namespace rb::agents;

namespace {
template <typename T>
QString errorOf(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().message;
}

ReviewInput sampleInput()
{
    ReviewInput in;
    in.repositoryPath = QStringLiteral("/src/watchd");
    in.metadata.repository = QStringLiteral("acme/watchd");
    in.metadata.base = QStringLiteral("main");
    in.metadata.head = QStringLiteral("fix/reload");
    in.metadata.mergeBase = QStringLiteral("1111111111111111111111111111111111111111");
    in.metadata.headSha = QStringLiteral("2222222222222222222222222222222222222222");
    in.metadata.commits = {{QStringLiteral("aaaaaaaaaaaaaaaa"), QStringLiteral("Reload watchers in order"), {}, {}},
                           {QStringLiteral("bbbbbbbbbbbbbbbb"), QStringLiteral("Test {{diff}} literally"), {}, {}}};
    in.diff = QStringLiteral("--- a/reload.go\n+++ b/reload.go\n@@ -1 +1 @@\n-old\n+new\n");
    return in;
}
} // namespace

class TestReviewPrompt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void render_data()
    {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << "no placeholders" << "no placeholders" << "";
        QTest::newRow("two") << "{{a}} and {{b}}." << "A and {{a}}." << "";
        QTest::newRow("adjacent") << "{{a}}{{a}}" << "AA" << "";
        QTest::newRow("single braces stay") << "{a} {{a}}" << "{a} A" << "";
        QTest::newRow("unknown, line 2") << "x\ny {{c}}" << "" << "line 2: unknown placeholder {{c}}; known placeholders: a, b";
        QTest::newRow("spaces are not trimmed") << "{{ a }}" << "" << "line 1: unknown placeholder {{ a }}; known placeholders: a, b";
        QTest::newRow("unterminated") << "a\nb\n{{a\n}}" << "" << "line 3: \"{{\" without a closing \"}}\" on the same line";
    }

    void render()
    {
        QFETCH(QString, templ);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        // b's value contains a placeholder: it must be inserted verbatim.
        const auto out = renderTemplate(templ, {{QStringLiteral("a"), QStringLiteral("A")}, {QStringLiteral("b"), QStringLiteral("{{a}}")}});
        QCOMPARE(errorOf(out), error);
        if (out.ok())
            QCOMPARE(*out, expected);
    }

    void defaultPromptRendersEveryPart_data()
    {
        QTest::addColumn<ReviewFormat>("format");
        QTest::addColumn<QString>("formatText");
        QTest::newRow("markdown") << ReviewFormat::Markdown << "## Executive Summary";
        QTest::newRow("json") << ReviewFormat::FindingsJson << "resources/findings.schema.json";
    }

    void defaultPromptRendersEveryPart()
    {
        QFETCH(ReviewFormat, format);
        QFETCH(QString, formatText);
        const auto prompt = renderReviewPrompt(defaultPromptTemplate(), sampleInput(), format);
        QVERIFY2(prompt.ok(), qPrintable(errorOf(prompt)));
        for (const QString &part : {QStringLiteral("acme/watchd"), QStringLiteral("Base: main"),
                                    QStringLiteral("Head: fix/reload (commit 2222222222222222222222222222222222222222)"),
                                    QStringLiteral("Merge base: 1111111111111111111111111111111111111111"),
                                    QStringLiteral("- aaaaaaaaaaaa Reload watchers in order"),
                                    QStringLiteral("- bbbbbbbbbbbb Test {{diff}} literally"),
                                    QStringLiteral("```diff\n--- a/reload.go\n+++ b/reload.go\n@@ -1 +1 @@\n-old\n+new\n```"),
                                    formatText})
            QVERIFY2(prompt->contains(part), qPrintable(part));
        QVERIFY(!prompt->contains(QLatin1String("{{repository}}")));
    }

    void diffSection_data()
    {
        QTest::addColumn<QString>("diff");
        QTest::addColumn<qsizetype>("limit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fence longer than backticks in the diff")
            << "+```cpp\n+x\n+```" << qsizetype(1000)
            << "````diff\n+```cpp\n+x\n+```\n````";
        QTest::newRow("too large: how to read it")
            << QString(2000, QLatin1Char('+')) << qsizetype(1000)
            << "The diff is 2000 bytes, too large to include here. Read it with `git diff 1111111111111111111111111111111111111111 "
               "2222222222222222222222222222222222222222`";
        QTest::newRow("not computed: how to read it")
            << "" << qsizetype(1000)
            << "Read the diff with `git diff 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222` "
               "in the working directory.";
    }

    void diffSection()
    {
        QFETCH(QString, diff);
        QFETCH(qsizetype, limit);
        QFETCH(QString, expected);
        ReviewInput in = sampleInput();
        in.diff = diff;
        PromptOptions options;
        options.maxInlineDiffBytes = limit;
        const QString section = reviewPromptValues(in, ReviewFormat::Markdown, options).value(QStringLiteral("diff"));
        QVERIFY2(section.contains(expected), qPrintable(section));
    }

    void missingRangeValuesAreMarkedUnknown()
    {
        ReviewInput in;
        in.repositoryPath = QStringLiteral("/src/x");
        const auto values = reviewPromptValues(in, ReviewFormat::Markdown);
        QCOMPARE(values.value(QStringLiteral("repository")), QStringLiteral("/src/x"));
        QCOMPARE(values.value(QStringLiteral("merge_base")), QStringLiteral("(unknown)"));
        QCOMPARE(values.value(QStringLiteral("commits")), QStringLiteral("(no commits listed)"));
    }
};

QTEST_GUILESS_MAIN(TestReviewPrompt)
#include "test_review_prompt.moc"
