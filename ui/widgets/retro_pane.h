#pragma once
// The agent performance retro: the metrics table (one column per agent, computed from the
// review) and the human's paragraph per agent and closing summary, edited with undo.

#include <QHash>
#include <QWidget>

class QPlainTextEdit;
class QTableWidget;
class QVBoxLayout;

namespace rb::ui {

class ReviewDocument;

class RetroPane : public QWidget {
    Q_OBJECT
public:
    explicit RetroPane(ReviewDocument *document, QWidget *parent = nullptr);

private:
    void rebuildNotes();
    void refresh();

    ReviewDocument *m_document;
    QTableWidget *m_table;
    QVBoxLayout *m_notesLayout;
    QHash<QString, QPlainTextEdit *> m_notes; // agent id -> editor
    QPlainTextEdit *m_summary;
    bool m_refreshing = false;
};

} // namespace rb::ui
