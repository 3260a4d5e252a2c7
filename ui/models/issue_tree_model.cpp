#include "models/issue_tree_model.h"

#include "document/review_document.h"
#include "model/agent_name.h"
#include "report/report_outline.h"
#include "style/severity_style.h"

#include <QApplication>
#include <QFont>
#include <QMimeData>
#include <QPalette>

namespace rb::ui {

namespace {
constexpr quintptr kTopLevel = 0;

QString sectionTitle(int section)
{
    switch (section) {
    case IssueTreeModel::CriticalSection: return QApplication::translate("IssueTreeModel", "Critical Issues");
    case IssueTreeModel::ImportantSection: return QApplication::translate("IssueTreeModel", "Important Issues");
    case IssueTreeModel::SuggestionSection: return QApplication::translate("IssueTreeModel", "Suggestions");
    case IssueTreeModel::LeftOutSection: return QApplication::translate("IssueTreeModel", "Rejected and false positives");
    }
    return {};
}

QStringList decode(const QMimeData *data, const char *mime)
{
    return QString::fromUtf8(data->data(QString::fromLatin1(mime))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace

IssueTreeModel::IssueTreeModel(ReviewDocument *document, QObject *parent)
    : QAbstractItemModel(parent), m_document(document)
{
    rebuild();
    connect(document, &ReviewDocument::reviewReset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(document, &ReviewDocument::contentChanged, this, [this] {
        // Membership and severity changes move rows between sections; a reset keeps it simple
        // and the view restores the selection by issue id.
        beginResetModel();
        rebuild();
        endResetModel();
    });
}

void IssueTreeModel::rebuild()
{
    // Sections and numbers follow the report's numbering rule exactly (report_outline.h).
    const Review &review = m_document->review();
    m_sections = QList<QStringList>(SectionCount);
    m_numbers.clear();
    const Severity order[] = {Severity::Critical, Severity::Important, Severity::Suggestion};
    for (int s = 0; s < 3; ++s) {
        for (const report::NumberedIssue &n : report::numberedIssues(review, order[s])) {
            m_sections[s] << n.issue->id;
            m_numbers.insert(n.issue->id, n.number);
        }
    }
    for (const Issue &i : review.issues)
        if (!i.isReported())
            m_sections[LeftOutSection] << i.id;
}

QModelIndex IssueTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < SectionCount ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || row >= m_sections[parent.row()].size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex IssueTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int IssueTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return SectionCount;
    if (parent.internalId() == kTopLevel && parent.column() == 0)
        return int(m_sections[parent.row()].size());
    return 0;
}

int IssueTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QString IssueTreeModel::issueIdAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kTopLevel)
        return {};
    return m_sections[int(index.internalId() - 1)].value(index.row());
}

QModelIndex IssueTreeModel::indexOfIssue(const QString &issueId) const
{
    for (int s = 0; s < SectionCount; ++s) {
        const auto row = m_sections[s].indexOf(issueId);
        if (row >= 0)
            return index(int(row), 0, index(s, 0));
    }
    return {};
}

QStringList IssueTreeModel::issueOrder() const
{
    QStringList all;
    for (const QStringList &s : m_sections)
        all << s;
    return all;
}

QString IssueTreeModel::numberOf(const QString &issueId) const { return m_numbers.value(issueId); }

QVariant IssueTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QPalette palette = QApplication::palette();
    if (index.internalId() == kTopLevel) {
        if (index.column() != TitleColumn)
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("%1 (%2)").arg(sectionTitle(index.row())).arg(m_sections[index.row()].size());
        case Qt::FontRole: {
            QFont f = QApplication::font();
            f.setBold(true);
            return f;
        }
        case Qt::ForegroundRole:
            if (index.row() < LeftOutSection)
                return severityColor(Severity(index.row()), palette);
            return palette.color(QPalette::PlaceholderText);
        case SectionRole:
            return index.row();
        default:
            return {};
        }
    }
    const Review &review = m_document->review();
    const QString id = issueIdAt(index);
    const Issue *issue = review.issue(id);
    if (!issue)
        return {};
    switch (role) {
    case IssueIdRole: return id;
    case SectionRole: return int(index.internalId() - 1);
    case NumberRole: return numberOf(id);
    case MemberIdsRole: return issue->members;
    case Qt::ToolTipRole:
        if (!issue->disagreementNote.isEmpty())
            return issue->disagreementNote;
        return {};
    default: break;
    }
    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::DisplayRole) {
            const QString number = numberOf(id);
            return number.isEmpty() ? issue->title : QStringLiteral("%1. %2").arg(number, issue->title);
        }
        if (role == Qt::ForegroundRole && !issue->isReported())
            return palette.color(QPalette::PlaceholderText);
        if (role == Qt::FontRole && !issue->isReported()) {
            QFont f = QApplication::font();
            f.setStrikeOut(true);
            return f;
        }
        break;
    case AgentsColumn:
        if (role == Qt::DisplayRole) {
            QStringList names;
            for (const QString &m : issue->members) {
                const RawFinding *f = review.finding(m);
                const AgentRun *a = f ? review.agent(f->agentId) : nullptr;
                const QString name = a ? agentShortName(*a) : QString();
                if (!name.isEmpty() && !names.contains(name))
                    names << name;
            }
            return names.join(QStringLiteral(", "));
        }
        break;
    case SeverityColumn:
        if (role == Qt::DisplayRole) {
            QString text = displayName(issue->severity());
            if (issue->finalSeverity && *issue->finalSeverity != issue->proposedSeverity)
                text += QStringLiteral(" (proposed %1)").arg(displayName(issue->proposedSeverity));
            if (!issue->disagreementNote.isEmpty())
                text += QStringLiteral(" ⚖");
            return text;
        }
        if (role == Qt::ForegroundRole)
            return severityColor(issue->severity(), palette);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole) {
            const QString fix = fixLabel(issue->fixState);
            return fix.isEmpty() ? triageLabel(issue->triage) : triageLabel(issue->triage) + QStringLiteral(" · ") + fix;
        }
        break;
    default: break;
    }
    return {};
}

QVariant IssueTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Issue");
    case AgentsColumn: return tr("Found by");
    case SeverityColumn: return tr("Severity");
    case StateColumn: return tr("State");
    default: return {};
    }
}

Qt::ItemFlags IssueTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kTopLevel)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

QStringList IssueTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(kFindingMime), QString::fromLatin1(kIssueMime)};
}

QMimeData *IssueTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        const QString id = issueIdAt(i);
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kIssueMime), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

bool IssueTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    const QString target = issueIdAt(parent);
    if (target.isEmpty())
        return false;
    if (data->hasFormat(QString::fromLatin1(kFindingMime)))
        return true;
    const QStringList issues = decode(data, kIssueMime);
    return !issues.isEmpty() && !(issues.size() == 1 && issues.first() == target);
}

bool IssueTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString target = issueIdAt(parent);
    if (data->hasFormat(QString::fromLatin1(kFindingMime))) {
        for (const QString &finding : decode(data, kFindingMime)) {
            const Status moved = m_document->moveFinding(finding, target);
            if (!moved) {
                Q_EMIT editFailed(moved.error().message);
                return false;
            }
        }
        return true;
    }
    QStringList ids{target};
    for (const QString &id : decode(data, kIssueMime))
        if (id != target)
            ids << id;
    const auto merged = m_document->mergeIssues(ids);
    if (!merged)
        Q_EMIT editFailed(merged.error().message);
    return merged.ok();
}

} // namespace rb::ui
