#include "dialogs/run_agents_dialog.h"
#include "style/palette_follower.h"
#include "style/severity_style.h"
#include "style/appearance.h"

#include "agents/agent_config.h"
#include "agents/agent_runner.h"
#include "agents/command_line.h"
#include "agents/review_prompt.h"
#include "document/review_document.h"
#include "workflows/run_workflow.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSpinBox>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rb::ui {

namespace {

constexpr qsizetype kMaxLogChars = 512 * 1024; // per agent; older output is dropped
constexpr int kTickMs = 500;
constexpr int kProblemRole = Qt::UserRole + 40; // on the status column: shown in the problem colour

QString formatElapsed(double seconds)
{
    const int s = int(seconds);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// A full object id is cut to 12 hex digits; names stay as they are.
QString shortRevision(const QString &rev)
{
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    return sha.match(rev).hasMatch() ? rev.left(12) : rev;
}

QString formatOutput(const agents::AgentProgress &p)
{
    const QString size = QLocale().formattedDataSize(p.stdoutBytes + p.stderrBytes, 1, QLocale::DataSizeTraditionalFormat);
    return p.lastLine.isEmpty() ? size : QStringLiteral("%1 · %2").arg(size, p.lastLine);
}

} // namespace

struct RunAgentsDialog::Row {
    enum class Phase { Idle, Waiting, Running, Finished };

