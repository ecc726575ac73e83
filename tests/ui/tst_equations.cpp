// The equations view shows the engine's own numbers: every gate's pre-activation, recomputed
// from the weights the step used, gives the recorded activation; c and h follow from the
// shown numbers; the backward terms give the recorded gradients; the page says "?" for what
// a step-through has not computed, and shows the weights' change in the update phase.
#include "inspector/equations/CellEquations.h"
#include "style/DarkPalette.h"
#include "inspector/equations/EquationsView.h"
#include "inspector/InspectorModel.h"
#include "style/NumberFormat.h"
#include "RecordedTrace.h"

#include <QApplication>
#include <QTest>

#include <algorithm>
#include <cmath>

Q_DECLARE_METATYPE(lstm::CellKind)

namespace {

constexpr double tolerance = 1e-9;

double sigmoid(double a) { return 1 / (1 + std::exp(-a)); }

QString where(int layer, int unit, int t) { return QStringLiteral("layer %1 unit %2 t %3").arg(layer).arg(unit).arg(t); }

QString shown(double value) { return formatNumber(value); }

// Two layers, so the second layer's input is the first layer's h and the first layer's
// dL/dh has a part from above.
std::shared_ptr<const lstm::StepTrace> twoLayerTrace(lstm::CellKind cell)
{
    return testing::recordedTrace({.cell = cell, .hidden = 4, .steps = 6, .layers = 2});
}

void addCellRows()
{
    QTest::addColumn<lstm::CellKind>("cell");
    for (lstm::CellKind cell : lstm::allCellKinds())
        QTest::newRow(std::string(lstm::cellName(cell)).c_str()) << cell;
}

} // namespace

class EquationsTest : public QObject {
    Q_OBJECT
private slots:
    void preActivationsGiveTheRecordedGates_data() { addCellRows(); }
    void preActivationsGiveTheRecordedGates();
    void stateFollowsFromTheShownNumbers_data() { addCellRows(); }
    void stateFollowsFromTheShownNumbers();
    void backwardTermsGiveTheRecordedGradients_data() { addCellRows(); }
    void backwardTermsGiveTheRecordedGradients();
    void updateShowsTheLargestChanges();
    void formatsNumbersForPeople_data();
    void formatsNumbersForPeople();
    void everyFormatWritesATrueMinus();
    void viewShowsTheRecordedValues_data() { addCellRows(); }
    void viewShowsTheRecordedValues();
    void viewShowsTheRecordedGradients_data() { addCellRows(); }
    void viewShowsTheRecordedGradients();
    void viewMarksWhatIsNotComputedYet();
    void viewShowsTheUpdateInTheUpdatePhase();
    void realisticSizesForTheEye();
};

void EquationsTest::preActivationsGiveTheRecordedGates()
{
    QFETCH(lstm::CellKind, cell);
    const auto trace = twoLayerTrace(cell);
    double largestRecurrent = 0, largestPeephole = 0;
    for (int l = 0; l < 2; ++l)
        for (int j = 0; j < 4; ++j)
            for (int t = 0; t < trace->steps; ++t) {
                const equations::Forward f = equations::forwardTerms(*trace, {l, j, t});
                QCOMPARE(int(f.gates.size()), lstm::gateCount(cell));
                for (const equations::GateTerms& gate : f.gates) {
                    const double a = gate.sigmoid ? sigmoid(gate.preActivation) : std::tanh(gate.preActivation);
                    QVERIFY2(std::abs(a - gate.activation) <= tolerance,
                             qPrintable(where(l, j, t) + " gate " + QString::fromStdString(gate.name) +
                                        QStringLiteral(": %1 vs recorded %2").arg(a, 0, 'g', 17).arg(gate.activation, 0, 'g', 17)));
                    largestRecurrent = std::max(largestRecurrent, std::abs(gate.recurrent));
                    largestPeephole = std::max(largestPeephole, std::abs(gate.peephole()));
                }
            }
    // The check reaches every part: h_{t-1} and, for the peephole cell, c.
    QVERIFY(largestRecurrent > 1e-3);
    QCOMPARE(largestPeephole > 0, lstm::hasPeepholes(cell));
}

