#include "document/review_document.h"

#include "anchor/fingerprint.h"
#include "edit/add_agent_run.h"
#include "edit/issue_edits.h"
#include "io/review_file.h"

#include <QUndoCommand>

namespace rb::ui {

ReviewEdits ReviewEdits::of(const Review &r, bool withRuns)
{
    std::optional<ReviewRuns> runs;
    if (withRuns)
        runs = ReviewRuns{r.agents, r.findings, r.observations};
    return ReviewEdits{r.issues,
                       r.designObservations,
                       r.verdict,
                       r.executiveSummary,
                       r.testingAssessment,
                       r.documentationAssessment,
                       r.commitStructure,
                       r.retroNotes,
                       r.retroSummary,
                       std::move(runs)};
}

void ReviewEdits::applyTo(Review &r) const
{
    r.issues = issues;
    r.designObservations = designObservations;
    r.verdict = verdict;
    r.executiveSummary = executiveSummary;
    r.testingAssessment = testingAssessment;
    r.documentationAssessment = documentationAssessment;
    r.commitStructure = commitStructure;
    r.retroNotes = retroNotes;
    r.retroSummary = retroSummary;
    if (runs) {
        r.agents = runs->agents;
        r.findings = runs->findings;
        r.observations = runs->observations;
    }
}

namespace {

// One undo step: the edited parts before and after. Consecutive typing into the same
// field merges into one step (same mergeId and key).
class EditCommand : public QUndoCommand {
public:
    EditCommand(ReviewDocument *doc, const QString &text, ReviewEdits before, ReviewEdits after, int mergeId,
                QString mergeKey)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)), m_id(mergeId),
          m_key(std::move(mergeKey))
    {
    }
    void undo() override { m_doc->restore(m_before); }
    void redo() override { m_doc->restore(m_after); }
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const EditCommand *>(other);
        if (o->m_key != m_key)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    ReviewDocument *m_doc;
    ReviewEdits m_before;
    ReviewEdits m_after;
    int m_id;
    QString m_key;
};

enum MergeIds { MergeIssueText = 1, MergeReviewText, MergeVerdict, MergeRetro };

} // namespace

ReviewDocument::ReviewDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] {
        const bool modified = isModified();
        if (modified != m_lastModified) {
            m_lastModified = modified;
            Q_EMIT modifiedChanged(modified);
        }
    });
}

ReviewDocument::~ReviewDocument()
{
    // The undo stack announces its own clearing while dying; nobody must hear it.
    m_undo.disconnect(this);
    blockSignals(true);
}

void ReviewDocument::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT pathChanged(path);
}

void ReviewDocument::reset(Review review, const QString &path)
{
    m_review = std::move(review);
    m_undo.clear();
    m_fixOverrides.clear();
    m_dirtyOutsideHistory = false;
    setPath(path);
    Q_EMIT reviewReset();
    if (m_lastModified) {
        m_lastModified = false;
        Q_EMIT modifiedChanged(false);
    }
}

Status ReviewDocument::load(const QString &path)
{
    auto loaded = loadReviewFile(path);
    if (!loaded)
        return loaded.error();
    reset(std::move(loaded).value(), path);
    return Ok{};
}

Status ReviewDocument::save()
{
    if (m_path.isEmpty())
        return Error::of(QStringLiteral("the review has no file yet; use Save As"));
    return saveAs(m_path);
}

Status ReviewDocument::saveAs(const QString &path)
{
    if (m_readOnly && path == m_path)
        return Error::of(QStringLiteral("%1; use Save As to keep these changes in another file").arg(m_readOnlyReason));
    const Status saved = saveReviewFile(m_review, path);
    if (!saved)
        return saved;
    setPath(path);
    m_dirtyOutsideHistory = false;
    m_undo.setClean();
    if (m_lastModified) {
        m_lastModified = false;
        Q_EMIT modifiedChanged(false);
    }
    return Ok{};
}

void ReviewDocument::restore(const ReviewEdits &edits)
{
    edits.applyTo(m_review);
    for (auto it = m_fixOverrides.cbegin(); it != m_fixOverrides.cend(); ++it) {
        if (Issue *i = m_review.issue(it.key())) {
            i->fixState = it->first;
            i->fixRecords = it->second;
        }
    }
    if (edits.runs)
        Q_EMIT agentsChanged();
    Q_EMIT contentChanged();
}

