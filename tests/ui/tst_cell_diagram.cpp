// The cell diagram draws the right parts for each cell type, colours the cell state with the
// engine's recorded value, explains each part on hover, shows gradients, hides what a
// step-through has not computed yet, and eases to new values. Drawn offscreen on real
// recorded steps; pictures go to $LSTM_LAB_VIEW_SHOTS when that is set.
#include "inspector/cell/CellDiagramText.h"
#include "style/DarkPalette.h"
#include "style/NumberFormat.h"
#include "inspector/cell/CellDiagramView.h"
#include "style/ColorMap.h"
#include "inspector/InspectorModel.h"
#include "RecordedTrace.h"

#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using lstm::CellKind;
using P = DiagramPart;

Q_DECLARE_METATYPE(CellKind)
Q_DECLARE_METATYPE(DiagramPart)

namespace {

const QSize shotSize(1000, 560);

QStringList names(std::vector<DiagramPart> parts)
{
    std::sort(parts.begin(), parts.end());
    QStringList out;
    for (DiagramPart p : parts)
        out << QString::fromLatin1(diagramPartName(p));
    return out;
}

// Every part the pointer can find, by sweeping the whole widget.
std::vector<DiagramPart> partsUnderPointer(const CellDiagramView& view)
{
    std::vector<DiagramPart> found;
    for (int y = 0; y < view.height(); y += 3)
        for (int x = 0; x < view.width(); x += 3) {
            const DiagramPart part = view.partAt(QPointF(x, y));
            if (part != P::None && std::find(found.begin(), found.end(), part) == found.end())
                found.push_back(part);
        }
    return found;
}

QRgb pixelAt(CellDiagramView& view, QPointF at)
{
    const QImage image = view.grab().toImage();
    return image.pixel(QPoint(int(std::floor(at.x())), int(std::floor(at.y())))) | 0xff000000;
}

// The value drawn for a part now; NaN (which compares unequal to anything) when not shown.
double shown(const CellDiagramView& view, DiagramPart part)
{
    const std::optional<double> value = view.shownValue(part);
    return value ? *value : qQNaN();
}

QString rgbText(QRgb rgb)
{
    return QColor(rgb).name();
}

// The colour range of c: max(1, max|c_t|) over the timesteps computed so far (all by
// default), c_0 not included.
double cellReach(const lstm::LayerTrace& layer, Eigen::Index computed = -1)
{
    const Eigen::Index columns = computed < 0 ? layer.cell.cols() : computed;
    return std::max(1.0, layer.cell.leftCols(columns).cwiseAbs().maxCoeff());
}

int unitWithLargest(const Eigen::MatrixXd& values, int t)
{
    Eigen::Index unit = 0;
    values.col(t).cwiseAbs().maxCoeff(&unit);
    return int(unit);
}

} // namespace

class CellDiagramTest : public QObject {
    Q_OBJECT
private slots:
    void inputShowsItsSymbolAndItsGradient();
    void drawsTheRightPartsForEachCell_data();
    void drawsTheRightPartsForEachCell();
    void cellLineHasTheEnginesColour_data();
    void cellLineHasTheEnginesColour();
    void toolTipGivesTheSelectedUnitsValue_data();
    void toolTipGivesTheSelectedUnitsValue();
    void toolTipAppearsOnHover();
    void gradientsShowDLdcFlowingBack();
    void forwardStepThroughHidesWhatIsNotComputed();
    void backwardStepThroughHidesGradientsNotYetComputed();
    void easesToTheNewValue();
    void interpolationIsLinearInProgress();
    void clickingABarSelectsItsUnit();
    void manyUnitsShowADistribution();
    void withoutTraceShowsStructureAndHint();
    void followsThePalette();
    void screenshots();
};

