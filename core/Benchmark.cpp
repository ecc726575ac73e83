#include "Benchmark.h"

#include "Random.h"
#include "Trainer.h"

#include <chrono>

namespace lstm {

std::vector<BenchShape> standardBenchShapes()
{
    std::vector<BenchShape> shapes;
    for (CellKind cell : {CellKind::Lstm, CellKind::Gru, CellKind::Rnn})
        for (int hidden : {32, 128, 512})
            for (int batch : {1, 32})
                shapes.push_back({cell, hidden, batch});
    return shapes;
}

// Forward: input projection and recurrent product; backward: the two weight gradients,
// the input gradient and the recurrent product again; plus the head both ways.
double stepFlops(const BenchShape& s)
{
    const double G = gateCount(s.cell);
    const double columns = double(s.steps) * s.batch;
    const double recurrent = 2.0 * G * s.hidden * s.hidden * columns;
    const double input = 2.0 * G * s.hidden * s.inputSize * columns;
    const double head = 2.0 * s.hidden * columns;
    return 3 * recurrent + 3 * input + 3 * head;
}

BenchResult runBenchmark(const BenchShape& shape, bool recordTrace, double minSeconds)
{
    ModelConfig model{.cell = shape.cell, .inputSize = shape.inputSize, .hiddenSize = shape.hidden, .outputSize = 1};
    TrainConfig config;
    config.batchSize = shape.batch;
    Trainer<float> trainer(model, config);
    trainer.setRecording(recordTrace);

    Random random(7);
    SequenceBatch<double> data;
    data.steps = shape.steps;
    data.batch = shape.batch;
    data.inputs.resize(shape.inputSize, shape.steps * shape.batch);
    data.targets.resize(1, shape.steps * shape.batch);
    for (auto& value : data.inputs.reshaped())
        value = random.uniform(-1, 1);
    for (auto& value : data.targets.reshaped())
        value = random.uniform(-1, 1);
    const auto source = [&data](SequenceBatch<double>& out) { out = data; };

    for (int warmUp = 0; warmUp < 3; ++warmUp)
        trainer.step(source);
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    double elapsed = 0;
    BenchResult result{shape};
    while (elapsed < minSeconds || result.repetitions < 5) {
        trainer.step(source);
        ++result.repetitions;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    result.msPerStep = 1000 * elapsed / result.repetitions;
    result.gflops = stepFlops(shape) * result.repetitions / elapsed / 1e9;
    return result;
}

} // namespace lstm
