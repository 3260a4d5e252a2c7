#include "widgets/review_text_editor.h"

#include "document/review_document.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace rb::ui {

ReviewTextEditor::ReviewTextEditor(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("reviewTextEditor"));
    auto *form = new QFormLayout(this);
    m_verdict = new QComboBox(this);
    m_verdict->setObjectName(QStringLiteral("verdictKind"));
    for (VerdictKind v : {VerdictKind::Unset, VerdictKind::MergeAsIs, VerdictKind::MergeWithFixes, VerdictKind::Rework})
        m_verdict->addItem(displayName(v), int(v));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("verdictReason"));
    m_reason->setPlaceholderText(tr("One line: why"));
    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdict);
    verdictRow->addWidget(m_reason, 1);
    form->addRow(tr("Verdict"), verdictRow);

    auto text = [this, form](const QString &label, const QString &name, ReviewText field) {
        auto *e = new QPlainTextEdit(this);
        e->setObjectName(name);
        e->setTabChangesFocus(true);
        e->setPlaceholderText(tr("Markdown"));
        form->addRow(label, e);
        connect(e, &QPlainTextEdit::textChanged, this, [this, e, field] {
            if (!m_refreshing)
                m_document->setReviewText(field, e->toPlainText());
        });
        return e;
    };
    m_summary = text(tr("Executive summary"), QStringLiteral("executiveSummary"), ReviewText::ExecutiveSummary);
    m_testing = text(tr("Testing"), QStringLiteral("testingAssessment"), ReviewText::Testing);
    m_documentation = text(tr("Documentation"), QStringLiteral("documentationAssessment"), ReviewText::Documentation);
    m_commits = text(tr("Commit structure"), QStringLiteral("commitStructure"), ReviewText::CommitStructure);

    auto setVerdict = [this] {
        if (!m_refreshing)
            m_document->setVerdict({VerdictKind(m_verdict->currentData().toInt()), m_reason->text()});
    };
    connect(m_verdict, &QComboBox::activated, this, setVerdict);
    connect(m_reason, &QLineEdit::textEdited, this, setVerdict);
    connect(document, &ReviewDocument::contentChanged, this, &ReviewTextEditor::refresh);
    connect(document, &ReviewDocument::reviewReset, this, &ReviewTextEditor::refresh);
    refresh();
}

void ReviewTextEditor::refresh()
{
    m_refreshing = true;
    const Review &r = m_document->review();
    m_verdict->setCurrentIndex(m_verdict->findData(int(r.verdict.kind)));
    if (m_reason->text() != r.verdict.reason)
        m_reason->setText(r.verdict.reason);
    const std::pair<QPlainTextEdit *, const QString *> fields[] = {{m_summary, &r.executiveSummary},
                                                                   {m_testing, &r.testingAssessment},
                                                                   {m_documentation, &r.documentationAssessment},
                                                                   {m_commits, &r.commitStructure}};
    for (const auto &[edit, value] : fields)
        if (edit->toPlainText() != *value)
            edit->setPlainText(*value);
    m_refreshing = false;
}

} // namespace rb::ui
