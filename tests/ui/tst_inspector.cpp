// The inspector's own parts: the timeline, the tinted text, the history of recorded steps
// and the toolbar that drives the step-through. Drawn offscreen on real recorded steps.
#include "style/ColorMap.h"
#include "inspector/Inspector.h"
#include "inspector/InspectorToolBar.h"
#include "RecordedTrace.h"
#include "inspector/text/TextInspectorPage.h"
#include "inspector/cell/TimelineView.h"
#include "style/NumberFormat.h"
#include "inspector/text/TintedTextView.h"

#include <QAction>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

namespace {

// The colour just inside a rectangle's corner in a rendered widget, away from any text.
QColor colorAt(QWidget& widget, const QRectF& rect)
{
    const QImage image = widget.grab().toImage();
    const qreal scale = image.devicePixelRatio();
    return image.pixelColor(((rect.topLeft() + QPointF(3, 3)) * scale).toPoint());
}

int rowNamed(const TimelineView& timeline, const QString& name)
{
    for (int row = 0; row < timeline.rowCount(); ++row)
        if (timeline.rowName(row) == name)
            return row;
    return -1;
}

TrainingSnapshot snapshotWith(TracePointer trace, long step)
{
    TrainingSnapshot snapshot;
    snapshot.step = step;
    snapshot.trace = std::move(trace);
    return snapshot;
}

// A recorded step as if its input were symbols, for the text page.
TracePointer withSymbols(const TracePointer& recorded)
{
    auto trace = std::make_shared<lstm::StepTrace>(*recorded);
    trace->symbols.assign(size_t(trace->steps), 0);
    return trace;
}

TracePointer traceAtStep(long step)
{
    auto trace = std::make_shared<lstm::StepTrace>(*testing::recordedTrace({.hidden = 3, .steps = 4}));
    trace->step = step;
    return trace;
}

} // namespace

class InspectorTest : public QObject {
    Q_OBJECT
private slots:
    void timelineColoursAreTheColourMapsOfTheEngineValues();
    void timelineHidesWhatIsNotComputedYet();
    void timelineNumbersAreNeverCut();
    void timelinePlayheadFollowsClicksAndKeys();
    void tintedTextShowsTheSelectedUnit();
    void unitsAreRankedBySpread();
    void rankingUsesOnlyComputedTimesteps();
    void inspectorFollowsTrainingUntilAnOldStepIsOpened();
    void inspectorStartsOverWithANewModel();
    void aReopenedStepStaysOpenWhileTrainingGoesOn();
    void curvesOverTrainingReachTheViewsTenTimesASecond();
    void toolbarDrivesTheStepThrough();
};

void InspectorTest::timelineColoursAreTheColourMapsOfTheEngineValues()
{
    InspectorModel model;
    TimelineView timeline(&model);
    timeline.resize(900, 300);
    model.setTrace(testing::recordedTrace({.hidden = 5, .steps = 8}));
    model.select(0, 3, 2);
    const lstm::LayerTrace& layer = *model.selectedLayer();
    QCOMPARE(timeline.rowName(rowNamed(timeline, "f")), QStringLiteral("f"));
    const int forget = rowNamed(timeline, "f"), candidate = rowNamed(timeline, "g"), cell = rowNamed(timeline, "c");
    QVERIFY(forget >= 0 && candidate >= 0 && cell >= 0);
    for (int t : {0, 5, 7}) {
        QCOMPARE(colorAt(timeline, timeline.cellRect(forget, t)), ColorMap::sequential().color(layer.gates[1](3, t)));
        QCOMPARE(colorAt(timeline, timeline.cellRect(candidate, t)).rgb(),
                 ColorMap::diverging().rgb(layer.gates[2](3, t), -1, 1));
        const double range = std::max(1.0, layer.cell.cwiseAbs().maxCoeff());
        QCOMPARE(timeline.cellColor(cell, t).rgb(), ColorMap::diverging().rgb(layer.cell(3, t), -range, range));
    }
    QVERIFY(timeline.cellText(forget, 5).contains(QString::number(layer.gates[1](3, 5), 'f', 2)));
    testing::saveShot(timeline, "timeline");
}

