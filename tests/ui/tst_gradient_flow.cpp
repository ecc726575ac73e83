// The gradient-flow view draws the trace's own norms through time, the product of the
// recorded forget gates, running averages over successive steps, and per tensor group the
// curves of every optimizer step that ParameterHistory keeps; the step-through hides
// gradients not yet computed.
#include "style/DarkPalette.h"
#include "inspector/gradients/GradientFlowView.h"
#include "inspector/InspectorModel.h"
#include "RecordedTrace.h"

#include <QApplication>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

using Curve = GradientFlowView::Curve;

// The y of the point at x = t, or NaN when the series has none there.
double valueAt(const QLineSeries* series, double x)
{
    for (const QPointF& p : series->points())
        if (p.x() == x)
            return p.y();
    return qQNaN();
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

// A copy of a recorded step as if it were a later one, with every gradient norm and update
// ratio scaled.
std::shared_ptr<const lstm::StepTrace> later(const lstm::StepTrace& trace, long step, double scale)
{
    auto copy = std::make_shared<lstm::StepTrace>(trace);
    copy->step = step;
    for (lstm::LayerTrace& layer : copy->layers) {
        layer.dHiddenNorm *= scale;
        layer.dCellNorm *= scale;
    }
    for (lstm::TensorStats& tensor : copy->tensors) {
        tensor.gradientNorm *= scale;
        tensor.updateRatio *= scale;
    }
    return copy;
}

// What the training worker and the Inspector do for each step: the step's statistics into
// the run's history, its curves and the step itself into the model.
void feed(InspectorModel& model, ParameterHistory& history, const std::shared_ptr<const lstm::StepTrace>& trace)
{
    history.add(double(trace->step + 1), trace->tensors);
    model.setParameterCurves(std::make_shared<const ParameterCurves>(history.curves(600)));
    model.setTrace(trace);
}

lstm::TensorStats stats(const lstm::StepTrace& trace, const std::string& name)
{
    for (const lstm::TensorStats& s : trace.tensors)
        if (s.name == name)
            return s;
    return {};
}

const ParameterCurve* curveOf(const ParameterCurves& curves, const std::string& group)
{
    for (const ParameterCurve& curve : curves)
        if (curve.group.name == group)
            return &curve;
    return nullptr;
}

const QLineSeries* trainingLine(const GradientFlowView& view, const QString& group)
{
    for (int k = 0; k < GradientFlowView::maxTrainingLines; ++k)
        if (view.trainingSeries(k)->isVisible() && view.trainingSeries(k)->objectName() == group)
            return view.trainingSeries(k);
    return nullptr;
}

} // namespace

class GradientFlowTest : public QObject {
    Q_OBJECT
private slots:
    void normsAreTheTracesNorms();
    void keptShareIsTheProductOfForgetGates();
    void keptShareOfOtherCells();
    void averageAfterTwoSteps();
    void averageRestartsForAnotherShape();
    void parameterHistoryGroupsTensors();
    void trainingChartDrawsTheCurves();
    void stepThroughHidesGradientsNotYetComputed();
    void markerFollowsTheSelectedTimestep();
    void trainingChartHidesThisStepUntilComputed();
    void hiddenViewKeepsHistoryButDrawsWhenShown();
    void divergedStepDoesNotPoisonTheAverages();
    void realisticSizesForTheEye();
};

void GradientFlowTest::normsAreTheTracesNorms()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6, .layers = 2});
    InspectorModel model;
    GradientFlowView view(&model);
    model.setTrace(trace);
    model.setLayer(1);
    for (int t = 0; t < 6; ++t) {
        QVERIFY(close(valueAt(view.curve(Curve::Hidden), t), trace->layers[1].dHiddenNorm[t]));
        QVERIFY(close(valueAt(view.curve(Curve::Cell), t), trace->layers[1].dCellNorm[t]));
    }
    model.setLayer(0);
    QVERIFY(close(valueAt(view.curve(Curve::Hidden), 2), trace->layers[0].dHiddenNorm[2]));
    QVERIFY(!close(trace->layers[0].dHiddenNorm[2], trace->layers[1].dHiddenNorm[2]));
    QCOMPARE(view.curve(Curve::Hidden)->count(), 6);
}

