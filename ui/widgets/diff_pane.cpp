#include "widgets/diff_pane.h"

#include "style/visible_text.h"
#include "diff/diff_view.h"
#include "document/review_document.h"
#include "session/review_session.h"
#include "widgets/find_bar.h"

#include <QAction>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>

namespace rb::ui {

DiffPane::DiffPane(ReviewSession *session, ReviewDocument *document, KSyntaxHighlighting::Repository *syntax,
                   QWidget *parent)
    : QWidget(parent), m_session(session), m_document(document)
{
    setObjectName(QStringLiteral("diffPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    m_title = new QLabel(this);
    m_title->setContentsMargins(6, 0, 6, 0);
    m_title->setTextFormat(Qt::PlainText);
    bar->addWidget(m_title);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_sideBySide = bar->addAction(tr("Side by Side"));
    m_sideBySide->setObjectName(QStringLiteral("toggleSideBySide"));
    m_sideBySide->setCheckable(true);
    m_sideBySide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_sideBySide->setToolTip(tr("Switch between unified and side-by-side diff (Ctrl+D)"));
    m_expandAll = bar->addAction(tr("Expand All"));
    m_expandAll->setObjectName(QStringLiteral("expandAllContext"));
    m_expandAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_expandAll->setToolTip(tr("Show every unchanged line of the file (Ctrl+E)"));
    layout->addWidget(bar);
    m_findBar = new FindBar(this);
    layout->addWidget(m_findBar);
    m_view = new DiffView(syntax, this);
    layout->addWidget(m_view, 1);

    m_find = new QAction(tr("Find in Diff…"), this);
    m_find->setObjectName(QStringLiteral("findInDiff"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setToolTip(tr("Find text in the diff (Ctrl+F)"));
    m_findNext = new QAction(tr("Find Next"), this);
    m_findNext->setObjectName(QStringLiteral("findNext"));
    m_findNext->setShortcut(QKeySequence(Qt::Key_F3));
    m_findPrevious = new QAction(tr("Find Previous"), this);
    m_findPrevious->setObjectName(QStringLiteral("findPrevious"));
    m_findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    const auto applyFind = [this] { m_view->setFindText(m_findBar->text(), m_findBar->options()); };
    const auto showCount = [this] { m_findBar->showCount(m_view->currentMatch(), int(m_view->matches().size())); };
    connect(m_find, &QAction::triggered, m_findBar, &FindBar::activate);
    const auto step = [this, applyFind](bool forward) {
        if (m_findBar->isHidden()) {
            m_findBar->activate(); // F3 with the bar closed opens it on the last text
            applyFind();
        }
        m_view->findStep(forward);
    };
    connect(m_findNext, &QAction::triggered, this, [step] { step(true); });
    connect(m_findPrevious, &QAction::triggered, this, [step] { step(false); });
    connect(m_findBar, &FindBar::findChanged, this, applyFind);
    connect(m_findBar, &FindBar::nextRequested, m_view, [this] { m_view->findStep(true); });
    connect(m_findBar, &FindBar::previousRequested, m_view, [this] { m_view->findStep(false); });
    connect(m_findBar, &FindBar::closed, this, [this, applyFind] {
        applyFind(); // a closed bar finds nothing: the highlights go
        m_view->setFocus(Qt::OtherFocusReason);
    });
    connect(m_view, &DiffView::matchesChanged, this, showCount);

    connect(m_sideBySide, &QAction::toggled, this, [this](bool on) {
        m_view->setMode(on ? DiffView::Mode::SideBySide : DiffView::Mode::Unified);
    });
    connect(m_expandAll, &QAction::triggered, m_view, &DiffView::expandAll);
    connect(m_view, &DiffView::findingClicked, this, &DiffPane::findingClicked);
    connect(document, &ReviewDocument::contentChanged, this, &DiffPane::updateMarkers);
    connect(document, &ReviewDocument::reviewReset, this, &DiffPane::updateMarkers);
    connect(session, &ReviewSession::failed, this, [this](const QString &message) {
        m_file = -1;
        m_title->clear();
        m_view->showMessage(message);
    });
}

void DiffPane::showFile(int fileIndex)
{
    if (!m_session->isOpen() || fileIndex < 0 || fileIndex >= m_session->diff().fileCount())
        return;
    const git::RangeDiff &diff = m_session->diff();
    const git::FileDiff file = diff.files()[fileIndex];
    m_file = fileIndex;
    QString title = file.path();
    if (file.status == git::FileStatus::Renamed)
        title = QStringLiteral("%1 → %2").arg(file.oldPath, file.newPath);
    m_title->setText(QStringLiteral("%1  (%2)").arg(visibleControls(title), git::fileStatusName(file.status)));
    const auto patch = diff.patch(fileIndex);
    if (!patch) {
        m_view->showMessage(patch.error().message);
        return;
    }
    if ((*patch)->binary) {
        m_view->showMessage(tr("%1 is a binary file; there is no text to show.").arg(file.path()));
        return;
    }
    const auto oldText = diff.oldText(fileIndex);
    const auto newText = diff.newText(fileIndex);
    m_view->setFile(file.path(), *patch, oldText ? *oldText : QByteArray(), newText ? *newText : QByteArray());
    updateMarkers();
    Q_EMIT fileShown(fileIndex);
}

bool DiffPane::revealLocation(const QString &path, int line)
{
    if (!m_session->isOpen())
        return false;
    const int index = m_session->diff().indexOf(path);
    if (index < 0)
        return false;
    if (index != m_file)
        showFile(index);
    if (line > 0)
        m_view->revealLine(line);
    return true;
}

void DiffPane::updateMarkers()
{
    const QString path = m_view->path();
    QList<DiffMarker> markers;
    if (!path.isEmpty()) {
        for (const RawFinding &f : m_document->review().findings) {
            for (const Location &l : f.locations) {
                if (l.path != path || !l.hasLines() || l.stale)
                    continue; // a stale location's lines no longer hold its code
                const AgentRun *agent = m_document->review().agent(f.agentId);
                markers << DiffMarker{l.startLine, std::max(l.startLine, l.endLine), f.severity, f.id,
                                      QStringLiteral("%1 — %2").arg(agent ? agent->name : f.agentId, f.title)};
            }
        }
    }
    m_view->setMarkers(markers);
}

} // namespace rb::ui
