// The history of recorded steps stays bounded, keeps the first and the newest step, thins
// the past, and starts over when training does.
#include "worker/TraceHistory.h"

#include <QTest>

namespace {

TracePointer traceAt(long step, int hidden = 4, int steps = 5)
{
    auto trace = std::make_shared<lstm::StepTrace>();
    trace->step = step;
    trace->steps = steps;
    trace->layers.resize(1);
    trace->layers[0].hidden = Eigen::MatrixXd::Zero(hidden, steps);
    return trace;
}

std::vector<long> stepsOf(const TraceHistory& history)
{
    std::vector<long> steps;
    for (const TracePointer& trace : history.traces())
        steps.push_back(trace->step);
    return steps;
}

} // namespace

class TraceHistoryTest : public QObject {
    Q_OBJECT
private slots:
    void keepsEverythingUntilFull();
    void thinsThePastAndKeepsBothEnds();
    void startsOverWhenTrainingDoes();
    void bigStepsGetFewerPlaces();
    void aRetriedStepReplacesTheOneThatDiverged();
    void theOpenStepIsNeverThinnedOut();
};

void TraceHistoryTest::keepsEverythingUntilFull()
{
    TraceHistory history(5);
    for (long step : {0, 1, 2})
        history.add(traceAt(step));
    QCOMPARE(stepsOf(history), (std::vector<long>{0, 1, 2}));
    QCOMPARE(history.newest()->step, 2L);
    QCOMPARE(history.indexOf(history.traces()[1]), 1);
    QCOMPARE(history.indexOf(traceAt(1)), -1);
}

void TraceHistoryTest::thinsThePastAndKeepsBothEnds()
{
    TraceHistory history(10);
    for (long step = 0; step < 1000; ++step)
        history.add(traceAt(step));
    const std::vector<long> steps = stepsOf(history);
    QCOMPARE(int(steps.size()), 10);
    QCOMPARE(steps.front(), 0L);
    QCOMPARE(steps.back(), 999L);
    // Denser near the present: the last gap is smaller than the first one after step 0.
    QVERIFY2(steps[9] - steps[8] < steps[2] - steps[1], qPrintable(QString::number(steps[2] - steps[1])));
    QVERIFY(std::is_sorted(steps.begin(), steps.end()));
    QVERIFY(steps[8] >= 990); // the step before the newest is a recent one
}

void TraceHistoryTest::startsOverWhenTrainingDoes()
{
    TraceHistory history;
    history.add(traceAt(10));
    history.add(traceAt(20));
    history.add(traceAt(3)); // a reset, then three steps
    QCOMPARE(stepsOf(history), (std::vector<long>{3}));
    history.add(nullptr);
    QCOMPARE(int(history.traces().size()), 1);
}

void TraceHistoryTest::bigStepsGetFewerPlaces()
{
    const std::size_t oneTrace = traceBytes(*traceAt(0, 100, 100));
    QCOMPARE(oneTrace, std::size_t(100 * 100 * sizeof(double)));
    TraceHistory history(40, 3 * oneTrace);
    for (long step = 0; step < 10; ++step)
        history.add(traceAt(step, 100, 100));
    QCOMPARE(int(history.traces().size()), 3);
}

void TraceHistoryTest::aRetriedStepReplacesTheOneThatDiverged()
{
    TraceHistory history;
    history.add(traceAt(4));
    history.add(traceAt(5)); // diverged: no update, so the next step has the same number
    const TracePointer retried = traceAt(5);
    history.add(retried);
    QCOMPARE(stepsOf(history), (std::vector<long>{4, 5}));
    QCOMPARE(history.newest(), retried);
}

void TraceHistoryTest::theOpenStepIsNeverThinnedOut()
{
    TraceHistory history(4);
    for (long step = 0; step < 4; ++step)
        history.add(traceAt(step));
    const TracePointer open = history.traces()[2];
    for (long step = 4; step < 200; ++step)
        history.add(traceAt(step), open);
    QVERIFY(history.indexOf(open) >= 0);
    QCOMPARE(int(history.traces().size()), 4);
    QCOMPARE(history.newest()->step, 199L);
}

QTEST_GUILESS_MAIN(TraceHistoryTest)
#include "tst_trace_history.moc"
