// The recorded trace is the engine's own numbers for one batch element: the cell's
// equations hold between its fields, it agrees with a plain forward pass, the gradient
// norms and update ratios are what they claim, and nothing is recorded when off.
#include "TestSupport.h"

#include "nn/GradientCheck.h"
#include "nn/Inference.h"
#include "training/Trainer.h"

#include <QTest>

using namespace lstm;

namespace {

ModelConfig model(CellKind cell, int layers = 1)
{
    ModelConfig config;
    config.cell = cell;
    config.inputSize = 2;
    config.hiddenSize = 5;
    config.layers = layers;
    config.outputSize = 1;
    return config;
}

struct RecordedStep {
    StepTrace trace;
    SequenceBatch<double> batch;
    Vector<double> before;
    Vector<double> after;
    Model modelBefore;
};

RecordedStep recordOneStep(const ModelConfig& config, int element, const TrainConfig& train = {})
{
    Trainer<double> trainer(config, train);
    trainer.setRecording(true, element);
    Random random(21);
    RecordedStep out;
    out.batch = randomBatch(config, 7, 3, random);
    out.before = trainer.network().parameters().values();
    out.modelBefore = modelFromNetwork(trainer.network());
    trainer.step([&](SequenceBatch<double>& batch) { batch = out.batch; });
    out.trace = trainer.trace();
    out.after = trainer.network().parameters().values();
    return out;
}

// (T, I) rows of one batch element, as runSequence takes them.
Eigen::MatrixXd elementRows(const SequenceBatch<double>& batch, int element)
{
    Eigen::MatrixXd rows(batch.steps, batch.inputs.rows());
    for (int t = 0; t < batch.steps; ++t)
        rows.row(t) = batch.inputs.col(t * batch.batch + element).transpose();
    return rows;
}

} // namespace

class TraceTest : public QObject {
    Q_OBJECT
private slots:
    void lstmFieldsObeyTheCellEquations();
    void traceMatchesAPlainForwardPass_data();
    void traceMatchesAPlainForwardPass();
    void gradientNormsAndUpdateRatios();
    void gruAndRnnHaveTheirOwnGates();
    void nothingIsRecordedWhenOff();
    void tensorStatisticsWithoutATrace();
    void gateRangesMatchTheirActivation();
    void symbolsAreTheWindowsInputs();
};

void TraceTest::lstmFieldsObeyTheCellEquations()
{
    const RecordedStep step = recordOneStep(model(CellKind::Lstm), 2);
    const StepTrace& trace = step.trace;
    QCOMPARE(trace.gateNames, (std::vector<std::string>{"i", "f", "g", "o"}));
    QCOMPARE(trace.element, 2);
    QCOMPARE(trace.steps, 7);
    const LayerTrace& layer = trace.layers[0];
    QCOMPARE(int(layer.gates.size()), 4);
    const Eigen::MatrixXd &i = layer.gates[0], &f = layer.gates[1], &g = layer.gates[2], &o = layer.gates[3];
    for (int t = 0; t < trace.steps; ++t) {
        const Eigen::VectorXd cPrev = t == 0 ? layer.initialCell : Eigen::VectorXd(layer.cell.col(t - 1));
        const Eigen::VectorXd c = f.col(t).cwiseProduct(cPrev) + i.col(t).cwiseProduct(g.col(t));
        LSTM_COMPARE_MATRICES(layer.cell.col(t), c, 1e-14);
        LSTM_COMPARE_MATRICES(layer.hidden.col(t), o.col(t).cwiseProduct(c.array().tanh().matrix()), 1e-14);
    }
    for (const Eigen::MatrixXd* sigmoid : {&i, &f, &o})
        QVERIFY(sigmoid->minCoeff() > 0 && sigmoid->maxCoeff() < 1);
    QVERIFY(g.cwiseAbs().maxCoeff() < 1);
    // The backward half: dL/dc_t is nonzero and its norms are the column norms.
    QCOMPARE(layer.dCell.cols(), Eigen::Index(trace.steps));
    LSTM_COMPARE_MATRICES(layer.dCellNorm, layer.dCell.colwise().norm().transpose(), 1e-15);
    LSTM_COMPARE_MATRICES(layer.dHiddenNorm, layer.dHidden.colwise().norm().transpose(), 1e-15);
    QVERIFY(layer.dCellNorm.minCoeff() > 0);
    QCOMPARE(int(layer.dGates.size()), 4);
}