void EquationsTest::stateFollowsFromTheShownNumbers()
{
    QFETCH(lstm::CellKind, cell);
    const auto trace = twoLayerTrace(cell);
    for (int l = 0; l < 2; ++l)
        for (int j = 0; j < 4; ++j)
            for (int t = 0; t < trace->steps; ++t) {
                const equations::Forward f = equations::forwardTerms(*trace, {l, j, t});
                const QByteArray at = where(l, j, t).toUtf8();
                auto a = [&](const char* name) { return f.gate(name)->activation; };
                // h_{t-1} and c_{t-1} are the recorded ones of the step before.
                const auto& layer = trace->layers[size_t(l)];
                QCOMPARE(f.hPrev, t == 0 ? layer.initialHidden[j] : layer.hidden(j, t - 1));
                switch (cell) {
                case lstm::CellKind::Lstm:
                case lstm::CellKind::LstmPeephole:
                    QVERIFY2(std::abs(a("f") * f.cPrev + a("i") * a("g") - f.c) <= tolerance, at);
                    QVERIFY2(std::abs(a("o") * std::tanh(f.c) - f.h) <= tolerance, at);
                    break;
                case lstm::CellKind::Lstm1997:
                    QVERIFY2(std::abs(f.cPrev + a("i") * a("g") - f.c) <= tolerance, at);
                    QVERIFY2(std::abs(a("o") * std::tanh(f.c) - f.h) <= tolerance, at);
                    break;
                case lstm::CellKind::Gru:
                    QVERIFY2(std::abs((1 - a("z")) * a("n") + a("z") * f.hPrev - f.h) <= tolerance, at);
                    QCOMPARE(f.gate("n")->reset, a("r"));
                    break;
                case lstm::CellKind::Rnn:
                    QCOMPARE(a("h"), f.h);
                    break;
                }
            }
}

void EquationsTest::backwardTermsGiveTheRecordedGradients()
{
    QFETCH(lstm::CellKind, cell);
    const auto trace = twoLayerTrace(cell);
    double largestFromNext = 0, largestCarry = 0, largestFromAbove = 0;
    for (int l = 0; l < 2; ++l)
        for (int j = 0; j < 4; ++j)
            for (int t = 0; t < trace->steps; ++t) {
                const equations::Backward b = equations::backwardTerms(*trace, {l, j, t});
                const QString at = where(l, j, t);
                QCOMPARE(b.hasNext, t + 1 < trace->steps);
                QCOMPARE(b.aboveComputed, l == 0);
                if (b.aboveComputed) { // below the top, dL/dh_t splits into parts both computed
                    QVERIFY2(std::abs(b.dhFromAbove + b.dhFromNext - b.dh) <= tolerance,
                             qPrintable(at + QStringLiteral(": %1 + %2 vs %3").arg(b.dhFromAbove).arg(b.dhFromNext).arg(b.dh)));
                    largestFromAbove = std::max(largestFromAbove, std::abs(b.dhFromAbove));
                }
                largestFromNext = std::max(largestFromNext, std::abs(b.dhFromNext));
                if (lstm::hasCellState(cell)) {
                    QVERIFY2(std::abs(b.dc - b.dcRecorded) <= tolerance,
                             qPrintable(at + QStringLiteral(": dL/dc %1 vs recorded %2").arg(b.dc).arg(b.dcRecorded)));
                    largestCarry = std::max(largestCarry, std::abs(b.dcFromNext));
                    if (!b.hasNext)
                        QCOMPARE(b.dcFromNext, 0.0);
                }
                QCOMPARE(int(b.gates.size()), lstm::gateCount(cell));
                for (const equations::GateGradient& g : b.gates)
                    QVERIFY2(std::abs(g.computed - g.recorded) <= tolerance,
                             qPrintable(at + " delta " + QString::fromStdString(g.name) +
                                        QStringLiteral(": %1 vs recorded %2").arg(g.computed).arg(g.recorded)));
            }
    // The terms from t+1 and from above are really there, so leaving one out would fail.
    QVERIFY(largestFromNext > 1e-6);
    QVERIFY(largestFromAbove > 1e-6);
    QCOMPARE(largestCarry > 1e-6, lstm::hasCellState(cell));
}

