// The step-through state machine walks a recorded step forward, backward and to the update
// and back again; the shared selection stays inside the trace and follows the playhead.
#include "inspector/InspectorModel.h"
#include "inspector/StepGuide.h"
#include "inspector/TellingFocus.h"
#include "RecordedTrace.h"

#include <QSignalSpy>
#include <QTest>

class StepThroughTest : public QObject {
    Q_OBJECT
private slots:
    void walksForwardThenBackwardThenUpdate();
    void theGuideSaysWhereItIsAndWhatTheNextKeyDoes();
    void aStepOpensWhereTheMostHappens();
    void goesBackTheSameWay();
    void jumpsToBackwardAndUpdate();
    void revealSaysWhatIsComputed();
    void resetLeavesTheStepThrough();
    void emptyStepHasNothingToWalk();
    void selectionIsClampedToTheTrace();
    void selectionFollowsThePlayhead();
    void newTraceRestartsButKeepsTheSelection();
};

void StepThroughTest::walksForwardThenBackwardThenUpdate()
{
    StepThrough walk;
    walk.reset(3);
    QVERIFY(!walk.active());
    QCOMPARE(walk.reveal(), Reveal{});
    const std::vector<Reveal> expected{{StepPhase::Forward, 0},  {StepPhase::Forward, 1},
                                       {StepPhase::Forward, 2},  {StepPhase::Backward, 2},
                                       {StepPhase::Backward, 1}, {StepPhase::Backward, 0},
                                       {StepPhase::Update, 0}};
    for (const Reveal& reveal : expected) {
        QVERIFY(walk.next());
        QCOMPARE(walk.reveal(), reveal);
    }
    QVERIFY(!walk.next()); // the update is the end of the line
    QCOMPARE(walk.reveal().phase, StepPhase::Update);
    QVERIFY(walk.finish());
    QVERIFY(!walk.active());
}

void StepThroughTest::goesBackTheSameWay()
{
    StepThrough walk;
    walk.reset(2);
    walk.applyUpdate();
    const std::vector<Reveal> expected{{StepPhase::Backward, 0}, {StepPhase::Backward, 1},
                                       {StepPhase::Forward, 1},  {StepPhase::Forward, 0}};
    for (const Reveal& reveal : expected) {
        QVERIFY(walk.previous());
        QCOMPARE(walk.reveal(), reveal);
    }
    QVERIFY(!walk.previous()); // nothing before the first timestep
    QCOMPARE(walk.reveal(), (Reveal{StepPhase::Forward, 0}));
}

void StepThroughTest::jumpsToBackwardAndUpdate()
{
    StepThrough walk;
    walk.reset(5);
    QVERIFY(walk.startBackward());
    QCOMPARE(walk.reveal(), (Reveal{StepPhase::Backward, 4}));
    QVERIFY(!walk.startBackward());
    QVERIFY(walk.applyUpdate());
    QCOMPARE(walk.reveal().phase, StepPhase::Update);
    QVERIFY(walk.startBackward()); // B again goes back to the start of the backward pass
    QCOMPARE(walk.reveal(), (Reveal{StepPhase::Backward, 4}));
}

void StepThroughTest::revealSaysWhatIsComputed()
{
    const Reveal forward{StepPhase::Forward, 2};
    QVERIFY(forward.forwardDone(2));
    QVERIFY(!forward.forwardDone(3));
    QVERIFY(!forward.backwardDone(4));
    QVERIFY(!forward.updateDone());
    const Reveal backward{StepPhase::Backward, 2};
    QVERIFY(backward.forwardDone(9));
    QVERIFY(backward.backwardDone(2));
    QVERIFY(backward.backwardDone(3));
    QVERIFY(!backward.backwardDone(1));
    QVERIFY(!backward.updateDone());
    const Reveal update{StepPhase::Update, 0};
    QVERIFY(update.backwardDone(0) && update.updateDone());
    const Reveal complete;
    QVERIFY(complete.forwardDone(100) && complete.backwardDone(0) && complete.updateDone());
}

void StepThroughTest::resetLeavesTheStepThrough()
{
    StepThrough walk;
    walk.reset(4);
    walk.next();
    walk.next();
    walk.reset(4);
    QVERIFY(!walk.active());
    QVERIFY(walk.next());
    QCOMPARE(walk.reveal(), (Reveal{StepPhase::Forward, 0})); // starts over at the first timestep
}

void StepThroughTest::emptyStepHasNothingToWalk()
{
    StepThrough walk;
    walk.reset(0);
    QVERIFY(!walk.next());
    QVERIFY(!walk.startBackward());
    QVERIFY(!walk.applyUpdate());
    QVERIFY(!walk.active());
}

void StepThroughTest::selectionIsClampedToTheTrace()
{
    InspectorModel model;
    model.select(1, 3, 2); // no trace yet: nothing to select
    QCOMPARE(model.unit(), 0);
    model.setTrace(testing::recordedTrace({.hidden = 4, .steps = 6, .layers = 2}));
    QSignalSpy selection(&model, &InspectorModel::selectionChanged);
    model.select(5, 99, 99);
    QCOMPARE(model.layer(), 1);
    QCOMPARE(model.unit(), 3);
    QCOMPARE(model.timestep(), 5);
    QCOMPARE(selection.count(), 1);
    model.select(-1, 2, -1);
    QCOMPARE(model.layer(), 1);
    QCOMPARE(model.unit(), 2);
    QCOMPARE(model.timestep(), 5);
    model.select(1, 2, 5); // no change, no signal
    QCOMPARE(selection.count(), 2);
    QCOMPARE(model.selectedLayer(), &model.trace()->layers[1]);
}

