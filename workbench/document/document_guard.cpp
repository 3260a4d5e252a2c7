#include "document/document_guard.h"

#include "document/review_document.h"
#include "io/review_lock.h"
#include "io/side_files.h"

#include <QLockFile>
#include <QMetaObject>

namespace rb::ui {

DocumentGuard::DocumentGuard(ReviewDocument *document, QObject *parent) : QObject(parent), m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(2000);
    m_writer.setMaxThreadCount(1);
    connect(&m_timer, &QTimer::timeout, this, &DocumentGuard::write);
    connect(document, &ReviewDocument::pathChanged, this, &DocumentGuard::onPathChanged);
    connect(document, &ReviewDocument::reviewReset, this, &DocumentGuard::onPathChanged);
    connect(document, &ReviewDocument::contentChanged, this, &DocumentGuard::onContentChanged);
    connect(document, &ReviewDocument::modifiedChanged, this, &DocumentGuard::onModifiedChanged);
    onPathChanged();
}

DocumentGuard::~DocumentGuard()
{
    m_timer.stop();
    m_writer.waitForDone();
    release(true); // a clean exit: nothing is left to recover
}

void DocumentGuard::release(bool removeAutosave)
{
    if (removeAutosave && !m_autosavePath.isEmpty())
        rb::removeAutosave(m_autosavePath);
    m_lock.reset();
    if (m_untitledLock)
        m_untitledLock->unlock();
    m_untitledLock.reset();
    m_autosavePath.clear();
    m_reviewPath.clear();
    m_wroteAutosave = false;
}

void DocumentGuard::onPathChanged()
{
    const QString path = m_document->path();
    if (!path.isEmpty() && path == m_reviewPath && m_lock)
        return; // same file (a reset after loading it): keep the lock
    m_timer.stop();
    m_writer.waitForDone();
    // A review moved to a new file (Save As) or replaced: its old side file has no use.
    release(true);
    m_document->setReadOnly(false, {});
    if (path.isEmpty()) {
        m_autosavePath = newUntitledAutosavePath();
        m_untitledLock = std::make_unique<QLockFile>(lockPathFor(m_autosavePath));
        m_untitledLock->setStaleLockTime(0);
        if (!m_untitledLock->tryLock(0))
            m_autosavePath.clear(); // cannot happen for a fresh name; then no autosave
        return;
    }
    m_reviewPath = path;
    m_lock = std::make_unique<ReviewFileLock>(path);
    if (!m_lock->held()) {
        m_document->setReadOnly(true, m_lock->message());
        m_lock.reset();
        m_reviewPath.clear();
        return;
    }
    m_autosavePath = autosavePathFor(path);
    if (auto recovery = findRecovery(path)) {
        // Told after the caller's load() has returned, so that the window is ready to ask.
        QMetaObject::invokeMethod(
            this,
            [this, found = std::move(*recovery)] {
                if (found)
                    Q_EMIT recoveryFound(*found);
                else
                    Q_EMIT recoveryUnreadable(found.error().message);
            },
            Qt::QueuedConnection);
    }
}

void DocumentGuard::onContentChanged()
{
    // The undo stack marks itself dirty only after the edit has been announced, so whether
    // there is anything unsaved is decided when the timer fires.
    if (!m_autosavePath.isEmpty())
        m_timer.start();
}

void DocumentGuard::onModifiedChanged(bool modified)
{
    if (modified || m_autosavePath.isEmpty())
        return;
    // Saved (or undone back to the saved state): nothing unsaved to keep.
    m_timer.stop();
    m_writer.waitForDone();
    rb::removeAutosave(m_autosavePath);
    m_wroteAutosave = false;
}

void DocumentGuard::write()
{
    if (m_autosavePath.isEmpty() || !m_document->isModified())
        return;
    const Review copy = m_document->review(); // implicitly shared lists: cheap
    const QString path = m_autosavePath;
    QPointer<DocumentGuard> self(this);
    m_writer.start([copy, path, self] {
        const Status written = writeAutosave(copy, path); // serialising and writing: off the GUI thread
        QMetaObject::invokeMethod(
            self.data(),
            [self, written, path] {
                if (!self)
                    return;
                if (written) {
                    self->m_wroteAutosave = true;
                    Q_EMIT self->autosaved(path);
                } else {
                    Q_EMIT self->autosaveFailed(written.error().message);
                }
            },
            Qt::QueuedConnection);
    });
}

void DocumentGuard::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        write();
    }
    m_writer.waitForDone();
}

} // namespace rb::ui