void InspectorTest::timelineHidesWhatIsNotComputedYet()
{
    InspectorModel model;
    TimelineView timeline(&model);
    timeline.resize(900, 300);
    model.setTrace(testing::recordedTrace({.hidden = 2, .steps = 5}));
    const int hidden = rowNamed(timeline, "h"), input = rowNamed(timeline, "x1");
    model.nextInStep();
    model.nextInStep(); // forward pass at t = 1
    QVERIFY(timeline.cellColor(hidden, 1).isValid());
    QVERIFY(!timeline.cellColor(hidden, 2).isValid());
    QVERIFY(timeline.cellColor(input, 4).isValid()); // the data is there from the start
    QCOMPARE(colorAt(timeline, timeline.cellRect(hidden, 3)), timeline.palette().color(QPalette::Base));
    model.startBackward(); // gradients appear from the last timestep back
    const int gradient = rowNamed(timeline, "dL/dh");
    QVERIFY(gradient >= 0);
    QVERIFY(timeline.cellColor(gradient, 4).isValid());
    QVERIFY(!timeline.cellColor(gradient, 3).isValid());
}

// From 1e-12 to 1e3, either sign: each cell writes its number whole, shorter, or not at all,
// never wider than the cell.
void InspectorTest::timelineNumbersAreNeverCut()
{
    auto trace = std::make_shared<lstm::StepTrace>(*testing::recordedTrace({.hidden = 2, .steps = 8}));
    const double values[] = {-1.3e-9, 2.5e-12, -7.5e-3, 0.25, -12.5, 999.0, -1000.0, 3.3e-5};
    for (int t = 0; t < 8; ++t)
        trace->layers[0].dHidden(0, t) = values[t];
    InspectorModel model;
    model.setShowGradients(true);
    TimelineView timeline(&model);
    model.setTrace(trace);
    model.setUnit(0);
    const int gradient = rowNamed(timeline, "dL/dh");
    QVERIFY(gradient >= 0);
    for (int width : {360, 520, 900}) {
        timeline.resize(width, 300);
        const QFontMetricsF metrics(timeline.font());
        for (int t = 0; t < 8; ++t) {
            const double room = timeline.cellRect(gradient, t).width() - 2;
            const QString text = timeline.fittingText(gradient, t, room);
            QVERIFY2(metrics.horizontalAdvance(text) <= room, qPrintable(QStringLiteral("%1 in %2 px").arg(text).arg(room)));
            QVERIFY2(text.isEmpty() || text == formatSignificant(values[t], 2) || text == formatCompact(values[t]),
                     qPrintable(text));
        }
    }
    const QString minus(QChar(0x2212));
    QCOMPARE(formatCompact(-1.3e-9), minus + QStringLiteral("1×10⁻⁹"));
    QCOMPARE(formatCompact(0.31), QStringLiteral("0.3"));
}

void InspectorTest::timelinePlayheadFollowsClicksAndKeys()
{
    InspectorModel model;
    TimelineView timeline(&model);
    timeline.resize(900, 300);
    model.setTrace(testing::recordedTrace({.hidden = 2, .steps = 10}));
    QTest::mouseClick(&timeline, Qt::LeftButton, {}, timeline.cellRect(0, 6).center().toPoint());
    QCOMPARE(model.timestep(), 6);
    QTest::keyClick(&timeline, Qt::Key_Left);
    QCOMPARE(model.timestep(), 5);
    QTest::keyClick(&timeline, Qt::Key_End);
    QCOMPARE(model.timestep(), 9);
    QTest::keyClick(&timeline, Qt::Key_Right); // stays on the last one
    QCOMPARE(model.timestep(), 9);
}

void InspectorTest::tintedTextShowsTheSelectedUnit()
{
    auto trace = std::make_shared<lstm::StepTrace>(*testing::recordedTrace({.hidden = 3, .steps = 6}));
    trace->symbols = {0, 1, 2, 1, 0, 2};
    InspectorModel model;
    TintedTextView text(&model);
    text.resize(600, 200);
    text.setVocabulary({"a", "b", "\n"});
    model.setTrace(trace);
    model.setUnit(2);
    text.setQuantity({TintedTextView::Quantity::Gate, 1});
    QCOMPARE(text.valueAt(4), trace->layers[0].gates[1](2, 4));
    QCOMPARE(colorAt(text, text.tileRect(4)), ColorMap::sequential().color(trace->layers[0].gates[1](2, 4)));
    text.setQuantity({TintedTextView::Quantity::Hidden, -1});
    QCOMPARE(text.tileColor(1).rgb(), ColorMap::diverging().rgb(trace->layers[0].hidden(2, 1), -1, 1));
    QTest::mouseClick(&text, Qt::LeftButton, {}, text.tileRect(3).center().toPoint());
    QCOMPARE(model.timestep(), 3);
    model.nextInStep(); // forward pass at t = 0: later characters are not tinted yet
    QVERIFY(text.tileColor(0).isValid());
    QVERIFY(!text.tileColor(1).isValid());
}

