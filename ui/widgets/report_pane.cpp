#include "widgets/report_pane.h"
#include "style/appearance.h"

#include "widgets/safe_text_browser.h"

#include "document/review_document.h"
#include "report/export.h"
#include "report/html_export.h"
#include "report/html_style.h"
#include "style/palette_follower.h"
#include "style/severity_style.h"
#include "report/markdown_export.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QVBoxLayout>

namespace rb::ui {

ReportPane::ReportPane(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("reportPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(6, 4, 6, 0);
    m_format = new QComboBox(this);
    m_format->addItem(tr("HTML preview"), QStringLiteral("html"));
    m_format->addItem(tr("Markdown"), QStringLiteral("md"));
    row->addWidget(m_format);
    row->addStretch(1);
    m_export = new QAction(tr("Export Report…"), this);
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Export as HTML, Markdown, JSON or SARIF (Ctrl+Shift+E)"));
    row->addWidget(exportButton);
    layout->addLayout(row);
    m_preview = new SafeTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    layout->addWidget(m_preview, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &ReportPane::refresh);
    connect(document, &ReviewDocument::contentChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(document, &ReviewDocument::reviewReset, this, &ReportPane::refresh);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportPane::refresh);
    connect(m_export, &QAction::triggered, this, &ReportPane::showExportDialog);
    connect(exportButton, &QPushButton::clicked, m_export, &QAction::trigger);
    // The preview's colours are resolved for the palette: light or dark, again when it changes.
    followPalette(m_preview, [this] { m_debounce.start(); });
    refresh();
}

void ReportPane::refresh()
{
    // Only rendered while visible: a hidden preview costs nothing on every edit.
    if (!isVisible() && !m_preview->document()->isEmpty()) {
        m_debounce.start();
        return;
    }
    const int scroll = m_preview->verticalScrollBar()->value();
    const Review &review = m_document->review();
    if (m_format->currentData().toString() == QLatin1String("html")) {
        // The export's own page, with its colours resolved for the palette (the preview's
        // renderer knows no CSS variables or media queries).
        m_preview->setHtml(report::withFlatStyleSheet(report::exportHtml(review), isDark(palette())));
    } else {
        m_preview->setFont(codeFont());
        m_preview->setPlainText(report::exportMarkdown(review));
    }
    m_preview->verticalScrollBar()->setValue(scroll);
}

QString ReportPane::previewText() const { return m_preview->toPlainText(); }

bool ReportPane::exportTo(const QString &path, QString *error)
{
    const auto format = report::exportFormatFromString(QFileInfo(path).suffix());
    if (!format) {
        if (error)
            *error = tr("%1: unknown report format; use .html, .md, .json or .sarif").arg(path);
        return false;
    }
    const QByteArray bytes = report::exportReview(m_document->review(), *format);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("%1: cannot write the report: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ReportPane::showExportDialog()
{
    const QString base = QFileInfo(m_document->path()).completeBaseName();
    const QString suggested = QFileInfo(m_document->path()).dir().filePath((base.isEmpty() ? QStringLiteral("review") : base)
                                                                          + QStringLiteral(".html"));
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), suggested,
        tr("HTML (*.html);;Markdown (*.md);;Review file JSON (*.json);;SARIF 2.1.0 (*.sarif)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        Q_EMIT message(tr("Exported %1").arg(path));
    else
        Q_EMIT message(error);
}

} // namespace rb::ui