void EquationsTest::updateShowsTheLargestChanges()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    const int H = 4, j = 2;
    auto find = [&](const std::string& name) {
        for (const lstm::TensorStats& s : trace->tensors)
            if (s.name == name)
                return s;
        return lstm::TensorStats{};
    };
    const lstm::TensorStats ih = find("weight_ih_l0"), hh = find("weight_hh_l0"), bih = find("bias_ih_l0"),
                            bhh = find("bias_hh_l0");
    const auto updates = equations::updateTerms(*trace, {0, j, 3});
    QCOMPARE(int(updates.size()), 4);
    for (int g = 0; g < 4; ++g) {
        const int row = g * H + j;
        const auto& changes = updates[size_t(g)].changes;
        QCOMPARE(changes.size(), size_t(3)); // the bias and two weights
        QCOMPARE(changes[0].kind, equations::ParameterChange::Kind::Bias);
        QCOMPARE(changes[0].before, trace->parametersBefore[bih.offset + row] + trace->parametersBefore[bhh.offset + row]);
        QCOMPARE(changes[0].after, trace->parametersAfter[bih.offset + row] + trace->parametersAfter[bhh.offset + row]);
        QVERIFY(changes[0].change() != 0);
        // The two shown are the two largest changes of the row's weights, largest first.
        std::vector<double> moved;
        for (int k = 0; k < ih.cols; ++k)
            moved.push_back(std::abs(trace->parametersAfter[ih.offset + Eigen::Index(k) * ih.rows + row] -
                                     trace->parametersBefore[ih.offset + Eigen::Index(k) * ih.rows + row]));
        for (int k = 0; k < hh.cols; ++k)
            moved.push_back(std::abs(trace->parametersAfter[hh.offset + Eigen::Index(k) * hh.rows + row] -
                                     trace->parametersBefore[hh.offset + Eigen::Index(k) * hh.rows + row]));
        std::sort(moved.begin(), moved.end(), std::greater<>());
        QCOMPARE(std::abs(changes[1].change()), moved[0]);
        QCOMPARE(std::abs(changes[2].change()), moved[1]);
        const auto& top = changes[1];
        const lstm::TensorStats& tensor =
            top.kind == equations::ParameterChange::Kind::InputWeight ? ih : hh;
        QCOMPARE(top.before, trace->parametersBefore[tensor.offset + Eigen::Index(top.index) * tensor.rows + row]);
    }
}

void EquationsTest::formatsNumbersForPeople_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("gate") << 0.7 << "0.70";
    QTest::newRow("negative") << -0.314 << "−0.31";
    QTest::newRow("small") << 0.03127 << "0.0313";
    QTest::newRow("rounds up a decade") << 0.0099999 << "0.0100";
    QTest::newRow("ones") << 1.2345 << "1.23";
    QTest::newRow("tens") << -12.34 << "−12.3";
    QTest::newRow("hundreds") << 123.4 << "123";
    QTest::newRow("tiny") << 1.2e-5 << "1.2×10⁻⁵";
    QTest::newRow("huge") << -2.5e6 << "−2.5×10⁶";
    QTest::newRow("zero") << 0.0 << "0";
}

void EquationsTest::formatsNumbersForPeople()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(shown(value), text);
}

// Every view writes numbers through NumberFormat: a true minus, never "−0.00", ∞ and NaN.
void EquationsTest::everyFormatWritesATrueMinus()
{
    const QString minus(QChar(0x2212));
    QCOMPARE(formatFixed(-0.354, 2), minus + "0.35");
    QCOMPARE(formatFixed(-0.001, 2), QStringLiteral("0.00"));
    QCOMPARE(formatSignificant(-0.00123456, 3), minus + "0.00123");
    QCOMPARE(formatSignificant(1.5e-5, 2), QStringLiteral("1.5e") + minus + "05");
    QCOMPARE(formatPrecise(-0.703125), minus + "0.703125");
    QCOMPARE(formatNumber(-qInf()), minus + "∞");
    QCOMPARE(formatFixed(qQNaN(), 2), QStringLiteral("NaN"));
    for (const QString& text : {formatFixed(-2.5, 1), formatSignificant(-2.5, 3), formatNumber(-2.5)})
        QVERIFY2(!text.contains(QLatin1Char('-')) && text.startsWith(minus), qPrintable(text));
}

void EquationsTest::viewShowsTheRecordedValues()
{
    QFETCH(lstm::CellKind, cell);
    const auto trace = twoLayerTrace(cell);
    InspectorModel model;
    EquationsView view(&model);
    model.setTrace(trace);
    model.select(1, 2, 4);
    const QString text = view.plainText();
    const auto& layer = trace->layers[1];
    for (size_t g = 0; g < layer.gates.size(); ++g) {
        QVERIFY2(text.contains("= " + shown(layer.gates[g](2, 4))), qPrintable(text));
        // the pre-activation, as the sum of its parts
        const equations::Forward f = equations::forwardTerms(*trace, {1, 2, 4});
        const QString name = f.gates[g].sigmoid ? "σ" : "tanh";
        QVERIFY2(text.contains(name + "(" + shown(f.gates[g].preActivation) + ")"), qPrintable(text));
    }
    QVERIFY(text.contains("= " + shown(layer.hidden(2, 4))));
    if (lstm::hasCellState(cell))
        QVERIFY(text.contains("= " + shown(layer.cell(2, 4))));
    QVERIFY(!text.contains('?'));
    QVERIFY(!text.contains('-')); // a true minus sign everywhere
    QVERIFY(text.contains("unit 2"));
}

