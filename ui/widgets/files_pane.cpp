#include "widgets/files_pane.h"

#include "style/palette_follower.h"
#include "style/severity_style.h"
#include "style/visible_text.h"
#include "document/review_document.h"
#include "search/path_filter.h"
#include "session/review_session.h"
#include "util/plural.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace rb::ui {

namespace {
enum Column { NameColumn, StatusColumn, AddedColumn, RemovedColumn, FindingsColumn, ColumnCount };
constexpr int kFileIndexRole = Qt::UserRole + 1;
constexpr int kPathRole = Qt::UserRole + 2;
constexpr int kOldPathRole = Qt::UserRole + 3;
constexpr int kAddedCountRole = Qt::UserRole + 3;   // set on "+N" items: coloured as added
constexpr int kRemovedCountRole = Qt::UserRole + 4; // set on "−N" items: coloured as removed

// Gives the +N and −N items the added and removed colours of palette.
void colourCounts(QStandardItem *parent, const QPalette &palette)
{
    for (int row = 0; row < parent->rowCount(); ++row) {
        if (QStandardItem *added = parent->child(row, AddedColumn); added && added->data(kAddedCountRole).toBool())
            added->setForeground(addedColor(palette));
        if (QStandardItem *removed = parent->child(row, RemovedColumn); removed && removed->data(kRemovedCountRole).toBool())
            removed->setForeground(removedColor(palette));
        if (QStandardItem *name = parent->child(row, NameColumn))
            colourCounts(name, palette);
    }
}
} // namespace

FilesPane::FilesPane(ReviewSession *session, ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_session(session), m_document(document), m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("filesPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_summary);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(4, 0, 6, 2);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("fileFilter"));
    m_filter->setPlaceholderText(tr("Filter files: text or glob (*.py)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Keeps the files whose path contains the text (ignoring case), or that match a glob "
                            "such as *.h or src/*test* (Ctrl+Alt+F)"));
    m_filterCount = new QLabel(this);
    m_filterCount->setObjectName(QStringLiteral("fileFilterCount"));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterCount);
    layout->addLayout(filterRow);
    connect(m_filter, &QLineEdit::textChanged, this, &FilesPane::applyFilter);
    auto *split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);
    m_tree = new QTreeView(split);
    m_tree->setObjectName(QStringLiteral("fileTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_commits = new QTreeWidget(split);
    m_commits->setObjectName(QStringLiteral("commitList"));
    m_commits->setHeaderLabels({tr("Commit"), tr("Subject"), tr("Author"), tr("Date")});
    m_commits->setRootIsDecorated(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    followPalette(m_tree, [this] { colourCounts(m_model->invisibleRootItem(), m_tree->palette()); });

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QVariant file = current.siblingAtColumn(NameColumn).data(kFileIndexRole);
        if (!file.isValid())
            return;
        m_current = file.toInt();
        Q_EMIT fileSelected(m_current);
    });
    connect(session, &ReviewSession::opened, this, &FilesPane::rebuild);
    connect(session, &ReviewSession::failed, this, &FilesPane::showMessage);
    connect(session, &ReviewSession::patchesProgressed, this, &FilesPane::updateCounts);
    connect(document, &ReviewDocument::contentChanged, this, &FilesPane::updateFindingCounts);
    connect(document, &ReviewDocument::reviewReset, this, &FilesPane::updateFindingCounts);
    showMessage(tr("No repository: open a review whose repository is on this machine, or open a repository and range."));
}

void FilesPane::showMessage(const QString &message)
{
    m_model->clear();
    m_itemsByFile.clear();
    m_commits->clear();
    m_summary->setText(message);
    applyFilter();
}

void FilesPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void FilesPane::applyFilter()
{
    const PathFilter filter(m_filter->text());
    // Hides the rows of files the filter drops and of folders left with nothing shown; returns
    // how many files under parent are shown.
    const std::function<int(QStandardItem *)> apply = [&](QStandardItem *parent) {
        int shown = 0;
        for (int row = 0; row < parent->rowCount(); ++row) {
            QStandardItem *item = parent->child(row, NameColumn);
            int here = 0;
            if (item->data(kFileIndexRole).isValid())
                here = filter.matches(item->data(kPathRole).toString(), item->data(kOldPathRole).toString()) ? 1 : 0;
            else
                here = apply(item);
            m_tree->setRowHidden(row, parent->index(), here == 0);
            shown += here;
        }
        return shown;
    };
    m_shown = apply(m_model->invisibleRootItem());
    const int total = int(m_itemsByFile.size());
    m_filterCount->setText(filter.isEmpty() ? counted(total, tr("file"))
                                            : tr("%1 of %2").arg(m_shown).arg(counted(total, tr("file"))));
    m_filterCount->setVisible(total > 0);
}