template <typename F>
bool ReviewDocument::edit(const QString &description, F &&change, int mergeId, const QString &mergeKey)
{
    if (m_readOnly)
        return false;
    Review copy = m_review;
    if (!change(copy))
        return false;
    ReviewEdits before = ReviewEdits::of(m_review);
    ReviewEdits after = ReviewEdits::of(copy);
    if (before.issues == after.issues && before.designObservations == after.designObservations
        && before.verdict == after.verdict && before.executiveSummary == after.executiveSummary
        && before.testingAssessment == after.testingAssessment
        && before.documentationAssessment == after.documentationAssessment
        && before.commitStructure == after.commitStructure && before.retroNotes == after.retroNotes
        && before.retroSummary == after.retroSummary)
        return false;
    m_undo.push(new EditCommand(this, description, std::move(before), std::move(after), mergeId, mergeKey));
    return true;
}

bool ReviewDocument::setFinalSeverity(const QString &issueId, std::optional<Severity> severity)
{
    return edit(tr("Set severity"), [&](Review &r) {
        Issue *i = r.issue(issueId);
        if (!i)
            return false;
        i->finalSeverity = severity;
        return true;
    });
}

bool ReviewDocument::setTriage(const QString &issueId, TriageState state)
{
    static const QHash<TriageState, QString> names{{TriageState::Open, tr("Reopen issue")},
                                                   {TriageState::Accepted, tr("Accept issue")},
                                                   {TriageState::Rejected, tr("Reject issue")},
                                                   {TriageState::FalsePositive, tr("Mark false positive")}};
    return edit(names.value(state), [&](Review &r) {
        Issue *i = r.issue(issueId);
        if (!i)
            return false;
        i->triage = state;
        return true;
    });
}

bool ReviewDocument::setCategory(const QString &issueId, Category category)
{
    return edit(tr("Set category"), [&](Review &r) {
        Issue *i = r.issue(issueId);
        if (!i)
            return false;
        i->category = category;
        return true;
    });
}

bool ReviewDocument::setIssueText(const QString &issueId, TextField field, const QString &text)
{
    return edit(
        tr("Edit issue"),
        [&](Review &r) {
            Issue *i = r.issue(issueId);
            if (!i)
                return false;
            switch (field) {
            case TextField::Title: i->title = text; break;
            case TextField::Body: i->body = text; break;
            case TextField::Notes: i->notes = text; break;
            case TextField::SeverityReason: i->severityReason = text; break;
            case TextField::DisagreementNote: i->disagreementNote = text; break;
            }
            return true;
        },
        MergeIssueText, issueId + QLatin1Char('/') + QString::number(int(field)));
}

bool ReviewDocument::setReviewText(ReviewText field, const QString &text)
{
    return edit(
        tr("Edit text"),
        [&](Review &r) {
            switch (field) {
            case ReviewText::ExecutiveSummary: r.executiveSummary = text; break;
            case ReviewText::Testing: r.testingAssessment = text; break;
            case ReviewText::Documentation: r.documentationAssessment = text; break;
            case ReviewText::CommitStructure: r.commitStructure = text; break;
            case ReviewText::RetroSummary: r.retroSummary = text; break;
            }
            return true;
        },
        MergeReviewText, QString::number(int(field)));
}

bool ReviewDocument::setVerdict(const Verdict &verdict)
{
    return edit(
        tr("Set verdict"),
        [&](Review &r) {
            r.verdict = verdict;
            return true;
        },
        MergeVerdict, QString::number(int(verdict.kind)));
}

bool ReviewDocument::setRetroNote(const QString &agentId, const QString &text)
{
    return edit(
        tr("Edit retro note"),
        [&](Review &r) {
            for (RetroNote &n : r.retroNotes) {
                if (n.agentId == agentId) {
                    n.text = text;
                    return true;
                }
            }
            r.retroNotes << RetroNote{agentId, text};
            return true;
        },
        MergeRetro, agentId);
}

