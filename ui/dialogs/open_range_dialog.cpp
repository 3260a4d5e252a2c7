#include "dialogs/open_range_dialog.h"
#include "style/palette_follower.h"
#include "style/severity_style.h"

#include "settings/app_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QThread>
#include <QVBoxLayout>

namespace rb::ui {

namespace {

QCompleter *refCompleter(QStringListModel *model, QObject *parent)
{
    auto *completer = new QCompleter(model, parent);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    return completer;
}

QString describe(const ResolvedRequest &r)
{
    const git::ResolvedRange &range = r.range;
    if (range.workingTree)
        return QObject::tr("Uncommitted changes on top of HEAD (%1) in %2.")
            .arg(range.headSha.left(10), r.repository);
    const int n = int(range.commits.size());
    const QString commits = n == 1 ? QObject::tr("1 commit") : QObject::tr("%1 commits").arg(n);
    return QObject::tr("%1 adds %2 on top of its merge base %3 with %4.")
        .arg(range.head, commits, range.mergeBaseSha.left(10), range.base);
}

} // namespace

OpenRangeDialog::OpenRangeDialog(QWidget *parent)
    : QDialog(parent), m_repository(new QComboBox(this)), m_base(new QLineEdit(this)), m_head(new QLineEdit(this)),
      m_workingTree(new QCheckBox(tr("&Working tree (uncommitted changes on top of HEAD)"), this)),
      m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_refModel(new QStringListModel(this))
{
    setObjectName(QStringLiteral("openRangeDialog"));
    setWindowTitle(tr("Open Repository"));
    setMinimumWidth(560);

    m_repository->setObjectName(QStringLiteral("repositoryPath"));
    m_repository->setEditable(true);
    m_repository->setInsertPolicy(QComboBox::NoInsert);
    m_repository->addItems(AppSettings::recentRepositories());
    m_repository->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_repository->lineEdit()->setPlaceholderText(tr("A folder inside a git repository"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browse"));
    auto *repositoryRow = new QHBoxLayout;
    repositoryRow->addWidget(m_repository, 1);
    repositoryRow->addWidget(browseButton);

    m_base->setObjectName(QStringLiteral("base"));
    m_head->setObjectName(QStringLiteral("head"));
    m_base->setPlaceholderText(tr("Branch, tag or commit the changes are measured against"));
    m_head->setPlaceholderText(tr("Branch, tag or commit under review"));
    m_base->setCompleter(refCompleter(m_refModel, this));
    m_head->setCompleter(refCompleter(m_refModel, this));
    m_workingTree->setObjectName(QStringLiteral("workingTree"));

    m_status->setObjectName(QStringLiteral("rangeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    followPalette(this, [this] { showStatusColour(); });
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *form = new QFormLayout;
    auto *repositoryLabel = new QLabel(tr("&Repository:"), this);
    repositoryLabel->setBuddy(m_repository); // a row holding a layout gets no buddy by itself
    form->addRow(repositoryLabel, repositoryRow);
    form->addRow(tr("B&ase:"), m_base);
    form->addRow(tr("&Head:"), m_head);
    form->addRow(QString(), m_workingTree);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));

    connect(browseButton, &QPushButton::clicked, this, &OpenRangeDialog::browse);
    connect(m_repository, &QComboBox::currentTextChanged, this, &OpenRangeDialog::onRepositoryChanged);
    for (QLineEdit *edit : {m_base, m_head}) {
        connect(edit, &QLineEdit::textEdited, this, [this] { m_rangeGiven = true; });
        connect(edit, &QLineEdit::textChanged, this, &OpenRangeDialog::validate);
    }
    connect(m_workingTree, &QCheckBox::toggled, this, [this](bool on) {
        m_base->setEnabled(!on);
        m_head->setEnabled(!on);
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_resolved)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onRepositoryChanged();
}

OpenRangeDialog::~OpenRangeDialog()
{
    for (const QPointer<QThread> &worker : std::as_const(m_workers))
        if (worker)
            worker->wait();
}

void OpenRangeDialog::setRepositoryPath(const QString &path)
{
    m_repository->setEditText(path);
    onRepositoryChanged();
}

void OpenRangeDialog::setRange(const QString &base, const QString &head)
{
    m_rangeGiven = true;
    m_base->setText(base);
    m_head->setText(head);
}

void OpenRangeDialog::setWorkingTree(bool workingTree)
{
    m_workingTree->setChecked(workingTree);
}

RangeRequest OpenRangeDialog::request() const
{
    RangeRequest r;
    r.repositoryPath = m_repository->currentText().trimmed();
    r.base = m_base->text().trimmed();
    r.head = m_head->text().trimmed();
    r.workingTree = m_workingTree->isChecked();
    return r;
}

QString OpenRangeDialog::errorText() const
{
    return m_resolved ? QString() : m_status->text();
}

QStringList OpenRangeDialog::completions() const
{
    return m_refModel->stringList();
}

void OpenRangeDialog::onRepositoryChanged()
{
    const QString path = request().repositoryPath;
    if (path != m_refsPath) {
        m_refModel->setStringList({});
        m_refsPath = path;
        if (!path.isEmpty())
            loadRefs(path);
    }
    validate();
}

void OpenRangeDialog::loadRefs(const QString &path)
{
    const int generation = ++m_refsGeneration;
    QThread *worker = QThread::create([this, generation, path] {
        std::optional<git::RefNames> names;
        if (const auto repo = git::Repository::open(path)) {
            if (auto listed = git::listRefNames(*repo))
                names = std::move(*listed);
        }
        QMetaObject::invokeMethod(
            this, [this, generation, names] { applyRefs(generation, names); }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_workers.removeIf([](const QPointer<QThread> &w) { return w.isNull(); });
    m_workers << worker;
    worker->start();
}

void OpenRangeDialog::applyRefs(int generation, const std::optional<git::RefNames> &names)
{
    if (generation != m_refsGeneration)
        return; // a newer path was typed meanwhile
    if (names) {
        m_refModel->setStringList(names->all());
        if (!m_rangeGiven) {
            // Defaults, not the user's words: replace them without marking the range as given.
            const QSignalBlocker blockBase(m_base);
            const QSignalBlocker blockHead(m_head);
            m_base->setText(names->defaultBase());
            m_head->setText(names->defaultHead());
        }
    }
    validate();
    Q_EMIT refsLoaded();
}

void OpenRangeDialog::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Repository"), request().repositoryPath);
    if (!dir.isEmpty())
        setRepositoryPath(QDir::toNativeSeparators(dir));
}

void OpenRangeDialog::validate()
{
    m_resolved.reset();
    const RangeRequest r = request();
    QString problem;
    if (r.repositoryPath.isEmpty())
        problem = tr("Choose the repository: a folder inside a git working tree.");
    else if (!r.workingTree && r.base.isEmpty())
        problem = tr("Base: name the branch, tag or commit the changes are measured against.");
    else if (!r.workingTree && r.head.isEmpty())
        problem = tr("Head: name the branch, tag or commit under review.");
    if (problem.isEmpty()) {
        auto resolved = resolveRequest(r);
        if (resolved)
            m_resolved = std::move(*resolved);
        else
            problem = resolved.error().message;
    }
    if (m_resolved) {
        m_status->setText(describe(*m_resolved));
        m_statusIsError = false;
        setStyleSheetIfChanged(m_status, QString());
    } else {
        showError(problem);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_resolved.has_value());
}

void OpenRangeDialog::showError(const QString &message)
{
    m_status->setText(message);
    m_statusIsError = true;
    showStatusColour();
}

void OpenRangeDialog::showStatusColour()
{
    setStyleSheetIfChanged(m_status, m_statusIsError ? QStringLiteral("color: %1;").arg(problemColor(palette()).name()) : QString());
}

} // namespace rb::ui
