// Training in the window that stops by itself: at exactly the step limit, when the task is
// solved, or early when the validation loss stops improving (with the best weights back),
// each saying why; the side panel sets the conditions live; and a reproducible run (the
// one --screenshot --after-steps makes) gives the same snapshot every time.
#include "panel/SettingsPanel.h"
#include "worker/TrainingController.h"

#include <QCheckBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace {

constexpr int timeoutMs = 60'000;

SessionSettings session(const QString& dataset, lstm::GeneratorSettings data, lstm::StopConditions stop)
{
    SessionSettings settings = SessionSettings::demo();
    settings.dataset = dataset;
    settings.data = std::move(data);
    settings.model.hiddenSize = 8;
    settings.stop = stop;
    return settings;
}

// Builds the session, plays, and waits until training stops by itself.
SnapshotPointer playUntilItStops(TrainingController& controller, const SessionSettings& settings)
{
    controller.rebuild(settings);
    if (!QTest::qWaitFor([&] { return controller.latest() != nullptr; }, timeoutMs))
        return {};
    controller.play();
    if (!QTest::qWaitFor([&] { return controller.latest()->step > 0 && !controller.running(); }, timeoutMs))
        return {};
    return controller.latest();
}

} // namespace

class StopConditionsTest : public QObject {
    Q_OBJECT
private slots:
    void theStepLimitPausesAtExactlyThatStep();
    void solvingPausesAndSaysSo();
    void earlyStoppingBringsBackTheBestWeights();
    void thePanelSetsTheConditionsLive();
    void aReproducibleRunGivesTheSameSnapshot();
};

void StopConditionsTest::theStepLimitPausesAtExactlyThatStep()
{
    TrainingController controller;
    const SnapshotPointer stopped = playUntilItStops(controller, session("sine", {}, {.maxSteps = 137}));
    QVERIFY(stopped);
    QCOMPARE(stopped->step, 137L);
    QVERIFY2(stopped->message.startsWith("Stopped at step 137, the limit"), qPrintable(stopped->message));
    // Play at the limit says why nothing happens, and trains no step.
    QSignalSpy snapshots(&controller, &TrainingController::snapshotChanged);
    controller.play();
    QVERIFY(snapshots.wait(timeoutMs));
    QCOMPARE(controller.latest()->step, 137L);
    QVERIFY(!controller.running());
    // A higher limit, set live, lets it go on to exactly that one.
    controller.setStopConditions({.maxSteps = 200});
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(controller.latest()->step == 200 && !controller.running(), timeoutMs);
}

void StopConditionsTest::solvingPausesAndSaysSo()
{
    TrainingController controller;
    const SnapshotPointer stopped =
        playUntilItStops(controller, session("remember-first", {{"lag", 3}}, {.maxSteps = 50'000, .untilSolved = true}));
    QVERIFY(stopped);
    QVERIFY2(stopped->message.startsWith(QStringLiteral("Solved at step %1: ").arg(stopped->step)),
             qPrintable(stopped->message));
    QVERIFY(stopped->step < 50'000);
    QVERIFY(stopped->score && stopped->score->solved);
}

void StopConditionsTest::earlyStoppingBringsBackTheBestWeights()
{
    TrainingController controller;
    SessionSettings settings = session("sine", {{"noise", 0.5}, {"length", 400}}, {.maxSteps = 500'000, .patience = 3});
    settings.model.hiddenSize = 16;
    settings.train.learningRate = 0.03;
    const SnapshotPointer stopped = playUntilItStops(controller, settings);
    QVERIFY(stopped);
    const QRegularExpression said("^Stopped early at step (\\d+): 3 validations in a row brought no better loss\\. "
                                  "The weights of step (\\d+) \\(validation loss ([0-9.e-]+)\\), the best, are back\\.$");
    const QRegularExpressionMatch match = said.match(stopped->message);
    QVERIFY2(match.hasMatch(), qPrintable(stopped->message));
    QVERIFY(match.captured(2).toLong() < match.captured(1).toLong());
    // The snapshot evaluates the weights now in the model: the best ones.
    QCOMPARE(QString::number(stopped->validationLoss, 'g', 4), match.captured(3));
}

void StopConditionsTest::thePanelSetsTheConditionsLive()
{
    SettingsPanel panel;
    QSignalSpy changes(&panel, &SettingsPanel::stopConditionsChanged);
    QSignalSpy rebuilds(&panel, &SettingsPanel::rebuildRequested);
    QSpinBox* stopAfter = nullptr; // the one box whose 0 reads "never"
    for (QSpinBox* box : panel.findChildren<QSpinBox*>())
        if (box->specialValueText() == "never")
            stopAfter = box;
    QVERIFY(stopAfter);
    stopAfter->setValue(300);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(rebuilds.count(), 0); // no new model for a stop condition
    QCOMPARE(changes.last().at(0).value<lstm::StopConditions>().maxSteps, 300L);
    QCOMPARE(panel.settings().stop.maxSteps, 300L);
    SessionSettings filled = SessionSettings::demo();
    filled.stop = {.maxSteps = 40, .untilSolved = true, .patience = 5};
    panel.setSettings(filled);
    QCOMPARE(changes.count(), 1); // filling does not signal
    QVERIFY(panel.settings().stop == filled.stop);
}

void StopConditionsTest::aReproducibleRunGivesTheSameSnapshot()
{
    std::vector<SnapshotPointer> runs;
    for (int k = 0; k < 2; ++k) {
        TrainingController controller;
        controller.setReproducible(true);
        runs.push_back(playUntilItStops(controller, session("sine", {}, {.maxSteps = 240})));
        QVERIFY(runs.back());
    }
    const TrainingSnapshot& a = *runs[0];
    const TrainingSnapshot& b = *runs[1];
    QCOMPARE(a.step, 240L);
    QCOMPARE(b.step, 240L);
    QCOMPARE(a.trainLoss, b.trainLoss);
    QCOMPARE(a.validationLoss, b.validationLoss);
    QCOMPARE(a.trainLossHistory, b.trainLossHistory);
    QCOMPARE(a.validationLossHistory, b.validationLossHistory);
    QCOMPARE(a.predictions, b.predictions);
    QVERIFY(a.trace && b.trace);
    QCOMPARE(a.trace->step, 239L); // the last step is the one recorded
    QCOMPARE(b.trace->step, a.trace->step);
}

QTEST_MAIN(StopConditionsTest)
#include "tst_stop_conditions.moc"
