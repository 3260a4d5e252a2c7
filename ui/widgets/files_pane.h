#pragma once
// The range's changed files as a tree (status, +/- counts, findings per file) with a filter
// box (substring or glob, search/path_filter.h; "12 of 711 files"), and the range's commits.

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStandardItem;
class QStandardItemModel;
class QTreeView;
class QTreeWidget;

namespace rb::ui {

class ReviewDocument;
class ReviewSession;

class FilesPane : public QWidget {
    Q_OBJECT
public:
    FilesPane(ReviewSession *session, ReviewDocument *document, QWidget *parent = nullptr);

    void selectFile(int fileIndex);
    int currentFile() const { return m_current; }
    QLineEdit *filterField() const { return m_filter; }
    // Puts the focus in the filter box, its text selected.
    void focusFilter();
    // How many files the filter keeps (all files with an empty filter).
    int shownFileCount() const { return m_shown; }

Q_SIGNALS:
    void fileSelected(int fileIndex);

private:
    void rebuild();
    void updateCounts();
    void updateFindingCounts();
    void showMessage(const QString &message);
    void applyFilter();

    ReviewSession *m_session;
    ReviewDocument *m_document;
    QStandardItemModel *m_model;
    QTreeView *m_tree;
    QTreeWidget *m_commits;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QLabel *m_filterCount;
    int m_shown = 0;
    QHash<int, QStandardItem *> m_itemsByFile; // name column item per file index
    int m_current = -1;
};

} // namespace rb::ui
