#pragma once
// One column per agent, side by side: its status, duration and cost, and its raw findings.
// Selecting a finding announces it; the window highlights its siblings and its issue.

#include <QHash>
#include <QSet>
#include <QWidget>

class QListView;
class QSplitter;
class QLabel;

namespace rb::ui {

class AgentFindingsModel;
class ReviewDocument;

class AgentColumnsView : public QWidget {
    Q_OBJECT
public:
    explicit AgentColumnsView(ReviewDocument *document, QWidget *parent = nullptr);

    // Highlights these findings in every column and scrolls the first of each into view.
    void highlightFindings(const QSet<QString> &findingIds);
    // Selects one finding (without announcing it again).
    void selectFinding(const QString &findingId);
    QString currentFindingId() const;

Q_SIGNALS:
    void findingSelected(const QString &findingId);
    void rawReviewRequested(const QString &agentId, const QString &findingId);

private:
    void rebuild();
    QWidget *makeColumn(int agentIndex);
    void updateHeaders();

    ReviewDocument *m_document;
    QSplitter *m_splitter = nullptr;
    QList<AgentFindingsModel *> m_models;
    QList<QListView *> m_views;
    QList<QLabel *> m_headers;
    QSet<QString> m_highlighted;
    bool m_selecting = false;
};

} // namespace rb::ui
