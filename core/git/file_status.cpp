#include "git/file_diff.h"

namespace rb::git {

QString fileStatusName(FileStatus status)
{
    switch (status) {
    case FileStatus::Added: return QStringLiteral("added");
    case FileStatus::Deleted: return QStringLiteral("deleted");
    case FileStatus::Modified: return QStringLiteral("modified");
    case FileStatus::Renamed: return QStringLiteral("renamed");
    case FileStatus::Copied: return QStringLiteral("copied");
    case FileStatus::TypeChanged: return QStringLiteral("type changed");
    }
    return QString();
}

QChar fileStatusLetter(FileStatus status)
{
    switch (status) {
    case FileStatus::Added: return QLatin1Char('A');
    case FileStatus::Deleted: return QLatin1Char('D');
    case FileStatus::Modified: return QLatin1Char('M');
    case FileStatus::Renamed: return QLatin1Char('R');
    case FileStatus::Copied: return QLatin1Char('C');
    case FileStatus::TypeChanged: return QLatin1Char('T');
    }
    return QLatin1Char('?');
}

} // namespace rb::git
