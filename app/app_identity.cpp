#include "app_identity.h"

#include <QApplication>
#include <QIcon>

namespace rb::app {

void applyDesktopIdentity()
{
    const QString id = QStringLiteral(REVIEWBENCH_APP_ID);
    QGuiApplication::setDesktopFileName(id);
    QIcon bundled;
    for (int size : {16, 32, 48, 64, 128, 256})
        bundled.addFile(QStringLiteral(":/icons/reviewbench-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(id, bundled));
}

} // namespace rb::app
