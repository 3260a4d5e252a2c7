#pragma once
// Findings: the items of the Findings / Critical / Important / Suggestions sections (and,
// when unmistakable, outside them), from their title line through the body, the labelled
// parts (Problem:, Fix:, Classification:), quoted code and the proposed patch.
//
//   I1. **Config reload drops the last watcher** — `watch/reload.go:88` (important, regression)
//
//   The loop stops one short.
//
//   Fix:
//   ```diff
//   ...

#include "parse/markdown_context.h"
#include "parse/outline.h"
#include "parse/title_line.h"

#include <optional>

namespace rb::parse {

// What decides whether a title-shaped paragraph starts a finding.
struct FindingTitleContext {
    bool inFindingsSection = false; // the current section holds findings
    bool findingOpen = false;
    bool openTitleBoldOnly = false; // the open finding's title was "**Title**" alone
};

// True when `t`, parsed from titleBlock's first line, starts a finding: anything with a
// [SEVERITY] marker or a severity-letter id, and inside a findings section a strong title
// with an id, location or tag.
bool acceptsFindingTitle(const TitleLine &t, const md::Block &titleBlock, const FindingTitleContext &c);

// The finding being read; the driver decides when one starts and ends.
class FindingBuilder {
public:
    explicit FindingBuilder(MarkdownContext &ctx) : m_ctx(ctx) {}

    bool isOpen() const { return m_draft.has_value(); }
    bool titleBoldOnly() const { return m_draft && m_draft->boldOnlyTitle; }

    // A finding from its title. `section` gives the severity when nothing else does.
    void start(const TitleLine &t, const md::Block &titleBlock, int firstLine, SectionKind section);
    // After start() from a paragraph: the paragraph's further lines (a location line, a tag
    // line, or body text) and the title's trailing text.
    void takeTitleParagraph(const TitleLine &t, const md::Block &titleBlock);

    void extend(int endLine);
    void addLabelled(const md::Block &b, const Label &label);
    void add(const md::Block &b);
    // "* Problem: …", "* Fix: …", "- Classification: important, gap", or ordinary bullets.
    void addListItem(const md::Block &item);
    // Any block: a list is taken item by item.
    void addContent(const md::Block &b);

    // Decides severity, category, fix and locations, and stores the finding in the review.
    void close();

private:
    struct Draft {
        RawFinding finding;
        SectionKind section = SectionKind::None;
        std::optional<SeverityTag> tag;
        std::optional<Severity> bracketSeverity;
        int firstLine = 0;
        int lastLine = 0;
        bool inFix = false;
        bool sawFixLabel = false;
        bool boldOnlyTitle = false; // "**Title**" alone: a later bare bold line starts the next finding
        QStringList body;
        QStringList fixProse;
        QString lastBodyDiff; // a diff block in the body, used as the fix when no Fix label follows
    };
    void addBodyText(QString text);

    MarkdownContext &m_ctx;
    std::optional<Draft> m_draft;
};

// The severity a letter id implies: C1 critical, I2 important, S3 suggestion.
std::optional<Severity> severityOfLetter(const QString &rawId);

} // namespace rb::parse
