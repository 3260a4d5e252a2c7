#pragma once
// The diff of one file, unified or side by side, painted row by row: whole-file syntax
// highlighting, intra-line changes, a line-number gutter with finding markers coloured by
// severity (hover shows the finding, click opens it), and expandable unchanged context.
// Only the visible rows are laid out and painted, so very long files scroll smoothly.

#include "diff/diff_rows.h"
#include "diff/file_highlighter.h"
#include "search/diff_find.h"
#include "model/severity.h"

#include <QAbstractScrollArea>
#include <QHash>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

namespace rb::ui {

struct DiffMarker {
    int startLine = 0;      // new-side lines, inclusive
    int endLine = 0;
    Severity severity = Severity::Suggestion;
    QString findingId;
    QString text;           // shown on hover
};

class DiffView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class Mode { Unified, SideBySide };

    explicit DiffView(KSyntaxHighlighting::Repository *repository, QWidget *parent = nullptr);

    void setFile(const QString &path, std::shared_ptr<const git::FilePatch> patch, const QByteArray &oldText,
                 const QByteArray &newText);
    void showMessage(const QString &message); // no file: a centred message instead
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setMarkers(const QList<DiffMarker> &markers);
    // Scrolls so that the new-side line is visible (expanding its gap if needed) and flashes it.
    void revealLine(int newLine);
    void expandGap(int gapId);
    void expandAll();

    const QString &path() const { return m_path; }
    // The syntax highlighting theme, chosen for the palette (light or dark).
    QString themeName() const { return m_newHighlighter.themeName(); }
    int rowCount() const;
    int firstVisibleRow() const;
    int visibleRowCount() const;

    // Find in the diff: highlights every match of text (empty: none) in the rows shown and in
    // collapsed gaps; findStep goes to the next or previous match (expanding its gap) and
    // scrolls it into view. Matches follow the rows through mode switches and expansions.
    void setFindText(const QString &text, const FindOptions &options);
    bool findStep(bool forward);
    const QList<DiffMatch> &matches() const { return m_matches; }
    int currentMatch() const { return m_currentMatch; } // -1: none

Q_SIGNALS:
    void findingClicked(const QString &findingId);
    void matchesChanged(); // the matches or the current one changed

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rebuildRows();
    void updateScrollBars();
    void restartHighlighting();
    int rowHeight() const;
    int numberWidth() const;
    int rowAt(int y) const;
    QList<const DiffMarker *> markersAt(int newLine) const;
    bool inGutter(int x) const;
    struct Highlight {
        int start = 0;
        int length = 0;
        bool current = false;
    };
    void paintText(QPainter &p, const QString &text, const LineFormats &formats, const QList<git::TextRange> &changes,
                   git::LineKind kind, int x, int y, int width, const QList<Highlight> &found = {});
    void refreshMatches();
    QList<Highlight> highlightsAt(int row, int side) const;
    void scrollToMatch(int index);
    void paintNumberCell(QPainter &p, int number, int x, int y, int width, bool markerSide, int newLine);

    QString m_path;
    std::shared_ptr<const git::FilePatch> m_patch;
    QStringList m_oldLines;
    QStringList m_newLines;
    QSet<int> m_expanded;
    QList<UnifiedRow> m_unified;
    QList<SideBySideRow> m_side;
    Mode m_mode = Mode::Unified;
    QList<DiffMarker> m_markers;
    QHash<int, QList<int>> m_markersByLine; // new line -> indexes into m_markers
    QString m_message;
    int m_flashLine = 0;
    FileHighlighter m_oldHighlighter;
    FileHighlighter m_newHighlighter;
    QString m_findText;
    FindOptions m_findOptions;
    QList<DiffMatch> m_matches;
    QHash<int, QList<int>> m_matchesByRow; // row -> indexes into m_matches (shown rows only)
    int m_currentMatch = -1;
};

} // namespace rb::ui
