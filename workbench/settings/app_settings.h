#pragma once
// Every persistent setting in one typed table, with its default. Tests point the store at a
// temporary file with useFile().

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rb::ui {

class AppSettings {
public:
    static void useFile(const QString &iniPath); // isolated store (tests); empty = the user's

    static QStringList recentFiles();            // default: empty; at most kMaxRecent
    static void addRecentFile(const QString &path);
    static QStringList recentRepositories();
    static void addRecentRepository(const QString &path);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &state);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);

    // Appearance (Preferences): "system" (default), "light" or "dark"; and the code font as
    // QFont::toString(), empty (default) for the desktop's fixed-width font.
    static QString colorScheme();
    static void setColorScheme(const QString &scheme);
    static QString codeFont();
    static void setCodeFont(const QString &font);

    static constexpr int kMaxRecent = 10;
};

} // namespace rb::ui