void TraceTest::traceMatchesAPlainForwardPass_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("layers");
    for (CellKind cell : allCellKinds())
        for (int layers : {1, 2})
            QTest::newRow((std::string(cellName(cell)) + " " + std::to_string(layers) + " layers").c_str())
                << int(cell) << layers;
}

void TraceTest::traceMatchesAPlainForwardPass()
{
    QFETCH(int, cell);
    QFETCH(int, layers);
    const ModelConfig config = model(CellKind(cell), layers);
    const RecordedStep step = recordOneStep(config, 1);
    const SequenceRun run = runSequence(step.modelBefore, elementRows(step.batch, 1));
    for (int l = 0; l < layers; ++l) {
        LSTM_COMPARE_MATRICES(step.trace.layers[size_t(l)].hidden, run.hidden[size_t(l)].transpose(), 1e-13);
        if (hasCellState(config.cell))
            LSTM_COMPARE_MATRICES(step.trace.layers[size_t(l)].cell, run.cell[size_t(l)].transpose(), 1e-13);
    }
    LSTM_COMPARE_MATRICES(step.trace.output, run.outputs.transpose(), 1e-13);
    LSTM_COMPARE_MATRICES(step.trace.layers[0].input, elementRows(step.batch, 1).transpose(), 0.0);
    Eigen::MatrixXd target(1, step.batch.steps);
    for (int t = 0; t < step.batch.steps; ++t)
        target(0, t) = step.batch.targets(0, t * step.batch.batch + 1);
    LSTM_COMPARE_MATRICES(step.trace.target, target, 0.0);
}

void TraceTest::gradientNormsAndUpdateRatios()
{
    TrainConfig train;
    train.optimizer = OptimizerKind::Sgd;
    train.learningRate = 0.5;
    const RecordedStep step = recordOneStep(model(CellKind::Lstm), 0, train);
    const ParameterLayout layout = layoutFor(model(CellKind::Lstm));
    QCOMPARE(step.trace.tensors.size(), layout.tensors().size());
    double squaredGradients = 0;
    for (size_t k = 0; k < layout.tensors().size(); ++k) {
        const TensorInfo& info = layout.tensors()[k];
        const TensorStats& stats = step.trace.tensors[k];
        QCOMPARE(stats.name, info.name);
        QCOMPARE(stats.rows, info.rows);
        QCOMPARE(stats.cols, info.cols);
        QCOMPARE(stats.offset, info.offset);
        const auto before = step.before.segment(info.offset, info.size());
        const auto after = step.after.segment(info.offset, info.size());
        QVERIFY(std::abs(stats.weightNorm - before.norm()) < 1e-12);
        QVERIFY(std::abs(stats.updateRatio - (after - before).norm() / before.norm()) < 1e-12);
        // Plain SGD: the update is lr times the gradient.
        QVERIFY(std::abs(stats.gradientNorm - (after - before).norm() / 0.5) < 1e-12);
        squaredGradients += stats.gradientNorm * stats.gradientNorm;
    }
    // The full vectors, for views that show single weights: exact copies, and SGD's rule holds.
    QCOMPARE(step.trace.parametersBefore, step.before);
    QCOMPARE(step.trace.parametersAfter, step.after);
    LSTM_COMPARE_MATRICES(step.trace.parametersAfter, step.before - 0.5 * step.trace.gradients, 1e-12);
    QVERIFY(std::abs(std::sqrt(squaredGradients) - step.trace.gradientNorm) < 1e-12);
    QVERIFY(step.trace.loss > 0);
}

void TraceTest::gruAndRnnHaveTheirOwnGates()
{
    const RecordedStep gru = recordOneStep(model(CellKind::Gru), 0);
    QCOMPARE(gru.trace.gateNames, (std::vector<std::string>{"r", "z", "n"}));
    QCOMPARE(int(gru.trace.layers[0].gates.size()), 3);
    QCOMPARE(gru.trace.layers[0].cell.size(), Eigen::Index(0));
    QCOMPARE(gru.trace.layers[0].dCellNorm.size(), Eigen::Index(0));
    const RecordedStep rnn = recordOneStep(model(CellKind::Rnn), 0);
    QCOMPARE(int(rnn.trace.layers[0].gates.size()), 1);
    LSTM_COMPARE_MATRICES(rnn.trace.layers[0].gates[0], rnn.trace.layers[0].hidden, 0.0);
    const RecordedStep old = recordOneStep(model(CellKind::Lstm1997), 0);
    QCOMPARE(old.trace.gateNames, (std::vector<std::string>{"i", "g", "o"}));
}

