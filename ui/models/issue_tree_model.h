#pragma once
// The consolidation pane's tree: sections (Critical, Important, Suggestions, Left out) with
// the issues under them, ordered as the report numbers them (C1, I1, S1...).

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>

namespace rb::ui {

class ReviewDocument;

class IssueTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, AgentsColumn, SeverityColumn, StateColumn, ColumnCount };
    enum Role { IssueIdRole = Qt::UserRole + 1, SectionRole, NumberRole, MemberIdsRole };
    enum Section { CriticalSection, ImportantSection, SuggestionSection, LeftOutSection, SectionCount };

    explicit IssueTreeModel(ReviewDocument *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Dropping findings (from an agent column) or issues onto an issue moves or merges them.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

    QModelIndex indexOfIssue(const QString &issueId) const;
    QString issueIdAt(const QModelIndex &index) const;
    // Issue ids in display order (sections in order), for next/previous navigation.
    QStringList issueOrder() const;
    // "C1", "I2", "S3" for reported issues; empty for left-out ones.
    QString numberOf(const QString &issueId) const;

    static constexpr const char *kFindingMime = "application/x-reviewbench-finding";
    static constexpr const char *kIssueMime = "application/x-reviewbench-issue";

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void rebuild();

    ReviewDocument *m_document;
    QList<QStringList> m_sections; // issue ids per section
    QHash<QString, QString> m_numbers; // issue id -> "C1", "I2", ...
};

} // namespace rb::ui