void CellDiagramTest::drawsTheRightPartsForEachCell_data()
{
    QTest::addColumn<CellKind>("kind");
    QTest::addColumn<QStringList>("expected");
    const std::vector<DiagramPart> edges{P::InputX, P::HiddenPrev, P::HiddenNext, P::HiddenOutput};
    std::vector<DiagramPart> lstm = edges;
    lstm.insert(lstm.end(), {P::CellPrev, P::CellNext, P::CellLine, P::InputGate, P::ForgetGate, P::CandidateGate,
                             P::OutputGate, P::ForgetMultiply, P::InputMultiply, P::CellAdd, P::CellTanh,
                             P::OutputMultiply});
    std::vector<DiagramPart> peephole = lstm;
    peephole.insert(peephole.end(), {P::PeepholeInput, P::PeepholeForget, P::PeepholeOutput});
    std::vector<DiagramPart> original = lstm;
    std::erase(original, P::ForgetGate);
    std::erase(original, P::ForgetMultiply);
    std::vector<DiagramPart> gru = edges;
    gru.insert(gru.end(), {P::HiddenLine, P::ResetGate, P::UpdateGate, P::NewGate, P::ResetMultiply, P::OneMinus,
                           P::KeepMultiply, P::NewMultiply, P::HiddenAdd});
    std::vector<DiagramPart> rnn = edges;
    rnn.push_back(P::RnnLayer);
    QTest::newRow("lstm") << CellKind::Lstm << names(lstm);
    QTest::newRow("lstm-peephole") << CellKind::LstmPeephole << names(peephole);
    QTest::newRow("lstm-1997") << CellKind::Lstm1997 << names(original);
    QTest::newRow("gru") << CellKind::Gru << names(gru);
    QTest::newRow("rnn") << CellKind::Rnn << names(rnn);
}

void CellDiagramTest::drawsTheRightPartsForEachCell()
{
    QFETCH(CellKind, kind);
    QFETCH(QStringList, expected);
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.cell = kind}));
    CellDiagramView view(&model);
    view.resize(shotSize);
    QCOMPARE(view.cellKind(), kind);
    const std::vector<DiagramPart> found = partsUnderPointer(view);
    QCOMPARE(names(found), expected);
    QCOMPARE(names(view.layout().parts()), expected);

    const auto has = [&](DiagramPart p) { return std::find(found.begin(), found.end(), p) != found.end(); };
    QCOMPARE(has(P::ForgetGate), kind == CellKind::Lstm || kind == CellKind::LstmPeephole);
    QCOMPARE(has(P::CellLine), lstm::hasCellState(kind));
    QCOMPARE(has(P::PeepholeOutput), kind == CellKind::LstmPeephole);
    // Every gate the engine records has its box, and each box sits where partAt finds it.
    for (int g = 0; g < lstm::gateCount(kind); ++g) {
        const DiagramPart part = gatePart(kind, g);
        QVERIFY2(has(part), diagramPartName(part));
        QCOMPARE(view.partAt(*view.partPosition(part)), part);
    }
}

void CellDiagramTest::cellLineHasTheEnginesColour_data()
{
    QTest::addColumn<CellKind>("kind");
    QTest::newRow("lstm") << CellKind::Lstm;
    QTest::newRow("lstm-peephole") << CellKind::LstmPeephole;
    QTest::newRow("lstm-1997") << CellKind::Lstm1997;
    QTest::newRow("gru") << CellKind::Gru;
}

void CellDiagramTest::cellLineHasTheEnginesColour()
{
    QFETCH(CellKind, kind);
    const auto trace = testing::recordedTrace({.cell = kind, .hidden = 5, .steps = 6});
    const lstm::LayerTrace& layer = trace->layers[0];
    const int t = 3;
    const bool cell = lstm::hasCellState(kind);
    // The unit with the largest state at t, so its colour is far from the white of zero.
    const int unit = unitWithLargest(cell ? layer.cell : layer.hidden, t);
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, unit, t);
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);

    QRgb expected = 0;
    if (cell) {
        const double reach = cellReach(layer);
        expected = ColorMap::diverging().rgb(layer.cell(unit, t), -reach, reach);
        QCOMPARE(shown(view, P::CellNext), layer.cell(unit, t));
        QCOMPARE(shown(view, P::CellPrev), layer.cell(unit, t - 1));
        QCOMPARE(shown(view, P::HiddenPrev), layer.hidden(unit, t - 1));
    } else {
        expected = ColorMap::diverging().rgb(layer.hidden(unit, t), -1, 1);
    }
    const DiagramPart line = cell ? P::CellLine : P::HiddenLine;
    const QPointF probe = *view.partPosition(line);
    QCOMPARE(view.partAt(probe), line);
    QCOMPARE(rgbText(pixelAt(view, probe)), rgbText(expected));
}

