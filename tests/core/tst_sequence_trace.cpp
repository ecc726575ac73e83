// What `lstm-lab-cli trace` writes: the recorded gradients with respect to the inputs and
// the initial states agree with finite differences (double) for every cell and both layers'
// chain, the loss and outputs are those of grad, and the JSON has the documented names.
#include "TestSupport.h"

#include "nn/Inference.h"
#include "nn/Random.h"
#include "trace/SequenceTrace.h"
#include "trace/TraceRecorder.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace lstm;

Q_DECLARE_METATYPE(lstm::CellKind)

namespace {

constexpr double eps = 1e-6;

Model randomModel(CellKind cell)
{
    ModelConfig config;
    config.cell = cell;
    config.inputSize = 2;
    config.hiddenSize = 3;
    config.layers = 2;
    config.outputSize = 1;
    Network<double> network(config);
    network.initialize(7);
    return modelFromNetwork(network);
}

// The loss of one sequence from the given initial state.
double lossFrom(const Model& model, const Eigen::MatrixXd& rows, const Eigen::MatrixXd& targets,
                const RecurrentState<double>& initial)
{
    Network<double> network(model.config);
    loadParameters(network, model);
    SequenceBatch<double> batch = sequenceFromRows(model.config, rows, &targets);
    network.forward(batch, 0, batch.steps, initial);
    return network.loss(batch);
}

// Central difference of the loss along one coordinate that `nudge` moves by the given step.
template <typename Nudge>
double centralDifference(Nudge nudge)
{
    return (nudge(eps) - nudge(-eps)) / (2 * eps);
}

bool close(double engine, double numeric)
{
    return std::abs(engine - numeric) <= 1e-6 * std::max(1.0, std::abs(numeric));
}

} // namespace

class SequenceTraceTest : public QObject {
    Q_OBJECT
private slots:
    void gradientsAgreeWithFiniteDifferences_data();
    void gradientsAgreeWithFiniteDifferences();
    void jsonHasTheDocumentedNames();
};

void SequenceTraceTest::gradientsAgreeWithFiniteDifferences_data()
{
    QTest::addColumn<CellKind>("cell");
    for (CellKind cell : allCellKinds())
        QTest::newRow(std::string(cellName(cell)).c_str()) << cell;
}

void SequenceTraceTest::gradientsAgreeWithFiniteDifferences()
{
    QFETCH(CellKind, cell);
    const Model model = randomModel(cell);
    Random random(3);
    Eigen::MatrixXd rows(4, 2), targets(4, 1);
    for (Eigen::Index k = 0; k < rows.size(); ++k)
        rows(k) = random.uniform(-1, 1);
    for (Eigen::Index k = 0; k < targets.size(); ++k)
        targets(k) = random.uniform(-1, 1);
    const StepTrace trace = traceSequence<double>(model, rows, targets);
    RecurrentState<double> zero;
    zero.setZero(model.config, 1);
    QCOMPARE(trace.loss, lossFrom(model, rows, targets, zero));
    QCOMPARE(trace.loss, computeGradients<double>(model, rows, targets).loss);

    // dL/dx_t of the first layer: its input is the sequence itself.
    for (int t = 0; t < 4; ++t)
        for (int i = 0; i < 2; ++i) {
            const double numeric = centralDifference([&](double step) {
                Eigen::MatrixXd moved = rows;
                moved(t, i) += step;
                return lossFrom(model, moved, targets, zero);
            });
            QVERIFY2(close(trace.layers[0].dInput(i, t), numeric),
                     qPrintable(QStringLiteral("dL/dx[%1][%2]: %3 against %4").arg(t).arg(i)
                                    .arg(trace.layers[0].dInput(i, t)).arg(numeric)));
        }
    // dL/dh_0 and dL/dc_0 of every layer.
    for (int l = 0; l < 2; ++l)
        for (int k = 0; k < 3; ++k) {
            const double hNumeric = centralDifference([&](double step) {
                RecurrentState<double> moved = zero;
                moved.h[size_t(l)](k, 0) += step;
                return lossFrom(model, rows, targets, moved);
            });
            QVERIFY2(close(trace.layers[size_t(l)].dInitialHidden(k), hNumeric), "dL/dh_0");
            if (!hasCellState(cell)) {
                QCOMPARE(trace.layers[size_t(l)].dInitialCell.size(), Eigen::Index(0));
                continue;
            }
            const double cNumeric = centralDifference([&](double step) {
                RecurrentState<double> moved = zero;
                moved.c[size_t(l)](k, 0) += step;
                return lossFrom(model, rows, targets, moved);
            });
            QVERIFY2(close(trace.layers[size_t(l)].dInitialCell(k), cNumeric), "dL/dc_0");
        }
    // The second layer reads the first layer's h.
    QVERIFY(trace.layers[1].input.isApprox(trace.layers[0].hidden, 1e-15));
}

void SequenceTraceTest::jsonHasTheDocumentedNames()
{
    const Model model = randomModel(CellKind::Lstm);
    const Eigen::MatrixXd rows = Eigen::MatrixXd::Constant(3, 2, 0.5), targets = Eigen::MatrixXd::Zero(3, 1);
    const auto json = nlohmann::json::parse(traceToJson(traceSequence<double>(model, rows, targets)));
    QCOMPARE(json.at("format").get<std::string>(), std::string("lstm-lab-trace"));
    QCOMPARE(json.at("version").get<int>(), 1);
    QCOMPARE(json.at("cell").get<std::string>(), std::string("lstm"));
    QCOMPARE(json.at("outputs").size(), size_t(3));
    QCOMPARE(json.at("layers").size(), size_t(2));
    const auto& layer = json.at("layers").at(0);
    QCOMPARE(layer.at("x").size(), size_t(3));
    QCOMPARE(layer.at("x").at(0).size(), size_t(2));
    for (const char* gate : {"i", "f", "g", "o"}) {
        QCOMPARE(layer.at("gates").at(gate).size(), size_t(3));
        QCOMPARE(layer.at("grad").at("gates").at(gate).at(0).size(), size_t(3));
    }
    QCOMPARE(layer.at("c").size(), size_t(3));
    QCOMPARE(layer.at("h").at(2).size(), size_t(3));
    for (const char* key : {"h", "c", "x"})
        QCOMPARE(layer.at("grad").at(key).size(), size_t(3));
    QCOMPARE(layer.at("grad").at("h0").size(), size_t(3));
    QCOMPARE(layer.at("grad").at("c0").size(), size_t(3));
}

QTEST_GUILESS_MAIN(SequenceTraceTest)
#include "tst_sequence_trace.moc"
