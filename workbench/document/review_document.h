#pragma once
// The open review: owns the Review value, its file, and its undo history. Every triage edit
// is one undoable command; widgets never change the Review directly.

#include "anchor/reanchor.h"
#include "model/review.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

namespace rb::ui {

// The agents' runs and what they wrote. Part of an undo step only when the step adds a run,
// so triage steps do not carry them (the lists are implicitly shared in any case).
struct ReviewRuns {
    QList<AgentRun> agents;
    QList<RawFinding> findings;
    QList<RawObservation> observations;
};

// The parts of a Review the human edits; an undo step swaps one of these for another.
struct ReviewEdits {
    QList<Issue> issues;
    QList<DesignObservation> designObservations;
    Verdict verdict;
    QString executiveSummary;
    QString testingAssessment;
    QString documentationAssessment;
    QString commitStructure;
    QList<RetroNote> retroNotes;
    QString retroSummary;
    std::optional<ReviewRuns> runs; // set only by steps that add an agent run

    static ReviewEdits of(const Review &r, bool withRuns = false);
    void applyTo(Review &r) const;
};

enum class TextField { Title, Body, Notes, SeverityReason, DisagreementNote };
enum class ReviewText { ExecutiveSummary, Testing, Documentation, CommitStructure, RetroSummary };

class ReviewDocument : public QObject {
    Q_OBJECT
public:
    explicit ReviewDocument(QObject *parent = nullptr);
    ~ReviewDocument() override;

    const Review &review() const { return m_review; }
    QUndoStack *undoStack() { return &m_undo; }
    const QString &path() const { return m_path; }
    bool isModified() const { return !m_undo.isClean() || m_dirtyOutsideHistory; }

    Status load(const QString &path);
    Status save();                      // to path(); refused while read-only
    Status saveAs(const QString &path);
    void reset(Review review, const QString &path = {}); // clears history

    // Read-only: another window or process writes this file (DocumentGuard decides). Every
    // edit and save to path() is refused; Save As to another file is allowed.
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnly(bool readOnly, const QString &reason);

    // Unsaved changes recovered after a crash replace the review as saved; the document is
    // then modified (a save writes them), with no undo history.
    void adoptRecovered(Review recovered);

    // Changes recorded outside the undo history that still mark the document modified:
    // where the review's repository is on this machine (Locate Repository), and findings
    // re-anchored on the code as it is now (anchor/reanchor.h). reanchor() returns what moved.
    bool setRepositoryPath(const QString &path);
    anchor::ReviewReanchoring reanchor(const anchor::FileReader &readFile);
    // Gives findings and issues without one a fingerprint with their code's context from
    // the files (anchor/fingerprint.h). Not an edit: the document stays as modified as it
    // was, and the next save writes them.
    void giveFingerprints(const anchor::FileReader &readFile);

    // Triage edits: one undo step each. Return false (and change nothing) when refused.
    bool setFinalSeverity(const QString &issueId, std::optional<Severity> severity);
    bool setTriage(const QString &issueId, TriageState state);
    bool setCategory(const QString &issueId, Category category);
    bool setIssueText(const QString &issueId, TextField field, const QString &text);
    bool setReviewText(ReviewText field, const QString &text);
    bool setVerdict(const Verdict &verdict);
    bool setRetroNote(const QString &agentId, const QString &text);
    bool setObservationRejected(const QString &observationId, bool rejected);
    // Whether Apply Fix uses one of the issue's fixes (model/issue.h IssueFix).
    bool setFixChosen(const QString &issueId, const QString &fixId, bool chosen);
    Result<QString> mergeIssues(const QStringList &issueIds);
    Result<QString> splitFinding(const QString &findingId);
    Status moveFinding(const QString &findingId, const QString &targetIssueId);
    // Adds a finished agent run (parsed, its findings folded into the issues without touching
    // the human's decisions: edit/add_agent_run.h). One undo step; agentsChanged() follows.
    // Refused (nothing changes) when the run's agent id is already in the review.
    Status addAgentRun(const AgentRun &run);

    // Fix results change the working tree, which undo cannot take back; they are recorded
    // outside the history but still mark the document modified.
    void recordFix(const QString &issueId, FixState state, const QList<FixRecord> &records);

    // Applied by the undo commands.
    void restore(const ReviewEdits &edits);

Q_SIGNALS:
    void reviewReset();                 // a different review (or file) is open
    void agentsChanged();               // agent runs added or removed (then contentChanged)
    void contentChanged();              // any edit, undo or redo
    void modifiedChanged(bool modified);
    void pathChanged(const QString &path);
    void readOnlyChanged(bool readOnly, const QString &reason);

private:
    // Runs `edit` on a copy; pushes one undo step if it changed anything.
    template <typename F>
    bool edit(const QString &description, F &&change, int mergeId = -1, const QString &mergeKey = {});
    void setPath(const QString &path);

    Review m_review;
    QString m_path;
    QUndoStack m_undo;
    QHash<QString, std::pair<FixState, QList<FixRecord>>> m_fixOverrides;
    bool m_dirtyOutsideHistory = false;
    bool m_lastModified = false;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    void markModifiedOutsideHistory();
};

} // namespace rb::ui