void CellDiagramTest::toolTipGivesTheSelectedUnitsValue_data()
{
    QTest::addColumn<CellKind>("kind");
    QTest::addColumn<DiagramPart>("part");
    QTest::addColumn<int>("gate");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("lstm forget") << CellKind::Lstm << P::ForgetGate << 1 << "0 forgets it";
    QTest::newRow("lstm-peephole output") << CellKind::LstmPeephole << P::OutputGate << 3 << "new hidden state";
    QTest::newRow("lstm-1997 input") << CellKind::Lstm1997 << P::InputGate << 0 << "candidate";
    QTest::newRow("gru update") << CellKind::Gru << P::UpdateGate << 1 << "keep";
    QTest::newRow("gru candidate") << CellKind::Gru << P::NewGate << 2 << "reset-scaled";
    QTest::newRow("rnn") << CellKind::Rnn << P::RnnLayer << 0 << "no gate";
}

void CellDiagramTest::toolTipGivesTheSelectedUnitsValue()
{
    QFETCH(CellKind, kind);
    QFETCH(DiagramPart, part);
    QFETCH(int, gate);
    QFETCH(QString, sentence);
    const auto trace = testing::recordedTrace({.cell = kind, .hidden = 6, .steps = 5});
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, 4, 2);
    CellDiagramView view(&model);
    view.resize(shotSize);
    const double value = trace->layers[0].gates[size_t(gate)](4, 2);
    const QString text = view.toolTipAt(*view.partPosition(part));
    QVERIFY2(text.contains(formatPrecise(value)), qPrintable(text));
    QVERIFY2(text.contains(sentence), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("unit 4, t = 2")), qPrintable(text));
    // Another unit's value is not passed off as the selected one.
    const double other = trace->layers[0].gates[size_t(gate)](1, 2);
    QVERIFY(!text.contains(formatPrecise(other)));
    // Nothing to explain over empty space.
    QVERIFY(view.toolTipAt(QPointF(2, view.height() - 2)).isEmpty());
}

void CellDiagramTest::toolTipAppearsOnHover()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm});
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, 1, 2);
    CellDiagramView view(&model);
    view.resize(shotSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = view.partPosition(P::ForgetGate)->toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
    QCoreApplication::sendEvent(&view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(formatPrecise(trace->layers[0].gates[1](1, 2))));
    QToolTip::hideText();
}

void CellDiagramTest::gradientsShowDLdcFlowingBack()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 5, .steps = 6});
    const lstm::LayerTrace& layer = trace->layers[0];
    const int t = 4;
    const int unit = unitWithLargest(layer.dCell, t);
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, unit, t);
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);
    QVERIFY(!view.title().contains(QStringLiteral("Gradients")));
    QCOMPARE(shown(view, P::CellNext), layer.cell(unit, t));

    model.setShowGradients(true);
    QVERIFY(view.title().startsWith(QStringLiteral("Gradients flowing back (dL/d·)")));
    const double dc = layer.dCell(unit, t);
    QCOMPARE(shown(view, P::CellNext), dc);
    QCOMPARE(shown(view, P::CellPrev), layer.dCell(unit, t - 1));
    QCOMPARE(shown(view, P::HiddenNext), layer.dHidden(unit, t));
    QCOMPARE(shown(view, P::ForgetGate), layer.dGates[1](unit, t));
    const QString text = view.toolTipAt(*view.partPosition(P::CellLine));
    QVERIFY2(text.contains(QStringLiteral("dL/dc")) && text.contains(formatPrecise(dc)), qPrintable(text));
    const double reach = layer.dCell.cwiseAbs().maxCoeff();
    QCOMPARE(rgbText(pixelAt(view, *view.partPosition(P::CellLine))),
             rgbText(ColorMap::diverging().rgb(dc, -reach, reach)));
}

