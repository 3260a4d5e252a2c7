#include "widgets/consolidation_pane.h"

#include "document/review_document.h"
#include "model/agent_name.h"
#include "models/issue_tree_model.h"
#include "search/issue_search.h"
#include "util/plural.h"
#include "widgets/issue_editor.h"
#include "widgets/review_text_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rb::ui {

ConsolidationPane::ConsolidationPane(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    // Connected before the model exists, so that on a new review the selection is cleared
    // before the model's reset restores it.
    connect(document, &ReviewDocument::reviewReset, this, [this] { m_current.clear(); });
    m_model = new IssueTreeModel(document, this);
    setObjectName(QStringLiteral("consolidationPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);

    auto *issues = new QSplitter(Qt::Vertical, m_tabs);
    issues->setObjectName(QStringLiteral("issuesSplitter"));
    auto *listPage = new QWidget(issues);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 2, 0, 0);
    listLayout->setSpacing(2);
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(4, 0, 6, 0);
    m_search = new QLineEdit(listPage);
    m_search->setObjectName(QStringLiteral("issueSearch"));
    m_search->setPlaceholderText(tr("Search issues and findings"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Keeps the issues whose titles, descriptions, notes, fixes or member findings contain every "
                            "word; \"quotes\" keep a phrase together (Ctrl+Shift+F)"));
    m_searchCount = new QLabel(listPage);
    m_searchCount->setObjectName(QStringLiteral("issueSearchCount"));
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchCount);
    listLayout->addLayout(searchRow);
    m_tree = new QTreeView(listPage);
    listLayout->addWidget(m_tree, 1);
    m_tree->setObjectName(QStringLiteral("issueTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(IssueTreeModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->expandAll();
    m_editor = new IssueEditor(document, issues);
    issues->addWidget(listPage);
    issues->addWidget(m_editor);
    issues->setStretchFactor(0, 2);
    issues->setStretchFactor(1, 3);
    m_tabs->addTab(issues, tr("Issues"));

    m_observations = new QTreeWidget(m_tabs);
    m_observations->setObjectName(QStringLiteral("designObservations"));
    m_observations->setHeaderLabels({tr("Observation"), tr("Kind"), tr("Scope"), tr("Agents")});
    m_observations->setRootIsDecorated(false);
    m_observations->setWordWrap(true);
    m_observations->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_observations->header()->setStretchLastSection(false);
    m_tabs->addTab(m_observations, tr("Design"));
    m_tabs->addTab(new ReviewTextEditor(document, m_tabs), tr("Verdict && Summary"));

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (m_refreshing)
            return;
        const QString id = m_model->issueIdAt(current);
        if (id.isEmpty())
            return;
        m_current = id;
        m_editor->showIssue(id, m_model->numberOf(id));
        Q_EMIT currentIssueChanged(id);
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_refreshing = true; });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConsolidationPane::restoreSelection);
    connect(m_model, &IssueTreeModel::editFailed, this, &ConsolidationPane::editFailed);
    connect(m_search, &QLineEdit::textChanged, this, &ConsolidationPane::applySearch);
    connect(m_editor, &IssueEditor::findingSelected, this, &ConsolidationPane::findingSelected);
    connect(m_editor, &IssueEditor::moveFindingRequested, this, &ConsolidationPane::moveFindingRequested);
    connect(m_editor, &IssueEditor::editFailed, this, &ConsolidationPane::editFailed);
    connect(m_observations, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_refreshing || column != 0)
            return;
        m_document->setObservationRejected(item->data(0, Qt::UserRole).toString(), item->checkState(0) != Qt::Checked);
    });
    connect(document, &ReviewDocument::contentChanged, this, &ConsolidationPane::refreshObservations);
    // After the model's own handler (connected in its constructor): what the search finds follows edits.
    connect(document, &ReviewDocument::contentChanged, this, &ConsolidationPane::applySearch);
    connect(document, &ReviewDocument::reviewReset, this, &ConsolidationPane::refreshObservations);
    refreshObservations();
    applySearch();
}

