// The heatmap view colours every recorded value of a real training step with the shared
// colour maps, leaves what the step-through has not computed yet empty, swaps in the
// gradients on the toggle, and shares its selection with the InspectorModel both ways.
#include "inspector/cell/CellDiagramView.h"
#include "style/ColorMap.h"
#include "style/DarkPalette.h"
#include "inspector/heatmaps/HeatmapView.h"
#include "inspector/InspectorModel.h"
#include "style/NumberFormat.h"
#include "RecordedTrace.h"
#include "inspector/cell/TimelineView.h"
#include "inspector/UiNames.h"

#include <QApplication>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

#include <algorithm>

Q_DECLARE_METATYPE(lstm::CellKind)
Q_DECLARE_METATYPE(Quantity)

namespace {

constexpr Quantity gate(int index)
{
    return {Quantity::Gate, index};
}
constexpr Quantity cellState{Quantity::Cell, 0};
constexpr Quantity hiddenState{Quantity::Hidden, 0};

const Eigen::MatrixXd& recorded(const lstm::LayerTrace& layer, Quantity quantity, bool gradients)
{
    switch (quantity.kind) {
    case Quantity::Gate:
        return gradients ? layer.dGates[size_t(quantity.gate)] : layer.gates[size_t(quantity.gate)];
    case Quantity::Cell:
        return gradients ? layer.dCell : layer.cell;
    case Quantity::Hidden:
        break;
    }
    return gradients ? layer.dHidden : layer.hidden;
}

// The colour the spec asks for, worked out here from the engine's numbers and ColorMap alone;
// ranges over the timesteps `reveal` has computed.
QColor expectedColour(const lstm::StepTrace& trace, int layerIndex, Quantity quantity, int unit, int t,
                      bool gradients, const Reveal& reveal = {})
{
    const Eigen::MatrixXd& values = recorded(trace.layers[size_t(layerIndex)], quantity, gradients);
    const double value = values(unit, t);
    double largest = 0;
    for (int column = 0; column < values.cols(); ++column)
        if (gradients ? reveal.backwardDone(column) : reveal.forwardDone(column))
            largest = std::max(largest, values.col(column).cwiseAbs().maxCoeff());
    if (gradients)
        return QColor::fromRgb(ColorMap::diverging().rgb(value, -largest, largest));
    if (quantity.kind == Quantity::Gate && lstm::isSigmoidGate(trace.cell, quantity.gate))
        return QColor::fromRgb(ColorMap::sequential().rgb(value, 0, 1));
    if (quantity.kind == Quantity::Cell) {
        const double bound = std::max(1.0, largest);
        return QColor::fromRgb(ColorMap::diverging().rgb(value, -bound, bound));
    }
    return QColor::fromRgb(ColorMap::diverging().rgb(value, -1, 1));
}

QColor pixel(const QImage& shot, QPointF point)
{
    return shot.pixelColor(point.toPoint());
}

QColor centreOf(HeatmapView& view, const QImage& shot, Quantity quantity, int unit, int t)
{
    const QRectF cell = view.cellRect(quantity, unit, t);
    if (cell.width() < 3 || cell.height() < 3)
        return QColor(); // too small to probe: fails any comparison with a real colour
    return pixel(shot, cell.center());
}

QImage render(HeatmapView& view)
{
    return view.grab().toImage();
}

// Every cell of every drawn heatmap has its value's colour: for the pictures' tests.
void verifyEveryCorner(HeatmapView& view, const lstm::StepTrace& trace, bool gradients)
{
    const QImage shot = render(view);
    const lstm::LayerTrace& layer = trace.layers[0];
    const int units = int(layer.hidden.rows());
    for (Quantity quantity : view.quantities())
        for (auto [unit, t] : {std::pair{0, 0}, std::pair{units - 1, trace.steps - 1}}) {
            const QRectF cell = view.cellRect(quantity, unit, t);
            QVERIFY(cell.width() >= 1 && cell.height() >= 1);
            QCOMPARE(pixel(shot, cell.center()), expectedColour(trace, 0, quantity, unit, t, gradients));
        }
}

} // namespace

