#pragma once
// The window's demo (`reviewbench --demo`) lives in a temporary folder that must not stay
// behind. The folder is removed when the demo ends normally (and on SIGINT/SIGTERM, which
// the window turns into a normal end); a folder left by a demo that was killed or crashed
// is recognised by its lock — held by the process that made it, stale once that process is
// gone — and removed by the next demo.

#include "util/result.h"

#include <QString>

#include <memory>

class QLockFile;

namespace rb::demo {

class DemoFolder {
public:
    // Removes abandoned demo folders under `tempRoot`, then creates a fresh one there.
    static Result<std::unique_ptr<DemoFolder>> create(const QString &tempRoot);
    ~DemoFolder(); // removes the folder
    DemoFolder(const DemoFolder &) = delete;
    DemoFolder &operator=(const DemoFolder &) = delete;

    QString path() const { return m_path; }

    // Folders named reviewbench-demo-* under `tempRoot` whose lock no live process holds;
    // each is removed. Returns how many.
    static int removeAbandoned(const QString &tempRoot);

private:
    DemoFolder() = default;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace rb::demo
