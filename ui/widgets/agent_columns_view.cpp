#include "widgets/agent_columns_view.h"
#include "style/palette_follower.h"

#include "document/review_document.h"
#include "models/agent_findings_model.h"
#include "style/severity_style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace rb::ui {

namespace {
QString formatDuration(std::optional<double> seconds)
{
    if (!seconds)
        return {};
    const int s = int(*seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString headerText(const AgentRun &a, qsizetype findings)
{
    QStringList facts;
    facts << (a.failed() ? QStringLiteral("<b>%1</b>").arg(toString(a.status).toHtmlEscaped())
                         : QStringLiteral("%1 findings").arg(findings));
    if (const QString d = formatDuration(a.durationSeconds); !d.isEmpty())
        facts << d;
    if (a.costUsd)
        facts << QStringLiteral("$%1").arg(*a.costUsd, 0, 'f', 2);
    if (!a.parseWarnings.isEmpty())
        facts << QStringLiteral("%1 warnings").arg(a.parseWarnings.size());
    QString html = QStringLiteral("<b>%1</b><br><small>%2</small>").arg(a.name.toHtmlEscaped(), facts.join(QStringLiteral(" · ")));
    if (a.failed() && !a.failureReason.isEmpty())
        html += QStringLiteral("<br><small>%1</small>").arg(a.failureReason.toHtmlEscaped());
    return html;
}
} // namespace

AgentColumnsView::AgentColumnsView(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter);
    rebuild();
    connect(document, &ReviewDocument::reviewReset, this, &AgentColumnsView::rebuild);
    connect(document, &ReviewDocument::agentsChanged, this, &AgentColumnsView::rebuild);
    connect(document, &ReviewDocument::contentChanged, this, &AgentColumnsView::updateHeaders);
}

void AgentColumnsView::rebuild()
{
    while (m_splitter->count() > 0)
        delete m_splitter->widget(0);
    qDeleteAll(m_models);
    m_models.clear();
    m_views.clear();
    m_headers.clear();
    const auto &agents = m_document->review().agents;
    for (int i = 0; i < agents.size(); ++i)
        m_splitter->addWidget(makeColumn(i));
    if (agents.isEmpty()) {
        auto *empty = new QLabel(tr("No agent reviews yet. Run agents (Ctrl+R) or import a raw review."), m_splitter);
        empty->setAlignment(Qt::AlignCenter);
        empty->setWordWrap(true);
        m_splitter->addWidget(empty);
    }
}

QWidget *AgentColumnsView::makeColumn(int agentIndex)
{
    const AgentRun &agent = m_document->review().agents[agentIndex];
    auto *column = new QWidget(m_splitter);
    column->setObjectName(QStringLiteral("agentColumn_%1").arg(agent.id));
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(4, 4, 4, 4);
    v->setSpacing(4);

    auto *headerRow = new QHBoxLayout;
    auto *swatch = new QLabel(column);
    swatch->setFixedSize(6, 32);
    followPalette(swatch, [swatch, agentIndex] {
        setStyleSheetIfChanged(swatch, QStringLiteral("background:%1;border-radius:3px;").arg(agentColor(agentIndex, swatch->parentWidget()->palette()).name()));
    });
    auto *header = new QLabel(column);
    header->setTextFormat(Qt::RichText);
    header->setWordWrap(true);
    auto *raw = new QPushButton(tr("Raw"), column);
    raw->setToolTip(tr("Show %1's original review").arg(agent.name));
    raw->setFlat(true);
    headerRow->addWidget(swatch);
    headerRow->addWidget(header, 1);
    headerRow->addWidget(raw);
    v->addLayout(headerRow);

    auto *model = new AgentFindingsModel(m_document, agent.id, this);
    auto *view = new QListView(column);
    view->setObjectName(QStringLiteral("agentFindings_%1").arg(agent.id));
    view->setModel(model);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    view->setSpacing(2);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->setAlternatingRowColors(true);
    v->addWidget(view, 1);

    const QString agentId = agent.id;
    connect(raw, &QPushButton::clicked, this, [this, agentId, view] {
        Q_EMIT rawReviewRequested(agentId, view->currentIndex().data(AgentFindingsModel::FindingIdRole).toString());
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (m_selecting || !current.isValid())
            return;
        Q_EMIT findingSelected(current.data(AgentFindingsModel::FindingIdRole).toString());
    });
    connect(view, &QListView::activated, this, [this, agentId](const QModelIndex &index) {
        Q_EMIT rawReviewRequested(agentId, index.data(AgentFindingsModel::FindingIdRole).toString());
    });

    model->setHighlighted(m_highlighted);
    m_models << model;
    m_views << view;
    m_headers << header;
    header->setText(headerText(agent, model->rowCount()));
    return column;
}

void AgentColumnsView::updateHeaders()
{
    const auto &agents = m_document->review().agents;
    for (int i = 0; i < m_headers.size() && i < agents.size(); ++i)
        m_headers[i]->setText(headerText(agents[i], m_models[i]->rowCount()));
}

void AgentColumnsView::highlightFindings(const QSet<QString> &findingIds)
{
    m_highlighted = findingIds;
    for (int i = 0; i < m_models.size(); ++i) {
        m_models[i]->setHighlighted(findingIds);
        for (int row = 0; row < m_models[i]->rowCount(); ++row) {
            const QModelIndex idx = m_models[i]->index(row);
            if (findingIds.contains(idx.data(AgentFindingsModel::FindingIdRole).toString())) {
                m_views[i]->scrollTo(idx);
                break;
            }
        }
    }
}

void AgentColumnsView::selectFinding(const QString &findingId)
{
    m_selecting = true;
    for (int i = 0; i < m_models.size(); ++i) {
        const QModelIndex idx = m_models[i]->indexOfFinding(findingId);
        if (idx.isValid()) {
            m_views[i]->setCurrentIndex(idx);
            m_views[i]->scrollTo(idx);
        } else {
            m_views[i]->selectionModel()->clearSelection();
        }
    }
    m_selecting = false;
}

QString AgentColumnsView::currentFindingId() const
{
    for (QListView *v : m_views)
        if (v->hasFocus() && v->currentIndex().isValid())
            return v->currentIndex().data(AgentFindingsModel::FindingIdRole).toString();
    return {};
}

} // namespace rb::ui