class HeatmapViewTest : public QObject {
    Q_OBJECT
private slots:
    void coloursCellsLikeTheColorMap_data();
    void coloursCellsLikeTheColorMap();
    void gradientToggleShowsGradients_data();
    void gradientToggleShowsGradients();
    void notYetComputedCellsStayEmpty();
    void clickSelectsUnitAndTimestep();
    void hoverShowsTheExactValue();
    void selectionOutlineFollowsTheModel();
    void followsADarkPalette();
    void hintWithoutATrace();
    void largeTraceBuildsOnce();
    void hiddenViewBuildsOnlyWhenShown();
    void everyViewGivesAValueOneColour_data();
    void everyViewGivesAValueOneColour();
    void rangesCoverOnlyWhatIsComputed();
    void pictures_data();
    void pictures();
};

void HeatmapViewTest::coloursCellsLikeTheColorMap_data()
{
    QTest::addColumn<lstm::CellKind>("cell");
    QTest::addColumn<Quantity>("quantity");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("timestep");
    QTest::newRow("lstm i, sigmoid") << lstm::CellKind::Lstm << gate(0) << 1 << 2;
    QTest::newRow("lstm f, sigmoid") << lstm::CellKind::Lstm << gate(1) << 3 << 5;
    QTest::newRow("lstm g, tanh") << lstm::CellKind::Lstm << gate(2) << 0 << 4;
    QTest::newRow("lstm o, sigmoid") << lstm::CellKind::Lstm << gate(3) << 5 << 0;
    QTest::newRow("lstm c, +-max|c|") << lstm::CellKind::Lstm << cellState << 2 << 7;
    QTest::newRow("lstm h") << lstm::CellKind::Lstm << hiddenState << 4 << 6;
    QTest::newRow("peephole f") << lstm::CellKind::LstmPeephole << gate(1) << 2 << 3;
    QTest::newRow("lstm-1997 c") << lstm::CellKind::Lstm1997 << cellState << 1 << 7;
    QTest::newRow("gru z, sigmoid") << lstm::CellKind::Gru << gate(1) << 3 << 3;
    QTest::newRow("gru n, tanh") << lstm::CellKind::Gru << gate(2) << 0 << 6;
    QTest::newRow("rnn h") << lstm::CellKind::Rnn << hiddenState << 5 << 1;
}

