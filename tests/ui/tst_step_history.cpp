// The history behind every chart over training: bounded however long the run, spikes kept
// through compaction and decimation, points in step order.
#include "worker/StepHistory.h"

#include <QTest>

#include <cmath>

class StepHistoryTest : public QObject {
    Q_OBJECT
private slots:
    void shortRunsAreKeptWhole();
    void longRunsStayBoundedAndKeepTheirSpikes();
};

void StepHistoryTest::shortRunsAreKeptWhole()
{
    StepHistory history;
    for (int step = 1; step <= 100; ++step)
        history.append(step, 1.0 / step);
    QCOMPARE(history.size(), size_t(100));
    const QList<QPointF> points = history.decimated(600);
    QCOMPARE(points.size(), 100);
    QCOMPARE(points.first(), QPointF(1, 1));
    QCOMPARE(points.last(), QPointF(100, 0.01));
}

void StepHistoryTest::longRunsStayBoundedAndKeepTheirSpikes()
{
    StepHistory history;
    constexpr int steps = 200'000;
    for (int step = 1; step <= steps; ++step) {
        double value = 1.0 + 0.1 * std::sin(step * 0.01);
        if (step == 77'777)
            value = 50; // an exploding gradient
        if (step == 123'456)
            value = 1e-6; // a vanishing one
        history.append(step, value);
    }
    QVERIFY(history.size() <= StepHistory::maxPoints);
    QVERIFY(history.size() > StepHistory::maxPoints / 4);
    const QList<QPointF> points = history.decimated(600);
    QVERIFY(points.size() <= 1200);
    QVERIFY(points.contains(QPointF(77'777, 50)));
    QVERIFY(points.contains(QPointF(123'456, 1e-6)));
    for (qsizetype k = 1; k < points.size(); ++k)
        QVERIFY(points[k].x() > points[k - 1].x());
    // The whole run is drawn: the first and last points fall in its first and last 0.5%.
    QVERIFY(points.first().x() <= steps / 200);
    QVERIFY(points.last().x() >= steps - steps / 200);
}

QTEST_MAIN(StepHistoryTest)
#include "tst_step_history.moc"