    agents::AgentProfile profile;
    QString runId; // the id the run gets in the review (the profile's, or "id-2" when taken)
    QTreeWidgetItem *item = nullptr;
    QSpinBox *timeout = nullptr;
    QToolButton *cancel = nullptr;
    QString unavailable; // why it cannot run; empty when it can
    Phase phase = Phase::Idle;
    QString log;
    QStringDecoder stdoutDecoder{QStringDecoder::Utf8};
    QStringDecoder stderrDecoder{QStringDecoder::Utf8};
};

RunAgentsDialog::RunAgentsDialog(ReviewDocument *document, const RangeRequest &range, const QString &workdir,
                                 const QString &configPath, QWidget *parent)
    : QDialog(parent), m_document(document), m_range(range), m_workdir(workdir)
{
    setObjectName(QStringLiteral("runAgentsDialog"));
    setWindowTitle(tr("Run Agents"));
    setModal(false);
    auto *layout = new QVBoxLayout(this);

    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setTextFormat(Qt::RichText);
    m_rangeLabel->setWordWrap(true);
    m_rangeLabel->setText(tr("Review <b>%1…%2</b> in %3")
                              .arg(shortRevision(range.base).toHtmlEscaped(), shortRevision(range.head).toHtmlEscaped(),
                                   QFileInfo(range.repositoryPath).fileName().toHtmlEscaped()));
    m_rangeLabel->setToolTip(range.repositoryPath);
    layout->addWidget(m_rangeLabel);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("agentList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Agent"), tr("Status"), tr("Timeout"), tr("Elapsed"), tr("Output"), QString()});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(TimeoutColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ElapsedColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(OutputColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(CancelColumn, QHeaderView::ResizeToContents);
    m_list->setColumnWidth(StatusColumn, 260);
    layout->addWidget(m_list, 3);

    auto *logRow = new QHBoxLayout;
    m_logToggle = new QToolButton(this);
    m_logToggle->setObjectName(QStringLiteral("logToggle"));
    m_logToggle->setCheckable(true);
    m_logToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_logToggle->setArrowType(Qt::RightArrow);
    m_logToggle->setText(tr("Live log of the selected agent"));
    m_logToggle->setAutoRaise(true);
    logRow->addWidget(m_logToggle);
    logRow->addStretch(1);
    layout->addLayout(logRow);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("agentLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    followCodeFont(m_log);
    m_log->setVisible(false);
    layout->addWidget(m_log, 2);
    connect(m_logToggle, &QToolButton::toggled, this, [this](bool on) {
        m_logToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_log->setVisible(on);
        showCurrentLog();
    });

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("runMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_messageLabel);
    // Problem colours follow the palette (light or dark, switched live).
    followPalette(this, [this] {
        setStyleSheetIfChanged(m_messageLabel, m_messageIsProblem ? QStringLiteral("color: %1;").arg(problemColor(palette()).name()) : QString());
        if (!m_list)
            return;
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            if (item->data(StatusColumn, kProblemRole).toBool())
                item->setForeground(StatusColumn, problemColor(palette()));
        }
    });

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startAgents"));
    m_cancelAll = buttons->addButton(tr("Cancel &All"), QDialogButtonBox::ActionRole);
    m_cancelAll->setObjectName(QStringLiteral("cancelAllAgents"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setToolTip(tr("Hide this window; running agents go on (Ctrl+R shows it again)"));
    layout->addWidget(buttons);
    connect(m_start, &QPushButton::clicked, this, &RunAgentsDialog::start);
    connect(m_cancelAll, &QPushButton::clicked, this, &RunAgentsDialog::cancelAll);
    connect(close, &QPushButton::clicked, this, &RunAgentsDialog::reject);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &RunAgentsDialog::showCurrentLog);
    connect(m_list, &QTreeWidget::itemChanged, this, &RunAgentsDialog::updateStartEnabled);
    connect(&m_ticker, &QTimer::timeout, this, &RunAgentsDialog::tick);
    connect(document, &ReviewDocument::reviewReset, this, [this] {
        if (!isRunning())
            return;
        m_discardResults = true;
        cancelAll();
        setMessage(tr("Another review was opened: the running agents were cancelled and their results are not added."), true);
    });

    loadProfiles(configPath);
    // Room for every row (up to ten) without scrolling.
    const int rowHeight = qMax(m_list->fontMetrics().height() + 12, 30);
    m_list->setMinimumHeight(m_list->header()->sizeHint().height() + rowHeight * int(qMin<qsizetype>(m_rows.size(), 10)) + 4);
    if (!m_rows.isEmpty())
        m_list->setCurrentItem(m_rows.first()->item);
    setRunning(false);
    resize(980, 600);
}

RunAgentsDialog::~RunAgentsDialog()
{
    // The runner kills what still runs; its last signals must not reach a half-destroyed dialog.
    if (m_runner)
        m_runner->disconnect(this);
}

void RunAgentsDialog::loadProfiles(const QString &configPath)
{
    auto profiles = agents::loadAgentProfiles(configPath, false);
    if (!profiles) {
        setMessage(tr("%1 — only the built-in agents are listed.").arg(profiles.error().message), true);
        profiles = agents::builtinAgentProfiles();
    }
    for (const agents::AgentProfile &p : *profiles)
        addRow(p);
}

void RunAgentsDialog::addRow(const agents::AgentProfile &profile)
{
    auto row = std::make_shared<Row>();
    row->profile = profile;
    if (profile.command.isEmpty())
        row->unavailable = tr("no command configured");
    else if (!agents::resolveExecutable(profile.command.first(), m_workdir.isEmpty() ? m_range.repositoryPath : m_workdir))
        row->unavailable = tr("not installed: %1 not found").arg(profile.command.first());

    auto *item = new QTreeWidgetItem(m_list);
    item->setText(NameColumn, profile.name.isEmpty() ? profile.id : profile.name);
    item->setToolTip(NameColumn, profile.command.join(QLatin1Char(' ')));
    item->setData(NameColumn, Qt::UserRole, profile.id);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(NameColumn, profile.enabled && row->unavailable.isEmpty() ? Qt::Checked : Qt::Unchecked);
    item->setText(StatusColumn, row->unavailable.isEmpty() ? tr("ready") : row->unavailable);
    if (!row->unavailable.isEmpty())
        item->setForeground(StatusColumn, palette().brush(QPalette::Disabled, QPalette::Text));
    row->item = item;

    row->timeout = new QSpinBox(m_list);
    row->timeout->setObjectName(QStringLiteral("timeout_%1").arg(profile.id));
    row->timeout->setRange(1, 24 * 3600);
    row->timeout->setSuffix(tr(" s"));
    row->timeout->setValue(profile.timeoutSeconds);
    row->timeout->setToolTip(tr("Stop %1 after this many seconds").arg(item->text(NameColumn)));
    m_list->setItemWidget(item, TimeoutColumn, row->timeout);

    row->cancel = new QToolButton(m_list);
    row->cancel->setObjectName(QStringLiteral("cancel_%1").arg(profile.id));
    row->cancel->setText(tr("Cancel"));
    row->cancel->setToolTip(tr("Stop %1; its output so far is kept").arg(item->text(NameColumn)));
    m_list->setItemWidget(item, CancelColumn, row->cancel);
    const QString id = profile.id;
    connect(row->cancel, &QToolButton::clicked, this, [this, id] { cancelAgent(id); });
    m_rows << row;
}

QTreeWidgetItem *RunAgentsDialog::rowOf(const QString &profileId) const
{
    for (const auto &row : m_rows)
        if (row->profile.id == profileId)
            return row->item;
    return nullptr;
}

QString RunAgentsDialog::statusText(const QString &profileId) const
{
    const QTreeWidgetItem *item = rowOf(profileId);
    return item ? item->text(StatusColumn) : QString();
}

QString RunAgentsDialog::logOf(const QString &profileId) const
{
    for (const auto &row : m_rows)
        if (row->profile.id == profileId)
            return row->log;
    return {};
}

RunAgentsDialog::Row *RunAgentsDialog::rowForRun(const QString &runId)
{
    for (const auto &row : m_rows)
        if (row->phase != Row::Phase::Idle && row->runId == runId)
            return row.get();
    return nullptr;
}

RunAgentsDialog::Row *RunAgentsDialog::currentRow()
{
    for (const auto &row : m_rows)
        if (row->item == m_list->currentItem())
            return row.get();
    return nullptr;
}

bool RunAgentsDialog::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void RunAgentsDialog::setMessage(const QString &text, bool problem)
{
    m_messageLabel->setText(text);
    m_messageIsProblem = problem;
    setStyleSheetIfChanged(m_messageLabel, problem ? QStringLiteral("color: %1;").arg(problemColor(palette()).name()) : QString());
    Q_EMIT message(text);
}

void RunAgentsDialog::updateStartEnabled()
{
    bool any = false;
    for (const auto &row : m_rows)
        any |= row->unavailable.isEmpty() && row->item->checkState(NameColumn) == Qt::Checked;
    m_start->setEnabled(!isRunning() && any);
    m_start->setToolTip(any ? tr("Run the checked agents on this range") : tr("Check at least one installed agent"));
}

void RunAgentsDialog::setRunning(bool running)
{
    for (const auto &row : m_rows) {
        const bool usable = !running && row->unavailable.isEmpty();
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (usable)
            flags |= Qt::ItemIsUserCheckable;
        m_list->blockSignals(true);
        row->item->setFlags(flags);
        m_list->blockSignals(false);
        row->timeout->setEnabled(usable);
        // Only the agents of the current run show a Cancel button.
        const bool cancellable = row->phase == Row::Phase::Waiting || row->phase == Row::Phase::Running;
        row->cancel->setEnabled(cancellable);
        row->cancel->setText(running && row->phase != Row::Phase::Idle ? tr("Cancel") : QString());
        row->cancel->setAutoRaise(!running || row->phase == Row::Phase::Idle);
    }
    m_cancelAll->setEnabled(running);
    updateStartEnabled();
}

void RunAgentsDialog::start()
{
    if (isRunning())
        return;
    QList<Row *> chosen;
    for (const auto &row : m_rows)
        if (row->unavailable.isEmpty() && row->item->checkState(NameColumn) == Qt::Checked)
            chosen << row.get();
    if (chosen.isEmpty()) {
        setMessage(tr("Check at least one installed agent."), true);
        return;
    }
    auto workDir = std::make_unique<QTemporaryDir>();
    if (!workDir->isValid()) {
        setMessage(tr("Cannot create a temporary folder: %1").arg(workDir->errorString()), true);
        return;
    }
    workbench::RunPlan plan{m_range.repositoryPath, m_range.base, m_range.head, {}, agents::defaultPromptTemplate(),
                            tr("the review prompt"), workDir->path()};
    for (Row *row : chosen) {
        agents::AgentProfile profile = row->profile;
        profile.timeoutSeconds = row->timeout->value();
        profile.name = row->item->text(NameColumn);
        plan.profiles << profile;
    }
    // The same preparation as `reviewbench run` (workflows/run_workflow.h).
    const auto prepared = workbench::prepareRun(plan, m_document->review().agents);
    if (!prepared) {
        setMessage(prepared.error().code == int(workbench::PrepareFailure::Range)
                       ? tr("Cannot prepare the range: %1").arg(prepared.error().message)
                       : prepared.error().message,
                   true);
        return;
    }
    const QList<agents::AgentLaunch> &launches = prepared->launches;
    for (qsizetype i = 0; i < chosen.size(); ++i)
        chosen[i]->runId = launches[i].id;

    m_runner = std::make_unique<agents::AgentRunner>();
    m_workDir = std::move(workDir);
    connect(m_runner.get(), &agents::AgentRunner::agentStarted, this, &RunAgentsDialog::onStarted);
    connect(m_runner.get(), &agents::AgentRunner::agentOutput, this, &RunAgentsDialog::onOutput);
    connect(m_runner.get(), &agents::AgentRunner::agentFinished, this, &RunAgentsDialog::onFinished);
    connect(m_runner.get(), &agents::AgentRunner::allFinished, this, &RunAgentsDialog::onAllFinished);
    for (const auto &row : m_rows) {
        const bool runs = chosen.contains(row.get());
        if (!runs) {
            if (row->phase == Row::Phase::Finished)
                row->phase = Row::Phase::Idle;
            continue;
        }
        row->phase = Row::Phase::Waiting;
        row->log.clear();
        row->item->setText(StatusColumn, tr("starting"));
        row->item->setForeground(StatusColumn, palette().brush(QPalette::Text));
        row->item->setText(ElapsedColumn, formatElapsed(0));
        row->item->setText(OutputColumn, QString());
    }
    m_discardResults = false;
    showCurrentLog();
    QStringList names;
    for (const Row *row : chosen)
        names << row->item->text(NameColumn);
    QString running = tr("Running %1 on %2…%3.").arg(names.join(QStringLiteral(", ")), shortRevision(m_range.base),
                                                     shortRevision(m_range.head));
    m_runWarnings.clear();
    for (const QString &warning : prepared->warnings)
        m_runWarnings += QLatin1Char(' ') + tr("Warning: %1.").arg(warning);
    setMessage(running + m_runWarnings, !m_runWarnings.isEmpty());
    setRunning(true);
    m_ticker.start(kTickMs);
    const Status started = m_runner->start(launches);
    if (!started.ok()) {
        m_ticker.stop();
        setRunning(false);
        setMessage(started.error().message, true);
    }
}

void RunAgentsDialog::cancelAll()
{
    if (isRunning())
        m_runner->cancel();
}

void RunAgentsDialog::cancelAgent(const QString &profileId)
{
    for (const auto &row : m_rows) {
        if (row->profile.id != profileId || !m_runner)
            continue;
        if (row->phase == Row::Phase::Waiting || row->phase == Row::Phase::Running) {
            row->item->setText(StatusColumn, tr("cancelling"));
            m_runner->cancel(row->runId);
        }
    }
}

void RunAgentsDialog::tick()
{
    if (!m_runner)
        return;
    for (const agents::AgentProgress &p : m_runner->progress()) {
        Row *row = rowForRun(p.agentId);
        if (!row || row->phase == Row::Phase::Finished)
            continue;
        row->item->setText(ElapsedColumn, formatElapsed(p.elapsedSeconds));
        row->item->setText(OutputColumn, formatOutput(p));
        row->item->setToolTip(OutputColumn, p.lastLine);
    }
}

void RunAgentsDialog::onStarted(const QString &runId)
{
    if (Row *row = rowForRun(runId)) {
        row->phase = Row::Phase::Running;
        row->item->setText(StatusColumn, tr("running"));
    }
}

void RunAgentsDialog::onOutput(const QString &runId, agents::OutputChannel channel, const QByteArray &chunk)
{
    Row *row = rowForRun(runId);
    if (!row)
        return;
    const QString text = channel == agents::OutputChannel::Stdout ? row->stdoutDecoder.decode(chunk)
                                                                  : row->stderrDecoder.decode(chunk);
    row->log += text;
    const bool trimmed = row->log.size() > kMaxLogChars;
    if (trimmed)
        row->log = row->log.right(kMaxLogChars / 2);
    if (row != currentRow() || !m_log->isVisible())
        return;
    if (trimmed) {
        showCurrentLog();
        return;
    }
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor end(m_log->document());
    end.movePosition(QTextCursor::End);
    end.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void RunAgentsDialog::onFinished(const AgentRun &run)
{
    Row *row = rowForRun(run.id);
    if (!row)
        return;
    row->phase = Row::Phase::Finished;
    row->cancel->setEnabled(false);
    row->cancel->setText(QString());
    row->cancel->setAutoRaise(true);
    for (const agents::AgentProgress &p : m_runner->progress())
        if (p.agentId == run.id)
            row->item->setText(OutputColumn, formatOutput(p));
    if (run.durationSeconds)
        row->item->setText(ElapsedColumn, formatElapsed(*run.durationSeconds));

    QString status;
    bool problem = true;
    if (m_discardResults) {
        status = tr("not added: another review was opened");
    } else if (const auto folded = workbench::foldRun(*m_document, run); !folded) {
        status = tr("not added: %1").arg(folded.error().message);
    } else {
        status = folded->summary();
        problem = folded->status != RunStatus::Succeeded && folded->status != RunStatus::Imported;
    }
    row->item->setText(StatusColumn, status);
    row->item->setToolTip(StatusColumn, status);
    row->item->setData(StatusColumn, kProblemRole, problem);
    row->item->setForeground(StatusColumn, problem ? QBrush(problemColor(palette())) : palette().brush(QPalette::Text));
    Q_EMIT message(QStringLiteral("%1: %2").arg(row->item->text(NameColumn), status));
}

void RunAgentsDialog::onAllFinished()
{
    m_ticker.stop();
    setRunning(false);
    int added = 0;
    for (const auto &row : m_rows)
        if (row->phase == Row::Phase::Finished && m_document->review().agent(row->runId))
            ++added;
    if (!m_discardResults)
        setMessage((added == 1 ? tr("Finished: 1 run added to the review (Ctrl+Z takes it back).")
                               : tr("Finished: %1 runs added to the review (Ctrl+Z takes back the last one).").arg(added))
                       + m_runWarnings,
                   !m_runWarnings.isEmpty());
    Q_EMIT runFinished();
}

void RunAgentsDialog::showCurrentLog()
{
    if (!m_log->isVisible())
        return;
    const Row *row = currentRow();
    m_log->setPlainText(row ? row->log : QString());
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void RunAgentsDialog::reject()
{
    hide();
}

} // namespace rb::ui