void HeatmapViewTest::coloursCellsLikeTheColorMap()
{
    QFETCH(lstm::CellKind, cell);
    QFETCH(Quantity, quantity);
    QFETCH(int, unit);
    QFETCH(int, timestep);
    const auto trace = testing::recordedTrace({.cell = cell, .hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);

    const auto shown = view.quantities();
    const size_t expectedCount = (cell == lstm::CellKind::Rnn ? 0 : size_t(lstm::gateCount(cell))) +
                                 (lstm::hasCellState(cell) ? 1 : 0) + 1;
    QCOMPARE(shown.size(), expectedCount);
    QVERIFY(std::find(shown.begin(), shown.end(), quantity) != shown.end());
    QCOMPARE(centreOf(view, render(view), quantity, unit, timestep),
             expectedColour(*trace, 0, quantity, unit, timestep, false));
}

void HeatmapViewTest::gradientToggleShowsGradients_data()
{
    QTest::addColumn<lstm::CellKind>("cell");
    QTest::addColumn<Quantity>("quantity");
    QTest::newRow("lstm dL/df") << lstm::CellKind::Lstm << gate(1);
    QTest::newRow("lstm dL/dg") << lstm::CellKind::Lstm << gate(2);
    QTest::newRow("lstm dL/dc") << lstm::CellKind::Lstm << cellState;
    QTest::newRow("lstm dL/dh") << lstm::CellKind::Lstm << hiddenState;
    QTest::newRow("gru dL/dr") << lstm::CellKind::Gru << gate(0);
    QTest::newRow("rnn dL/da") << lstm::CellKind::Rnn << gate(0);
}

void HeatmapViewTest::gradientToggleShowsGradients()
{
    QFETCH(lstm::CellKind, cell);
    QFETCH(Quantity, quantity);
    const auto trace = testing::recordedTrace({.cell = cell, .hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);
    model.setShowGradients(true);

    const Eigen::MatrixXd& gradient = recorded(trace->layers[0], quantity, true);
    QCOMPARE(view.scale(quantity).high, gradient.cwiseAbs().maxCoeff());
    const QImage shot = render(view);
    for (auto [unit, t] : {std::pair{0, 7}, std::pair{3, 4}, std::pair{5, 0}})
        QCOMPARE(centreOf(view, shot, quantity, unit, t), expectedColour(*trace, 0, quantity, unit, t, true));

    model.setShowGradients(false);
    if (cell == lstm::CellKind::Rnn) { // its gate is h itself: only the gradient gets its own map
        const auto shown = view.quantities();
        QVERIFY(std::find(shown.begin(), shown.end(), quantity) == shown.end());
        return;
    }
    QCOMPARE(centreOf(view, render(view), quantity, 3, 4), expectedColour(*trace, 0, quantity, 3, 4, false));
}

void HeatmapViewTest::notYetComputedCellsStayEmpty()
{
    const auto trace = testing::recordedTrace({.hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);
    for (int k = 0; k < 3; ++k)
        model.nextInStep(); // forward pass at t = 2
    const QColor background = view.palette().color(QPalette::Window);

    QImage shot = render(view);
    for (Quantity quantity : {gate(1), cellState, hiddenState}) {
        QCOMPARE(centreOf(view, shot, quantity, 4, 2), expectedColour(*trace, 0, quantity, 4, 2, false, model.reveal()));
        QCOMPARE(centreOf(view, shot, quantity, 4, 3), background);
        QCOMPARE(centreOf(view, shot, quantity, 0, 7), background);
    }

    model.startBackward(); // backward pass at t = 7: gradients shown, only the last computed
    QVERIFY(model.showGradients());
    shot = render(view);
    for (Quantity quantity : {gate(0), cellState, hiddenState}) {
        QCOMPARE(centreOf(view, shot, quantity, 2, 7), expectedColour(*trace, 0, quantity, 2, 7, true, model.reveal()));
        QCOMPARE(centreOf(view, shot, quantity, 2, 6), background);
        QCOMPARE(centreOf(view, shot, quantity, 5, 0), background);
    }

    model.finishStepThrough();
    QCOMPARE(centreOf(view, render(view), hiddenState, 5, 0), expectedColour(*trace, 0, hiddenState, 5, 0, true));
}

void HeatmapViewTest::clickSelectsUnitAndTimestep()
{
    const auto trace = testing::recordedTrace({.hidden = 6, .steps = 8, .layers = 2});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);
    model.setLayer(1);
    QCOMPARE(centreOf(view, render(view), gate(3), 1, 1), expectedColour(*trace, 1, gate(3), 1, 1, false));

    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(gate(3), 4, 6).center().toPoint());
    QCOMPARE(model.layer(), 1);
    QCOMPARE(model.unit(), 4);
    QCOMPARE(model.timestep(), 6);

    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(hiddenState, 2, 1).center().toPoint());
    QCOMPARE(model.unit(), 2);
    QCOMPARE(model.timestep(), 1);

    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, 2)); // the margin: not a cell
    QCOMPARE(model.unit(), 2);
    QCOMPARE(model.timestep(), 1);
    testing::saveShot(view, "heatmap-second-layer");
}

