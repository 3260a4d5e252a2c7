// A long Markdown text parsed in pieces gives the same blocks, with the same line numbers,
// as the whole text parsed at once, wherever its fences, HTML blocks and lists lie.
#include "parse/markdown_chunks.h"
#include "parse/markdown_tree.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace rb::parse;

namespace {

// Small pieces, so that every heading after a blank line is a cut candidate.
constexpr qsizetype kSmall = 8;

QByteArray section(int i)
{
    return "## Section " + QByteArray::number(i) + "\n\nText of section " + QByteArray::number(i) + " with `code`.\n\n";
}

QString describe(const md::Block &b, int depth = 0)
{
    QString out = QString(depth * 2, QLatin1Char(' '))
                + QStringLiteral("type %1 lines %2-%3 col %4: %5\n").arg(int(b.type)).arg(b.startLine).arg(b.endLine)
                      .arg(b.startColumn).arg(b.text().left(40) + b.literal.left(40));
    for (const md::Block &c : b.children)
        out += describe(c, depth + 1);
    return out;
}

} // namespace

class TestMarkdownChunks : public QObject {
    Q_OBJECT
private:
    static void sameAsWhole(const QByteArray &text, qsizetype chunk = kSmall)
    {
        const md::Block whole = md::parseMarkdown(text, 0);
        const md::Block pieces = md::parseMarkdown(text, chunk);
        QCOMPARE(pieces.children.size(), whole.children.size());
        for (qsizetype i = 0; i < whole.children.size(); ++i) {
            const md::Block &a = pieces.children[i];
            const md::Block &b = whole.children[i];
            QVERIFY2(a == b, qPrintable(QStringLiteral("block %1: lines %2-%3 (type %4) in pieces, %5-%6 (type %7) whole")
                                            .arg(i).arg(a.startLine).arg(a.endLine).arg(int(a.type))
                                            .arg(b.startLine).arg(b.endLine).arg(int(b.type))));
        }
        QCOMPARE(pieces.endLine, whole.endLine);
        QVERIFY(pieces == whole);
    }

private Q_SLOTS:
    void shortTextIsOnePiece()
    {
        const QByteArray text = section(1) + section(2);
        QCOMPARE(md::markdownChunks(text, 1024).size(), 1);
        QCOMPARE(md::markdownChunks(text, 0).size(), 1);
    }

    void cutsBeforeHeadingsAndParagraphsAfterABlankLine()
    {
        QByteArray text;
        for (int i = 1; i <= 6; ++i)
            text += section(i);
        const auto chunks = md::markdownChunks(text, kSmall);
        QCOMPARE(chunks.size(), 12);
        qsizetype at = 0;
        for (const md::Chunk &c : chunks) {
            QCOMPARE(c.begin, at);
            QVERIFY(text.mid(c.begin).startsWith("## Section ") || text.mid(c.begin).startsWith("Text of section "));
            at = c.end;
        }
        QCOMPARE(at, text.size());
        QCOMPARE(chunks[1].firstLine, 3);
        QCOMPARE(chunks[2].firstLine, 5);
        sameAsWhole(text);
    }

    void neverBetweenTheItemsOfAList()
    {
        const QByteArray text = section(1) + "- a\n\n- b\n\n  more of b\n\n* c\n\n+ d\n\n1. one\n\n2. two\n\n3) three\n\n"
                              + "**C1. A bold title** — `a.go:1`\n\nBody.\n\n***\n\n---\n\n" + section(2);
        const auto chunks = md::markdownChunks(text, kSmall);
        for (const md::Chunk &c : chunks) {
            const QByteArray start = text.mid(c.begin, 3);
            QVERIFY2(!start.startsWith("- ") && !start.startsWith("* ") && !start.startsWith("+ ") && !start.startsWith("2.")
                         && !start.startsWith("3)") && !start.startsWith("***") && !start.startsWith("---"),
                     start.constData());
        }
        QVERIFY(std::any_of(chunks.begin(), chunks.end(), [&](const md::Chunk &c) { return text.mid(c.begin).startsWith("**C1."); }));
        sameAsWhole(text);
    }

    void headingInsideAFenceIsNotACut()
    {
        const QByteArray text = section(1) + "```sh\n\n# not a heading\n\n# nor this\n```\n\n" + section(2)
                              + "~~~~\n\n# tilde\n~~~\n\n# still code\n~~~~\n\n" + section(3);
        sameAsWhole(text);
    }

    void fenceInAListItemCutShortByAHeading()
    {
        // The item's fence ends at the heading in column 1; a later fence opens, not closes.
        const QByteArray text = section(1) + "1. item\n   ```\n   code\n\n# heading ends the item\n\n```\n\n# in code\n```\n\n"
                              + section(2);
        sameAsWhole(text);
    }

