#pragma once
// Whole-file syntax highlighting for the diff view. The old and the new text of a file are
// each highlighted as one text, carrying the highlighter's state from line to line, so that
// hunks never start in the wrong state; the diff view maps the per-line formats onto its
// rows. Highlighting runs in slices on the GUI thread's idle time and never blocks it:
// rows show plain text until their lines are done.

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTextLayout>
#include <QTimer>

namespace KSyntaxHighlighting {
class Repository;
}

namespace rb::ui {

using LineFormats = QList<QTextLayout::FormatRange>;

class FileHighlighter : public QObject {
    Q_OBJECT
public:
    FileHighlighter(KSyntaxHighlighting::Repository *repository, QObject *parent = nullptr);

    // Starts highlighting `lines` as the contents of `fileName` with the theme for `palette`.
    // Any earlier job is abandoned.
    void start(const QString &fileName, const QStringList &lines, const QPalette &palette);
    // Formats of a 1-based line; empty when not highlighted (yet).
    const LineFormats &formats(int line) const;
    bool finished() const { return m_next >= m_lines.size(); }
    int highlightedLines() const { return int(m_next); }
    QString definitionName() const;
    QString themeName() const; // the KSyntaxHighlighting theme in use

    static constexpr int kLinesPerSlice = 2000;
    static constexpr int kSliceBudgetMs = 12;

Q_SIGNALS:
    void progressed(); // more lines are highlighted

private:
    // The KSyntaxHighlighting engine; it reports formats for the line being highlighted.
    class Engine : public KSyntaxHighlighting::AbstractHighlighter {
    public:
        LineFormats *current = nullptr;
        using KSyntaxHighlighting::AbstractHighlighter::highlightLine;
    protected:
        void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;
    };

    void highlightSlice();

    KSyntaxHighlighting::Repository *m_repository;
    QStringList m_lines;
    QList<LineFormats> m_formats;
    qsizetype m_next = 0;
    KSyntaxHighlighting::State m_state;
    Engine m_engine;
    QTimer m_timer;
};

} // namespace rb::ui