void StepThroughTest::selectionFollowsThePlayhead()
{
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.steps = 3}));
    model.setTimestep(1);
    QSignalSpy reveal(&model, &InspectorModel::revealChanged);
    model.nextInStep();
    QCOMPARE(model.timestep(), 0);
    QVERIFY(!model.showGradients());
    model.startBackward();
    QCOMPARE(model.timestep(), 2);
    QVERIFY(model.showGradients()); // the backward pass is about gradients
    model.previousInStep();          // back to the end of the forward pass
    QCOMPARE(model.reveal(), (Reveal{StepPhase::Forward, 2}));
    QVERIFY(!model.showGradients());
    model.applyUpdate();
    QVERIFY(model.reveal().updateDone());
    model.finishStepThrough();
    QVERIFY(!model.steppingThrough());
    QCOMPARE(reveal.count(), 5);
}

void StepThroughTest::newTraceRestartsButKeepsTheSelection()
{
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.hidden = 8, .steps = 10}));
    model.select(0, 6, 7);
    model.nextInStep();
    model.nextInStep();
    QSignalSpy changed(&model, &InspectorModel::traceChanged);
    model.setTrace(testing::recordedTrace({.hidden = 8, .steps = 10, .seed = 8}));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!model.steppingThrough());
    QCOMPARE(model.unit(), 6);
    QCOMPARE(model.timestep(), 1); // where the playhead left it
    model.setTrace(testing::recordedTrace({.hidden = 3, .steps = 4}));
    QCOMPARE(model.unit(), 2); // clamped into the smaller model
    QCOMPARE(model.timestep(), 1);
    model.setTrace(nullptr);
    QCOMPARE(model.steps(), 0);
    QCOMPARE(model.selectedLayer(), nullptr);
}

// Walking a 5-step recording: progress counts 1..5 each way, the output and the loss appear
// where they are computed, and each position names the keys that lead on from it.
void StepThroughTest::theGuideSaysWhereItIsAndWhatTheNextKeyDoes()
{
    StepThrough walk;
    walk.reset(5);
    StepGuidance guide = stepGuidance(walk.reveal(), 5, false);
    QCOMPARE(guide.progress, QStringLiteral("The whole step"));
    QVERIFY(guide.next.startsWith(QStringLiteral("T: step through")));
    walk.next();
    guide = stepGuidance(walk.reveal(), 5, false);
    QCOMPARE(guide.progress, QStringLiteral("Forward pass: timestep 1 of 5"));
    QVERIFY(guide.happened.contains(QStringLiteral("the output at t = 0")));
    QVERIFY(guide.next.startsWith(QStringLiteral("T: the next timestep")));
    QVERIFY(!stepGuidance(walk.reveal(), 5, true).happened.contains(QStringLiteral("output"))); // last-step output
    for (int k = 0; k < 4; ++k)
        walk.next();
    guide = stepGuidance(walk.reveal(), 5, true);
    QCOMPARE(guide.progress, QStringLiteral("Forward pass: timestep 5 of 5"));
    QVERIFY(guide.happened.contains(QStringLiteral("the loss of the step")));
    QVERIFY(guide.next.startsWith(QStringLiteral("T or B: start the backward pass")));
    walk.next();
    guide = stepGuidance(walk.reveal(), 5, true);
    QCOMPARE(guide.progress, QStringLiteral("Backward pass: timestep 1 of 5"));
    QVERIFY(guide.happened.contains(QStringLiteral("∂L/∂y")));
    for (int k = 0; k < 4; ++k)
        walk.next();
    guide = stepGuidance(walk.reveal(), 5, true);
    QCOMPARE(guide.progress, QStringLiteral("Backward pass: timestep 5 of 5"));
    QVERIFY(guide.next.startsWith(QStringLiteral("T or U: apply the update")));
    walk.next();
    guide = stepGuidance(walk.reveal(), 5, true);
    QCOMPARE(guide.progress, QStringLiteral("Update applied"));
    QVERIFY(guide.next.startsWith(QStringLiteral("Esc")));
    QCOMPARE(stepGuidance({}, 0, false).progress, QStringLiteral("Nothing recorded yet"));
}

// Until someone chooses a place, a recorded step opens on the unit whose c moves most, at
// the timestep where it moves most; a choice is kept; a fresh model starts over.
void StepThroughTest::aStepOpensWhereTheMostHappens()
{
    auto trace = std::make_shared<lstm::StepTrace>(*testing::recordedTrace({.hidden = 4, .steps = 6}));
    lstm::LayerTrace& layer = trace->layers[0];
    layer.initialCell.setZero();
    layer.cell.setConstant(0.1);
    layer.cell(2, 3) = 5; // unit 2 jumps at t = 3 and back at t = 4
    const Focus focus = tellingFocus(*trace);
    QCOMPARE(focus.unit, 2);
    QCOMPARE(focus.timestep, 3);
    InspectorModel model;
    model.setTrace(trace);
    QCOMPARE(model.unit(), 2);
    QCOMPARE(model.timestep(), 3);
    model.select(-1, 1, 0);
    model.setTrace(std::make_shared<lstm::StepTrace>(*trace));
    QCOMPARE(model.unit(), 1); // chosen: kept
    model.setTrace(nullptr);   // a fresh model
    model.setTrace(trace);
    QCOMPARE(model.unit(), 2);
}

QTEST_GUILESS_MAIN(StepThroughTest)
#include "tst_step_through.moc"
