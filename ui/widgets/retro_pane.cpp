#include "widgets/retro_pane.h"

#include "document/review_document.h"
#include "report/format.h"
#include "report/report_outline.h"
#include "report/retro.h"
#include "widgets/page_helpers.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rb::ui {

RetroPane::RetroPane(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("retroPane"));
    QWidget *content = makeScrollingPage(this);
    auto *layout = new QVBoxLayout(content);

    m_table = new QTableWidget(content);
    m_table->setObjectName(QStringLiteral("retroTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    layout->addWidget(m_table);

    auto *notesTitle = new QLabel(tr("<b>Per agent</b> — what it uniquely found, calibration, false positives, failures"), content);
    layout->addWidget(notesTitle);
    m_notesLayout = new QVBoxLayout;
    layout->addLayout(m_notesLayout);
    layout->addWidget(new QLabel(tr("<b>Summary</b>"), content));
    m_summary = makeLinesEdit(content, 5);
    m_summary->setObjectName(QStringLiteral("retroSummary"));
    m_summary->setPlaceholderText(tr("What the multi-agent review showed overall (Markdown)"));
    layout->addWidget(m_summary);
    layout->addStretch(1);

    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing)
            m_document->setReviewText(ReviewText::RetroSummary, m_summary->toPlainText());
    });
    connect(document, &ReviewDocument::reviewReset, this, [this] {
        rebuildNotes();
        refresh();
    });
    connect(document, &ReviewDocument::contentChanged, this, &RetroPane::refresh);
    rebuildNotes();
    refresh();
}

void RetroPane::rebuildNotes()
{
    while (QLayoutItem *item = m_notesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_notes.clear();
    for (const AgentRun &a : m_document->review().agents) {
        auto *label = new QLabel(a.name.toHtmlEscaped(), this);
        auto *edit = makeLinesEdit(this, 4);
        edit->setObjectName(QStringLiteral("retroNote_%1").arg(a.id));
        const QString id = a.id;
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, id] {
            if (!m_refreshing)
                m_document->setRetroNote(id, edit->toPlainText());
        });
        m_notesLayout->addWidget(label);
        m_notesLayout->addWidget(edit);
        m_notes.insert(a.id, edit);
    }
}

void RetroPane::refresh()
{
    m_refreshing = true;
    const Review &review = m_document->review();
    const report::ReviewRetro retro = report::computeRetro(review);
    const QList<report::RetroRow> rows = report::retroTable(retro);
    m_table->clear();
    m_table->setColumnCount(int(retro.agents.size()));
    m_table->setRowCount(int(rows.size()));
    QStringList headers;
    for (const report::AgentRetro &a : retro.agents)
        headers << a.name;
    m_table->setHorizontalHeaderLabels(headers);
    QStringList labels;
    for (int r = 0; r < rows.size(); ++r) {
        labels << rows[r].label;
        for (int c = 0; c < rows[r].cells.size() && c < m_table->columnCount(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(rows[r].cells[c]));
    }
    m_table->setVerticalHeaderLabels(labels);
    m_table->setToolTip(retro.wallClockSeconds ? tr("Whole review: %1").arg(report::wallClock(*retro.wallClockSeconds))
                                               : QString());
    for (const report::AgentRetro &a : retro.agents) {
        QPlainTextEdit *edit = m_notes.value(a.agentId);
        if (!edit)
            continue;
        QString text;
        for (const RetroNote &n : review.retroNotes)
            if (n.agentId == a.agentId)
                text = n.text;
        if (edit->toPlainText() != text)
            edit->setPlainText(text);
        edit->setPlaceholderText(report::retroFacts(a));
    }
    if (m_summary->toPlainText() != review.retroSummary)
        m_summary->setPlainText(review.retroSummary);
    m_refreshing = false;
}

} // namespace rb::ui
