#pragma once
// Preparing an agent run and folding its results into the review: the one copy of these
// rules, used by the Run Agents dialog and by `reviewbench run`.
//
// Preparing (prepareRun):
// - the range base...head is resolved in the repository and its prompt input computed
//   (metadata, commits, the unified patch). This reads git and the disk: the window calls
//   it off the GUI thread;
// - when the working tree's HEAD is not the reviewed commit, a warning says so: the agents
//   read files from the working tree and would see other versions than the diff;
// - each agent gets an id not used in the review nor by an earlier agent of the same run
//   ("claude", then "claude-2"), and a renamed one is shown as "Claude (claude-2)";
// - each agent's prompt is the template rendered for its review format; its launch is
//   prepared in the run's private directory, with the findings schema written there once.
//
// Folding (foldRun): each finished run is one undoable step on the document: parsed, kept
// whatever its status, its findings joined to the issues they cluster with or proposed as
// new ones, the human's decisions untouched (edit/add_agent_run.h). Refused when the id is
// taken. What the front ends print about it is summarised the same way for both.

#include "agents/agent_launch.h"
#include "agents/agent_profile.h"
#include "agents/review_input.h"
#include "model/review.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rb::ui {
class ReviewDocument;
}

namespace rb::workbench {

struct RunPlan {
    QString repositoryPath; // any folder in the repository; the agents run in its working tree
    QString base;
    QString head;
    QList<agents::AgentProfile> profiles; // in order, each with its timeout for this run
    QString promptTemplate;               // the template text
    QString promptTemplateName;           // how errors name it: a file name or "default prompt"
    QString workDirectory;                // private; must outlive the run (prompt files, schema)
};

enum class PrepareFailure {
    Range = 1,  // the range cannot be resolved or diffed (the git layer's message)
    Agent = 4,  // a template or an agent's command is invalid (names which)
};

struct PreparedRun {
    agents::ReviewInput input;
    QList<agents::AgentLaunch> launches; // one per profile, in order, ids unique in the review
    QStringList warnings;                // to show before the agents start
};

// Error codes are PrepareFailure values. `existing`: the agents already in the review.
Result<PreparedRun> prepareRun(const RunPlan &plan, const QList<AgentRun> &existing);

// "the working tree of REPO is not at HEAD (SHA); ...", or empty when it is.
QString checkoutWarning(const agents::ReviewInput &input);

struct FoldedRun {
    QString agentId;
    RunStatus status = RunStatus::Succeeded; // as stored: a successful run without a review is Failed
    QString failureReason;
    int findings = 0;
    QStringList notes; // what the run's parsing noticed about its output as a whole

    // "done: 3 findings", "failed: REASON", "timed out: REASON", "cancelled", ...
    QString summary() const;
};

// Adds run to document as one undo step. Error: refused (id taken, document read-only).
Result<FoldedRun> foldRun(ui::ReviewDocument &document, const AgentRun &run);

} // namespace rb::workbench
