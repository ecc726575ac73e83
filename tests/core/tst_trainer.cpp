// The training step: allocation-free, deterministic by seed, truncated BPTT carrying
// state across windows, divergence caught before it touches the weights, live settings,
// and an LSTM that actually learns a sine wave.
#include "AllocationCounter.h"
#include "TestSupport.h"

#include "nn/GradientCheck.h"
#include "data/waves/SineWave.h"
#include "training/Trainer.h"

#include <QTest>

using namespace lstm;

Q_DECLARE_METATYPE(lstm::ModelConfig)
Q_DECLARE_METATYPE(lstm::TrainConfig)

namespace {

ModelConfig smallModel(CellKind cell)
{
    ModelConfig model;
    model.cell = cell;
    model.inputSize = 3;
    model.hiddenSize = 8;
    model.outputSize = 2;
    return model;
}

// A batch source that always hands out the same data, copying into the caller's buffers.
struct FixedSource {
    SequenceBatch<double> data;
    int calls = 0;
    void operator()(SequenceBatch<double>& out)
    {
        ++calls;
        out = data;
    }
};

FixedSource fixedSource(const ModelConfig& model, int steps, int batch, std::uint64_t seed)
{
    Random random(seed);
    return FixedSource{randomBatch(model, steps, batch, random)};
}

} // namespace

class TrainerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void allocationCounterCounts();
    void stepAllocatesNothing_data();
    void stepAllocatesNothing();
    void sameSeedGivesBitIdenticalRun();
    void truncationCarriesStateAcrossWindows();
    void truncationWithLastStepOutputTrainsOnlyTheLastWindow();
    void divergenceKeepsTheLastGoodWeights();
    void learningRateChangesLive();
    void clippingLimitsTheUpdate();
    void evaluateGivesTheLossAndTheOutputsOfOnePass();
    void lstmLearnsASineWave();
    void gateBiasesStartWhereSet();
};

void TrainerTest::initTestCase()
{
    Eigen::setNbThreads(1);
}

void TrainerTest::allocationCounterCounts()
{
    if (!testing::AllocationCounter::available())
        QSKIP("AddressSanitizer owns malloc in this build; the release build counts allocations");
    testing::AllocationCounter counter;
    counter.start();
    const QByteArray buffer(4096, 'x'); // an out-of-line allocation the compiler cannot elide
    const std::size_t counted = counter.stop();
    QCOMPARE(buffer.size(), 4096);
    QCOMPARE(counted, std::size_t(1));
}

void TrainerTest::stepAllocatesNothing_data()
{
    QTest::addColumn<ModelConfig>("model");
    QTest::addColumn<TrainConfig>("config");
    QTest::addColumn<bool>("record");
    QTest::addColumn<bool>("measure");
    for (CellKind cell : allCellKinds())
        for (bool record : {false, true})
            QTest::newRow((std::string(cellName(cell)) + (record ? " recording" : "")).c_str())
                << smallModel(cell) << TrainConfig{} << record << false;
    QTest::newRow("lstm tensor statistics") << smallModel(CellKind::Lstm) << TrainConfig{} << false << true;
    ModelConfig stacked = smallModel(CellKind::Lstm);
    stacked.layers = 2;
    stacked.outputAt = OutputAt::LastStep;
    TrainConfig truncated;
    truncated.truncation = 4;
    truncated.clipNorm = 0.5;
    QTest::newRow("lstm 2 layers last-step truncated clipped") << stacked << truncated << false << false;
    QTest::newRow("lstm 2 layers last-step truncated clipped recording") << stacked << truncated << true << false;
    ModelConfig text = smallModel(CellKind::Gru);
    text.input = InputKind::Embedding;
    text.inputSize = 6;
    text.embeddingSize = 4;
    text.output = OutputKind::Classification;
    text.outputSize = 6;
    TrainConfig momentum;
    momentum.optimizer = OptimizerKind::Momentum;
    momentum.truncation = 5;
    QTest::newRow("gru embedding xent uneven windows momentum") << text << momentum << false << false;
    // A trace's matrices are as long as the window, so recording windows of changing length
    // (5, 5, 2) does reallocate them; with windows of equal length it does not.
    momentum.truncation = 6;
    QTest::newRow("gru embedding xent even windows momentum recording") << text << momentum << true << false;
}

