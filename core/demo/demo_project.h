#pragma once
// The built-in demo: a small repository with a made-up PR of a few commits, and three
// agents' raw reviews of it, all from resources/demo (compiled into the program).

#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace rb::demo {

struct DemoReview {
    QString agentId;
    QString agentName;
    QString model;
    QString text;           // the raw review, Markdown
    std::optional<double> durationSeconds;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
};

struct DemoProject {
    QString repositoryPath; // the new repository, checked out at the PR head
    QString base;           // branch names
    QString head;
    QList<DemoReview> reviews;
};

// Creates the demo repository in `dir` (empty or missing) and returns it with the reviews.
Result<DemoProject> createDemoProject(const QString &dir);

} // namespace rb::demo