void HeatmapViewTest::hoverShowsTheExactValue()
{
    const auto trace = testing::recordedTrace({.hidden = 16, .steps = 40});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int builds = view.imageBuilds();

    auto hover = [&](Quantity quantity, int unit, int t) {
        const QPoint at = view.cellRect(quantity, unit, t).center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &help);
    };
    hover(gate(1), 12, 37);
    QTRY_VERIFY(QToolTip::isVisible());
    const double forget = trace->layers[0].gates[1](12, 37);
    QCOMPARE(QToolTip::text(), QStringLiteral("f, unit 12, t = 37: %1").arg(formatPrecise(forget)));

    model.setShowGradients(true);
    hover(hiddenState, 3, 20);
    const double dHidden = trace->layers[0].dHidden(3, 20);
    QTRY_VERIFY(QToolTip::text().startsWith(QStringLiteral("dL/dh, unit 3, t = 20: ")));
    QVERIFY(qAbs(QToolTip::text().section(QStringLiteral(": "), 1).toDouble() - dHidden) <= 1e-3 * qAbs(dHidden)); // 4 digits
    QCOMPARE(view.imageBuilds(), builds + 1); // the toggle built; hovering did not

    model.setShowGradients(false);
    model.nextInStep(); // forward at t = 0
    hover(hiddenState, 3, 5);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("h, unit 3, t = 5: not computed yet"));
    QToolTip::hideText();
}