void TraceTest::nothingIsRecordedWhenOff()
{
    const ModelConfig config = model(CellKind::Lstm);
    Trainer<float> trainer(config, TrainConfig{});
    Random random(3);
    const SequenceBatch<double> batch = randomBatch(config, 5, 2, random);
    trainer.step([&](SequenceBatch<double>& out) { out = batch; });
    QVERIFY(trainer.trace().layers.empty());
    QVERIFY(trainer.trace().tensors.empty());
}

// The per-step statistics alone are the numbers a full trace of the same step holds, and
// cost no trace.
void TraceTest::tensorStatisticsWithoutATrace()
{
    const ModelConfig config = model(CellKind::LstmPeephole, 2);
    Random random(5);
    const SequenceBatch<double> batch = randomBatch(config, 6, 2, random);
    const auto source = [&](SequenceBatch<double>& out) { out = batch; };
    Trainer<double> recorded(config, TrainConfig{});
    Trainer<double> measured(config, TrainConfig{});
    recorded.setRecording(true);
    measured.setTensorStatistics(true);
    QVERIFY(measured.tensorStatistics().empty());
    for (int step = 0; step < 3; ++step) {
        recorded.step(source);
        measured.step(source);
        QVERIFY(measured.trace().tensors.empty());
        const std::vector<TensorStats>& stats = measured.tensorStatistics();
        QCOMPARE(stats.size(), recorded.trace().tensors.size());
        for (size_t k = 0; k < stats.size(); ++k) {
            const TensorStats& expected = recorded.trace().tensors[k];
            QCOMPARE(stats[k].name, expected.name);
            QCOMPARE(stats[k].gradientNorm, expected.gradientNorm);
            QCOMPARE(stats[k].weightNorm, expected.weightNorm);
            QCOMPARE(stats[k].updateRatio, expected.updateRatio);
            QVERIFY(stats[k].updateRatio > 0);
        }
    }
}

// Views colour gates by their range, so the range each gate claims must be what it records.
void TraceTest::gateRangesMatchTheirActivation()
{
    for (const CellKind cell : allCellKinds()) {
        const RecordedStep step = recordOneStep(model(cell), 0);
        const auto& gates = step.trace.layers[0].gates;
        for (int g = 0; g < int(gates.size()); ++g) {
            const double low = gates[size_t(g)].minCoeff();
            const double high = gates[size_t(g)].maxCoeff();
            QVERIFY(high < 1 && low > -1);
            if (isSigmoidGate(cell, g))
                QVERIFY2(low > 0, gateNames(cell)[size_t(g)].c_str());
            else
                QVERIFY2(low < 0, gateNames(cell)[size_t(g)].c_str()); // tanh of random inputs goes below zero
        }
    }
}

// Truncated BPTT: the second window's trace holds the symbols of timesteps 3..5.
void TraceTest::symbolsAreTheWindowsInputs()
{
    ModelConfig config = model(CellKind::Lstm);
    config.input = InputKind::OneHot;
    config.inputSize = 5;
    TrainConfig train;
    train.truncation = 3;
    Trainer<double> trainer(config, train);
    trainer.setRecording(true, 1);
    Random random(4);
    const SequenceBatch<double> batch = randomBatch(config, 7, 2, random);
    const auto source = [&](SequenceBatch<double>& out) { out = batch; };
    trainer.step(source);
    QCOMPARE(trainer.trace().symbols, (std::vector<int>{batch.symbols[1], batch.symbols[3], batch.symbols[5]}));
    trainer.step(source);
    QCOMPARE(trainer.trace().firstTimestep, 3);
    QCOMPARE(trainer.trace().symbols, (std::vector<int>{batch.symbols[7], batch.symbols[9], batch.symbols[11]}));
    QVERIFY(recordOneStep(model(CellKind::Lstm), 0).trace.symbols.empty()); // dense input has none
}

QTEST_GUILESS_MAIN(TraceTest)
#include "tst_trace.moc"
