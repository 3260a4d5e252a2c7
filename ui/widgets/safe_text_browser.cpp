#include "widgets/safe_text_browser.h"

#include <QImage>
#include <QTextDocument>
#include <QUrl>

namespace rb::ui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    if (name.scheme() == QLatin1String("data"))
        return QTextBrowser::loadResource(type, name);
    // A valid but empty value: an invalid one makes QTextDocument read local files itself.
    if (type == QTextDocument::ImageResource)
        return QImage();
    return QByteArray();
}

} // namespace rb::ui