void GradientFlowTest::keptShareIsTheProductOfForgetGates()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    model.setTrace(trace);
    model.setUnit(3);
    const Eigen::MatrixXd& f = trace->layers[0].gates[1]; // i, f, g, o
    const QLineSeries* kept = view.curve(Curve::Kept);
    QCOMPARE(kept->count(), 6);
    QCOMPARE(valueAt(kept, 5), 1.0); // nothing between the last step and the end
    QVERIFY(close(valueAt(kept, 4), f(3, 5)));
    QVERIFY(close(valueAt(kept, 1), f(3, 2) * f(3, 3) * f(3, 4) * f(3, 5)));
    QVERIFY(close(valueAt(kept, 0), f(3, 1) * f(3, 2) * f(3, 3) * f(3, 4) * f(3, 5)));
    QVERIFY(kept->name().contains("unit 3"));
}

void GradientFlowTest::keptShareOfOtherCells()
{
    InspectorModel model;
    GradientFlowView view(&model);
    // The GRU keeps h through z: h_t = (1 - z) n + z h_{t-1}.
    const auto gru = testing::recordedTrace({.cell = lstm::CellKind::Gru, .hidden = 4, .steps = 6});
    model.setTrace(gru);
    model.setUnit(0);
    const Eigen::MatrixXd& z = gru->layers[0].gates[1];
    QVERIFY(close(valueAt(view.curve(Curve::Kept), 3), z(0, 4) * z(0, 5)));
    QVERIFY(view.curve(Curve::Kept)->name().contains("z"));
    QVERIFY(!view.curve(Curve::Cell)->isVisible());
    // The 1997 cell has no forget gate: all of c is kept.
    view.reset();
    model.setTrace(testing::recordedTrace({.cell = lstm::CellKind::Lstm1997, .hidden = 4, .steps = 6}));
    for (const QPointF& p : view.curve(Curve::Kept)->points())
        QCOMPARE(p.y(), 1.0);
    QVERIFY(view.curve(Curve::Kept)->name().contains("no forget gate"));
    // A plain RNN keeps nothing.
    model.setTrace(testing::recordedTrace({.cell = lstm::CellKind::Rnn, .hidden = 4, .steps = 6}));
    QVERIFY(!view.curve(Curve::Kept)->isVisible());
    QCOMPARE(view.curve(Curve::Kept)->count(), 0);
}

void GradientFlowTest::averageAfterTwoSteps()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    model.setTrace(first);
    QVERIFY(close(valueAt(view.curve(Curve::HiddenAverage), 2), first->layers[0].dHiddenNorm[2]));
    model.setTrace(later(*first, first->step + 1, 3.0));
    const double decay = GradientHistory::averageDecay;
    for (int t : {0, 2, 5}) {
        const double h = first->layers[0].dHiddenNorm[t], c = first->layers[0].dCellNorm[t];
        QVERIFY(close(valueAt(view.curve(Curve::HiddenAverage), t), decay * h + (1 - decay) * 3 * h));
        QVERIFY(close(valueAt(view.curve(Curve::CellAverage), t), decay * c + (1 - decay) * 3 * c));
        QVERIFY(close(valueAt(view.curve(Curve::Hidden), t), 3 * h)); // this step's line is this step's
    }
    QCOMPARE(view.history().averagedSteps(), 2);
    // Showing the first step again (reopened) does not count it twice.
    model.setTrace(first);
    QCOMPARE(view.history().averagedSteps(), 2);
    QVERIFY(close(valueAt(view.curve(Curve::HiddenAverage), 2),
                  decay * first->layers[0].dHiddenNorm[2] + (1 - decay) * 3 * first->layers[0].dHiddenNorm[2]));
    view.reset();
    QCOMPARE(view.history().averagedSteps(), 0);
    QCOMPARE(view.curve(Curve::HiddenAverage)->count(), 0);
}