void TrainerTest::stepAllocatesNothing()
{
    if (!testing::AllocationCounter::available())
        QSKIP("AddressSanitizer owns malloc in this build; the release build counts allocations");
    QFETCH(ModelConfig, model);
    QFETCH(TrainConfig, config);
    QFETCH(bool, record);
    QFETCH(bool, measure);
    Trainer<float> trainer(model, config);
    trainer.setRecording(record, 1);
    trainer.setTensorStatistics(measure);
    FixedSource source = fixedSource(model, 12, 4, 3);
    const Trainer<float>::BatchSource next = std::ref(source);
    for (int warmUp = 0; warmUp < 4; ++warmUp)
        trainer.step(next);
    testing::AllocationCounter counter;
    counter.start();
    for (int step = 0; step < 6; ++step)
        trainer.step(next);
    QCOMPARE(counter.stop(), std::size_t(0));
    QCOMPARE(trainer.steps(), 10L);
    QCOMPARE(trainer.trace().layers.empty(), !record);
    QCOMPARE(trainer.tensorStatistics().empty(), !record && !measure);
}

void TrainerTest::sameSeedGivesBitIdenticalRun()
{
    const ModelConfig model = smallModel(CellKind::Lstm);
    TrainConfig config;
    config.seed = 42;
    const auto run = [&](std::uint64_t seed) {
        config.seed = seed;
        Trainer<float> trainer(model, config);
        Random random(seed);
        const auto source = [&](SequenceBatch<double>& out) { out = randomBatch(model, 10, 3, random); };
        for (int step = 0; step < 20; ++step)
            trainer.step(source);
        return Vector<float>(trainer.network().parameters().values());
    };
    const Vector<float> first = run(42);
    QVERIFY(first == run(42));
    QVERIFY(first != run(43));
}

void TrainerTest::truncationCarriesStateAcrossWindows()
{
    const ModelConfig model = smallModel(CellKind::Lstm);
    TrainConfig config;
    config.truncation = 5;
    Trainer<double> trainer(model, config);
    trainer.setRecording(true, 1);
    FixedSource source = fixedSource(model, 12, 3, 5);
    const Trainer<double>::BatchSource next = std::ref(source);

    std::vector<StepTrace> windows;
    for (int step = 0; step < 3; ++step) {
        trainer.step(next);
        windows.push_back(trainer.trace());
    }
    QCOMPARE(source.calls, 1); // three windows (5, 5, 2) of one batch
    QCOMPARE(windows[0].firstTimestep, 0);
    QCOMPARE(windows[1].firstTimestep, 5);
    QCOMPARE(windows[2].firstTimestep, 10);
    QCOMPARE(windows[2].steps, 2);
    QVERIFY(windows[0].layers[0].initialHidden.isZero());
    for (int w = 1; w < 3; ++w) {
        const LayerTrace& before = windows[size_t(w - 1)].layers[0];
        const LayerTrace& after = windows[size_t(w)].layers[0];
        LSTM_COMPARE_MATRICES(after.initialHidden, before.hidden.rightCols(1), 0.0);
        LSTM_COMPARE_MATRICES(after.initialCell, before.cell.rightCols(1), 0.0);
    }
    trainer.step(next);
    QCOMPARE(source.calls, 2); // the fourth step starts a new batch from a zero state
    QVERIFY(trainer.trace().layers[0].initialHidden.isZero());
}

void TrainerTest::truncationWithLastStepOutputTrainsOnlyTheLastWindow()
{
    ModelConfig model = smallModel(CellKind::Gru);
    model.outputAt = OutputAt::LastStep;
    TrainConfig config;
    config.truncation = 4;
    Trainer<double> trainer(model, config);
    trainer.setRecording(true);
    FixedSource source = fixedSource(model, 10, 2, 7);
    const Trainer<double>::BatchSource next = std::ref(source);
    trainer.step(next);
    trainer.step(next);
    QCOMPARE(source.calls, 2); // one step per batch
    QCOMPARE(trainer.trace().firstTimestep, 8);
    QCOMPARE(trainer.trace().steps, 2);
    QVERIFY(!trainer.trace().layers[0].initialHidden.isZero()); // carried from the forward-only windows
}

void TrainerTest::divergenceKeepsTheLastGoodWeights()
{
    const ModelConfig model = smallModel(CellKind::Lstm);
    TrainConfig config;
    config.optimizer = OptimizerKind::Sgd;
    config.learningRate = 1e30;
    Trainer<float> trainer(model, config);
    FixedSource source = fixedSource(model, 8, 2, 9);
    const Trainer<float>::BatchSource next = std::ref(source);
    StepResult result;
    Vector<float> lastGood;
    for (int step = 0; step < 10 && !result.diverged; ++step) {
        lastGood = trainer.network().parameters().values();
        result = trainer.step(next);
    }
    QVERIFY(result.diverged);
    QVERIFY(!std::isfinite(result.loss) || !std::isfinite(result.gradientNorm));
    QVERIFY(trainer.network().parameters().values() == lastGood);
    QVERIFY(lastGood.allFinite());
}

