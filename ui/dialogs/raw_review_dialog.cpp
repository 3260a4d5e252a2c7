#include "dialogs/raw_review_dialog.h"
#include "style/appearance.h"

#include "model/agent_run.h"
#include "model/location.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace rb::ui {

RawReviewDialog::RawReviewDialog(const AgentRun &agent, const SourceSpan &highlight, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("rawReviewDialog"));
    setWindowTitle(tr("%1 — original review").arg(agent.name));
    auto *layout = new QVBoxLayout(this);
    if (agent.failed()) {
        auto *failure = new QLabel(tr("This run failed (%1): %2").arg(toString(agent.status), agent.failureReason), this);
        failure->setWordWrap(true);
        layout->addWidget(failure);
    }
    auto *text = new QPlainTextEdit(this);
    text->setObjectName(QStringLiteral("rawReviewText"));
    text->setReadOnly(true);
    followCodeFont(text);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setPlainText(agent.rawOutput.isEmpty() ? tr("(no output)") : agent.rawOutput);
    layout->addWidget(text, 1);

    if (highlight.isValid()) {
        QTextDocument *doc = text->document();
        const QTextBlock first = doc->findBlockByNumber(highlight.startLine - 1);
        const QTextBlock last = doc->findBlockByNumber(std::max(highlight.startLine, highlight.endLine) - 1);
        if (first.isValid()) {
            QTextCursor cursor(first);
            cursor.setPosition(last.isValid() ? last.position() + last.length() - 1 : first.position() + first.length() - 1,
                               QTextCursor::KeepAnchor);
            QTextEdit::ExtraSelection selection;
            selection.cursor = cursor;
            QColor c = palette().color(QPalette::Highlight);
            c.setAlpha(70);
            selection.format.setBackground(c);
            text->setExtraSelections({selection});
            text->setTextCursor(QTextCursor(first));
            text->centerCursor();
        }
    }
    if (!agent.parseWarnings.isEmpty()) {
        QStringList lines;
        for (const ParseWarning &w : agent.parseWarnings)
            lines << (w.line > 0 ? tr("line %1: %2").arg(w.line).arg(w.message) : w.message);
        auto *warnings = new QLabel(tr("Parser warnings:\n%1").arg(lines.join(QLatin1Char('\n'))), this);
        warnings->setWordWrap(true);
        warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(warnings);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 640);
}

} // namespace rb::ui
