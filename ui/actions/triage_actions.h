#pragma once
// The keyboard-driven triage actions: navigate, set severity, accept, reject, mark false
// positive, merge, split, move. Each acts on the consolidation pane's current issue.

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace rb::ui {

class ConsolidationPane;
class ReviewDocument;

class TriageActions : public QObject {
    Q_OBJECT
public:
    TriageActions(ReviewDocument *document, ConsolidationPane *pane, QWidget *window);

    void addTo(QMenu *menu) const;
    QList<QAction *> actions() const { return m_actions; }

Q_SIGNALS:
    void editFailed(const QString &message);
    void moveFindingRequested(const QString &findingId);

private:
    QAction *add(const QString &text, const QKeySequence &shortcut, const char *name);
    void updateEnabled();

    ReviewDocument *m_document;
    ConsolidationPane *m_pane;
    QWidget *m_window;
    QList<QAction *> m_actions;
    QList<QAction *> m_needIssue;
};

} // namespace rb::ui
