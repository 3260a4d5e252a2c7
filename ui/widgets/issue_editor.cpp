#include "widgets/issue_editor.h"
#include "style/palette_follower.h"

#include "widgets/safe_text_browser.h"

#include "document/review_document.h"
#include "edit/fix_overlaps.h"
#include "style/severity_style.h"
#include "widgets/page_helpers.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rb::ui {

namespace {
// Replaces the text only when it differs, so that typing is never disturbed by a refresh.
void setTextKeepingCursor(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}
void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

IssueEditor::IssueEditor(ReviewDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("issueEditor"));
    QWidget *content = makeScrollingPage(this);
    auto *form = new QFormLayout(content);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_number = new QLabel(content);
    QFont big = m_number->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_number->setFont(big);
    m_title = new QLineEdit(content);
    m_title->setObjectName(QStringLiteral("issueTitle"));
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_number);
    titleRow->addWidget(m_title, 1);
    form->addRow(titleRow);

    m_severity = new QComboBox(content);
    m_severity->setObjectName(QStringLiteral("issueSeverity"));
    m_severity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_category = new QComboBox(content);
    for (Category c : {Category::Regression, Category::Gap, Category::Enhancement, Category::Unspecified})
        m_category->addItem(toString(c), int(c));
    m_triage = new QComboBox(content);
    m_triage->setObjectName(QStringLiteral("issueTriage"));
    for (TriageState t : {TriageState::Open, TriageState::Accepted, TriageState::Rejected, TriageState::FalsePositive})
        m_triage->addItem(triageLabel(t), int(t));
    m_fixState = new QLabel(content);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_severity);
    stateRow->addWidget(new QLabel(tr("Category"), content));
    stateRow->addWidget(m_category);
    stateRow->addWidget(new QLabel(tr("Triage"), content));
    stateRow->addWidget(m_triage);
    stateRow->addWidget(m_fixState);
    stateRow->addStretch(1);
    form->addRow(tr("Final severity"), stateRow);

    m_members = new QTreeWidget(content);
    m_members->setObjectName(QStringLiteral("issueMembers"));
    m_members->setHeaderLabels({tr("Agent"), tr("Id"), tr("Rated"), tr("Category"), tr("Title"), tr("Location")});
    m_members->setRootIsDecorated(false);
    m_members->setUniformRowHeights(true);
    m_members->header()->setStretchLastSection(true);
    m_members->setMaximumHeight(130);
    m_split = new QPushButton(tr("Split Out"), content);
    m_split->setToolTip(tr("Make the selected finding an issue of its own (S)"));
    m_move = new QPushButton(tr("Move To…"), content);
    m_move->setToolTip(tr("Move the selected finding to another issue (Shift+M)"));
    auto *memberButtons = new QVBoxLayout;
    memberButtons->addWidget(m_split);
    memberButtons->addWidget(m_move);
    memberButtons->addStretch(1);
    auto *membersRow = new QHBoxLayout;
    membersRow->addWidget(m_members, 1);
    membersRow->addLayout(memberButtons);
    form->addRow(tr("Agents"), membersRow);

    m_disagreement = makeLinesEdit(content, 2);
    m_disagreement->setObjectName(QStringLiteral("issueDisagreement"));
    m_disagreement->setPlaceholderText(tr("Drafted when agents rate the issue differently"));
    form->addRow(tr("Disagreement"), m_disagreement);
    m_reason = new QLineEdit(content);
    m_reason->setPlaceholderText(tr("Why the final rating (shown after the disagreement note)"));
    form->addRow(tr("Reason"), m_reason);

    m_body = new SafeTextBrowser(content);
    m_body->setMinimumHeight(140);
    form->addRow(tr("Description"), m_body);
    m_fixes = new QTreeWidget(content);
    m_fixes->setObjectName(QStringLiteral("issueFixes"));
    m_fixes->setHeaderLabels({tr("Apply"), tr("From"), tr("File"), tr("Fix")});
    m_fixes->setToolTip(tr("Every member's fix; Apply Fix applies the ticked ones"));
    m_fixes->setRootIsDecorated(false);
    m_fixes->setUniformRowHeights(true);
    m_fixes->header()->setStretchLastSection(true);
    m_fixes->setMaximumHeight(110);
    m_fixWarning = new QLabel(content);
    m_fixWarning->setObjectName(QStringLiteral("issueFixWarning"));
    m_fixWarning->setWordWrap(true);
    m_fixWarning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    followPalette(m_fixWarning, [label = m_fixWarning] {
        setStyleSheetIfChanged(label, QStringLiteral("color: %1").arg(problemColor(label->parentWidget()->palette()).name()));
    });
    m_fix = makeLinesEdit(content, 8, true);
    m_fix->setObjectName(QStringLiteral("issueFixText"));
    m_fix->setReadOnly(true);
    m_fix->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_fix->setTabStopDistance(m_fix->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    auto *fixColumn = new QVBoxLayout;
    fixColumn->addWidget(m_fixes);
    fixColumn->addWidget(m_fixWarning);
    fixColumn->addWidget(m_fix);
    form->addRow(tr("Fixes"), fixColumn);
    m_combined = new SafeTextBrowser(content);
    m_combined->setObjectName(QStringLiteral("issueCombined"));
    m_combined->setMaximumHeight(140);
    m_combinedLabel = new QLabel(tr("Combined"), content);
    form->addRow(m_combinedLabel, m_combined);
    m_notes = makeLinesEdit(content, 3);
    m_notes->setObjectName(QStringLiteral("issueNotes"));
    m_notes->setPlaceholderText(tr("Your notes (kept in the review file)"));
    form->addRow(tr("Notes"), m_notes);
    m_evidence = new QLabel(content);
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Grouped because"), m_evidence);

    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_document->setIssueText(m_issueId, TextField::Title, t);
    });
    connect(m_severity, &QComboBox::activated, this, [this] {
        const int v = m_severity->currentData().toInt();
        m_document->setFinalSeverity(m_issueId, v < 0 ? std::nullopt : std::optional<Severity>(Severity(v)));
    });
    connect(m_category, &QComboBox::activated, this, [this] {
        m_document->setCategory(m_issueId, Category(m_category->currentData().toInt()));
    });
    connect(m_triage, &QComboBox::activated, this, [this] {
        m_document->setTriage(m_issueId, TriageState(m_triage->currentData().toInt()));
    });
    connect(m_disagreement, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing)
            m_document->setIssueText(m_issueId, TextField::DisagreementNote, m_disagreement->toPlainText());
    });
    connect(m_reason, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_document->setIssueText(m_issueId, TextField::SeverityReason, t);
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing)
            m_document->setIssueText(m_issueId, TextField::Notes, m_notes->toPlainText());
    });
    connect(m_fixes, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_refreshing || column != 0)
            return;
        // The edit refreshes the list, which must not happen inside the list's own signal.
        const QString issueId = m_issueId;
        const QString fixId = item->data(0, Qt::UserRole).toString();
        const bool chosen = item->checkState(0) == Qt::Checked;
        QTimer::singleShot(0, this, [this, issueId, fixId, chosen] { m_document->setFixChosen(issueId, fixId, chosen); });
    });
    connect(m_fixes, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_refreshing)
            showFixText();
    });
    connect(m_members, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !m_refreshing)
            Q_EMIT findingSelected(item->data(0, Qt::UserRole).toString());
    });
    connect(m_split, &QPushButton::clicked, this, [this] {
        const QString finding = selectedFindingId();
        if (finding.isEmpty())
            return;
        const auto result = m_document->splitFinding(finding);
        if (!result)
            Q_EMIT editFailed(result.error().message);
    });
    connect(m_move, &QPushButton::clicked, this, [this] {
        const QString finding = selectedFindingId();
        if (!finding.isEmpty())
            Q_EMIT moveFindingRequested(finding);
    });
    connect(document, &ReviewDocument::contentChanged, this, &IssueEditor::refresh);
    // A new review is announced by the consolidation pane, which picks the issue to show.
    showIssue({});
}

