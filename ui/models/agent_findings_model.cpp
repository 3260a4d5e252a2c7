#include "models/agent_findings_model.h"

#include "document/review_document.h"
#include "edit/issue_edits.h"
#include "models/issue_tree_model.h"
#include "style/severity_style.h"

#include <QApplication>
#include <QMimeData>
#include <QPalette>

namespace rb::ui {

AgentFindingsModel::AgentFindingsModel(ReviewDocument *document, QString agentId, QObject *parent)
    : QAbstractListModel(parent), m_document(document), m_agentId(std::move(agentId))
{
    rebuild();
    connect(document, &ReviewDocument::contentChanged, this, [this] {
        if (!m_findingIds.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_findingIds.size()) - 1));
    });
}

void AgentFindingsModel::rebuild()
{
    m_findingIds.clear();
    for (const RawFinding &f : m_document->review().findings)
        if (f.agentId == m_agentId)
            m_findingIds << f.id;
}

int AgentFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findingIds.size());
}

QVariant AgentFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findingIds.size())
        return {};
    const Review &review = m_document->review();
    const RawFinding *f = review.finding(m_findingIds[index.row()]);
    if (!f)
        return {};
    const QPalette palette = QApplication::palette();
    switch (role) {
    case Qt::DisplayRole: {
        QString first = QStringLiteral("%1  %2").arg(f->rawId.isEmpty() ? severityLetter(f->severity) : f->rawId, f->title);
        QStringList where;
        for (const Location &l : f->locations)
            where << l.describe();
        return where.isEmpty() ? first : first + QLatin1Char('\n') + where.join(QStringLiteral(", "));
    }
    case Qt::ToolTipRole: {
        const Issue *issue = edit::issueOfFinding(review, f->id);
        return QStringLiteral("%1 (%2, %3)%4")
            .arg(f->title, toString(f->severity), toString(f->category),
                 issue ? QStringLiteral("\nIn issue: %1").arg(issue->title) : QString());
    }
    case Qt::DecorationRole: return severityDot(f->severity, palette);
    case Qt::BackgroundRole:
        if (m_highlighted.contains(f->id)) {
            QColor c = palette.color(QPalette::Highlight);
            c.setAlpha(60);
            return c;
        }
        return {};
    case Qt::ForegroundRole: {
        const Issue *issue = edit::issueOfFinding(review, f->id);
        if (issue && !issue->isReported())
            return palette.color(QPalette::PlaceholderText);
        return {};
    }
    case FindingIdRole: return f->id;
    case IssueIdRole: {
        const Issue *issue = edit::issueOfFinding(review, f->id);
        return issue ? issue->id : QString();
    }
    case HighlightRole: return m_highlighted.contains(f->id);
    default: return {};
    }
}

Qt::ItemFlags AgentFindingsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList AgentFindingsModel::mimeTypes() const { return {QString::fromLatin1(IssueTreeModel::kFindingMime)}; }

QMimeData *AgentFindingsModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes)
        ids << i.data(FindingIdRole).toString();
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(IssueTreeModel::kFindingMime), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

void AgentFindingsModel::setHighlighted(const QSet<QString> &findingIds)
{
    if (findingIds == m_highlighted)
        return;
    m_highlighted = findingIds;
    if (!m_findingIds.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_findingIds.size()) - 1), {Qt::BackgroundRole, HighlightRole});
}

QModelIndex AgentFindingsModel::indexOfFinding(const QString &findingId) const
{
    const auto row = m_findingIds.indexOf(findingId);
    return row < 0 ? QModelIndex() : index(int(row));
}

} // namespace rb::ui
