#include "dialogs/preferences_dialog.h"

#include "agents/agent_config.h"
#include "agents/agent_config_edit.h"
#include "io/atomic_file.h"
#include "settings/app_settings.h"
#include "style/appearance.h"
#include "style/palette_follower.h"
#include "style/severity_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rb::ui {

namespace {
enum AgentColumn { EnabledColumn, NameColumn, ProgramColumn };
constexpr int kIndexRole = Qt::UserRole + 1;

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}
} // namespace

PreferencesDialog::PreferencesDialog(const QString &agentConfigPath, QWidget *parent)
    : QDialog(parent), m_configPath(agentConfigPath)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(makeAppearancePage(), tr("Appearance"));
    tabs->addTab(makeAgentsPage(), tr("Agents"));
    layout->addWidget(tabs, 1);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("preferencesError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    followPalette(m_errorLabel, [label = m_errorLabel, this] {
        setStyleSheetIfChanged(label, QStringLiteral("color: %1;").arg(problemColor(palette()).name()));
    });
    layout->addWidget(m_errorLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });
    layout->addWidget(m_buttons);
    loadAgents();
    resize(720, 560);
}

QWidget *PreferencesDialog::makeAppearancePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_scheme = new QComboBox(page);
    m_scheme->setObjectName(QStringLiteral("colorScheme"));
    m_scheme->addItem(tr("Follow the desktop"), toString(ColorScheme::System));
    m_scheme->addItem(tr("Light"), toString(ColorScheme::Light));
    m_scheme->addItem(tr("Dark"), toString(ColorScheme::Dark));
    m_scheme->setCurrentIndex(m_scheme->findData(toString(savedColorScheme())));
    form->addRow(tr("Colour scheme:"), m_scheme);
    auto *schemeNote = new QLabel(tr("The diff's colours and its syntax highlighting theme follow the scheme; "
                                     "with \"Follow the desktop\" they switch when the desktop does."),
                                  page);
    schemeNote->setWordWrap(true);
    form->addRow(QString(), schemeNote);

    m_desktopFont = new QCheckBox(tr("Use the desktop's fixed-width font"), page);
    m_desktopFont->setObjectName(QStringLiteral("desktopCodeFont"));
    m_font = new QFontComboBox(page);
    m_font->setObjectName(QStringLiteral("codeFontFamily"));
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(QStringLiteral("codeFontSize"));
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    const std::optional<QFont> saved = savedCodeFont();
    const QFont shown = saved.value_or(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_desktopFont->setChecked(!saved);
    m_font->setCurrentFont(shown);
    m_fontSize->setValue(std::max(6, shown.pointSize() > 0 ? shown.pointSize() : 10));
    const auto updateFontEnabled = [this] {
        m_font->setEnabled(!m_desktopFont->isChecked());
        m_fontSize->setEnabled(!m_desktopFont->isChecked());
    };
    connect(m_desktopFont, &QCheckBox::toggled, this, updateFontEnabled);
    updateFontEnabled();
    form->addRow(tr("Code font:"), m_desktopFont);
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);
    form->addRow(QString(), fontRow);
    auto *fontNote = new QLabel(tr("Used by the diff, fix previews, raw reviews and agent logs. The window's own "
                                   "font is the desktop's."),
                                page);
    fontNote->setWordWrap(true);
    form->addRow(QString(), fontNote);
    return page;
}

QWidget *PreferencesDialog::makeAgentsPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *where = new QLabel(tr("The built-in agent presets, with your changes saved in %1 (the file "
                                "<code>reviewbench run</code> reads too; the previous version is kept beside it as "
                                "<code>agents.json.bak</code>).")
                                 .arg(QStringLiteral("<code>%1</code>").arg(m_configPath.toHtmlEscaped())),
                             page);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(where);
    m_agentProblem = new QLabel(page);
    m_agentProblem->setObjectName(QStringLiteral("agentConfigProblem"));
    m_agentProblem->setWordWrap(true);
    m_agentProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_agentProblem->hide();
    followPalette(m_agentProblem, [label = m_agentProblem, page] {
        setStyleSheetIfChanged(label, QStringLiteral("color: %1;").arg(problemColor(page->palette()).name()));
    });
    v->addWidget(m_agentProblem);
    m_agents = new QTreeWidget(page);
    m_agents->setObjectName(QStringLiteral("preferencesAgents"));
    m_agents->setHeaderLabels({tr("Run by default"), tr("Agent"), tr("Program")});
    m_agents->setRootIsDecorated(false);
    m_agents->header()->setStretchLastSection(true);
    v->addWidget(m_agents, 1);

    m_agentDetails = new QWidget(page);
    auto *form = new QFormLayout(m_agentDetails);
    form->setContentsMargins(0, 0, 0, 0);
    m_command = new QPlainTextEdit(m_agentDetails);
    m_command->setObjectName(QStringLiteral("agentCommand"));
    m_command->setTabChangesFocus(true);
    followCodeFont(m_command);
    m_command->setFixedHeight(m_command->fontMetrics().lineSpacing() * 6 + 12);
    m_command->setToolTip(tr("The program, then one argument per line; never run through a shell. "
                             "Placeholders such as {prompt_file} and {repo} are described in docs/agents.md."));
    form->addRow(tr("Command (one argument per line):"), m_command);
    m_model = new QLineEdit(m_agentDetails);
    m_model->setObjectName(QStringLiteral("agentModel"));
    m_model->setPlaceholderText(tr("recorded in the review; not passed to the command"));
    form->addRow(tr("Model:"), m_model);
    m_timeout = new QSpinBox(m_agentDetails);
    m_timeout->setObjectName(QStringLiteral("agentTimeout"));
    m_timeout->setRange(1, 7 * 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    form->addRow(tr("Timeout:"), m_timeout);
    v->addWidget(m_agentDetails);

    connect(m_agents, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        storeShownAgent();
        showAgent(current);
    });
    connect(m_agents, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column != EnabledColumn)
            return;
        const int i = item->data(NameColumn, kIndexRole).toInt();
        if (i >= 0 && i < m_edited.size())
            m_edited[i].enabled = item->checkState(EnabledColumn) == Qt::Checked;
    });
    return page;
}

