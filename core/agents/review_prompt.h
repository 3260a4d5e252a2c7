#pragma once
// The review prompt: the default template (compiled in) and the values of its placeholders
// for one change.

#include "agents/agent_profile.h"
#include "agents/review_input.h"
#include "util/result.h"

#include <QHash>
#include <QString>

namespace rb::agents {

struct PromptOptions {
    static constexpr qsizetype kDefaultMaxInlineDiffBytes = 400 * 1024;
    // A larger diff is not pasted into the prompt; the agent is told how to read it.
    qsizetype maxInlineDiffBytes = kDefaultMaxInlineDiffBytes;
};

// resources/agents/review-prompt.md.
QString defaultPromptTemplate();

// Values for repository, base, head, head_sha, merge_base, commits, diff, output_format.
QHash<QString, QString> reviewPromptValues(const ReviewInput &input, ReviewFormat format,
                                           const PromptOptions &options = {});

// The template rendered with reviewPromptValues(); errors name the template line.
Result<QString> renderReviewPrompt(const QString &templateText, const ReviewInput &input, ReviewFormat format,
                                   const PromptOptions &options = {});

} // namespace rb::agents
