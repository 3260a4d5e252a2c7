#pragma once
// An agent's original review, verbatim, with one finding's span highlighted and the
// parser's warnings listed.

#include <QDialog>

namespace rb {
struct AgentRun;
struct SourceSpan;
}

class QPlainTextEdit;

namespace rb::ui {

class RawReviewDialog : public QDialog {
    Q_OBJECT
public:
    RawReviewDialog(const AgentRun &agent, const SourceSpan &highlight, QWidget *parent = nullptr);
};

} // namespace rb::ui
