#pragma once
// The repository and range behind the open review, and their diff. Opening, resolving and
// diffing run on a worker thread; the window receives the finished values. Patches are
// then materialised in the background so that per-file counts fill in.

#include "git/range.h"
#include "git/range_diff.h"
#include "git/repository.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace rb {
struct Review;
}

namespace rb::ui {

struct RangeRequest {
    QString repositoryPath;
    QString base;
    QString head;
    bool workingTree = false;
};

class ReviewSession : public QObject {
    Q_OBJECT
public:
    explicit ReviewSession(QObject *parent = nullptr);
    ~ReviewSession() override;

    // Starts opening; opened() or failed() follows. A newer request supersedes an older one.
    void open(const RangeRequest &request);
    // The range a review file describes, when its metadata names a repository on disk.
    static std::optional<RangeRequest> requestFor(const Review &review);
    void close();

    bool isOpen() const { return m_diff.has_value(); }
    const git::RangeDiff &diff() const { return *m_diff; }
    const git::ResolvedRange &range() const { return m_range; }
    const RangeRequest &request() const { return m_request; }
    QString workdir() const; // empty for bare repositories

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    void patchesProgressed(int built, int total);
    void allPatchesBuilt();

private:
    void startMaterialising();
    void stopWorkers();

    RangeRequest m_request;
    std::optional<git::Repository> m_repository;
    std::optional<git::RangeDiff> m_diff;
    git::ResolvedRange m_range;
    QThread *m_opener = nullptr;
    QThread *m_materialiser = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
};

} // namespace rb::ui