void InspectorTest::unitsAreRankedBySpread()
{
    InspectorModel model;
    TextInspectorPage page(&model);
    model.setTrace(testing::recordedTrace({.hidden = 6, .steps = 12}));
    QCOMPARE(page.rankedUnits()->count(), 0); // numbers, not symbols: nothing to tint or rank
    const TracePointer trace = withSymbols(testing::recordedTrace({.hidden = 6, .steps = 12}));
    model.setTrace(trace);
    QListWidget* ranking = page.rankedUnits();
    QCOMPARE(ranking->count(), 6);
    const Eigen::MatrixXd& hidden = trace->layers[0].hidden;
    const Eigen::VectorXd mean = hidden.rowwise().mean();
    const Eigen::VectorXd spread = ((hidden.colwise() - mean).array().square().rowwise().mean()).sqrt();
    Eigen::Index widest = 0;
    spread.maxCoeff(&widest);
    QCOMPARE(ranking->item(0)->data(Qt::UserRole).toInt(), int(widest));
    for (int k = 1; k < ranking->count(); ++k)
        QVERIFY(spread(ranking->item(k - 1)->data(Qt::UserRole).toInt()) >= spread(ranking->item(k)->data(Qt::UserRole).toInt()));
    QTest::mouseClick(ranking->viewport(), Qt::LeftButton, {}, ranking->visualItemRect(ranking->item(2)).center());
    QCOMPARE(model.unit(), ranking->item(2)->data(Qt::UserRole).toInt());
}

// During a step-through the ranking is over the timesteps computed so far, and follows the
// step-through as it moves on.
void InspectorTest::rankingUsesOnlyComputedTimesteps()
{
    InspectorModel model;
    TextInspectorPage page(&model);
    const TracePointer trace = withSymbols(testing::recordedTrace({.hidden = 6, .steps = 12}));
    model.setTrace(trace);
    const Eigen::MatrixXd& hidden = trace->layers[0].hidden;
    auto widestOver = [&hidden](Eigen::Index columns) {
        const Eigen::MatrixXd values = hidden.leftCols(columns);
        const Eigen::VectorXd mean = values.rowwise().mean();
        const Eigen::VectorXd spread = ((values.colwise() - mean).array().square().rowwise().mean()).sqrt();
        Eigen::Index widest = 0;
        spread.maxCoeff(&widest);
        return int(widest);
    };
    for (int k = 0; k < 3; ++k)
        model.nextInStep(); // forward pass at t = 2
    QCOMPARE(page.rankedUnits()->count(), 6);
    QCOMPARE(page.rankedUnits()->item(0)->data(Qt::UserRole).toInt(), widestOver(3));
    model.nextInStep();
    model.nextInStep(); // t = 4
    QCOMPARE(page.rankedUnits()->item(0)->data(Qt::UserRole).toInt(), widestOver(5));
    model.finishStepThrough();
    QCOMPARE(page.rankedUnits()->item(0)->data(Qt::UserRole).toInt(), widestOver(12));
}

void InspectorTest::inspectorFollowsTrainingUntilAnOldStepIsOpened()
{
    Inspector inspector;
    InspectorModel* model = inspector.model();
    for (long step : {0, 1, 2})
        inspector.showSnapshot(snapshotWith(traceAtStep(step), step + 1));
    QCOMPARE(model->trace()->step, 2L);
    inspector.openRecorded(0);
    QVERIFY(!inspector.followsNewest());
    inspector.showSnapshot(snapshotWith(traceAtStep(3), 4));
    QCOMPARE(model->trace()->step, 0L); // stays on the reopened step
    QCOMPARE(int(inspector.history().traces().size()), 4);
    inspector.followNewest();
    QCOMPARE(model->trace()->step, 3L);
    model->nextInStep(); // stepping through holds the step even while following
    inspector.showSnapshot(snapshotWith(traceAtStep(4), 5));
    QCOMPARE(model->trace()->step, 3L);
    model->finishStepThrough();
    inspector.showSnapshot(snapshotWith(traceAtStep(5), 6));
    QCOMPARE(model->trace()->step, 5L);
}

void InspectorTest::inspectorStartsOverWithANewModel()
{
    Inspector inspector;
    inspector.showSnapshot(snapshotWith(traceAtStep(7), 8));
    inspector.openRecorded(0);
    QSignalSpy history(&inspector, &Inspector::historyChanged);
    inspector.showSnapshot(snapshotWith(nullptr, 0)); // a rebuilt or reset model
    QCOMPARE(history.count(), 1);
    QVERIFY(inspector.history().traces().empty());
    QCOMPARE(inspector.model()->trace(), nullptr);
    QVERIFY(inspector.followsNewest());
}

