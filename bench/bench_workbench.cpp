// reviewbench-bench-workbench [REPO BASE HEAD]
//
// Prints, measured in one run under the offscreen platform:
//  - the baseline: an empty main window shown and painted;
//  - time to first paint of the workbench on the built-in demo (window, review file, range
//    diff off the GUI thread, first file's diff) — target <= 1 s;
//  - with REPO BASE HEAD (e.g. the synthetic range of bench/make-synthetic-repo.sh): time to
//    the file list and the first file's diff of that range — target <= 1 s;
//  - scrolling page by page through a 20,000-line file diff: the slowest frame and the
//    longest the event loop was busy (highlighting slices), against a QPlainTextEdit holding
//    the same text, scrolled the same way.
// Last line: RESULT baseline_ms=.. demo_ms=.. range_ms=.. scroll_max_ms=.. scroll_stall_ms=.. plain_max_ms=..
#include "demo/demo_review.h"
#include "diff/diff_view.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "widgets/diff_pane.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>

#include <cstdio>

using namespace rb;

namespace {
bool waitFor(const std::function<bool()> &ready, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!ready()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// A 20,000-line C++ file added whole: every row is an added line.
std::shared_ptr<git::FilePatch> bigPatch(QByteArray &text)
{
    auto patch = std::make_shared<git::FilePatch>();
    git::Hunk hunk;
    hunk.oldStart = 0;
    hunk.newStart = 1;
    for (int i = 1; i <= 20000; ++i) {
        const QByteArray line = QByteArray("    int value") + QByteArray::number(i) + " = compute(" + QByteArray::number(i % 97)
                                + ", \"item\"); // step " + QByteArray::number(i);
        git::DiffLine d;
        d.kind = git::LineKind::Added;
        d.newLine = i;
        d.offset = int(patch->text.size());
        d.length = int(line.size());
        patch->text += line + '\n';
        text += line + '\n';
        hunk.lines << d;
    }
    hunk.newCount = 20000;
    hunk.header = QStringLiteral("@@ -0,0 +1,20000 @@");
    patch->hunks << hunk;
    patch->added = 20000;
    return patch;
}

struct ScrollFigures {
    double maxFrameMs = 0;
    double maxStallMs = 0;
};

ScrollFigures scrollThrough(QAbstractScrollArea *area)
{
    ScrollFigures f;
    QScrollBar *bar = area->verticalScrollBar();
    QElapsedTimer t;
    while (bar->value() < bar->maximum()) {
        t.start();
        bar->setValue(bar->value() + bar->pageStep());
        area->viewport()->repaint();
        f.maxFrameMs = std::max(f.maxFrameMs, t.nsecsElapsed() / 1e6);
        t.start();
        QApplication::processEvents(); // lets pending work (highlighting slices) run
        f.maxStallMs = std::max(f.maxStallMs, t.nsecsElapsed() / 1e6);
    }
    return f;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir tmp;
    ui::AppSettings::useFile(tmp.filePath(QStringLiteral("settings.ini")));
    QElapsedTimer t;

    t.start();
    {
        QMainWindow empty;
        empty.resize(1600, 1000);
        empty.show();
        (void)empty.grab();
    }
    const double baselineMs = t.nsecsElapsed() / 1e6;
    std::printf("baseline: empty main window shown and painted   %8.1f ms\n", baselineMs);

    const auto demo = demo::prepareDemo(tmp.filePath(QStringLiteral("demo")));
    if (!demo) {
        std::fprintf(stderr, "demo: %s\n", qPrintable(demo.error().message));
        return 1;
    }
    double demoMs = -1;
    {
        t.start();
        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1600, 1000);
        w.show();
        w.openReviewFile(demo->reviewPath);
        const bool ok = waitFor([&] { return !w.diffPane()->view()->path().isEmpty(); }, 30000);
        (void)w.grab();
        demoMs = ok ? t.nsecsElapsed() / 1e6 : -1;
        std::printf("demo: window, review, diff, first paint          %8.1f ms  (target <= 1000)\n", demoMs);
    }

    double rangeMs = -1;
    if (argc == 4) {
        t.start();
        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1600, 1000);
        w.show();
        w.session()->open(ui::RangeRequest{QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]),
                                           QString::fromLocal8Bit(argv[3]), false});
        const bool ok = waitFor([&] { return !w.diffPane()->view()->path().isEmpty(); }, 60000);
        (void)w.grab();
        rangeMs = ok ? t.nsecsElapsed() / 1e6 : -1;
        std::printf("range: %d files; file list and first diff painted %8.1f ms  (target <= 1000)\n",
                    w.session()->isOpen() ? w.session()->diff().fileCount() : 0, rangeMs);
    }

    QByteArray text;
    const auto patch = bigPatch(text);
    KSyntaxHighlighting::Repository syntax;
    ui::DiffView view(&syntax);
    view.resize(1200, 800);
    view.show();
    t.start();
    view.setFile(QStringLiteral("big.cpp"), patch, {}, text);
    view.viewport()->repaint();
    const double openMs = t.nsecsElapsed() / 1e6;
    const ScrollFigures diff = scrollThrough(&view);
    std::printf("20,000-line diff: opened and painted            %8.1f ms\n", openMs);
    std::printf("  scrolling page by page: slowest frame %.1f ms, longest event-loop stall %.1f ms\n", diff.maxFrameMs,
                diff.maxStallMs);

    QPlainTextEdit plain;
    plain.resize(1200, 800);
    plain.setPlainText(QString::fromUtf8(text));
    plain.show();
    const ScrollFigures base = scrollThrough(&plain);
    std::printf("  baseline QPlainTextEdit, same text: slowest frame %.1f ms (ratio %.2f)\n", base.maxFrameMs,
                base.maxFrameMs > 0 ? diff.maxFrameMs / base.maxFrameMs : 0.0);

    std::printf("RESULT baseline_ms=%.0f demo_ms=%.0f range_ms=%.0f scroll_max_ms=%.1f scroll_stall_ms=%.1f plain_max_ms=%.1f\n",
                baselineMs, demoMs, rangeMs, diff.maxFrameMs, diff.maxStallMs, base.maxFrameMs);
    return 0;
}