void CellDiagramTest::forwardStepThroughHidesWhatIsNotComputed()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 4, .steps = 6});
    const lstm::LayerTrace& layer = trace->layers[0];
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, 1, 4);
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);

    model.nextInStep(); // forward pass at t = 0; the selection follows the playhead
    QCOMPARE(model.timestep(), 0);
    QCOMPARE(shown(view, P::ForgetGate), layer.gates[1](1, 0));
    QCOMPARE(shown(view, P::CellPrev), layer.initialCell(1));

    model.setTimestep(3); // a student looks ahead: nothing there is computed yet
    for (DiagramPart part : {P::ForgetGate, P::InputGate, P::CellNext, P::CellPrev, P::HiddenPrev, P::HiddenNext})
        QVERIFY2(!view.shownValue(part), diagramPartName(part));
    const QString text = view.toolTipAt(*view.partPosition(P::ForgetGate));
    QVERIFY2(text.contains(QStringLiteral("not computed yet")), qPrintable(text));
    QVERIFY(!text.contains(formatPrecise(layer.gates[1](1, 3))));
    const double reach = cellReach(layer);
    QVERIFY(pixelAt(view, *view.partPosition(P::CellLine)) !=
            ColorMap::diverging().rgb(layer.cell(1, 3), -reach, reach));

    model.setTimestep(0); // back at the playhead: shown again
    QCOMPARE(shown(view, P::ForgetGate), layer.gates[1](1, 0));
    model.nextInStep();
    model.nextInStep();
    model.nextInStep(); // the playhead reaches t = 3
    QCOMPARE(model.timestep(), 3);
    QCOMPARE(shown(view, P::CellNext), layer.cell(1, 3));
    const double reachSoFar = cellReach(layer, 4); // t = 0 .. 3
    QCOMPARE(rgbText(pixelAt(view, *view.partPosition(P::CellLine))),
             rgbText(ColorMap::diverging().rgb(layer.cell(1, 3), -reachSoFar, reachSoFar)));
}

void CellDiagramTest::backwardStepThroughHidesGradientsNotYetComputed()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Gru, .hidden = 4, .steps = 5});
    const lstm::LayerTrace& layer = trace->layers[0];
    InspectorModel model;
    model.setTrace(trace);
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);
    model.select(0, 2, 0);
    model.nextInStep();
    model.setShowGradients(true); // during the forward pass no gradient exists yet
    QVERIFY(!view.shownValue(P::UpdateGate));
    QVERIFY(!view.shownValue(P::HiddenNext));

    model.startBackward(); // backward at t = 4, gradients on
    QCOMPARE(model.timestep(), 4);
    QVERIFY(model.showGradients());
    QCOMPARE(shown(view, P::UpdateGate), layer.dGates[1](2, 4));
    QCOMPARE(shown(view, P::HiddenNext), layer.dHidden(2, 4));
    QVERIFY(!view.shownValue(P::HiddenPrev)); // dL/dh_3 comes next
    model.setTimestep(1);
    QVERIFY(!view.shownValue(P::UpdateGate));
    QVERIFY(view.toolTipAt(*view.partPosition(P::UpdateGate)).contains(QStringLiteral("not computed yet")));
}

void CellDiagramTest::easesToTheNewValue()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 6, .steps = 4});
    const lstm::LayerTrace& layer = trace->layers[0];
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, 0, 2);
    CellDiagramView view(&model);
    view.resize(shotSize);
    view.show(); // a hidden view does not animate: it catches up when shown
    QVERIFY(view.isAnimated());
    QVERIFY(!view.isEasing()); // the first picture appears at once
    const double before = layer.gates[1](0, 2);
    QCOMPARE(shown(view, P::ForgetGate), before);

    int unit = 1;
    while (unit < 5 && std::abs(layer.gates[1](unit, 2) - before) < 1e-3)
        ++unit;
    const double after = layer.gates[1](unit, 2);
    QVERIFY(std::abs(after - before) >= 1e-3);
    model.setUnit(unit);
    QVERIFY(view.isEasing());
    QCOMPARE(shown(view, P::ForgetGate), before); // starts where it was
    QCOMPARE(view.targetValues().value(P::ForgetGate), after);
    QTRY_VERIFY(!view.isEasing());
    QCOMPARE(shown(view, P::ForgetGate), after); // and lands exactly

    // Switched off, a change shows at once.
    view.setAnimated(false);
    model.setUnit(0);
    QVERIFY(!view.isEasing());
    QCOMPARE(shown(view, P::ForgetGate), before);
}