void IssueEditor::setEnabledAll(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_title, m_severity, m_category, m_triage, m_members, m_split,
                                                       m_move, m_disagreement, m_reason, m_notes, m_fixes})
        w->setEnabled(enabled);
}

void IssueEditor::showIssue(const QString &issueId, const QString &number)
{
    m_issueId = issueId;
    m_numberText = number;
    refresh();
}

QString IssueEditor::selectedFindingId() const
{
    const QTreeWidgetItem *item = m_members->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void IssueEditor::refresh()
{
    m_refreshing = true;
    const Review &review = m_document->review();
    const Issue *issue = review.issue(m_issueId);
    setEnabledAll(issue != nullptr);
    if (!issue) {
        m_number->clear();
        m_title->clear();
        m_members->clear();
        m_disagreement->clear();
        m_reason->clear();
        m_body->setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Select an issue to see and edit it.")));
        m_fix->clear();
        m_fixes->clear();
        m_fixWarning->hide();
        m_combined->clear();
        m_combined->hide();
        m_combinedLabel->hide();
        m_notes->clear();
        m_evidence->clear();
        m_fixState->clear();
        m_refreshing = false;
        return;
    }
    m_number->setText(m_numberText);
    setTextKeepingCursor(m_title, issue->title);

    m_severity->clear();
    m_severity->addItem(tr("Proposed: %1").arg(displayName(issue->proposedSeverity)), -1);
    for (Severity s : {Severity::Critical, Severity::Important, Severity::Suggestion})
        m_severity->addItem(displayName(s), int(s));
    m_severity->setCurrentIndex(issue->finalSeverity ? m_severity->findData(int(*issue->finalSeverity)) : 0);
    m_category->setCurrentIndex(m_category->findData(int(issue->category)));
    m_triage->setCurrentIndex(m_triage->findData(int(issue->triage)));
    m_fixState->setText(fixLabel(issue->fixState));

    const QString selected = selectedFindingId();
    m_members->clear();
    for (const QString &id : issue->members) {
        const RawFinding *f = review.finding(id);
        if (!f)
            continue;
        const AgentRun *a = review.agent(f->agentId);
        QStringList where;
        for (const Location &l : f->locations)
            where << l.describe();
        auto *item = new QTreeWidgetItem(m_members, {a ? a->name : f->agentId, f->rawId, displayName(f->severity),
                                                     toString(f->category), f->title, where.join(QStringLiteral(", "))});
        item->setData(0, Qt::UserRole, id);
        item->setForeground(2, severityColor(f->severity, palette()));
        if (id == selected)
            m_members->setCurrentItem(item);
    }
    for (int c = 0; c < 4; ++c)
        m_members->resizeColumnToContents(c);

    setTextKeepingCursor(m_disagreement, issue->disagreementNote);
    setTextKeepingCursor(m_reason, issue->severityReason);
    QString body = issue->body;
    if (!issue->codeExcerpt.isEmpty())
        body += QStringLiteral("\n\n```\n") + issue->codeExcerpt + QStringLiteral("\n```\n");
    // Agents' Markdown never gets to inject HTML into the editor.
    m_body->document()->setMarkdown(body, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                                          | QTextDocument::MarkdownNoHTML));
    refreshFixes();
    setTextKeepingCursor(m_notes, issue->notes);
    QStringList evidence;
    for (const GroupingEvidence &e : issue->evidence)
        evidence << QStringLiteral("%1 (%2): %3").arg(e.kind).arg(e.score, 0, 'f', 2).arg(e.detail);
    m_evidence->setText(evidence.isEmpty() ? tr("a single finding") : evidence.join(QLatin1Char('\n')));
    m_refreshing = false;
}