void EquationsTest::viewShowsTheRecordedGradients()
{
    QFETCH(lstm::CellKind, cell);
    const auto trace = twoLayerTrace(cell);
    InspectorModel model;
    EquationsView view(&model);
    model.setTrace(trace);
    model.select(0, 1, 3);
    model.setShowGradients(true);
    const QString text = view.plainText();
    const auto& layer = trace->layers[0];
    for (size_t g = 0; g < layer.dGates.size(); ++g)
        QVERIFY2(text.contains("= " + shown(layer.dGates[g](1, 3))), qPrintable(text));
    QVERIFY(text.contains("= " + shown(layer.dHidden(1, 3))));
    if (lstm::hasCellState(cell))
        QVERIFY(text.contains("= " + shown(layer.dCell(1, 3))));
    QVERIFY(text.contains("Backward"));
    QVERIFY(!text.contains('?'));
}

void EquationsTest::viewMarksWhatIsNotComputedYet()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Lstm, .hidden = 4, .steps = 6});
    InspectorModel model;
    EquationsView view(&model);
    view.resize(900, 500);
    model.setTrace(trace);
    model.nextInStep(); // forward, t = 0
    model.nextInStep(); // forward, t = 1: the selection follows
    QCOMPARE(model.timestep(), 1);
    QVERIFY(!view.plainText().contains('?'));
    QVERIFY(view.plainText().contains(shown(trace->layers[0].hidden(0, 1))));
    model.setTimestep(4); // not computed yet
    QString text = view.plainText();
    QCOMPARE(text.count('?'), 6); // i, f, g, o, c, h
    testing::saveShot(view, "equations-forward-not-yet");
    QVERIFY(!text.contains("= " + shown(trace->layers[0].hidden(0, 4))));

    model.startBackward(); // backward at t = 5, showing gradients
    QVERIFY(model.showGradients());
    QCOMPARE(model.timestep(), 5);
    QVERIFY(!view.plainText().contains('?'));
    model.setTimestep(2); // the backward pass has not come back this far
    text = view.plainText();
    QCOMPARE(text.count('?'), 6); // dL/dh, delta o, dL/dc, delta i, f, g
    testing::saveShot(view, "equations-backward-not-yet");
}

void EquationsTest::viewShowsTheUpdateInTheUpdatePhase()
{
    const auto trace = testing::recordedTrace({.cell = lstm::CellKind::Gru, .hidden = 4, .steps = 6});
    InspectorModel model;
    EquationsView view(&model);
    model.setTrace(trace);
    QVERIFY(!view.plainText().contains("before → after"));
    model.applyUpdate();
    const QString text = view.plainText();
    QVERIFY(text.contains("before → after"));
    for (const equations::GateUpdate& update : equations::updateTerms(*trace, {0, model.unit(), 0}))
        for (const equations::ParameterChange& change : update.changes)
            QVERIFY2(text.contains(shown(change.before) + " → " + shown(change.after)), qPrintable(text));
}

// Pictures at the size a student sees, light and dark, for a person to look at.
void EquationsTest::realisticSizesForTheEye()
{
    if (qEnvironmentVariableIsEmpty("LSTM_LAB_VIEW_SHOTS"))
        QSKIP("set LSTM_LAB_VIEW_SHOTS to a folder to save the pictures");
    const QPalette light = QApplication::palette();
    struct Shot {
        const char* name;
        lstm::CellKind cell;
        bool gradients;
        bool update;
        bool dark;
    };
    const Shot shots[] = {{"equations-lstm-light", lstm::CellKind::Lstm, false, false, false},
                          {"equations-lstm-dark", lstm::CellKind::Lstm, false, false, true},
                          {"equations-peephole-backward-light", lstm::CellKind::LstmPeephole, true, false, false},
                          {"equations-gru-backward-dark", lstm::CellKind::Gru, true, false, true},
                          {"equations-gru-light", lstm::CellKind::Gru, false, false, false},
                          {"equations-1997-backward-light", lstm::CellKind::Lstm1997, true, false, false},
                          {"equations-rnn-dark", lstm::CellKind::Rnn, false, false, true},
                          {"equations-lstm-update-light", lstm::CellKind::Lstm, true, true, false}};
    for (const Shot& shot : shots) {
        QApplication::setPalette(shot.dark ? darkPalette() : light);
        const auto trace = testing::recordedTrace({.cell = shot.cell, .hidden = 32, .steps = 60, .layers = 2});
        InspectorModel model;
        EquationsView view(&model);
        view.resize(900, 500);
        model.setTrace(trace);
        model.select(1, 7, 42);
        model.setShowGradients(shot.gradients);
        if (shot.update)
            model.applyUpdate();
        QVERIFY(!view.plainText().isEmpty());
        testing::saveShot(view, shot.name);
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(EquationsTest)
#include "tst_equations.moc"
