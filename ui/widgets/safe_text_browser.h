#pragma once
// A text browser for text that came from agents and review files: it never loads a
// resource on its own (no remote image, no local file named by an <img> or a Markdown
// image, which could also be /dev/zero) and never follows a link; clicking one only emits
// anchorClicked() for the owner to decide. Images embedded as data: URLs still show.

#include <QTextBrowser>

namespace rb::ui {

class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace rb::ui
