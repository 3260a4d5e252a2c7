#pragma once
// Fixes: preview the current issue's fix as a diff against the working tree, apply it,
// revert it, or apply every accepted fix in one go, with a per-fix result list.

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace rb::workbench {
struct FixOutcome;
}

namespace rb::ui {

class ReviewDocument;
class ReviewSession;

class FixesPane : public QWidget {
    Q_OBJECT
public:
    FixesPane(ReviewSession *session, ReviewDocument *document, QWidget *parent = nullptr);

    // The issue whose fix the pane acts on.
    void setIssue(const QString &issueId);
    QList<QAction *> actions() const;

    // Each returns false when nothing could be done; the result list says why.
    bool previewFix();
    bool applyFix();
    bool revertFix();
    int applyAllAccepted(); // returns the number of fixes applied

Q_SIGNALS:
    void message(const QString &text);

private:
    QString workTree() const;
    void updateEnabled();
    void addResult(const workbench::FixOutcome &result);
    QString labelOf(const QString &issueId) const;
    int applyIssues(const QStringList &issueIds); // returns how many were written

    ReviewSession *m_session;
    ReviewDocument *m_document;
    QString m_issueId;
    QLabel *m_header;
    QPlainTextEdit *m_preview;
    QTreeWidget *m_results;
    QAction *m_previewAction;
    QAction *m_applyAction;
    QAction *m_revertAction;
    QAction *m_applyAllAction;
};

} // namespace rb::ui
