// Golden tests: the engine in double against PyTorch 1.13 (tests/fixtures/make_torch_reference.py),
// for outputs, loss, final states and every gradient, to 1e-9.
#include "TestSupport.h"

#include "nn/Inference.h"
#include "nn/Network.h"

#include <QDir>
#include <QTest>

using namespace lstm;
using nlohmann::json;

namespace {

constexpr double tolerance = 1e-9;

SequenceBatch<double> batchFromFixture(const json& fixture, const ModelConfig& config)
{
    SequenceBatch<double> batch;
    batch.steps = fixture["seq_len"].get<int>();
    batch.batch = fixture["batch"].get<int>();
    if (config.symbolInput()) {
        for (const json& step : fixture["input"])
            for (const json& symbol : step)
                batch.symbols.push_back(symbol.get<int>());
    } else {
        batch.inputs = testing::stackedFromJson(fixture["input"]);
    }
    const json& target = fixture["target"];
    if (config.output == OutputKind::Classification) {
        if (config.outputAt == OutputAt::EveryStep) {
            for (const json& step : target)
                for (const json& label : step)
                    batch.classes.push_back(label.get<int>());
        } else {
            for (const json& label : target)
                batch.classes.push_back(label.get<int>());
        }
    } else {
        batch.targets = config.outputAt == OutputAt::EveryStep ? testing::stackedFromJson(target)
                                                                : Eigen::MatrixXd(testing::matrixFromJson(target).transpose());
    }
    return batch;
}

// [l][b][h] -> per layer (H, B)
std::vector<Matrix<double>> statesFromJson(const json& value)
{
    std::vector<Matrix<double>> states;
    for (const json& layer : value)
        states.push_back(testing::matrixFromJson(layer).transpose());
    return states;
}

} // namespace

class TorchReferenceTest : public QObject {
    Q_OBJECT
private slots:
    void matchesPyTorch_data();
    void matchesPyTorch();
};

void TorchReferenceTest::matchesPyTorch_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QString::fromStdString(testing::fixturePath("torch")));
    const QStringList files = dir.entryList({"*_*_*.json"}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 14, "the PyTorch fixtures are missing");
    for (const QString& file : files)
        if (file != "optimizers.json")
            QTest::newRow(qPrintable(file.chopped(5))) << dir.filePath(file);
}

void TorchReferenceTest::matchesPyTorch()
{
    QFETCH(QString, path);
    const json fixture = testing::readJson(path.toStdString());
    const Model model = modelFromJson(fixture["model"].dump());
    Network<double> network(model.config);
    loadParameters(network, model);
    const SequenceBatch<double> batch = batchFromFixture(fixture, model.config);

    RecurrentState<double> initial;
    initial.h = statesFromJson(fixture["h0"]);
    initial.c = fixture.contains("c0") ? statesFromJson(fixture["c0"]) : std::vector<Matrix<double>>(initial.h.size());
    network.forward(batch, 0, batch.steps, initial);
    const json& expected = fixture["expected"];

    const bool everyStep = model.config.outputAt == OutputAt::EveryStep;
    const Eigen::MatrixXd expectedOutput = everyStep ? testing::stackedFromJson(expected["output"])
                                                     : Eigen::MatrixXd(testing::matrixFromJson(expected["output"]).transpose());
    LSTM_COMPARE_MATRICES(network.outputs(), expectedOutput, tolerance);
    QVERIFY(std::abs(network.loss(batch) - expected["loss"].get<double>()) <= tolerance);

    RecurrentState<double> final;
    final.setZero(model.config, batch.batch);
    network.copyFinalState(final);
    const auto expectedHidden = statesFromJson(expected["h_n"]);
    for (size_t l = 0; l < expectedHidden.size(); ++l)
        LSTM_COMPARE_MATRICES(final.h[l], expectedHidden[l], tolerance);
    if (expected.contains("c_n")) {
        const auto expectedCell = statesFromJson(expected["c_n"]);
        for (size_t l = 0; l < expectedCell.size(); ++l)
            LSTM_COMPARE_MATRICES(final.c[l], expectedCell[l], tolerance);
    }

    ParameterSet<double> grads(network.layout());
    network.backward(grads);
    for (const auto& [name, value] : expected["grads"].items()) {
        const int id = network.layout().find(name);
        QVERIFY2(id >= 0, qPrintable(QString::fromStdString("no tensor " + name)));
        const QString problem = testing::compareMatrices(grads.matrix(id), testing::matrixFromJson(value), tolerance);
        QVERIFY2(problem.isEmpty(), qPrintable(QString::fromStdString(name) + ": " + problem));
    }
    QCOMPARE(int(expected["grads"].size()), int(network.layout().tensors().size()));
    const auto expectedDh0 = statesFromJson(expected["grad_h0"]);
    for (size_t l = 0; l < expectedDh0.size(); ++l)
        LSTM_COMPARE_MATRICES(network.layer(int(l)).initialHiddenGradient(), expectedDh0[l], tolerance);
    if (expected.contains("grad_c0")) {
        const auto expectedDc0 = statesFromJson(expected["grad_c0"]);
        for (size_t l = 0; l < expectedDc0.size(); ++l)
            LSTM_COMPARE_MATRICES(network.layer(int(l)).initialCellGradient(), expectedDc0[l], tolerance);
    }
}

QTEST_GUILESS_MAIN(TorchReferenceTest)
#include "tst_torch_reference.moc"
