// The window follows the desktop: the colour scheme (the desktop's palette, or a light or dark
// one chosen in Preferences) reaches the diff's colours and its highlighting theme live, on
// every palette change; the code font follows the desktop's fixed-width font or the saved
// one; Preferences saves both in the settings and the agents in agents.json without losing
// anything the file held.
#include "agents/agent_config.h"
#include "agents/agent_config_edit.h"
#include "demo/demo_review.h"
#include "dialogs/preferences_dialog.h"
#include "diff/diff_view.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "style/appearance.h"
#include "style/severity_style.h"
#include "widgets/diff_pane.h"
#include "widgets/notice_bar.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace rb;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QColor baseShown(QWidget *view)
{
    const QImage image = view->grab().toImage();
    return image.pixelColor(image.width() - 30, image.height() - 30);
}
} // namespace

class TestAppearance : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    demo::DemoSetup m_demo;
    QPalette m_desktop;

private Q_SLOTS:
    void initTestCase()
    {
        m_desktop = QApplication::palette();
        const auto setup = demo::prepareDemo(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        m_demo = *setup;
    }

    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
        ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
        ui::applyColorScheme(ui::ColorScheme::System);
    }

    void schemesAreComplete()
    {
        QVERIFY(!ui::isDark(ui::lightPalette()));
        QVERIFY(ui::isDark(ui::darkPalette()));
        // Text reads on its background in both (contrast in lightness).
        for (const QPalette &p : {ui::lightPalette(), ui::darkPalette()}) {
            QVERIFY(std::abs(p.color(QPalette::Text).lightness() - p.color(QPalette::Base).lightness()) > 150);
            QVERIFY(std::abs(p.color(QPalette::WindowText).lightness() - p.color(QPalette::Window).lightness()) > 150);
            QVERIFY(p.color(QPalette::Disabled, QPalette::Text) != p.color(QPalette::Active, QPalette::Text));
        }
        QVERIFY(ui::colorSchemeFromString(QStringLiteral("dark")) == ui::ColorScheme::Dark);
        QVERIFY(!ui::colorSchemeFromString(QStringLiteral("purple")));
        // An unreadable saved value is the desktop's scheme.
        ui::AppSettings::setColorScheme(QStringLiteral("purple"));
        QVERIFY(ui::savedColorScheme() == ui::ColorScheme::System);
    }

    // The diff repaints in the new palette and re-highlights with the matching theme when the
    // application palette changes, whoever changes it (the desktop or Preferences).
    void theDiffSwitchesLive()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1200, 800);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        ui::DiffView *view = w.diffPane()->view();
        QTRY_VERIFY(!view->path().isEmpty());
        const QString lightTheme = view->themeName();
        QVERIFY2(!lightTheme.isEmpty(), "a theme is chosen");

        QApplication::setPalette(ui::darkPalette()); // as a desktop switching to dark would
        QTRY_VERIFY(view->themeName() != lightTheme);
        const QString darkTheme = view->themeName();
        QCOMPARE(baseShown(view->viewport()), ui::darkPalette().color(QPalette::Base));

        ui::applyColorScheme(ui::ColorScheme::Light);
        QTRY_COMPARE(view->themeName(), lightTheme);
        QCOMPARE(baseShown(view->viewport()), ui::lightPalette().color(QPalette::Base));

        // Back to the desktop's: its palette again, and its changes reach the window.
        ui::applyColorScheme(ui::ColorScheme::Dark);
        QTRY_COMPARE(view->themeName(), darkTheme);
        ui::applyColorScheme(ui::ColorScheme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Base), m_desktop.color(QPalette::Base));
        QTRY_COMPARE(view->themeName(), ui::isDark(m_desktop) ? darkTheme : lightTheme);
    }

    // Colours a widget sets itself (the notice bar, problem text) are chosen again.
    void ownColoursFollow()
    {
        QWidget parent;
        ui::NoticeBar bar(QStringLiteral("bar"), &parent);
        bar.showMessage(QStringLiteral("x"));
        const QColor lightWindow = bar.palette().color(QPalette::Window);
        QApplication::setPalette(ui::darkPalette());
        QTRY_VERIFY(bar.palette().color(QPalette::Window) != lightWindow);
        QVERIFY(ui::isDark(bar.palette()));
        QApplication::setPalette(ui::lightPalette());
        QTRY_COMPARE(bar.palette().color(QPalette::Window), lightWindow);
    }

    void codeFontFollowsTheSettings()
    {
        ui::MainWindow w;
        ui::DiffView *view = w.diffPane()->view();
        QCOMPARE(view->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QFont chosen = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        chosen.setPointSize(17);
        ui::setCodeFont(chosen);
        QCOMPARE(view->font().pointSize(), 17);
        QCOMPARE(ui::savedCodeFont()->pointSize(), 17);
        ui::setCodeFont(std::nullopt);
        QCOMPARE(view->font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
        QVERIFY(ui::AppSettings::codeFont().isEmpty());
    }

    void preferencesSaveAndApplyTheAppearance()
    {
        ui::PreferencesDialog dialog(m_dir.filePath(QStringLiteral("none/agents.json")));
        QCOMPARE(dialog.colorSchemeBox()->currentData().toString(), QStringLiteral("system"));
        QVERIFY(dialog.desktopFontBox()->isChecked());
        QVERIFY(!dialog.fontSizeBox()->isEnabled());
        dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("dark")));
        dialog.desktopFontBox()->setChecked(false);
        dialog.fontSizeBox()->setValue(15);
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
        QCOMPARE(ui::AppSettings::colorScheme(), QStringLiteral("dark"));
        QVERIFY(ui::isDark(QApplication::palette()));
        QCOMPARE(ui::codeFont().pointSize(), 15);
        // Nothing changed in the agents: no file is written.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none/agents.json"))));
        // A new dialog shows what was saved; applying the saved scheme at start does the same.
        ui::PreferencesDialog again(m_dir.filePath(QStringLiteral("none/agents.json")));
        QCOMPARE(again.colorSchemeBox()->currentData().toString(), QStringLiteral("dark"));
        QCOMPARE(again.fontSizeBox()->value(), 15);
        QApplication::setPalette(QPalette());
        ui::applySavedAppearance();
        QVERIFY(ui::isDark(QApplication::palette()));
        ui::setCodeFont(std::nullopt);
    }

    void preferencesEditAgentsKeepingTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("agents.json"));
        const QByteArray original = R"({
  "version": 1,
  "agents": [
    { "id": "mine", "command": ["/opt/review/run", "{prompt_file}"], "prompt": "file", "environment": {"A": "1"} },
    { "id": "claude", "model": "opus" }
  ]
})";
        QVERIFY(writeAll(path, original));
        ui::PreferencesDialog dialog(path);
        QTreeWidget *list = dialog.agentList();
        QVERIFY(dialog.agentProblemLabel()->isHidden());
        int claude = -1, gemini = -1;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QString name = list->topLevelItem(i)->text(1);
            if (name.contains(QLatin1String("claude")))
                claude = i;
            if (name.contains(QLatin1String("gemini")))
                gemini = i;
        }
        QVERIFY(claude >= 0 && gemini >= 0);
        list->setCurrentItem(list->topLevelItem(claude));
        QCOMPARE(dialog.modelEdit()->text(), QStringLiteral("opus"));
        dialog.timeoutBox()->setValue(600);
        list->topLevelItem(gemini)->setCheckState(0, Qt::Unchecked);
        list->setCurrentItem(list->topLevelItem(gemini)); // leaving claude keeps its edits
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));

        QCOMPARE(readAll(path + QStringLiteral(".bak")), original);
        const QByteArray text = readAll(path);
        QVERIFY2(text.indexOf("\"mine\"") < text.indexOf("\"claude\""), text.constData()); // order kept
        QVERIFY2(text.contains("\"environment\""), text.constData());                   // fields kept
        const auto profiles = agents::loadAgentProfiles(path, true);
        QVERIFY2(profiles.ok(), qPrintable(profiles.ok() ? QString() : profiles.error().message));
        for (const agents::AgentProfile &p : *profiles) {
            if (p.id == QLatin1String("claude")) {
                QCOMPARE(p.timeoutSeconds, 600);
                QCOMPARE(p.model, QStringLiteral("opus"));
            }
            if (p.id == QLatin1String("gemini"))
                QVERIFY(!p.enabled);
            if (p.id == QLatin1String("mine")) {
                QCOMPARE(p.command, QStringList({QStringLiteral("/opt/review/run"), QStringLiteral("{prompt_file}")}));
                QCOMPARE(p.environment.value(QStringLiteral("A")), QStringLiteral("1"));
            }
        }
        // A command without a program is refused with a message, and the file stays.
        list->setCurrentItem(list->topLevelItem(claude));
        dialog.commandEdit()->setPlainText(QString());
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.errorText().contains(QLatin1String("needs a program")), qPrintable(dialog.errorText()));
        QCOMPARE(readAll(path), text);
    }

    void aBrokenAgentsFileIsShownAndNeverWritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        const QByteArray broken = "{ \"version\": 1, \"agents\": [ { \"id\": \"claude\", \"output\": \"xml\" } ] }";
        QVERIFY(writeAll(path, broken));
        ui::PreferencesDialog dialog(path);
        QVERIFY(!dialog.agentProblemLabel()->isHidden());
        QVERIFY2(dialog.agentProblemLabel()->text().contains(QLatin1String("agents[0].output")),
                 qPrintable(dialog.agentProblemLabel()->text()));
        QVERIFY(!dialog.timeoutBox()->isEnabled());
        QVERIFY(dialog.apply());
        QCOMPARE(readAll(path), broken);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    }

    void editingTheConfigText()
    {
        // No file yet: a minimal one with only what changed.
        agents::AgentEdit e;
        e.id = QStringLiteral("codex");
        e.enabled = false;
        auto text = agents::editAgentConfig({}, QStringLiteral("agents.json"), {e});
        QVERIFY(text.ok());
        QVERIFY2(text->contains("\"enabled\": false"), text->constData());
        QVERIFY2(!text->contains("command"), text->constData());
        // A new id without a command is refused (it would not load).
        agents::AgentEdit added;
        added.id = QStringLiteral("newone");
        added.timeoutSeconds = 5;
        const auto refused = agents::editAgentConfig({}, QStringLiteral("agents.json"), {added});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("command")), qPrintable(refused.error().message));
        // A file with a syntax error is not edited.
        const auto bad = agents::editAgentConfig("{ \"version\": 1,", QStringLiteral("agents.json"), {e});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(QLatin1String("not changed")), qPrintable(bad.error().message));
    }

    void theShortcutOpensPreferences()
    {
        ui::MainWindow w;
        QVERIFY(w.preferencesAction());
        QCOMPARE(w.preferencesAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }
};

QTEST_MAIN(TestAppearance)
#include "test_appearance.moc"
