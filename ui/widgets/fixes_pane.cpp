#include "widgets/fixes_pane.h"
#include "style/appearance.h"
#include "style/palette_follower.h"

#include "document/review_document.h"
#include "patch/fix_result.h"
#include "session/review_session.h"
#include "style/severity_style.h"
#include "workflows/fix_workflow.h"

#include <QAction>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rb::ui {

namespace {
// Colours the lines of a unified diff.
class DiffTextHighlighter : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        const QPalette palette = QGuiApplication::palette();
        const bool dark = isDark(palette);
        QTextCharFormat f;
        if (text.startsWith(QLatin1String("@@")))
            f.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
        else if (text.startsWith(QLatin1Char('+')))
            f.setForeground(addedColor(palette));
        else if (text.startsWith(QLatin1Char('-')))
            f.setForeground(removedColor(palette));
        else
            return;
        setFormat(0, int(text.size()), f);
    }
};
} // namespace

FixesPane::FixesPane(ReviewSession *session, ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_session(session), m_document(document)
{
    setObjectName(QStringLiteral("fixesPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QToolBar(this);
    m_previewAction = bar->addAction(tr("Preview Fix"), this, &FixesPane::previewFix);
    m_previewAction->setObjectName(QStringLiteral("previewFix"));
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_applyAction = bar->addAction(tr("Apply Fix"), this, &FixesPane::applyFix);
    m_applyAction->setObjectName(QStringLiteral("applyFix"));
    m_applyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_revertAction = bar->addAction(tr("Revert Fix"), this, &FixesPane::revertFix);
    m_revertAction->setObjectName(QStringLiteral("revertFix"));
    m_revertAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_applyAllAction = bar->addAction(tr("Apply All Accepted"), this, &FixesPane::applyAllAccepted);
    m_applyAllAction->setObjectName(QStringLiteral("applyAllAccepted"));
    m_applyAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    for (QAction *a : actions())
        a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text(), a->shortcut().toString(QKeySequence::NativeText)));
    layout->addWidget(bar);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_header);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_preview = new QPlainTextEdit(split);
    m_preview->setObjectName(QStringLiteral("fixPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    followCodeFont(m_preview);
    m_preview->setPlaceholderText(tr("Preview a fix to see the change it would make to the working tree."));
    auto *highlighter = new DiffTextHighlighter(m_preview->document());
    followPalette(m_preview, [highlighter] { highlighter->rehighlight(); });
    m_results = new QTreeWidget(split);
    m_results->setObjectName(QStringLiteral("fixResults"));
    m_results->setHeaderLabels({tr("Fix"), tr("Result")});
    m_results->header()->setStretchLastSection(true);
    layout->addWidget(split, 1);

    connect(session, &ReviewSession::opened, this, &FixesPane::updateEnabled);
    connect(session, &ReviewSession::failed, this, &FixesPane::updateEnabled);
    connect(document, &ReviewDocument::contentChanged, this, &FixesPane::updateEnabled);
    connect(document, &ReviewDocument::readOnlyChanged, this, &FixesPane::updateEnabled);
    connect(document, &ReviewDocument::reviewReset, this, [this] {
        m_results->clear();
        m_preview->clear();
        setIssue({});
    });
    updateEnabled();
}

QList<QAction *> FixesPane::actions() const { return {m_previewAction, m_applyAction, m_revertAction, m_applyAllAction}; }

QString FixesPane::workTree() const { return m_session->isOpen() ? m_session->workdir() : QString(); }

QString FixesPane::labelOf(const QString &issueId) const
{
    const Issue *i = m_document->review().issue(issueId);
    return i ? i->title : issueId;
}

void FixesPane::setIssue(const QString &issueId)
{
    if (issueId != m_issueId)
        m_preview->clear();
    m_issueId = issueId;
    updateEnabled();
}

void FixesPane::updateEnabled()
{
    const Issue *issue = m_document->review().issue(m_issueId);
    // A read-only review cannot record what a fix did, so fixes are not applied from it.
    const bool hasTree = !workTree().isEmpty() && !m_document->isReadOnly();
    const bool hasFix = issue && workbench::hasApplicableFix(*issue);
    m_previewAction->setEnabled(hasTree && hasFix);
    m_applyAction->setEnabled(hasTree && hasFix && issue->fixState != FixState::Applied);
    m_revertAction->setEnabled(hasTree && issue && issue->fixState == FixState::Applied);
    m_applyAllAction->setEnabled(hasTree);
    if (m_document->isReadOnly())
        m_header->setText(tr("The review is read-only here (another window writes it), so fixes are not applied from it."));
    else if (!hasTree)
        m_header->setText(tr("Fixes apply to the working tree of the review's repository, which is not open."));
    else if (!issue)
        m_header->setText(tr("Select an issue."));
    else if (!hasFix)
        m_header->setText(tr("“%1” has no patch to apply.").arg(issue->title));
    else
        m_header->setText(tr("“%1” — %2").arg(issue->title,
                                                issue->fixState == FixState::NotApplied ? tr("not applied")
                                                                                         : fixLabel(issue->fixState)));
}

void FixesPane::addResult(const workbench::FixOutcome &result)
{
    auto *item = new QTreeWidgetItem(m_results, {labelOf(result.issueId), result.message});
    for (const QString &line : result.details.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        new QTreeWidgetItem(item, {QString(), line});
    item->setExpanded(result.status != patch::FixStatus::Applied);
    m_results->scrollToItem(item);
}

bool FixesPane::previewFix()
{
    const Issue *issue = m_document->review().issue(m_issueId);
    if (!issue || workTree().isEmpty())
        return false;
    const workbench::FixOutcome result = workbench::checkIssueFix(workTree(), *issue);
    // A diff keeps its columns; a refusal is prose, wrapped so that its reason is read whole.
    m_preview->setLineWrapMode(result.changes.isEmpty() ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    m_preview->setPlainText(result.changes.isEmpty() ? result.details : result.changes);
    addResult(result);
    return result.status == patch::FixStatus::Applied;
}

int FixesPane::applyIssues(const QStringList &issueIds)
{
    int applied = 0;
    for (const workbench::FixOutcome &outcome : workbench::applyFixes(*m_document, workTree(), issueIds)) {
        addResult(outcome);
        if (outcome.written)
            ++applied;
    }
    return applied;
}

bool FixesPane::applyFix()
{
    if (workTree().isEmpty() || m_issueId.isEmpty())
        return false;
    const bool applied = applyIssues({m_issueId}) > 0;
    Q_EMIT message(applied ? tr("Fix applied to %1").arg(workTree()) : tr("The fix was not applied; see Fixes"));
    return applied;
}

bool FixesPane::revertFix()
{
    if (m_issueId.isEmpty() || workTree().isEmpty())
        return false;
    const workbench::RevertOutcome result = workbench::revertFix(*m_document, workTree(), m_issueId);
    new QTreeWidgetItem(m_results, {labelOf(m_issueId), result.message});
    Q_EMIT message(result.message);
    return result.reverted;
}

int FixesPane::applyAllAccepted()
{
    if (workTree().isEmpty())
        return 0;
    const auto ids = workbench::selectFixes(m_document->review(), {{}, true, false});
    const int applied = ids ? applyIssues(*ids) : 0;
    Q_EMIT message(tr("Applied %1 of %2 accepted fixes").arg(applied).arg(ids ? ids->size() : 0));
    return applied;
}

} // namespace rb::ui
