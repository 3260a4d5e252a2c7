#pragma once
// One writer per review file. The window that opens a review file for editing holds a lock
// file next to it (QLockFile: the holder's pid, host name and program); a second window or
// process that opens the same file is told who holds it and opens it read-only.
//
// A lock left behind by a process that died on this machine (a crash, kill -9) is stale and
// taken over at once; a lock held from another host cannot be checked and is respected. The
// lock's age never makes it stale: a review stays open for hours.

#include <QDateTime>
#include <QString>

#include <memory>

class QLockFile;

namespace rb {

struct LockHolder {
    qint64 pid = 0;
    QString host;
    QString program;
    QDateTime since; // when the lock file was written
};

class ReviewFileLock {
public:
    enum class Outcome {
        Acquired,    // this process may write the file
        HeldByOther, // another live process (or another window of this one) holds it
        Unavailable, // no lock could be made (the folder is not writable)
    };

    // Tries once, without waiting.
    explicit ReviewFileLock(const QString &reviewPath);
    ~ReviewFileLock(); // releases the lock if held
    ReviewFileLock(const ReviewFileLock &) = delete;
    ReviewFileLock &operator=(const ReviewFileLock &) = delete;

    Outcome outcome() const { return m_outcome; }
    bool held() const { return m_outcome == Outcome::Acquired; }
    bool tookOverStaleLock() const { return m_tookOver; } // a dead process's lock was replaced
    const LockHolder &holder() const { return m_holder; }  // HeldByOther: who
    // "review.json is open in another Reviewbench (process 4242 on build-box, since 14:02)";
    // empty when acquired.
    QString message() const { return m_message; }

private:
    std::unique_ptr<QLockFile> m_lock;
    Outcome m_outcome = Outcome::Unavailable;
    bool m_tookOver = false;
    LockHolder m_holder;
    QString m_message;
};

} // namespace rb