void GradientFlowTest::averageRestartsForAnotherShape()
{
    InspectorModel model;
    GradientFlowView view(&model);
    const auto six = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    model.setTrace(six);
    model.setTrace(later(*six, 1, 2.0));
    QCOMPARE(view.history().averagedSteps(), 2);
    // The same model on a longer window: the averages start over, the tensor history goes on.
    const auto nine = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 9});
    model.setTrace(later(*nine, 2, 1.0));
    QCOMPARE(view.history().averagedSteps(), 1);
    QCOMPARE(view.curve(Curve::HiddenAverage)->count(), 9);
    // Another model (another hidden size) starts over, even at an earlier step number.
    model.setTrace(testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 5, .steps = 6}));
    QCOMPARE(view.history().averagedSteps(), 1);
    // So does a fresh model, which the Inspector shows as no step at all.
    model.setTrace(nullptr);
    QCOMPARE(view.history().averagedSteps(), 0);
}

void GradientFlowTest::parameterHistoryGroupsTensors()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::LstmPeephole, .hidden = 4, .steps = 6});
    ParameterHistory history;
    history.add(1, first->tensors);
    ParameterCurves curves = history.curves(600);
    const ParameterCurve* hh = curveOf(curves, "weight_hh_l0");
    QVERIFY(hh);
    QCOMPARE(hh->gradientNorm, QList<QPointF>({{1.0, stats(*first, "weight_hh_l0").gradientNorm}}));
    QCOMPARE(hh->updateRatio, QList<QPointF>({{1.0, stats(*first, "weight_hh_l0").updateRatio}}));
    // Two biases as one group: the norm of both together; its ratio is the pair's.
    const lstm::TensorStats ih = stats(*first, "bias_ih_l0"), hhBias = stats(*first, "bias_hh_l0");
    const ParameterCurve* bias = curveOf(curves, "bias_l0");
    QVERIFY(close(bias->gradientNorm.last().y(), std::hypot(ih.gradientNorm, hhBias.gradientNorm)));
    const double change = std::hypot(ih.updateRatio * ih.weightNorm, hhBias.updateRatio * hhBias.weightNorm);
    QVERIFY(close(bias->updateRatio.last().y(), change / std::hypot(ih.weightNorm, hhBias.weightNorm)));
    QCOMPARE(curveOf(curves, "peephole_l0")->group.tensors.size(), size_t(3));
    QCOMPARE(curveOf(curves, "head")->group.layer, -1);
    QCOMPARE(hh->group.layer, 0);

    // One point per step added; a value that is not finite is left out.
    std::vector<lstm::TensorStats> diverged = first->tensors;
    for (lstm::TensorStats& tensor : diverged)
        tensor.gradientNorm = qQNaN();
    history.add(2, diverged);
    history.add(3, first->tensors);
    curves = history.curves(600);
    QCOMPARE(curveOf(curves, "weight_hh_l0")->gradientNorm.size(), 2);
    QCOMPARE(curveOf(curves, "weight_hh_l0")->gradientNorm.last().x(), 3.0);
    QCOMPARE(curveOf(curves, "weight_hh_l0")->updateRatio.size(), 3);
    // Another model's tensors start the history over.
    const auto other = testing::recordedTrace({.cell = lstm::CellKind::Gru, .hidden = 4, .steps = 6});
    history.add(1, other->tensors);
    curves = history.curves(600);
    QVERIFY(!curveOf(curves, "peephole_l0"));
    QCOMPARE(curveOf(curves, "weight_hh_l0")->gradientNorm.size(), 1);
    history.clear();
    QVERIFY(history.curves(600).empty());
}

