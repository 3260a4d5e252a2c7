#pragma once
// The report: a live preview of the export (HTML or Markdown, refreshed shortly after each
// edit) and export to HTML, Markdown, JSON or SARIF.

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QTextBrowser;

namespace rb::ui {

class ReviewDocument;

class ReportPane : public QWidget {
    Q_OBJECT
public:
    explicit ReportPane(ReviewDocument *document, QWidget *parent = nullptr);

    QAction *exportAction() const { return m_export; }
    // Writes the export in the format chosen by the file's suffix (.html, .md, .json, .sarif).
    bool exportTo(const QString &path, QString *error = nullptr);
    QString previewText() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    void refresh();
    void showExportDialog();

    ReviewDocument *m_document;
    QComboBox *m_format;
    QTextBrowser *m_preview;
    QAction *m_export;
    QTimer m_debounce;
};

} // namespace rb::ui
