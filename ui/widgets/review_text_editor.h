#pragma once
// The verdict, the executive summary and the testing, documentation and commit-structure
// assessments: the report's prose, edited with undo.

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace rb::ui {

class ReviewDocument;

class ReviewTextEditor : public QWidget {
    Q_OBJECT
public:
    explicit ReviewTextEditor(ReviewDocument *document, QWidget *parent = nullptr);

private:
    void refresh();

    ReviewDocument *m_document;
    bool m_refreshing = false;
    QComboBox *m_verdict = nullptr;
    QLineEdit *m_reason = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPlainTextEdit *m_testing = nullptr;
    QPlainTextEdit *m_documentation = nullptr;
    QPlainTextEdit *m_commits = nullptr;
};

} // namespace rb::ui
