#pragma once
// Fixes: preview the current issue's chosen fixes as a diff against the working tree, apply
// them (all or none), revert them, or apply every accepted issue's fixes in one go, with a
// per-issue result list.

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace rb::patch {
struct IssueFixResult;
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
    void addResult(const QString &issueId, const patch::IssueFixResult &result);
    QString labelOf(const QString &issueId) const;
    bool applyOne(const QString &issueId);

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