void GradientFlowTest::trainingChartDrawsTheCurves()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::LstmPeephole, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    ParameterHistory history;
    feed(model, history, first);
    for (long step = 1; step <= 3; ++step)
        feed(model, history, later(*first, step * 10, 1.0 + double(step)));
    const QLineSeries* line = trainingLine(view, "weight_hh_l0");
    QVERIFY(line);
    QCOMPARE(line->count(), 4);
    QCOMPARE(line->points().last(), QPointF(31.0, 4.0 * stats(*first, "weight_hh_l0").gradientNorm)); // step 30 is the 31st, as the loss chart counts
    // New curves alone redraw the chart.
    history.add(41, first->tensors);
    model.setParameterCurves(std::make_shared<const ParameterCurves>(history.curves(600)));
    QCOMPARE(trainingLine(view, "weight_hh_l0")->count(), 5);
    // A new step alone changes nothing drawn here, so the chart is left alone; a step-through
    // that hides the step's point redraws it.
    QSignalSpy replaced(view.trainingSeries(0), &QXYSeries::pointsReplaced);
    model.setTrace(later(*first, 40, 1.0));
    (void)view.trainingSeries(0);
    QCOMPARE(replaced.count(), 0);
    model.nextInStep();
    QCOMPARE(trainingLine(view, "weight_hh_l0")->count(), 4); // step 41's point hidden
    QCOMPARE(replaced.count(), 1);
    model.finishStepThrough();
    // The quantity chooser shows the ratios instead.
    view.setQuantity(GradientFlowView::Quantity::UpdateRatio);
    QVERIFY(close(trainingLine(view, "weight_hh_l0")->points().first().y(), stats(*first, "weight_hh_l0").updateRatio));
    // The selected layer's groups and the head, no more lines than a person can follow.
    int visible = 0;
    for (int k = 0; k < GradientFlowView::maxTrainingLines; ++k)
        visible += view.trainingSeries(k)->isVisible();
    QCOMPARE(visible, 5); // weight_ih, weight_hh, biases, peepholes, head
}

void GradientFlowTest::stepThroughHidesGradientsNotYetComputed()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    model.setTrace(first);
    const auto second = later(*first, 1, 2.0);
    model.setTrace(second);
    model.nextInStep(); // forward, t = 0: no gradient yet, nor the product of later gates
    QCOMPARE(view.curve(Curve::Hidden)->count(), 0);
    QCOMPARE(view.curve(Curve::Cell)->count(), 0);
    QCOMPARE(view.curve(Curve::Kept)->count(), 0);
    // The averages without this step, whose gradients are not revealed.
    QVERIFY(close(valueAt(view.curve(Curve::HiddenAverage), 3), first->layers[0].dHiddenNorm[3]));
    model.startBackward(); // backward at t = 5
    model.nextInStep();
    model.nextInStep(); // backward at t = 3
    QCOMPARE(model.reveal().timestep, 3);
    QCOMPARE(view.curve(Curve::Hidden)->count(), 3);
    QVERIFY(qIsNaN(valueAt(view.curve(Curve::Hidden), 2)));
    QVERIFY(close(valueAt(view.curve(Curve::Hidden), 3), second->layers[0].dHiddenNorm[3]));
    QCOMPARE(view.curve(Curve::Kept)->count(), 6);
    model.applyUpdate();
    QCOMPARE(view.curve(Curve::Hidden)->count(), 6);
    const double h = first->layers[0].dHiddenNorm[3];
    const double decay = GradientHistory::averageDecay;
    QVERIFY(close(valueAt(view.curve(Curve::HiddenAverage), 3), decay * h + (1 - decay) * 2 * h));
}

// The lower chart's point of the inspected step: its gradient norm once backward is done,
// its update ratio once the update is applied; at x = step + 1, where the loss chart has it.
void GradientFlowTest::trainingChartHidesThisStepUntilComputed()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    ParameterHistory history;
    feed(model, history, later(*first, 0, 1.0));
    feed(model, history, later(*first, 1, 2.0)); // the inspected step is number 2
    auto lastX = [&view] {
        const QList<QPointF> points = view.trainingSeries(0)->points();
        return points.isEmpty() ? -1.0 : points.last().x();
    };
    QCOMPARE(lastX(), 2.0);
    model.nextInStep(); // forward pass
    QCOMPARE(lastX(), 1.0);
    model.startBackward();
    QCOMPARE(lastX(), 1.0); // backward has not reached t = 0
    while (model.reveal().timestep > 0)
        model.nextInStep();
    QCOMPARE(lastX(), 2.0);
    view.setQuantity(GradientFlowView::Quantity::UpdateRatio);
    QCOMPARE(lastX(), 1.0); // the update is not applied yet
    model.applyUpdate();
    QCOMPARE(lastX(), 2.0);
}