void FilesPane::rebuild()
{
    m_model->clear();
    m_itemsByFile.clear();
    m_current = -1;
    m_model->setHorizontalHeaderLabels({tr("File"), tr("Status"), tr("+"), tr("−"), tr("Findings")});
    const git::RangeDiff &diff = m_session->diff();
    const QList<git::FileDiff> &files = diff.files();
    QHash<QString, QStandardItem *> folders;
    const auto folderItem = [&](const QString &dir) {
        // Creates the chain of folder items for "a/b/c" on demand.
        QStandardItem *parent = m_model->invisibleRootItem();
        QString path;
        for (const QString &part : dir.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            path += part + QLatin1Char('/');
            QStandardItem *&item = folders[path];
            if (!item) {
                item = new QStandardItem(visibleControls(part));
                parent->appendRow({item, new QStandardItem, new QStandardItem, new QStandardItem, new QStandardItem});
            }
            parent = item;
        }
        return parent;
    };
    for (int i = 0; i < files.size(); ++i) {
        const git::FileDiff &f = files[i];
        const QString path = f.path();
        const auto slash = path.lastIndexOf(QLatin1Char('/'));
        QStandardItem *parent = folderItem(slash < 0 ? QString() : path.left(slash));
        auto *name = new QStandardItem(visibleControls(slash < 0 ? path : path.mid(slash + 1)));
        name->setData(i, kFileIndexRole);
        name->setData(path, kPathRole);
        name->setData(f.oldPath, kOldPathRole);
        QString tip = path;
        if (f.status == git::FileStatus::Renamed || f.status == git::FileStatus::Copied)
            tip = QStringLiteral("%1 → %2 (%3% similar)").arg(f.oldPath, f.newPath).arg(f.similarity);
        name->setToolTip(visibleControls(tip));
        auto *status = new QStandardItem(git::fileStatusName(f.status));
        parent->appendRow({name, status, new QStandardItem, new QStandardItem, new QStandardItem});
        m_itemsByFile.insert(i, name);
    }
    m_tree->expandAll();
    // Fixed widths: ResizeToContents would re-measure every row each time a count fills in,
    // which is quadratic on ranges of thousands of files.
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    const QFontMetrics metrics(font());
    const int widths[] = {metrics.horizontalAdvance(QStringLiteral("ring_buffer_name.py")) + 40,
                          metrics.horizontalAdvance(QStringLiteral("modified")), metrics.horizontalAdvance(QStringLiteral("+9999")),
                          metrics.horizontalAdvance(QStringLiteral("−9999")), metrics.horizontalAdvance(QStringLiteral("Findings"))};
    for (int c = NameColumn; c < ColumnCount; ++c) {
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        header->resizeSection(c, widths[c] + 16);
    }

    m_commits->clear();
    const git::ResolvedRange &range = m_session->range();
    for (const git::CommitSummary &c : range.commits) {
        auto *item = new QTreeWidgetItem(m_commits, {c.shortSha, c.subject, c.author.section(QStringLiteral(" <"), 0, 0),
                                                     QLocale().toString(c.date, QLocale::ShortFormat)});
        item->setToolTip(1, c.subject);
    }
    // Show the names the review was made with; the session may have resolved exact shas.
    const ReviewMetadata &meta = m_document->review().metadata;
    const auto shortName = [](const QString &name) {
        static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
        return sha.match(name).hasMatch() ? name.left(8) : name;
    };
    const QString base = shortName(meta.base.isEmpty() ? range.base : meta.base);
    const QString head = shortName(meta.head.isEmpty() ? range.head : meta.head);
    m_summary->setText(range.workingTree ? tr("Working tree of %1: %2 changed")
                                               .arg(m_session->request().repositoryPath, counted(files.size(), tr("file")))
                                         : tr("%1 … %2: %3, %4")
                                               .arg(base, head, counted(files.size(), tr("file")),
                                                    counted(range.commits.size(), tr("commit"))));
    updateCounts();
    updateFindingCounts();
    applyFilter();
    if (!files.isEmpty())
        selectFile(0);
}

void FilesPane::updateCounts()
{
    if (!m_session->isOpen())
        return;
    const git::RangeDiff &diff = m_session->diff();
    for (auto it = m_itemsByFile.cbegin(); it != m_itemsByFile.cend(); ++it) {
        QStandardItem *name = it.value();
        QStandardItem *parent = name->parent() ? name->parent() : m_model->invisibleRootItem();
        QStandardItem *added = parent->child(name->row(), AddedColumn);
        if (!added || !added->text().isEmpty() || !diff.hasPatch(it.key()))
            continue;
        const auto patch = diff.patch(it.key());
        if (!patch)
            continue;
        if ((*patch)->binary) {
            added->setText(tr("binary"));
            continue;
        }
        added->setText(QStringLiteral("+%1").arg((*patch)->added));
        added->setData(true, kAddedCountRole);
        added->setForeground(addedColor(m_tree->palette()));
        QStandardItem *removed = parent->child(name->row(), RemovedColumn);
        removed->setText(QStringLiteral("−%1").arg((*patch)->removed));
        removed->setData(true, kRemovedCountRole);
        removed->setForeground(removedColor(m_tree->palette()));
    }
}

void FilesPane::updateFindingCounts()
{
    QHash<QString, int> counts;
    for (const RawFinding &f : m_document->review().findings) {
        QSet<QString> paths;
        for (const Location &l : f.locations)
            paths.insert(l.path);
        for (const QString &p : paths)
            ++counts[p];
    }
    for (QStandardItem *name : std::as_const(m_itemsByFile)) {
        QStandardItem *parent = name->parent() ? name->parent() : m_model->invisibleRootItem();
        QStandardItem *findings = parent->child(name->row(), FindingsColumn);
        const int n = counts.value(name->data(kPathRole).toString());
        findings->setText(n > 0 ? QString::number(n) : QString());
    }
}

void FilesPane::selectFile(int fileIndex)
{
    QStandardItem *item = m_itemsByFile.value(fileIndex);
    if (!item)
        return;
    m_tree->setCurrentIndex(item->index());
    m_tree->scrollTo(item->index());
}

} // namespace rb::ui
