#include "settings/app_settings.h"

#include <QSettings>

#include <memory>

namespace rb::ui {

namespace {
QString &iniOverride()
{
    static QString path;
    return path;
}

std::unique_ptr<QSettings> store()
{
    if (!iniOverride().isEmpty())
        return std::make_unique<QSettings>(iniOverride(), QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

QStringList addToFront(const char *key, const QString &value)
{
    auto s = store();
    QStringList list = s->value(QLatin1String(key)).toStringList();
    list.removeAll(value);
    list.prepend(value);
    while (list.size() > AppSettings::kMaxRecent)
        list.removeLast();
    s->setValue(QLatin1String(key), list);
    return list;
}
} // namespace

void AppSettings::useFile(const QString &iniPath) { iniOverride() = iniPath; }

QStringList AppSettings::recentFiles() { return store()->value(QStringLiteral("recent/files")).toStringList(); }
void AppSettings::addRecentFile(const QString &path) { addToFront("recent/files", path); }
QStringList AppSettings::recentRepositories() { return store()->value(QStringLiteral("recent/repositories")).toStringList(); }
void AppSettings::addRecentRepository(const QString &path) { addToFront("recent/repositories", path); }

QByteArray AppSettings::windowGeometry() { return store()->value(QStringLiteral("window/geometry")).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &state) { store()->setValue(QStringLiteral("window/geometry"), state); }
QByteArray AppSettings::windowState() { return store()->value(QStringLiteral("window/state")).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { store()->setValue(QStringLiteral("window/state"), state); }

QString AppSettings::colorScheme() { return store()->value(QStringLiteral("appearance/colorScheme"), QStringLiteral("system")).toString(); }
void AppSettings::setColorScheme(const QString &scheme) { store()->setValue(QStringLiteral("appearance/colorScheme"), scheme); }
QString AppSettings::codeFont() { return store()->value(QStringLiteral("appearance/codeFont")).toString(); }
void AppSettings::setCodeFont(const QString &font) { store()->setValue(QStringLiteral("appearance/codeFont"), font); }

} // namespace rb::ui