void TrainerTest::learningRateChangesLive()
{
    const ModelConfig model = smallModel(CellKind::Rnn);
    TrainConfig config;
    config.optimizer = OptimizerKind::Sgd;
    Trainer<double> trainer(model, config);
    FixedSource source = fixedSource(model, 6, 2, 11);
    const Trainer<double>::BatchSource next = std::ref(source);
    trainer.setLearningRate(0);
    const Vector<double> before = trainer.network().parameters().values();
    trainer.step(next);
    QVERIFY(trainer.network().parameters().values() == before);
    trainer.setLearningRate(0.1);
    trainer.step(next);
    QVERIFY(trainer.network().parameters().values() != before);
}

void TrainerTest::clippingLimitsTheUpdate()
{
    const ModelConfig model = smallModel(CellKind::Lstm);
    TrainConfig config;
    config.optimizer = OptimizerKind::Sgd;
    config.learningRate = 1;
    config.clipNorm = 1e-3;
    Trainer<double> trainer(model, config);
    FixedSource source = fixedSource(model, 6, 2, 13);
    const Vector<double> before = trainer.network().parameters().values();
    const StepResult result = trainer.step(std::ref(source));
    QVERIFY(result.clipped);
    QVERIFY(result.gradientNorm > 1e-3);
    const double updateNorm = (trainer.network().parameters().values() - before).norm();
    QVERIFY(std::abs(updateNorm - 1e-3) < 1e-8);
}

void TrainerTest::evaluateGivesTheLossAndTheOutputsOfOnePass()
{
    const ModelConfig model = smallModel(CellKind::Gru);
    Trainer<double> trainer(model, TrainConfig{});
    Random random(8);
    const SequenceBatch<double> data = randomBatch(model, 5, 3, random);
    Matrix<double> outputs;
    const double loss = trainer.evaluate(data, &outputs);
    QCOMPARE(loss, trainer.evaluate(data));
    QCOMPARE(outputs, trainer.predict(data));
    QCOMPARE(outputs.cols(), Eigen::Index(5 * 3));
}

void TrainerTest::lstmLearnsASineWave()
{
    const SineWave wave(SineWaveOptions{});
    const SequenceBatch<double>& validation = wave.validationSet();
    ModelConfig model;
    model.hiddenSize = 16;
    TrainConfig config;
    Trainer<float> trainer(model, config);
    Random sampler(2);
    const auto source = [&](SequenceBatch<double>& out) { wave.sampleTrainBatch(sampler, config.batchSize, out); };
    const double initial = trainer.evaluate(validation);
    for (int step = 0; step < 300; ++step)
        QVERIFY(!trainer.step(source).diverged);
    const double final = trainer.evaluate(validation);
    QVERIFY2(final < 0.01, qPrintable(QString("validation MSE %1 after 300 steps").arg(final)));
    QVERIFY2(final < initial / 20, qPrintable(QString("validation MSE went from %1 to %2").arg(initial).arg(final)));
}


// Each LSTM variant's i, f and o rows of bias_ih take the set value and bias_hh's the 0, in
// every layer; the candidate keeps its random start, and cells without those gates ignore it.
void TrainerTest::gateBiasesStartWhereSet()
{
    const GateBiasInit biases{-1.0, 3.0, -2.0};
    for (CellKind cell : allCellKinds()) {
        ModelConfig config = smallModel(cell);
        config.layers = 2;
        Network<double> random(config), set(config);
        random.initialize(5);
        set.initialize(5, biases);
        const auto& gates = gateNames(cell);
        const int H = config.hiddenSize;
        for (int l = 0; l < 2; ++l) {
            const std::string suffix = "_l" + std::to_string(l);
            const auto ih = set.parameters().segment(set.layout().find("bias_ih" + suffix));
            const auto hh = set.parameters().segment(set.layout().find("bias_hh" + suffix));
            const auto ihRandom = random.parameters().segment(random.layout().find("bias_ih" + suffix));
            for (int g = 0; g < int(gates.size()); ++g) {
                const std::optional<double> wanted = !hasCellState(cell) ? std::nullopt
                                                     : gates[size_t(g)] == "i" ? biases.input
                                                     : gates[size_t(g)] == "f" ? biases.forget
                                                     : gates[size_t(g)] == "o" ? biases.output
                                                                                : std::nullopt;
                for (int row = g * H; row < (g + 1) * H; ++row) {
                    if (wanted) {
                        QCOMPARE(ih(row), *wanted);
                        QCOMPARE(hh(row), 0.0);
                    } else {
                        QCOMPARE(ih(row), ihRandom(row));
                    }
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TrainerTest)
#include "tst_trainer.moc"
