#pragma once
// The detail editor for one consolidated issue: title, the final severity beside each
// agent's rating, category, triage, notes, the members with split and move, every member's
// fix with the ones Apply Fix uses ticked (and a warning where chosen fixes collide), and
// what merges combined into it.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace rb::ui {

class ReviewDocument;

class IssueEditor : public QWidget {
    Q_OBJECT
public:
    explicit IssueEditor(ReviewDocument *document, QWidget *parent = nullptr);

    void showIssue(const QString &issueId, const QString &number = {});
    const QString &issueId() const { return m_issueId; }
    // The member finding selected in the members list, if any.
    QString selectedFindingId() const;

Q_SIGNALS:
    void findingSelected(const QString &findingId);
    void moveFindingRequested(const QString &findingId);
    void editFailed(const QString &message);

private:
    void refresh();
    void refreshFixes();
    void showFixText();
    void setEnabledAll(bool enabled);

    ReviewDocument *m_document;
    QString m_issueId;
    QString m_numberText;
    bool m_refreshing = false;

    QLabel *m_number = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_triage = nullptr;
    QLabel *m_fixState = nullptr;
    QTreeWidget *m_members = nullptr;
    QPushButton *m_split = nullptr;
    QPushButton *m_move = nullptr;
    QPlainTextEdit *m_disagreement = nullptr;
    QLineEdit *m_reason = nullptr;
    QTextBrowser *m_body = nullptr;
    QTreeWidget *m_fixes = nullptr;
    QLabel *m_fixWarning = nullptr;
    QPlainTextEdit *m_fix = nullptr;
    QLabel *m_combinedLabel = nullptr;
    QTextBrowser *m_combined = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_evidence = nullptr;
};

} // namespace rb::ui
