// The queue that spreads the views' redraws over turns of the event loop: one redraw per
// turn, oldest first, requests merged until their redraw runs, flush() on demand, and a
// destroyed view gone from the queue.
#include "style/DeferredRedraw.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>
#include <string>

class DeferredRedrawTest : public QObject {
    Q_OBJECT
private slots:
    void oneRedrawPerTurnOldestFirst();
    void requestsMergeUntilTheRedrawRuns();
    void flushRunsNowAndLeavesTheQueue();
    void aDestroyedRequestNeverRuns();
};

namespace {

// One pass of the event loop: what was posted before it, and nothing posted during it.
void oneTurn()
{
    QCoreApplication::sendPostedEvents();
}

} // namespace

void DeferredRedrawTest::oneRedrawPerTurnOldestFirst()
{
    std::string order;
    DeferredRedraw a([&] { order += 'a'; });
    DeferredRedraw b([&] { order += 'b'; });
    DeferredRedraw c([&] { order += 'c'; });
    b.request();
    a.request();
    c.request();
    QCOMPARE(order, std::string());
    oneTurn();
    QCOMPARE(order, std::string("b"));
    oneTurn();
    QCOMPARE(order, std::string("ba"));
    QVERIFY(c.pending());
    oneTurn();
    QCOMPARE(order, std::string("bac"));
    QVERIFY(!c.pending());
}

void DeferredRedrawTest::requestsMergeUntilTheRedrawRuns()
{
    int runs = 0;
    DeferredRedraw redraw([&] { ++runs; });
    redraw.request();
    redraw.request();
    QTRY_COMPARE(runs, 1);
    QTest::qWait(20);
    QCOMPARE(runs, 1);
    redraw.request(); // after it ran, a new request counts again
    QTRY_COMPARE(runs, 2);
}

void DeferredRedrawTest::flushRunsNowAndLeavesTheQueue()
{
    std::string order;
    DeferredRedraw a([&] { order += 'a'; });
    DeferredRedraw b([&] { order += 'b'; });
    a.request();
    b.request();
    b.flush();
    QCOMPARE(order, std::string("b"));
    a.flush();
    a.flush(); // nothing pending: nothing runs
    QCOMPARE(order, std::string("ba"));
    oneTurn();
    oneTurn();
    QCOMPARE(order, std::string("ba"));
}

void DeferredRedrawTest::aDestroyedRequestNeverRuns()
{
    std::string order;
    auto gone = std::make_unique<DeferredRedraw>([&] { order += 'x'; });
    DeferredRedraw kept([&] { order += 'k'; });
    gone->request();
    kept.request();
    gone.reset();
    oneTurn();
    QCOMPARE(order, std::string("k"));
}

QTEST_MAIN(DeferredRedrawTest)
#include "tst_deferred_redraw.moc"
