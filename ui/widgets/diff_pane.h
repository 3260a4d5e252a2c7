#pragma once
// The diff of the selected file with its finding markers, a unified / side-by-side switch,
// context expansion and the find bar.

#include <QWidget>

class QAction;
class QLabel;

namespace KSyntaxHighlighting {
class Repository;
}

namespace rb::ui {

class DiffView;
class FindBar;
class ReviewDocument;
class ReviewSession;

class DiffPane : public QWidget {
    Q_OBJECT
public:
    DiffPane(ReviewSession *session, ReviewDocument *document, KSyntaxHighlighting::Repository *syntax,
             QWidget *parent = nullptr);

    void showFile(int fileIndex);
    // Opens the file at `path` (if it is in the range) and reveals the line.
    bool revealLocation(const QString &path, int line);
    DiffView *view() const { return m_view; }
    QAction *toggleModeAction() const { return m_sideBySide; }
    QAction *expandAllAction() const { return m_expandAll; }
    // Find in the diff: Ctrl+F opens the find bar, F3 / Shift+F3 step through the matches.
    QAction *findAction() const { return m_find; }
    QAction *findNextAction() const { return m_findNext; }
    QAction *findPreviousAction() const { return m_findPrevious; }
    FindBar *findBar() const { return m_findBar; }

Q_SIGNALS:
    void fileShown(int fileIndex);
    void findingClicked(const QString &findingId);

private:
    void updateMarkers();

    ReviewSession *m_session;
    ReviewDocument *m_document;
    DiffView *m_view;
    QLabel *m_title;
    QAction *m_sideBySide;
    QAction *m_expandAll;
    QAction *m_find;
    QAction *m_findNext;
    QAction *m_findPrevious;
    FindBar *m_findBar;
    int m_file = -1;
};

} // namespace rb::ui
