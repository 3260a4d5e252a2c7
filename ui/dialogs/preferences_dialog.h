#pragma once
// Preferences (Edit > Preferences…, Ctrl+,): the appearance (colour scheme, code font), kept
// in the settings, and the review agents (enabled, command, model, timeout), kept in the
// user's agents.json — until now changed only by editing that file (docs/agents.md). Apply
// and OK save and apply at once; a broken agents.json is shown and never overwritten.

#include "agents/agent_profile.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace rb::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const QString &agentConfigPath, QWidget *parent = nullptr);

    // Saves and applies what the dialog shows. False, with the reason in errorText(), when
    // the agents could not be saved (the appearance is saved all the same).
    bool apply();
    QString errorText() const { return m_error; }

    QComboBox *colorSchemeBox() const { return m_scheme; }
    QCheckBox *desktopFontBox() const { return m_desktopFont; }
    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QTreeWidget *agentList() const { return m_agents; }
    QPlainTextEdit *commandEdit() const { return m_command; }
    QLineEdit *modelEdit() const { return m_model; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QLabel *agentProblemLabel() const { return m_agentProblem; }

    void accept() override;

private:
    QWidget *makeAppearancePage();
    QWidget *makeAgentsPage();
    void loadAgents();
    void showAgent(QTreeWidgetItem *item);
    void storeShownAgent();
    bool saveAgents();

    QString m_configPath;
    QString m_error;
    QComboBox *m_scheme = nullptr;
    QCheckBox *m_desktopFont = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QTreeWidget *m_agents = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QLineEdit *m_model = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_agentProblem = nullptr;
    QLabel *m_errorLabel = nullptr;
    QWidget *m_agentDetails = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<agents::AgentProfile> m_loaded;  // as read from presets + file
    QList<agents::AgentProfile> m_edited;  // as shown and edited
    int m_shown = -1;                      // index in m_edited shown in the details
    bool m_agentsEditable = false;
};

} // namespace rb::ui