void HeatmapViewTest::selectionOutlineFollowsTheModel()
{
    const auto trace = testing::recordedTrace({.hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1200, 700);
    model.setTrace(trace);
    const QColor outline = view.palette().color(QPalette::WindowText);

    // Just above the selected row (far from the selected column) and just left of the
    // selected column (far from the selected row), on every heatmap.
    auto aboveRow = [&](Quantity quantity, int unit) {
        const QRectF cell = view.cellRect(quantity, unit, 7);
        return QPointF(cell.center().x(), cell.top() - 1);
    };
    auto leftOfColumn = [&](Quantity quantity, int t) {
        const QRectF cell = view.cellRect(quantity, 5, t);
        return QPointF(cell.left() - 1, cell.center().y());
    };
    model.select(0, 1, 2);
    QImage shot = render(view);
    for (Quantity quantity : view.quantities()) {
        QCOMPARE(pixel(shot, aboveRow(quantity, 1)), outline);
        QCOMPARE(pixel(shot, leftOfColumn(quantity, 2)), outline);
        QVERIFY(pixel(shot, aboveRow(quantity, 3)) != outline);
        QVERIFY(pixel(shot, leftOfColumn(quantity, 4)) != outline);
    }

    model.select(0, 3, 4);
    shot = render(view);
    for (Quantity quantity : view.quantities()) {
        QVERIFY(pixel(shot, aboveRow(quantity, 1)) != outline);
        QVERIFY(pixel(shot, leftOfColumn(quantity, 2)) != outline);
        QCOMPARE(pixel(shot, aboveRow(quantity, 3)), outline);
        QCOMPARE(pixel(shot, leftOfColumn(quantity, 4)), outline);
    }
}

void HeatmapViewTest::followsADarkPalette()
{
    const auto trace = testing::recordedTrace({.hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.setPalette(darkPalette());
    view.resize(1200, 700);
    model.setTrace(trace);
    model.select(0, 1, 2);
    model.nextInStep();
    model.nextInStep(); // forward at t = 1; the selection follows the playhead

    const QImage shot = render(view);
    const QColor background = darkPalette().color(QPalette::Window);
    QCOMPARE(pixel(shot, QPointF(1, 1)), background);
    QCOMPARE(centreOf(view, shot, gate(0), 0, 5), background);
    QCOMPARE(centreOf(view, shot, gate(0), 0, 1), expectedColour(*trace, 0, gate(0), 0, 1, false));
    const QRectF selected = view.cellRect(hiddenState, 1, 7);
    QCOMPARE(pixel(shot, QPointF(selected.center().x(), selected.top() - 1)), darkPalette().color(QPalette::WindowText));
    testing::saveShot(view, "heatmap-dark-stepping");
}

void HeatmapViewTest::hintWithoutATrace()
{
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(800, 500);
    QVERIFY(view.quantities().empty());
    QVERIFY(view.cellRect(hiddenState, 0, 0).isEmpty());

    const QImage shot = render(view);
    const QColor background = view.palette().color(QPalette::Window);
    int written = 0;
    for (int x = 0; x < shot.width(); ++x)
        written += shot.pixelColor(x, shot.height() / 2) != background;
    QVERIFY(written > 20);                                     // the hint is drawn across the middle
    QCOMPARE(shot.pixelColor(5, 5), background);               // and nothing else
    QCOMPARE(shot.pixelColor(shot.width() - 5, shot.height() - 5), background);
    testing::saveShot(view, "heatmap-no-trace");
}

// 512 units x 500 timesteps: images are built once per trace, not per hover or repaint.
void HeatmapViewTest::largeTraceBuildsOnce()
{
    const int units = 512, steps = 500;
    auto trace = std::make_shared<lstm::StepTrace>();
    trace->steps = steps;
    trace->cell = lstm::CellKind::Lstm;
    trace->gateNames = lstm::gateNames(lstm::CellKind::Lstm);
    lstm::LayerTrace layer;
    for (int k = 0; k < 4; ++k) {
        layer.gates.push_back(Eigen::MatrixXd::Random(units, steps).cwiseAbs());
        layer.dGates.push_back(Eigen::MatrixXd::Random(units, steps) * 1e-3);
    }
    layer.cell = Eigen::MatrixXd::Random(units, steps) * 3;
    layer.hidden = Eigen::MatrixXd::Random(units, steps);
    layer.dCell = layer.dHidden = Eigen::MatrixXd::Random(units, steps);
    trace->layers.push_back(layer);

    InspectorModel model;
    HeatmapView view(&model);
    view.resize(1600, 1000);
    const int builds = view.imageBuilds();
    model.setTrace(trace);
    const QImage first = render(view);
    for (int k = 0; k < 5; ++k) {
        model.select(0, 10 * k, 20 * k);
        const QPoint at = view.cellRect(hiddenState, 100, 100).center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &help);
        render(view);
    }
    QCOMPARE(view.imageBuilds(), builds + 1); // selecting, hovering and painting build nothing
    QCOMPARE(view.scale(cellState).high, layer.cell.cwiseAbs().maxCoeff());
    QToolTip::hideText();
}

// Snapshots arrive ~30 times a second while training: a hidden view builds no image until
// it is shown, and then builds the newest once.
void HeatmapViewTest::hiddenViewBuildsOnlyWhenShown()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView view(&model);
    view.resize(800, 500);
    const int builds = view.imageBuilds();
    for (long step = 0; step < 30; ++step) {
        auto next = std::make_shared<lstm::StepTrace>(*trace);
        next->step = step;
        model.setTrace(next);
        model.select(0, int(step % 6), int(step % 8));
    }
    model.nextInStep();
    model.setShowGradients(true);
    QVERIFY(!view.isVisible());
    QCOMPARE(view.imageBuilds(), builds);
    view.show();
    QCOMPARE(view.imageBuilds(), builds + 1);
    QCOMPARE(view.quantities().front(), gate(0));
    QCOMPARE(view.scale(hiddenState), ValueScale::symmetric(1)); // gradients: none computed yet
    render(view);
    QCOMPARE(view.imageBuilds(), builds + 1);
}

void HeatmapViewTest::everyViewGivesAValueOneColour_data()
{
    QTest::addColumn<lstm::CellKind>("cell");
    QTest::addColumn<bool>("gradients");
    QTest::addColumn<int>("forwardSteps"); // step-through positions; 0: the complete step
    QTest::newRow("lstm") << lstm::CellKind::Lstm << false << 0;
    QTest::newRow("lstm gradients") << lstm::CellKind::Lstm << true << 0;
    QTest::newRow("lstm forward at t=2") << lstm::CellKind::Lstm << false << 3;
    QTest::newRow("gru") << lstm::CellKind::Gru << false << 0;
    QTest::newRow("gru gradients") << lstm::CellKind::Gru << true << 0;
    QTest::newRow("peephole gradients") << lstm::CellKind::LstmPeephole << true << 0;
}

// The heatmap, the timeline and the cell diagram draw one (quantity, unit, t) in one colour.
void HeatmapViewTest::everyViewGivesAValueOneColour()
{
    QFETCH(lstm::CellKind, cell);
    QFETCH(bool, gradients);
    QFETCH(int, forwardSteps);
    const auto trace = testing::recordedTrace({.cell = cell, .hidden = 6, .steps = 8});
    InspectorModel model;
    HeatmapView heatmap(&model);
    heatmap.resize(1200, 700);
    TimelineView timeline(&model);
    timeline.resize(900, 400);
    CellDiagramView diagram(&model);
    diagram.setAnimated(false);
    diagram.resize(900, 520);
    model.setTrace(trace);
    model.setShowGradients(gradients);
    model.select(0, 4, 5);
    for (int k = 0; k < forwardSteps; ++k)
        model.nextInStep(); // the selection follows the playhead
    const int unit = model.unit(), t = model.timestep();

    const bool hasCell = lstm::hasCellState(cell);
    const int keep = keepGateIndex(cell); // f or z
    const QString prefix = gradients ? QStringLiteral("dL/d") : QString();
    struct Probe {
        Quantity quantity;
        QString row;
        DiagramPart part;
    };
    std::vector<Probe> probes{{hiddenState, prefix + "h", DiagramPart::HiddenNext},
                              {gate(keep), prefix + QString::fromStdString(trace->gateNames[size_t(keep)]),
                               cell == lstm::CellKind::Gru ? DiagramPart::UpdateGate : DiagramPart::ForgetGate}};
    if (hasCell)
        probes.push_back({cellState, prefix + "c", DiagramPart::CellNext});

    const QImage shot = render(heatmap);
    for (const Probe& probe : probes) {
        const QColor fromHeatmap = centreOf(heatmap, shot, probe.quantity, unit, t);
        int row = 0;
        while (row < timeline.rowCount() && timeline.rowName(row) != probe.row)
            ++row;
        QVERIFY2(row < timeline.rowCount(), qPrintable(probe.row));
        const QColor fromTimeline = timeline.cellColor(row, t);
        const DiagramValues& values = diagram.targetValues();
        const QColor fromDiagram = QColor::fromRgb(values.scaleOf(probe.part).rgb(values.value(probe.part)));
        QVERIFY2(fromHeatmap.isValid(), qPrintable(probe.row));
        QCOMPARE(fromTimeline, fromHeatmap);
        QCOMPARE(fromDiagram, fromHeatmap);
        const double value = recorded(trace->layers[0], probe.quantity, gradients)(unit, t);
        QCOMPARE(fromHeatmap, heatmap.scale(probe.quantity).color(value));
    }
}

// A range is taken over what the step-through has computed, so a legend never tells the
// largest gradient of timesteps the backward pass has not reached; an all-zero or
// unrevealed gradient gets ±1, and non-finite values are drawn grey, not counted.
void HeatmapViewTest::rangesCoverOnlyWhatIsComputed()
{
    auto trace = std::make_shared<lstm::StepTrace>(*testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6}));
    lstm::LayerTrace& layer = trace->layers[0];
    layer.dCell.setZero();
    layer.dHidden.col(0).setConstant(100); // the largest, at the timestep backward reaches last
    layer.cell(2, 1) = qQNaN();
    const double laterReach = layer.dHidden.rightCols(5).cwiseAbs().maxCoeff();
    const lstm::CellKind lstmCell = lstm::CellKind::Lstm;
    Reveal reveal;
    QCOMPARE(scaleFor(layer, lstmCell, cellState, true, reveal), ValueScale::symmetric(1));
    QCOMPARE(scaleFor(layer, lstmCell, hiddenState, true, reveal).high, 100.0);
    reveal = {StepPhase::Backward, 1};
    QCOMPARE(scaleFor(layer, lstmCell, hiddenState, true, reveal).high, laterReach);
    reveal = {StepPhase::Forward, 3};
    QCOMPARE(scaleFor(layer, lstmCell, hiddenState, true, reveal), ValueScale::symmetric(1));
    const double cellReach = std::max(1.0, layer.cell.leftCols(4).unaryExpr([](double v) {
        return std::isfinite(v) ? std::abs(v) : 0.0;
    }).maxCoeff());
    QCOMPARE(scaleFor(layer, lstmCell, cellState, false, reveal).high, cellReach);
    QCOMPARE(scaleFor(layer, lstmCell, gate(1), false, reveal), ValueScale::unitInterval());
    QCOMPARE(scaleFor(layer, lstmCell, gate(2), false, reveal), ValueScale::symmetric(1));
    const QRgb grey = ValueScale::symmetric(1).rgb(qQNaN());
    QCOMPARE(ValueScale::symmetric(1).rgb(qInf()), grey);
    QCOMPARE(ValueScale::unitInterval().rgb(-qInf()), grey);
    QVERIFY(ValueScale::symmetric(1).rgb(0) != grey);
}

