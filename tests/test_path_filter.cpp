// The file tree's filter: substring and glob, on the path or the file name, and renames.
#include "search/path_filter.h"

#include <QTest>

using namespace rb::ui;

class TestPathFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty keeps all") << "" << "a/b.c" << true;
        QTest::newRow("spaces only keep all") << "   " << "a/b.c" << true;
        QTest::newRow("substring anywhere") << "cache" << "src/store/cache.py" << true;
        QTest::newRow("substring ignores case") << "CACHE" << "src/store/Cache.py" << true;
        QTest::newRow("substring across folders") << "store/ca" << "src/store/cache.py" << true;
        QTest::newRow("substring missing") << "cache" << "src/store/lru.py" << false;
        QTest::newRow("glob on the whole path, any depth") << "*.py" << "src/store/cache.py" << true;
        QTest::newRow("glob suffix mismatch") << "*.py" << "src/store/cache.pyc" << false;
        QTest::newRow("glob with a folder") << "src/*.h" << "src/core/ring_buffer.h" << true;
        QTest::newRow("glob with a folder elsewhere") << "src/*.h" << "include/ring_buffer.h" << false;
        QTest::newRow("glob on the file name") << "test_*" << "tests/test_cache.py" << true;
        QTest::newRow("glob on the name is anchored") << "test_*" << "tests/unit_test_cache.py" << false;
        QTest::newRow("question mark") << "?.c" << "lib/a.c" << true;
        QTest::newRow("character class") << "*.[ch]" << "lib/a.h" << true;
        QTest::newRow("glob ignores case") << "*.PY" << "a.py" << true;
        QTest::newRow("unbalanced bracket is literal") << "a[" << "x/a[1].txt" << true;
        QTest::newRow("unbalanced bracket does not match others") << "a[" << "x/a.txt" << false;
    }
    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, expected);
        QCOMPARE(PathFilter(pattern).matches(path), expected);
    }

    void globIsRecognised()
    {
        QVERIFY(PathFilter(QStringLiteral("*.py")).isGlob());
        QVERIFY(!PathFilter(QStringLiteral("cache")).isGlob());
        QVERIFY(PathFilter(QStringLiteral("  ")).isEmpty());
    }

    void renameMatchesByEitherPath()
    {
        const PathFilter filter(QStringLiteral("old_name"));
        QVERIFY(filter.matches(QStringLiteral("src/new_name.py"), QStringLiteral("src/old_name.py")));
        QVERIFY(!filter.matches(QStringLiteral("src/new_name.py"), QString()));
    }
};

QTEST_GUILESS_MAIN(TestPathFilter)
#include "test_path_filter.moc"
