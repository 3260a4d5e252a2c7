#pragma once
// The consolidation pane: issues grouped by severity with a search box over them
// (search/issue_search.h) and the issue editor, the design observations, and the report's
// prose.

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
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
    void selectNextIssue(int step); // +1 next, -1 previous, wraps; only through the issues found
    QLineEdit *searchField() const { return m_search; }
    // Shows the Issues tab and puts the focus in the search box, its text selected.
    void focusSearch();
    // The issues the search finds, in display order (every issue with an empty search).
    QStringList foundIssueIds() const;
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
    void applySearch();

    ReviewDocument *m_document;
    IssueTreeModel *m_model;
    QTabWidget *m_tabs;
    QTreeView *m_tree;
    QLineEdit *m_search;
    QLabel *m_searchCount;
    QSet<QString> m_found; // issue ids the search finds; all when the search is empty
    IssueEditor *m_editor;
    QTreeWidget *m_observations;
    QString m_current;
    bool m_refreshing = false;
};

} // namespace rb::ui