void ConsolidationPane::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ConsolidationPane::applySearch()
{
    const Review &review = m_document->review();
    const QStringList found = findIssues(review, m_search->text());
    m_found = QSet<QString>(found.begin(), found.end());
    const bool searching = !searchTerms(m_search->text()).isEmpty();
    for (int section = 0; section < m_model->rowCount(); ++section) {
        const QModelIndex parent = m_model->index(section, 0);
        int shown = 0;
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const bool keep = m_found.contains(m_model->issueIdAt(m_model->index(row, 0, parent)));
            m_tree->setRowHidden(row, parent, !keep);
            shown += keep;
        }
        // While searching, a section with nothing found is hidden too.
        m_tree->setRowHidden(section, QModelIndex(), searching && shown == 0);
    }
    const int total = int(review.issues.size());
    m_searchCount->setText(searching ? tr("%1 of %2").arg(m_found.size()).arg(counted(total, tr("issue")))
                                     : counted(total, tr("issue")));
}

QStringList ConsolidationPane::foundIssueIds() const
{
    QStringList ids;
    for (const QString &id : m_model->issueOrder())
        if (m_found.contains(id))
            ids << id;
    return ids;
}

void ConsolidationPane::addPage(QWidget *page, const QString &title) { m_tabs->addTab(page, title); }

void ConsolidationPane::restoreSelection()
{
    m_tree->expandAll();
    applySearch(); // edits change what the search finds and where the rows are
    m_refreshing = false;
    const Review &review = m_document->review();
    if (!m_current.isEmpty() && !review.issue(m_current))
        m_current.clear(); // merged away or removed: fall back to the first issue
    if (m_current.isEmpty()) {
        const QStringList order = m_model->issueOrder();
        if (!order.isEmpty())
            m_current = order.first();
    }
    const QModelIndex index = m_model->indexOfIssue(m_current);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
    m_editor->showIssue(m_current, m_model->numberOf(m_current));
    Q_EMIT currentIssueChanged(m_current);
}

QString ConsolidationPane::currentIssueId() const { return m_current; }

QStringList ConsolidationPane::selectedIssueIds() const
{
    QStringList ids;
    if (!m_current.isEmpty())
        ids << m_current;
    for (const QModelIndex &i : m_tree->selectionModel()->selectedRows()) {
        const QString id = m_model->issueIdAt(i);
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

void ConsolidationPane::selectIssue(const QString &issueId)
{
    const QModelIndex index = m_model->indexOfIssue(issueId);
    if (!index.isValid())
        return;
    m_tabs->setCurrentIndex(0);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void ConsolidationPane::selectNextIssue(int step)
{
    const QStringList order = foundIssueIds();
    if (order.isEmpty())
        return;
    const auto at = order.indexOf(m_current);
    const auto n = order.size();
    const auto next = at < 0 ? 0 : ((at + step) % n + n) % n;
    selectIssue(order[next]);
}

QString ConsolidationPane::selectedMemberFindingId() const { return m_editor->selectedFindingId(); }

void ConsolidationPane::refreshObservations()
{
    const bool wasRefreshing = m_refreshing;
    m_refreshing = true;
    m_observations->clear();
    const Review &review = m_document->review();
    for (const DesignObservation &d : review.designObservations) {
        QStringList agents;
        for (const QString &m : d.members)
            if (const RawObservation *o = review.observation(m))
                if (const AgentRun *a = review.agent(o->agentId))
                    agents << agentShortName(*a);
        auto *item = new QTreeWidgetItem(m_observations, {d.title, toString(d.kind), toString(d.scope), agents.join(QStringLiteral(", "))});
        item->setData(0, Qt::UserRole, d.id);
        item->setToolTip(0, d.body);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, d.rejected ? Qt::Unchecked : Qt::Checked);
    }
    m_refreshing = wasRefreshing;
}

} // namespace rb::ui