// x_t: a symbol input shows as its symbol (a one-hot vector says nothing); in gradients mode
// the input shows dL/dx_t as recorded, no longer "not recorded".
void CellDiagramTest::inputShowsItsSymbolAndItsGradient()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 3, .steps = 4});
    lstm::StepTrace symbols = *trace;
    symbols.symbols = {2, 0, 1, 1};
    QCOMPARE(diagramValues(&symbols, CellKind::Lstm, {0, 0, 2, {}, false}).symbol, 1);
    QCOMPARE(diagramValues(trace.get(), CellKind::Lstm, {0, 0, 2, {}, false}).symbol, -1);
    const DiagramValues gradients = diagramValues(trace.get(), CellKind::Lstm, {0, 0, 2, {}, true});
    QCOMPARE(gradients.input.size(), size_t(trace->layers[0].dInput.rows()));
    QCOMPARE(gradients.input[1], trace->layers[0].dInput(1, 2));
}

void CellDiagramTest::interpolationIsLinearInProgress()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 3, .steps = 4});
    const DiagramValues a = diagramValues(trace.get(), CellKind::Lstm, {0, 0, 1, {}, false});
    const DiagramValues b = diagramValues(trace.get(), CellKind::Lstm, {0, 2, 3, {}, false});
    const DiagramValues half = interpolate(a, b, 0.5);
    for (DiagramPart part : {P::ForgetGate, P::CellNext, P::HiddenPrev})
        QCOMPARE(half.value(part), (a.value(part) + b.value(part)) / 2);
    QCOMPARE(half.gates[2][1], (a.gates[2][1] + b.gates[2][1]) / 2);
    QCOMPARE(interpolate(a, b, 1.0).value(P::CellNext), b.value(P::CellNext));
    // Values and gradients do not blend into each other.
    const DiagramValues g = diagramValues(trace.get(), CellKind::Lstm, {0, 0, 1, {}, true});
    QCOMPARE(interpolate(a, g, 0.5).value(P::CellNext), g.value(P::CellNext));
}

void CellDiagramTest::clickingABarSelectsItsUnit()
{
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 4}));
    CellDiagramView view(&model);
    view.resize(shotSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(model.unit(), 0);
    const DiagramBox* box = view.layout().box(P::OutputGate);
    QVERIFY(box);
    const QPointF bar = view.mapFromCanvas(stripBar(boxStrip(box->rect), 4, 2).center());
    QCOMPARE(view.unitAt(bar), 2);
    QTest::mouseClick(&view, Qt::LeftButton, {}, bar.toPoint());
    QCOMPARE(model.unit(), 2);
    QVERIFY(view.toolTipAt(view.mapFromCanvas(stripBar(boxStrip(box->rect), 4, 3).center()))
                .contains(QStringLiteral("unit 3:")));
}

void CellDiagramTest::manyUnitsShowADistribution()
{
    const auto trace = testing::recordedTrace({.cell = CellKind::Lstm, .hidden = 64, .steps = 4});
    InspectorModel model;
    model.setTrace(trace);
    model.select(0, 40, 1);
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);
    const DiagramBox* box = view.layout().box(P::ForgetGate);
    QCOMPARE(view.unitAt(view.mapFromCanvas(boxStrip(box->rect).center())), -1); // a histogram, not bars
    const QString text = view.toolTipAt(*view.partPosition(P::ForgetGate));
    QVERIFY(text.contains(formatPrecise(trace->layers[0].gates[1](40, 1))));
    QVERIFY(text.contains(QStringLiteral("all 64 units")));
    testing::saveShot(view, "cell-diagram-lstm-64-units");
}