// Steps arrive ten times a second while training: a hidden view takes each into its
// averages but replaces no chart series until it is shown.
void GradientFlowTest::hiddenViewKeepsHistoryButDrawsWhenShown()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    GradientFlowView view(&model);
    ParameterHistory history;
    feed(model, history, later(*first, 0, 1.0));
    const QLineSeries* hidden = view.curve(Curve::Hidden);
    const QLineSeries* training = view.trainingSeries(0);
    QSignalSpy hiddenReplaced(hidden, &QXYSeries::pointsReplaced);
    QSignalSpy trainingReplaced(training, &QXYSeries::pointsReplaced);
    for (long step = 1; step <= 30; ++step)
        feed(model, history, later(*first, step, 1.0));
    QCOMPARE(view.history().averagedSteps(), 31);
    QCOMPARE(hiddenReplaced.count(), 0);
    QCOMPARE(trainingReplaced.count(), 0);
    view.show();
    QCOMPARE(hiddenReplaced.count(), 1);
    QCOMPARE(trainingReplaced.count(), 1);
    QCOMPARE(training->points().last().x(), 31.0);
}

void GradientFlowTest::divergedStepDoesNotPoisonTheAverages()
{
    const auto first = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    GradientHistory history;
    history.add(*later(*first, 0, 1.0));
    auto diverged = std::make_shared<lstm::StepTrace>(*later(*first, 1, 1.0));
    diverged->layers[0].dHiddenNorm.fill(qQNaN());
    for (lstm::TensorStats& tensor : diverged->tensors)
        tensor.gradientNorm = qQNaN();
    history.add(*diverged);
    history.add(*later(*first, 2, 2.0));
    const double h = first->layers[0].dHiddenNorm[3];
    const double decay = GradientHistory::averageDecay;
    QVERIFY(close(history.hiddenAverage(0)[3], decay * h + (1 - decay) * 2 * h)); // the NaN step left out
}

void GradientFlowTest::markerFollowsTheSelectedTimestep()
{
    InspectorModel model;
    GradientFlowView view(&model);
    model.setTrace(testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6}));
    model.setTimestep(4);
    const QList<QPointF> marker = view.curve(Curve::Marker)->points();
    QCOMPARE(marker.size(), 2);
    QCOMPARE(marker[0].x(), 4.0);
    QCOMPARE(marker[1].x(), 4.0);
    QVERIFY(marker[0].y() < marker[1].y());
}

// Pictures at the size a student sees, light and dark, for a person to look at.
void GradientFlowTest::realisticSizesForTheEye()
{
    if (qEnvironmentVariableIsEmpty("LSTM_LAB_VIEW_SHOTS"))
        QSKIP("set LSTM_LAB_VIEW_SHOTS to a folder to save the pictures");
    const QPalette light = QApplication::palette();
    struct Shot {
        const char* name;
        lstm::CellKind cell;
        bool dark;
        bool ratio;
    };
    const Shot shots[] = {{"flow-lstm-light", lstm::CellKind::Lstm, false, false},
                          {"flow-lstm-dark", lstm::CellKind::Lstm, true, true},
                          {"flow-gru-light", lstm::CellKind::Gru, false, false},
                          {"flow-1997-dark", lstm::CellKind::Lstm1997, true, false},
                          {"flow-peephole-light", lstm::CellKind::LstmPeephole, false, true},
                          {"flow-rnn-light", lstm::CellKind::Rnn, false, false}};
    for (const Shot& shot : shots) {
        QApplication::setPalette(shot.dark ? darkPalette() : light);
        const auto trace = testing::recordedTrace({.cell = shot.cell, .hidden = 32, .steps = 60});
        InspectorModel model;
        GradientFlowView view(&model);
        view.resize(900, 500);
        ParameterHistory history;
        // A run of steps whose gradients shrink, so the lines over training have a shape.
        for (long step = 0; step < 300; ++step)
            feed(model, history, later(*trace, step, 1.0 + 4.0 * std::exp(-double(step) / 80) +
                                                         0.3 * std::sin(double(step) / 7)));
        model.select(0, 7, 42);
        if (shot.ratio)
            view.setQuantity(GradientFlowView::Quantity::UpdateRatio);
        QVERIFY(view.curve(Curve::Hidden)->count() == 60);
        testing::saveShot(view, shot.name);
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(GradientFlowTest)
#include "tst_gradient_flow.moc"
