#include "main_window.h"

#include "io/review_file.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace rb::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Reviewbench"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setMargin(24);
    setCentralWidget(m_summary);
    createActions();
    updateSummary();
    resize(1100, 720);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Review File…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Reviewbench"), this, &MainWindow::showAbout);
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Review File"), QString(),
                                                      tr("Review files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openReviewFile(path);
}

bool MainWindow::openReviewFile(const QString &path)
{
    auto loaded = loadReviewFile(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Cannot open review file"), loaded.error().message);
        statusBar()->showMessage(loaded.error().message);
        return false;
    }
    m_review = std::move(loaded).value();
    m_reviewPath = QFileInfo(path).absoluteFilePath();
    setWindowTitle(QStringLiteral("%1 — Reviewbench").arg(QFileInfo(path).fileName()));
    updateSummary();
    Q_EMIT reviewOpened(m_reviewPath);
    return true;
}

void MainWindow::updateSummary()
{
    if (m_reviewPath.isEmpty()) {
        m_summary->setText(tr("No review is open.\n\nOpen a review file with File › Open Review File… (Ctrl+O)."));
        return;
    }
    const ReviewMetadata &m = m_review.metadata;
    m_summary->setText(tr("%1\n\n%2 agents · %3 raw findings · %4 consolidated issues\nVerdict: %5")
                           .arg(m.title.isEmpty() ? QFileInfo(m_reviewPath).fileName() : m.title)
                           .arg(m_review.agents.size())
                           .arg(m_review.findings.size())
                           .arg(m_review.issues.size())
                           .arg(displayName(m_review.verdict.kind)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Reviewbench"),
                       tr("Reviewbench %1\nA workbench for consolidating multi-agent code reviews.")
                           .arg(QStringLiteral(REVIEWBENCH_VERSION)));
}

} // namespace rb::ui
