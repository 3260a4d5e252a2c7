#pragma once
// One agent's raw findings, in the order the agent wrote them, for its column.

#include <QAbstractListModel>
#include <QSet>

namespace rb::ui {

class ReviewDocument;

class AgentFindingsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { FindingIdRole = Qt::UserRole + 1, IssueIdRole, HighlightRole };

    AgentFindingsModel(ReviewDocument *document, QString agentId, QObject *parent = nullptr);

    const QString &agentId() const { return m_agentId; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    // Findings grouped with the current selection are drawn highlighted.
    void setHighlighted(const QSet<QString> &findingIds);
    QModelIndex indexOfFinding(const QString &findingId) const;

private:
    void rebuild();

    ReviewDocument *m_document;
    QString m_agentId;
    QStringList m_findingIds;
    QSet<QString> m_highlighted;
};

} // namespace rb::ui
