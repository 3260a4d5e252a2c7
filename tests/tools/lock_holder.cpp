// Test helper, run as a child process: takes the lock of a review file, writes an autosave
// with the given executive summary, says "ready" and waits to be killed (kill -9), as a
// window would be that crashes with unsaved changes. Usage: lock_holder REVIEW.json SUMMARY
#include "io/autosave.h"
#include "io/review_file.h"
#include "io/review_lock.h"
#include "io/side_files.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    rb::ReviewFileLock lock(path);
    if (!lock.held()) {
        std::printf("not locked: %s\n", qPrintable(lock.message()));
        return 1;
    }
    auto review = rb::loadReviewFile(path);
    if (!review)
        return 1;
    review->executiveSummary = QString::fromLocal8Bit(argv[2]);
    if (!rb::writeAutosave(*review, rb::autosavePathFor(path)))
        return 1;
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}
