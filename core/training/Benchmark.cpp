#include "training/Benchmark.h"

#include "nn/Random.h"
#include "training/Trainer.h"

#include <algorithm>
#include <chrono>
#include <vector>

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
    // Each step is timed on its own and the median reported, so that a burst of load
    // from elsewhere on the machine moves the figure less than a mean would.
    using Clock = std::chrono::steady_clock;
    std::vector<double> stepSeconds;
    double elapsed = 0;
    while (elapsed < minSeconds || stepSeconds.size() < 5) {
        const auto start = Clock::now();
        trainer.step(source);
        stepSeconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        elapsed += stepSeconds.back();
    }
    std::nth_element(stepSeconds.begin(), stepSeconds.begin() + long(stepSeconds.size() / 2), stepSeconds.end());
    const double median = stepSeconds[stepSeconds.size() / 2];
    BenchResult result{shape};
    result.repetitions = int(stepSeconds.size());
    result.msPerStep = 1000 * median;
    result.gflops = stepFlops(shape) / median / 1e9;
    return result;
}

} // namespace lstm
