#pragma once
// The top-level window. It wires the workbench's parts together and owns none of their logic.

#include "model/review.h"

#include <QMainWindow>

class QLabel;

namespace rb::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a review file; on failure shows the error and keeps what was open.
    bool openReviewFile(const QString &path);
    const QString &reviewPath() const { return m_reviewPath; }
    const Review &review() const { return m_review; }

Q_SIGNALS:
    void reviewOpened(const QString &path);

private:
    void createActions();
    void showOpenDialog();
    void showAbout();
    void updateSummary();

    Review m_review;
    QString m_reviewPath;
    QLabel *m_summary = nullptr;
};

} // namespace rb::ui