void InspectorTest::aReopenedStepStaysOpenWhileTrainingGoesOn()
{
    Inspector inspector;
    for (long step = 0; step < 10; ++step)
        inspector.showSnapshot(snapshotWith(traceAtStep(step), step + 1));
    inspector.openRecorded(5);
    const TracePointer open = inspector.model()->trace();
    for (long step = 10; step < 300; ++step)
        inspector.showSnapshot(snapshotWith(traceAtStep(step), step + 1));
    QCOMPARE(inspector.model()->trace(), open);
    QVERIFY(!inspector.followsNewest());
    QVERIFY(inspector.history().indexOf(open) >= 0);
}

// The curves of every step go to the views at most twice a second while training runs, and
// keep coming while an older step is open.
void InspectorTest::curvesOverTrainingReachTheViewsTenTimesASecond()
{
    Inspector inspector;
    InspectorModel* model = inspector.model();
    QSignalSpy curvesChanged(model, &InspectorModel::parameterCurvesChanged);
    auto snapshot = [](long step, bool running) {
        TrainingSnapshot s = snapshotWith(traceAtStep(step), step + 1);
        s.running = running;
        s.parameterCurves = std::make_shared<const ParameterCurves>();
        return s;
    };
    QElapsedTimer clock;
    clock.start(); // before the first handover, so it measures at least the wait after it
    const TrainingSnapshot first = snapshot(0, true);
    inspector.showSnapshot(first);
    QCOMPARE(model->parameterCurves(), first.parameterCurves);
    // Snapshots that come sooner than 100 ms after the last handed step wait, and curves
    // sooner than 500 ms after the last ones.
    const TrainingSnapshot soon = snapshot(1, true);
    inspector.showSnapshot(soon);
    QCOMPARE(model->parameterCurves(), first.parameterCurves);
    QCOMPARE(model->trace(), first.trace);
    QTRY_COMPARE_WITH_TIMEOUT((inspector.showSnapshot(snapshot(2, true)), model->trace()->step), 2L, 1000);
    QTRY_COMPARE_WITH_TIMEOUT((inspector.showSnapshot(snapshot(3, true)), curvesChanged.count()), 2, 2000);
    QVERIFY(clock.elapsed() >= 500);
    // Paused, every snapshot goes through; with an old step open, the curves still do.
    inspector.openRecorded(0);
    const TrainingSnapshot paused = snapshot(4, false);
    inspector.showSnapshot(paused);
    QCOMPARE(model->parameterCurves(), paused.parameterCurves);
    QCOMPARE(model->trace()->step, 0L);
}

void InspectorTest::toolbarDrivesTheStepThrough()
{
    Inspector inspector;
    InspectorToolBar toolbar(&inspector);
    QSignalSpy started(&toolbar, &InspectorToolBar::stepThroughStarted);
    inspector.showSnapshot(snapshotWith(traceAtStep(0), 1));
    inspector.showSnapshot(snapshotWith(traceAtStep(1), 2));
    QCOMPARE(toolbar.historySlider()->maximum(), 1);
    QCOMPARE(toolbar.unitBox()->maximum(), 2);
    toolbar.nextAction()->trigger();
    toolbar.nextAction()->trigger();
    QCOMPARE(started.count(), 2);
    QCOMPARE(inspector.model()->reveal(), (Reveal{StepPhase::Forward, 1}));
    QVERIFY(toolbar.phaseText().contains("Forward, t = 1"));
    toolbar.backwardAction()->trigger();
    QVERIFY(toolbar.gradientsAction()->isChecked()); // the backward pass shows gradients
    QVERIFY(toolbar.phaseText().contains("Backward, t = 3"));
    toolbar.updateAction()->trigger();
    QCOMPARE(inspector.model()->reveal().phase, StepPhase::Update);
    toolbar.finishAction()->trigger();
    QVERIFY(!inspector.model()->steppingThrough());
    toolbar.unitBox()->setValue(1);
    QCOMPARE(inspector.model()->unit(), 1);
    toolbar.historySlider()->setValue(0);
    QCOMPARE(inspector.model()->trace()->step, 0L);
    QVERIFY(!inspector.followsNewest());
}

QTEST_MAIN(InspectorTest)
#include "tst_inspector.moc"