bool ReviewDocument::setObservationRejected(const QString &observationId, bool rejected)
{
    return edit(rejected ? tr("Leave out observation") : tr("Include observation"), [&](Review &r) {
        for (DesignObservation &d : r.designObservations) {
            if (d.id == observationId) {
                d.rejected = rejected;
                return true;
            }
        }
        return false;
    });
}

bool ReviewDocument::setFixChosen(const QString &issueId, const QString &fixId, bool chosen)
{
    return edit(chosen ? tr("Choose fix") : tr("Leave fix out"), [&](Review &r) {
        return edit::chooseFix(r, issueId, fixId, chosen).ok();
    });
}

Result<QString> ReviewDocument::mergeIssues(const QStringList &issueIds)
{
    Result<QString> result = Error::of(QString());
    edit(tr("Merge issues"), [&](Review &r) {
        result = edit::mergeIssues(r, issueIds);
        return result.ok();
    });
    return result;
}

Result<QString> ReviewDocument::splitFinding(const QString &findingId)
{
    Result<QString> result = Error::of(QString());
    edit(tr("Split finding out"), [&](Review &r) {
        result = edit::splitFinding(r, findingId);
        return result.ok();
    });
    return result;
}

Status ReviewDocument::moveFinding(const QString &findingId, const QString &targetIssueId)
{
    Status result = Ok{};
    edit(tr("Move finding"), [&](Review &r) {
        result = edit::moveFinding(r, findingId, targetIssueId);
        return result.ok();
    });
    return result;
}

Status ReviewDocument::addAgentRun(const AgentRun &run)
{
    if (m_readOnly)
        return Error::of(m_readOnlyReason);
    Review copy = m_review;
    const Status added = edit::addAgentRun(copy, run);
    if (!added.ok())
        return added;
    const QString name = run.name.isEmpty() ? run.id : run.name;
    m_undo.push(new EditCommand(this, tr("Add %1's review").arg(name), ReviewEdits::of(m_review, true),
                                ReviewEdits::of(copy, true), -1, {}));
    return Ok{};
}

void ReviewDocument::recordFix(const QString &issueId, FixState state, const QList<FixRecord> &records)
{
    Issue *i = m_review.issue(issueId);
    if (!i)
        return;
    i->fixState = state;
    i->fixRecords = records;
    // Undo snapshots hold older fix states; this override wins whenever one is restored.
    m_fixOverrides[issueId] = {state, records};
    markModifiedOutsideHistory();
}

void ReviewDocument::markModifiedOutsideHistory()
{
    m_dirtyOutsideHistory = true;
    Q_EMIT contentChanged();
    if (!m_lastModified) {
        m_lastModified = true;
        Q_EMIT modifiedChanged(true);
    }
}

void ReviewDocument::setReadOnly(bool readOnly, const QString &reason)
{
    if (readOnly == m_readOnly && reason == m_readOnlyReason)
        return;
    m_readOnly = readOnly;
    m_readOnlyReason = readOnly ? reason : QString();
    Q_EMIT readOnlyChanged(m_readOnly, m_readOnlyReason);
}

void ReviewDocument::adoptRecovered(Review recovered)
{
    const QString path = m_path;
    reset(std::move(recovered), path);
    markModifiedOutsideHistory();
}

bool ReviewDocument::setRepositoryPath(const QString &path)
{
    if (m_readOnly || path == m_review.metadata.repository)
        return false;
    m_review.metadata.repository = path;
    markModifiedOutsideHistory();
    return true;
}

void ReviewDocument::giveFingerprints(const anchor::FileReader &readFile)
{
    anchor::fingerprintReview(m_review, readFile);
}

anchor::ReviewReanchoring ReviewDocument::reanchor(const anchor::FileReader &readFile)
{
    if (m_readOnly)
        return {};
    Review copy = m_review;
    anchor::ReviewReanchoring result = anchor::reanchorReview(copy, readFile);
    if (!result.changed())
        return result;
    // Undo snapshots taken before this hold the old issue locations; the history is
    // cleared so that undo cannot bring the old lines back (re-anchoring happens when the
    // range opens, before any edit, in the usual case).
    m_review = std::move(copy);
    m_undo.clear();
    markModifiedOutsideHistory();
    return result;
}

} // namespace rb::ui