void HeatmapViewTest::pictures_data()
{
    QTest::addColumn<lstm::CellKind>("cell");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("gradients");
    QTest::addColumn<QSize>("size");
    const QSize window(1200, 700), small(760, 480);
    QTest::newRow("heatmap-lstm-32x60-light") << lstm::CellKind::Lstm << 32 << 60 << false << false << window;
    QTest::newRow("heatmap-lstm-32x60-dark") << lstm::CellKind::Lstm << 32 << 60 << true << false << window;
    QTest::newRow("heatmap-lstm-32x60-gradients-light") << lstm::CellKind::Lstm << 32 << 60 << false << true << window;
    QTest::newRow("heatmap-lstm-128x100-light") << lstm::CellKind::Lstm << 128 << 100 << false << false << window;
    QTest::newRow("heatmap-lstm-128x100-gradients-dark") << lstm::CellKind::Lstm << 128 << 100 << true << true << window;
    QTest::newRow("heatmap-gru-32x60-dark") << lstm::CellKind::Gru << 32 << 60 << true << false << window;
    QTest::newRow("heatmap-rnn-16x30-gradients-light") << lstm::CellKind::Rnn << 16 << 30 << false << true << window;
    QTest::newRow("heatmap-lstm-64x120-small-light") << lstm::CellKind::Lstm << 64 << 120 << false << false << small;
}

// Realistic sizes, saved for a person to look at when $LSTM_LAB_VIEW_SHOTS is set; every
// map still shows its values at both corners.
void HeatmapViewTest::pictures()
{
    QFETCH(lstm::CellKind, cell);
    QFETCH(int, hidden);
    QFETCH(int, steps);
    QFETCH(bool, dark);
    QFETCH(bool, gradients);
    QFETCH(QSize, size);
    const auto trace = testing::recordedTrace({.cell = cell, .hidden = hidden, .steps = steps});
    InspectorModel model;
    HeatmapView view(&model);
    if (dark)
        view.setPalette(darkPalette());
    view.resize(size);
    model.setTrace(trace);
    model.select(0, hidden / 3, steps / 2);
    model.setShowGradients(gradients);
    verifyEveryCorner(view, *trace, gradients);
    testing::saveShot(view, QTest::currentDataTag());
}

QTEST_MAIN(HeatmapViewTest)
#include "tst_heatmap_view.moc"