void PreferencesDialog::loadAgents()
{
    m_agents->clear();
    m_shown = -1;
    auto loaded = agents::loadAgentProfiles(m_configPath, false);
    m_agentsEditable = loaded.ok();
    if (!loaded) {
        // Nothing is offered for editing, so nothing in the broken file can be lost.
        m_agentProblem->setText(tr("%1\nThe agents cannot be changed here until the file is fixed; the list shows "
                                   "the built-in presets.")
                                    .arg(loaded.error().message));
        m_agentProblem->show();
        m_loaded = agents::builtinAgentProfiles();
    } else {
        m_agentProblem->hide();
        m_loaded = *loaded;
    }
    m_edited = m_loaded;
    for (int i = 0; i < m_edited.size(); ++i) {
        const agents::AgentProfile &p = m_edited[i];
        auto *item = new QTreeWidgetItem(m_agents);
        item->setData(NameColumn, kIndexRole, i);
        item->setText(NameColumn, p.name == p.id ? p.id : QStringLiteral("%1 (%2)").arg(p.name, p.id));
        item->setText(ProgramColumn, p.command.value(0));
        item->setCheckState(EnabledColumn, p.enabled ? Qt::Checked : Qt::Unchecked);
        if (!m_agentsEditable)
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
    }
    m_agents->resizeColumnToContents(EnabledColumn);
    m_agents->resizeColumnToContents(NameColumn);
    m_agentDetails->setEnabled(m_agentsEditable);
    if (m_agents->topLevelItemCount() > 0)
        m_agents->setCurrentItem(m_agents->topLevelItem(0));
}

void PreferencesDialog::showAgent(QTreeWidgetItem *item)
{
    m_shown = item ? item->data(NameColumn, kIndexRole).toInt() : -1;
    if (m_shown < 0 || m_shown >= m_edited.size()) {
        m_command->clear();
        m_model->clear();
        return;
    }
    const agents::AgentProfile &p = m_edited[m_shown];
    m_command->setPlainText(p.command.join(QLatin1Char('\n')));
    m_model->setText(p.model);
    m_timeout->setValue(p.timeoutSeconds);
}

void PreferencesDialog::storeShownAgent()
{
    if (m_shown < 0 || m_shown >= m_edited.size())
        return;
    agents::AgentProfile &p = m_edited[m_shown];
    p.command = nonEmptyLines(m_command->toPlainText());
    p.model = m_model->text().trimmed();
    p.timeoutSeconds = m_timeout->value();
    if (QTreeWidgetItem *item = m_agents->topLevelItem(m_shown))
        item->setText(ProgramColumn, p.command.value(0));
}

bool PreferencesDialog::saveAgents()
{
    storeShownAgent();
    if (!m_agentsEditable)
        return true;
    QList<agents::AgentEdit> edits;
    for (int i = 0; i < m_edited.size(); ++i) {
        const agents::AgentProfile &now = m_edited[i];
        const agents::AgentProfile &was = m_loaded[i];
        agents::AgentEdit e;
        e.id = now.id;
        if (now.enabled != was.enabled)
            e.enabled = now.enabled;
        if (now.command != was.command)
            e.command = now.command;
        if (now.model != was.model)
            e.model = now.model;
        if (now.timeoutSeconds != was.timeoutSeconds)
            e.timeoutSeconds = now.timeoutSeconds;
        if (!e.isEmpty())
            edits << e;
    }
    if (edits.isEmpty())
        return true;
    QByteArray existing;
    QFile file(m_configPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = tr("%1: cannot open: %2").arg(m_configPath, file.errorString());
            return false;
        }
        existing = file.readAll();
    }
    const auto text = agents::editAgentConfig(existing, m_configPath, edits);
    if (!text) {
        m_error = text.error().message;
        return false;
    }
    QDir().mkpath(QFileInfo(m_configPath).absolutePath());
    if (const Status written = replaceFileAtomically(m_configPath, *text, m_configPath + QStringLiteral(".bak")); !written) {
        m_error = written.error().message;
        return false;
    }
    m_loaded = m_edited;
    return true;
}

bool PreferencesDialog::apply()
{
    m_error.clear();
    const ColorScheme scheme = colorSchemeFromString(m_scheme->currentData().toString()).value_or(ColorScheme::System);
    if (scheme != savedColorScheme()) {
        AppSettings::setColorScheme(toString(scheme));
        applyColorScheme(scheme);
    }
    std::optional<QFont> font;
    if (!m_desktopFont->isChecked()) {
        QFont chosen = m_font->currentFont();
        chosen.setPointSize(m_fontSize->value());
        chosen.setStyleHint(QFont::Monospace);
        font = chosen;
    }
    if (font.has_value() != savedCodeFont().has_value() || (font && font->toString() != savedCodeFont()->toString()))
        setCodeFont(font);
    const bool saved = saveAgents();
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!saved);
    return saved;
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace rb::ui
