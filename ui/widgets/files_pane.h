#pragma once
// The range's changed files as a tree (status, +/- counts, findings per file) and its commits.

#include <QHash>
#include <QWidget>

class QLabel;
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

Q_SIGNALS:
    void fileSelected(int fileIndex);

private:
    void rebuild();
    void updateCounts();
    void updateFindingCounts();
    void showMessage(const QString &message);

    ReviewSession *m_session;
    ReviewDocument *m_document;
    QStandardItemModel *m_model;
    QTreeView *m_tree;
    QTreeWidget *m_commits;
    QLabel *m_summary;
    QHash<int, QStandardItem *> m_itemsByFile; // name column item per file index
    int m_current = -1;
};

} // namespace rb::ui
