#pragma once
// The consolidation pane: issues grouped by severity with the issue editor, the design
// observations, and the report's prose.

#include <QWidget>

class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace rb::ui {

class IssueEditor;
class IssueTreeModel;
class ReviewDocument;

class ConsolidationPane : public QWidget {
    Q_OBJECT
public:
    explicit ConsolidationPane(ReviewDocument *document, QWidget *parent = nullptr);

    QString currentIssueId() const;
    QStringList selectedIssueIds() const; // current first
    void selectIssue(const QString &issueId);
    void selectNextIssue(int step); // +1 next, -1 previous, wraps
    QString selectedMemberFindingId() const;
    IssueTreeModel *issueModel() const { return m_model; }
    QTabWidget *tabs() const { return m_tabs; }
    // Adds a tab (e.g. the retro) after the built-in ones.
    void addPage(QWidget *page, const QString &title);

Q_SIGNALS:
    void currentIssueChanged(const QString &issueId);
    void findingSelected(const QString &findingId);
    void moveFindingRequested(const QString &findingId);
    void editFailed(const QString &message);

private:
    void refreshObservations();
    void restoreSelection();

    ReviewDocument *m_document;
    IssueTreeModel *m_model;
    QTabWidget *m_tabs;
    QTreeView *m_tree;
    IssueEditor *m_editor;
    QTreeWidget *m_observations;
    QString m_current;
    bool m_refreshing = false;
};

} // namespace rb::ui