    void unclosedFenceRunsToTheEnd()
    {
        const QByteArray text = section(1) + "```\nnever closed\n\n" + section(2) + section(3);
        sameAsWhole(text);
    }

    void htmlBlocksWithBlankLines()
    {
        const QByteArray text = section(1) + "<!-- a comment\n\n# inside\n\n-->\n\n" + section(2)
                              + "<pre>\n\n# inside pre\n\n</pre>\n\n" + section(3) + "<div>\n\n# after a div\n\n" + section(4)
                              + "<!-- never closed\n\n# inside\n\n" + section(5);
        sameAsWhole(text);
    }

    void listsQuotesAndTablesEndAtAHeading()
    {
        const QByteArray text = section(1) + "- a\n- b\n\n  continued\n\n# next\n\n> quote\n>\n\n# after quote\n\n"
                              + "| a | b |\n|---|---|\n| 1 | 2 |\n\n# after table\n\n" + section(2);
        sameAsWhole(text);
    }

    void lineEndingsOfEveryKind()
    {
        QByteArray text = section(1) + section(2) + section(3);
        text.replace("\n", "\r\n");
        sameAsWhole(text);
        QByteArray cr = section(1) + section(2) + section(3);
        cr.replace("\n", "\r");
        sameAsWhole(cr);
        QByteArray mixed = section(1) + "line\r\n\r\n## Mixed\r\rText\n\n" + section(2);
        sameAsWhole(mixed);
    }

    void randomDocumentsOfTheKindsAbove()
    {
        // Random concatenations of the fragments above: pieces never change the blocks.
        const QList<QByteArray> parts = {
            section(7), "```\n\n# code\n", "```\n\n", "~~~\n# t\n~~~\n\n", "<!--\n\n# c\n", "-->\n\n", "1. x\n   ```\n\n",
            "# h\n\n", "> q\n\n", "| a |\n|---|\n| 1 |\n\n", "text\n# tight\n\n", "<pre>\n\n", "</pre>\n\n", "\n",
            "    # indented code\n\n", "- item\n\n", "2. item\n\n", "**Bold.** text\n\n",
            "* star\n\n", "  indented text\n\n", "text\n===\n\n", "plain prose\n", "---\n\n", "\tcode\n\n",
        };
        std::mt19937 rng(12345);
        auto same = [](const QList<QByteArray> &chosen) {
            const QByteArray text = chosen.join();
            return md::parseMarkdown(text, kSmall) == md::parseMarkdown(text, 0);
        };
        for (int round = 0; round < 300; ++round) {
            QList<QByteArray> chosen;
            const int n = std::uniform_int_distribution<int>(2, 30)(rng);
            for (int i = 0; i < n; ++i)
                chosen << parts[std::uniform_int_distribution<qsizetype>(0, parts.size() - 1)(rng)];
            if (same(chosen))
                continue;
            // Report the smallest failing document: drop fragments while it still fails.
            for (qsizetype i = chosen.size() - 1; i >= 0; --i) {
                QList<QByteArray> fewer = chosen;
                fewer.removeAt(i);
                if (!same(fewer))
                    chosen = fewer;
            }
            const QByteArray text = chosen.join();
            QFAIL(qPrintable(QStringLiteral("differs in pieces:\n") + QString::fromUtf8(text) + QStringLiteral("\nwhole:\n")
                             + describe(md::parseMarkdown(text, 0)) + QStringLiteral("pieces:\n")
                             + describe(md::parseMarkdown(text, kSmall))));
        }
    }

    void referenceDefinitionInAnotherPieceKeepsTheBrackets()
    {
        // The documented difference (markdown_tree.h): the link text is kept either way.
        const QByteArray text = section(1) + "[ref]: http://x\n\n" + section(2) + "See [ref] here.\n\n";
        QCOMPARE(md::parseMarkdown(text, 0).children.last().firstLine(), QStringLiteral("See ref here."));
        QCOMPARE(md::parseMarkdown(text, kSmall).children.last().firstLine(), QStringLiteral("See [ref] here."));
    }

    void defaultSizeParsesALongReviewInPieces()
    {
        QByteArray text;
        for (int i = 1; text.size() < 3 * md::kDefaultChunkBytes; ++i)
            text += section(i) + "```cpp\nint x = " + QByteArray::number(i) + ";\n```\n\n";
        QVERIFY(md::markdownChunks(text, md::kDefaultChunkBytes).size() >= 2);
        sameAsWhole(text, md::kDefaultChunkBytes);
    }
};

QTEST_APPLESS_MAIN(TestMarkdownChunks)
#include "test_markdown_chunks.moc"
