#pragma once
// Keeps the open review safe while it is worked on (see docs/work-safety.md):
// - one writer: the review file's lock is taken when it is opened; when another window or
//   process holds it, the document is made read-only and says why;
// - autosave: after each edit, once edits pause for autosaveDelay(), the review is written
//   to its side file (or, never saved yet, to an untitled slot in the per-user folder) off
//   the GUI thread; a save that makes the document clean removes it;
// - recovery: a side file found when a review is opened (its writer crashed) is offered
//   through recoveryFound();
// - a clean exit (this object destroyed) removes the side file and releases the lock; a
//   crash leaves both, and the next start recovers.
// No widgets: the window decides how to ask.

#include "io/autosave.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <memory>

class QLockFile;

namespace rb {
class ReviewFileLock;
}

namespace rb::ui {

class ReviewDocument;

class DocumentGuard : public QObject {
    Q_OBJECT
public:
    explicit DocumentGuard(ReviewDocument *document, QObject *parent = nullptr);
    ~DocumentGuard() override;

    void setAutosaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    int autosaveDelay() const { return m_timer.interval(); }
    // Where the unsaved state goes (empty while read-only).
    QString autosavePath() const { return m_autosavePath; }
    // Writes a pending autosave now and waits until it is on disk.
    void flush();

Q_SIGNALS:
    // A review was opened that a crashed window had left with unsaved changes; the
    // document is as saved until the window adopts `recovery.review`.
    void recoveryFound(const rb::Recovery &recovery);
    void recoveryUnreadable(const QString &message);
    void autosaved(const QString &path);
    void autosaveFailed(const QString &message);

private:
    void onPathChanged();
    void onContentChanged();
    void onModifiedChanged(bool modified);
    void write();
    void release(bool removeAutosave);

    ReviewDocument *m_document;
    QTimer m_timer;
    QThreadPool m_writer; // one thread: writes land in order
    QString m_reviewPath;  // the file whose lock we hold (empty: untitled)
    QString m_autosavePath;
    std::unique_ptr<ReviewFileLock> m_lock;
    std::unique_ptr<QLockFile> m_untitledLock;
    bool m_wroteAutosave = false;
};

} // namespace rb::ui
