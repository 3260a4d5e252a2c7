#include "session/review_session.h"

#include "model/review.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace rb::ui {

namespace {
struct Opened {
    std::optional<git::Repository> repository;
    std::optional<git::RangeDiff> diff;
    git::ResolvedRange range;
    QString error;
};

Opened openRange(const RangeRequest &request)
{
    Opened out;
    auto repo = git::Repository::open(request.repositoryPath);
    if (!repo) {
        out.error = repo.error().message;
        return out;
    }
    auto range = request.workingTree ? git::resolveWorkingTree(*repo) : git::resolveRange(*repo, request.base, request.head);
    if (!range) {
        out.error = range.error().message;
        return out;
    }
    auto diff = git::RangeDiff::compute(*repo, *range);
    if (!diff) {
        out.error = diff.error().message;
        return out;
    }
    out.range = *range;
    out.diff = std::move(diff).value();
    out.repository = std::move(repo).value();
    return out;
}
} // namespace

ReviewSession::ReviewSession(QObject *parent) : QObject(parent) {}

ReviewSession::~ReviewSession() { stopWorkers(); }

void ReviewSession::stopWorkers()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QThread *t : {m_opener, m_materialiser}) {
        if (t) {
            t->wait();
            delete t;
        }
    }
    m_opener = nullptr;
    m_materialiser = nullptr;
}

std::optional<RangeRequest> ReviewSession::requestFor(const Review &review)
{
    const ReviewMetadata &m = review.metadata;
    if (m.repository.isEmpty() || !QFileInfo(m.repository).isDir())
        return std::nullopt;
    RangeRequest r;
    r.repositoryPath = m.repository;
    r.workingTree = m.workingTree;
    // Prefer the exact commits that were reviewed over names that may have moved since.
    r.base = !m.mergeBase.isEmpty() ? m.mergeBase : m.base;
    r.head = !m.headSha.isEmpty() ? m.headSha : m.head;
    if (!r.workingTree && (r.base.isEmpty() || r.head.isEmpty()))
        return std::nullopt;
    return r;
}

QString ReviewSession::workdir() const { return m_repository ? m_repository->workdir() : QString(); }

void ReviewSession::close()
{
    stopWorkers();
    ++m_generation;
    m_diff.reset();
    m_repository.reset();
    m_range = {};
}

void ReviewSession::open(const RangeRequest &request)
{
    close();
    m_request = request;
    const int generation = m_generation;
    QPointer<ReviewSession> self(this);
    m_opener = QThread::create([self, request, generation] {
        auto result = std::make_shared<Opened>(openRange(request));
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, generation] {
                if (!self || generation != self->m_generation)
                    return;
                if (!result->error.isEmpty()) {
                    Q_EMIT self->failed(result->error);
                    return;
                }
                self->m_repository = std::move(result->repository);
                self->m_diff = std::move(result->diff);
                self->m_range = result->range;
                Q_EMIT self->opened();
                self->startMaterialising();
            },
            Qt::QueuedConnection);
    });
    m_opener->start();
}

void ReviewSession::startMaterialising()
{
    if (!m_diff)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const git::RangeDiff diff = *m_diff; // copies share the cache
    const auto cancel = m_cancel;
    const int generation = m_generation;
    m_materialiser = QThread::create([diff, cancel] {
        // A file whose patch fails is reported when it is opened; the others still build.
        (void)diff.materialiseAll(0, cancel.get());
    });
    connect(m_materialiser, &QThread::finished, this, [this, generation] {
        if (generation != m_generation || !m_diff)
            return;
        Q_EMIT patchesProgressed(m_diff->materialisedCount(), m_diff->fileCount());
        Q_EMIT allPatchesBuilt();
    });
    auto *ticker = new QTimer(m_materialiser);
    ticker->setInterval(250);
    connect(ticker, &QTimer::timeout, this, [this, generation] {
        if (generation == m_generation && m_diff)
            Q_EMIT patchesProgressed(m_diff->materialisedCount(), m_diff->fileCount());
    });
    connect(m_materialiser, &QThread::finished, ticker, &QObject::deleteLater);
    ticker->start();
    m_materialiser->start();
}

} // namespace rb::ui