void CellDiagramTest::withoutTraceShowsStructureAndHint()
{
    InspectorModel model;
    CellDiagramView view(&model);
    view.resize(shotSize);
    QVERIFY(!view.hint().isEmpty());
    QCOMPARE(view.cellKind(), CellKind::Lstm);
    QCOMPARE(view.partAt(*view.partPosition(P::ForgetGate)), P::ForgetGate);
    QVERIFY(!view.shownValue(P::ForgetGate));
    QVERIFY(view.toolTipAt(*view.partPosition(P::ForgetGate)).contains(QStringLiteral("forgets it")));
    view.setCellKind(CellKind::Gru);
    QCOMPARE(view.title(), QStringLiteral("GRU cell"));
    QCOMPARE(view.partAt(*view.partPosition(P::ResetGate)), P::ResetGate);
    QVERIFY(!view.partPosition(P::CellLine));
    testing::saveShot(view, "cell-diagram-gru-no-trace");

    model.setTrace(testing::recordedTrace({.cell = CellKind::Rnn}));
    QVERIFY(view.hint().isEmpty());
    QCOMPARE(view.cellKind(), CellKind::Rnn); // the trace's cell type wins
}

void CellDiagramTest::followsThePalette()
{
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.cell = CellKind::Lstm}));
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);
    const QPointF corner(3, 3);
    QCOMPARE(rgbText(pixelAt(view, corner)), view.palette().color(QPalette::Window).name());
    view.setPalette(darkPalette());
    QCOMPARE(rgbText(pixelAt(view, corner)), darkPalette().color(QPalette::Window).name());
    // Inside the cell's outline the background is the palette's base.
    const QPointF inside = view.mapFromCanvas(view.layout().body.topLeft() + QPointF(40, 120));
    QCOMPARE(view.partAt(inside), P::None);
    QCOMPARE(rgbText(pixelAt(view, inside)), darkPalette().color(QPalette::Base).name());
}

void CellDiagramTest::screenshots()
{
    if (qEnvironmentVariableIsEmpty("LSTM_LAB_VIEW_SHOTS"))
        QSKIP("set LSTM_LAB_VIEW_SHOTS to a folder to save the pictures");
    for (CellKind kind : lstm::allCellKinds()) {
        const auto trace = testing::recordedTrace({.cell = kind, .hidden = 6, .steps = 8});
        for (bool dark : {false, true})
            for (bool gradients : {false, true}) {
                InspectorModel model;
                model.setTrace(trace);
                model.select(0, 2, 4);
                model.setShowGradients(gradients);
                CellDiagramView view(&model);
                view.setAnimated(false);
                if (dark)
                    view.setPalette(darkPalette());
                view.resize(shotSize);
                const QByteArray name = "cell-diagram-" + QByteArray(lstm::cellName(kind).data(), qsizetype(lstm::cellName(kind).size())) +
                                        (gradients ? "-gradients" : "-values") + (dark ? "-dark" : "-light");
                testing::saveShot(view, name.constData());
                if (!dark) {
                    view.resize(600, 350);
                    testing::saveShot(view, (name + "-600x350").constData());
                }
            }
    }
    // A forward step-through looking ahead of the playhead, with a part hovered.
    InspectorModel model;
    model.setTrace(testing::recordedTrace({.cell = CellKind::LstmPeephole, .hidden = 6, .steps = 8}));
    CellDiagramView view(&model);
    view.setAnimated(false);
    view.resize(shotSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.nextInStep();
    model.nextInStep();
    model.setTimestep(1);
    QTest::mouseMove(&view, view.partPosition(P::ForgetGate)->toPoint());
    testing::saveShot(view, "cell-diagram-step-through-t1");
    model.setTimestep(4);
    testing::saveShot(view, "cell-diagram-step-through-ahead");
}

QTEST_MAIN(CellDiagramTest)
#include "tst_cell_diagram.moc"
