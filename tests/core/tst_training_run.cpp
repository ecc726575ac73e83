// Training runs that stop by themselves, and models compared in lock-step: a step limit is
// exact, "until solved" stops at the first evaluation that meets the criterion, early
// stopping brings back the weights of the best evaluation, and runs compared side by side
// are exactly the runs trained alone.
#include "TestSupport.h"

#include "data/Generators.h"
#include "training/Comparison.h"
#include "training/TrainingRun.h"

#include <QTest>

using namespace lstm;

namespace {

std::unique_ptr<Dataset> rememberFirst(double lag)
{
    return makeGenerator("remember-first", {{"lag", lag}}, 1);
}

ModelConfig modelOf(const Dataset& data, CellKind cell)
{
    return modelFor(data.shape(), ModelChoices{cell, 8});
}

// Trains in chunks of `every` steps with an evaluation after each, until the run stops.
void runToTheEnd(TrainingRun<float>& run, long every)
{
    while (!run.stopped()) {
        run.advance(every - run.steps() % every);
        run.evaluate();
    }
}

} // namespace

class TrainingRunTest : public QObject {
    Q_OBJECT
private slots:
    void theStepLimitIsExact();
    void untilSolvedStopsAtTheFirstSolvedEvaluation();
    void earlyStoppingKeepsTheBestWeights();
    void earlyStoppingCountsEvaluationsWithoutABetterLoss();
    void comparedRunsAreTheRunsAlone();
};

void TrainingRunTest::theStepLimitIsExact()
{
    const auto data = rememberFirst(3);
    TrainConfig train;
    TrainingRun<float> run(*data, modelOf(*data, CellKind::Lstm), train, StopConditions{.maxSteps = 37});
    QCOMPARE(run.advance(30), 30L);
    QVERIFY(!run.stopped());
    QCOMPARE(run.advance(30), 7L); // only what is left of the limit
    QCOMPARE(run.steps(), 37L);
    QCOMPARE(run.reason(), StopReason::StepLimit);
    QCOMPARE(run.advance(30), 0L);
}

void TrainingRunTest::untilSolvedStopsAtTheFirstSolvedEvaluation()
{
    const auto data = rememberFirst(3);
    TrainConfig train;
    TrainingRun<float> run(*data, modelOf(*data, CellKind::Lstm), train,
                           StopConditions{.maxSteps = 20000, .untilSolved = true});
    runToTheEnd(run, 25);
    QCOMPARE(run.reason(), StopReason::Solved);
    QVERIFY(run.solvedAt().has_value());
    QCOMPARE(*run.solvedAt(), run.steps()); // stopped right there
    QVERIFY(run.steps() % 25 == 0 && run.steps() < 20000);
    QVERIFY(run.last().score && run.last().score->solved);
}

void TrainingRunTest::earlyStoppingKeepsTheBestWeights()
{
    // A sine with much noise and few units: the validation loss soon stops improving.
    const auto data = makeGenerator("sine", {{"noise", 0.5}, {"length", 400}}, 1);
    TrainConfig train;
    train.learningRate = 0.03;
    TrainingRun<float> run(*data, modelFor(data->shape(), ModelChoices{CellKind::Lstm, 16}), train,
                           StopConditions{.maxSteps = 200000, .patience = 3});
    runToTheEnd(run, 20);
    QCOMPARE(run.reason(), StopReason::NoImprovement);
    QVERIFY(run.steps() < 200000);
    const EarlyStopping& early = run.earlyStopping();
    QVERIFY(early.bestStep() >= 0 && early.bestStep() < run.steps());
    QCOMPARE(run.steps() - early.bestStep(), 3L * 20); // three evaluations of 20 steps without a better loss
    // What the run holds now is the model of the best evaluation.
    const double now = run.trainer().evaluate(data->validationSet());
    QCOMPARE(now, early.bestLoss());
    QCOMPARE(run.last().validationLoss, early.bestLoss());
}

void TrainingRunTest::earlyStoppingCountsEvaluationsWithoutABetterLoss()
{
    EarlyStopping early(2);
    QVERIFY(early.improved(1.0, 10));
    QVERIFY(!early.improved(1.0, 20)); // equal is not better
    QVERIFY(!early.exhausted());
    QVERIFY(early.improved(0.5, 30));
    QVERIFY(!early.improved(std::nan(""), 40)); // not finite never counts
    QVERIFY(!early.improved(0.7, 50));
    QVERIFY(early.exhausted());
    QCOMPARE(early.bestStep(), 30L);
    QCOMPARE(early.bestLoss(), 0.5);
    QVERIFY(!EarlyStopping(0).exhausted());
}

void TrainingRunTest::comparedRunsAreTheRunsAlone()
{
    const auto data = rememberFirst(6);
    TrainConfig train;
    const StopConditions stop{.maxSteps = 120};
    const std::vector<ModelConfig> models{modelOf(*data, CellKind::Rnn), modelOf(*data, CellKind::Lstm),
                                          modelOf(*data, CellKind::Lstm)};
    Comparison<float> comparison(*data, models, train, stop, 2);
    std::vector<std::vector<double>> curves(models.size());
    while (!comparison.allStopped()) {
        comparison.advance(30);
        for (int k = 0; k < comparison.size(); ++k)
            curves[size_t(k)].push_back(comparison.run(k).last().validationLoss);
    }
    // The same cell and seed twice: the same curve, to the bit.
    QCOMPARE(curves[1], curves[2]);
    QVERIFY(curves[0] != curves[1]);
    for (int k = 0; k < comparison.size(); ++k) {
        TrainingRun<float> alone(*data, models[size_t(k)], train, stop);
        std::vector<double> curve;
        while (!alone.stopped()) {
            alone.advance(30);
            curve.push_back(alone.evaluate().validationLoss);
        }
        QCOMPARE(curve, curves[size_t(k)]);
        QCOMPARE(alone.steps(), comparison.run(k).steps());
        QVERIFY(alone.trainer().network().parameters().values() ==
                comparison.run(k).trainer().network().parameters().values());
    }
}

QTEST_APPLESS_MAIN(TrainingRunTest)
#include "tst_training_run.moc"
