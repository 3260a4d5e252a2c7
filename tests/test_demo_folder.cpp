// `reviewbench --demo` leaves no temporary folder behind: run as a separate process (the
// window under the offscreen platform), ended by SIGTERM it removes its folder, and a
// folder left by a demo killed with SIGKILL is removed by the next demo.
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
QStringList demoFolders(const QString &tmp)
{
    return QDir(tmp).entryList({QStringLiteral("reviewbench-demo-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
}

// Starts the demo window with TMPDIR=tmp and waits until its review file exists.
bool startDemo(QProcess &p, const QString &tmp, const QStringList &notThese)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), tmp);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), tmp + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
    p.setArguments({QStringLiteral("--demo")});
    p.start();
    if (!p.waitForStarted(10000))
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        for (const QString &d : demoFolders(tmp))
            if (!notThese.contains(d) && QFile::exists(tmp + QLatin1Char('/') + d + QStringLiteral("/demo/review.json")))
                return true;
        if (p.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(100);
    }
    return false;
}
} // namespace

class TestDemoFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noFolderStaysBehind()
    {
        QTemporaryDir tmp;
        QProcess killed;
        QVERIFY(startDemo(killed, tmp.path(), {}));
        const QStringList first = demoFolders(tmp.path());
        QCOMPARE(first.size(), 1);
        killed.kill(); // SIGKILL: nothing in the process can clean up
        QVERIFY(killed.waitForFinished(10000));
        QCOMPARE(demoFolders(tmp.path()), first); // still there...

        QProcess next;
        QVERIFY(startDemo(next, tmp.path(), first));
        const QStringList now = demoFolders(tmp.path());
        QCOMPARE(now.size(), 1); // ...until the next demo removes it
        QVERIFY(!now.contains(first.first()));

        ::kill(pid_t(next.processId()), SIGTERM); // ends like closing the window
        QVERIFY(next.waitForFinished(20000));
        QCOMPARE(next.exitStatus(), QProcess::NormalExit);
        QVERIFY2(demoFolders(tmp.path()).isEmpty(), qPrintable(demoFolders(tmp.path()).join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestDemoFolder)
#include "test_demo_folder.moc"
