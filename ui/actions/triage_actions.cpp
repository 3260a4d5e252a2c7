#include "actions/triage_actions.h"

#include "document/review_document.h"
#include "widgets/consolidation_pane.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

namespace rb::ui {

TriageActions::TriageActions(ReviewDocument *document, ConsolidationPane *pane, QWidget *window)
    : QObject(window), m_document(document), m_pane(pane), m_window(window)
{
    auto *next = add(tr("&Next Issue"), QKeySequence(Qt::Key_J), "nextIssue");
    connect(next, &QAction::triggered, this, [this] { m_pane->selectNextIssue(+1); });
    auto *previous = add(tr("&Previous Issue"), QKeySequence(Qt::Key_K), "previousIssue");
    connect(previous, &QAction::triggered, this, [this] { m_pane->selectNextIssue(-1); });

    const std::pair<std::optional<Severity>, std::pair<const char *, Qt::Key>> severities[] = {
        {Severity::Critical, {"setCritical", Qt::Key_1}},
        {Severity::Important, {"setImportant", Qt::Key_2}},
        {Severity::Suggestion, {"setSuggestion", Qt::Key_3}},
        {std::nullopt, {"setProposed", Qt::Key_0}},
    };
    for (const auto &[severity, info] : severities) {
        const QString text = severity ? tr("Set Severity: %1").arg(displayName(*severity)) : tr("Use Proposed Severity");
        auto *a = add(text, QKeySequence(info.second), info.first);
        m_needIssue << a;
        const std::optional<Severity> s = severity;
        connect(a, &QAction::triggered, this, [this, s] { m_document->setFinalSeverity(m_pane->currentIssueId(), s); });
    }

    const std::tuple<TriageState, QString, Qt::Key, const char *> triage[] = {
        {TriageState::Accepted, tr("&Accept Issue"), Qt::Key_A, "accept"},
        {TriageState::Rejected, tr("&Reject Issue"), Qt::Key_R, "reject"},
        {TriageState::FalsePositive, tr("Mark &False Positive"), Qt::Key_F, "falsePositive"},
        {TriageState::Open, tr("Re&open Issue"), Qt::Key_O, "reopen"},
    };
    for (const auto &[state, text, key, name] : triage) {
        auto *a = add(text, QKeySequence(key), name);
        m_needIssue << a;
        const TriageState s = state;
        connect(a, &QAction::triggered, this, [this, s] { m_document->setTriage(m_pane->currentIssueId(), s); });
    }

    auto *merge = add(tr("&Merge Selected Issues"), QKeySequence(Qt::Key_M), "merge");
    connect(merge, &QAction::triggered, this, [this] {
        const QStringList ids = m_pane->selectedIssueIds();
        if (ids.size() < 2) {
            Q_EMIT editFailed(tr("Select two or more issues to merge (Ctrl+click or Shift+click in the issue list)."));
            return;
        }
        const auto result = m_document->mergeIssues(ids);
        if (!result)
            Q_EMIT editFailed(result.error().message);
    });
    auto *split = add(tr("&Split Finding Out"), QKeySequence(Qt::Key_S), "split");
    m_needIssue << split;
    connect(split, &QAction::triggered, this, [this] {
        const QString finding = m_pane->selectedMemberFindingId();
        if (finding.isEmpty()) {
            Q_EMIT editFailed(tr("Select one of the issue's findings (in the Agents list of the issue) to split it out."));
            return;
        }
        const auto result = m_document->splitFinding(finding);
        if (!result)
            Q_EMIT editFailed(result.error().message);
    });
    auto *move = add(tr("Mo&ve Finding to Issue…"), QKeySequence(Qt::SHIFT | Qt::Key_M), "moveFinding");
    m_needIssue << move;
    connect(move, &QAction::triggered, this, [this] {
        const QString finding = m_pane->selectedMemberFindingId();
        if (finding.isEmpty()) {
            Q_EMIT editFailed(tr("Select one of the issue's findings to move it."));
            return;
        }
        Q_EMIT moveFindingRequested(finding);
    });

    connect(pane, &ConsolidationPane::currentIssueChanged, this, &TriageActions::updateEnabled);
    connect(document, &ReviewDocument::reviewReset, this, &TriageActions::updateEnabled);
    updateEnabled();
}

QAction *TriageActions::add(const QString &text, const QKeySequence &shortcut, const char *name)
{
    auto *a = new QAction(text, m_window);
    a->setObjectName(QString::fromLatin1(name));
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(a);
    m_actions << a;
    return a;
}

void TriageActions::addTo(QMenu *menu) const
{
    for (QAction *a : m_actions) {
        menu->addAction(a);
        const QString name = a->objectName();
        if (name == QLatin1String("previousIssue") || name == QLatin1String("setProposed")
            || name == QLatin1String("reopen"))
            menu->addSeparator();
    }
}

void TriageActions::updateEnabled()
{
    const bool hasIssue = m_document->review().issue(m_pane->currentIssueId()) != nullptr;
    for (QAction *a : m_needIssue)
        a->setEnabled(hasIssue);
}

} // namespace rb::ui
