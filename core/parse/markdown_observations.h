#pragma once
// Design observations: the items of the Design Observations, Concerns and Strengths
// sections, written as bullets, numbered items, bold paragraphs or subheadings.
//
//   - **Config is read twice** *(future)* — the loader and the watcher each parse it.
//   **Clear error paths** [good]
//   ### Sequential shutdown (in-scope)

#include "parse/markdown_context.h"

#include <optional>

namespace rb::parse {

// "**Title**:" and "Title [good]" → "Title".
QString cleanObservationTitle(QString title);

// The observation being read; the driver decides when one starts and ends.
class ObservationBuilder {
public:
    explicit ObservationBuilder(MarkdownContext &ctx) : m_ctx(ctx) {}

    bool isOpen() const { return m_draft.has_value(); }
    bool fromListItem() const { return m_draft && m_draft->fromListItem; }

    // A title line (a bold paragraph, a subheading): its scope tag is taken from it.
    void startFromTitle(const md::Block &b, QString title, ObservationKind kind, bool fromItem);
    // One bullet, numbered item or paragraph: "**Title** *(future)* — body", "`(in-scope)` Body."
    void startFromItem(const md::Block &itemOrParagraph, ObservationKind kind);
    // False for an empty list item, which holds no observation.
    static bool holdsObservation(const md::Block &itemOrParagraph);

    void appendBody(const QString &text);
    void add(const md::Block &b);
    // Stores the observation in the review, unless it has neither title nor body.
    void close();

private:
    struct Draft {
        RawObservation observation;
        int firstLine = 0;
        int lastLine = 0;
        bool fromListItem = false;
        QStringList body;
    };
    MarkdownContext &m_ctx;
    std::optional<Draft> m_draft;
};

} // namespace rb::parse