void IssueEditor::refreshFixes()
{
    const Review &review = m_document->review();
    const Issue *issue = review.issue(m_issueId);
    const QTreeWidgetItem *current = m_fixes->currentItem();
    const QString selected = current ? current->data(0, Qt::UserRole).toString() : QString();
    m_fixes->clear();
    QTreeWidgetItem *select = nullptr;
    for (const IssueFix &f : issue->fixes) {
        QString summary = f.prose.trimmed().section(QLatin1Char('\n'), 0, 0);
        if (summary.isEmpty())
            summary = f.hasPatch() ? tr("(patch only)") : QString();
        auto *item = new QTreeWidgetItem(m_fixes, {QString(), edit::fixAuthor(review, f), f.path, summary});
        item->setData(0, Qt::UserRole, f.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, f.chosen ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(3, f.prose.trimmed());
        if (!f.hasPatch())
            item->setToolTip(0, tr("Prose only: nothing to apply"));
        if (f.id == selected || (!select && selected.isEmpty() && f.chosen))
            select = item;
    }
    m_fixes->setVisible(issue->fixes.size() > 1);
    for (int c = 0; c < 3; ++c)
        m_fixes->resizeColumnToContents(c);
    if (select)
        m_fixes->setCurrentItem(select);
    else if (m_fixes->topLevelItemCount() > 0)
        m_fixes->setCurrentItem(m_fixes->topLevelItem(0));

    QStringList warnings;
    for (const edit::FixOverlap &o : edit::fixOverlaps(review, *issue))
        if (o.bothChosen)
            warnings << tr("Both ticked: %1. Applying both would collide; untick one.").arg(edit::describe(review, o));
    m_fixWarning->setText(warnings.join(QLatin1Char('\n')));
    m_fixWarning->setVisible(!warnings.isEmpty());
    showFixText();

    QString combined;
    for (const CombinedIssue &c : issue->combined) {
        combined += QStringLiteral("**%1** — %2\n\n").arg(c.title.trimmed().isEmpty() ? c.id : c.title.trimmed(),
                                                          c.members.join(QStringLiteral(", ")));
        if (!c.body.trimmed().isEmpty())
            combined += c.body.trimmed() + QStringLiteral("\n\n");
        if (!c.notes.trimmed().isEmpty())
            combined += tr("*Your notes:* %1").arg(c.notes.trimmed()) + QStringLiteral("\n\n");
        if (!c.severityReason.trimmed().isEmpty())
            combined += tr("*Your reason:* %1").arg(c.severityReason.trimmed()) + QStringLiteral("\n\n");
    }
    m_combined->document()->setMarkdown(combined, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                                                  | QTextDocument::MarkdownNoHTML));
    m_combined->setVisible(!issue->combined.isEmpty());
    m_combinedLabel->setVisible(!issue->combined.isEmpty());
    m_combinedLabel->setText(tr("Merged in (%1)").arg(issue->combined.size()));
}

void IssueEditor::showFixText()
{
    const Issue *issue = m_document->review().issue(m_issueId);
    if (!issue)
        return;
    const QTreeWidgetItem *item = m_fixes->currentItem();
    const IssueFix *f = item ? issue->fix(item->data(0, Qt::UserRole).toString()) : nullptr;
    if (!f && !issue->fixes.isEmpty())
        f = &issue->fixes.first();
    QString text;
    if (f) {
        text = f->prose;
        if (!f->patch.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n\n")) + f->patch;
    }
    setTextKeepingCursor(m_fix, text);
}

} // namespace rb::ui
