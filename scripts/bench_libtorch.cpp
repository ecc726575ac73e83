// libtorch (PyTorch's C++ library) reference for `lstm-lab-cli bench`: the same training step
// as scripts/bench_torch.py, without Python's per-operation overhead. Not part of the CMake
// build and never run by CI or the tests; a yardstick run by hand.
//
// One step: zero_grad, forward, backward, Adam (lr 0.01) of ONE recurrent layer
// (torch::nn::LSTM / GRU / RNN with tanh, batch_first = false) followed by a Linear(H, 1) head
// applied at every timestep, MSE loss against a random (T, B, 1) target; float32, input
// size 8, T = 64 timesteps, one thread. After 3 warm-up steps, steps are timed one by one
// until at least --seconds (default 0.5) and at least 5 steps have passed; the median
// milliseconds per step is printed in the CLI's format (one JSON object per line with --json).
//
// Build and run (needs Debian's libtorch-dev and libopenblas0-pthread):
//     scripts/bench_libtorch.sh [--json] [--seconds S] [--cell lstm,gru] [--hidden 32,128] [--batch 1]
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

// From the OpenBLAS that libtorch is linked with (Debian's libopenblas0-pthread).
extern "C" void openblas_set_num_threads(int threads);

namespace {

constexpr int inputSize = 8;
constexpr int steps = 64;
const std::vector<std::string> cells = {"lstm", "gru", "rnn"};
const std::vector<int> hiddenSizes = {32, 128, 512};
const std::vector<int> batchSizes = {1, 32};

struct Timing {
    double msPerStep = 0; // median
    int repetitions = 0;
};

// Layer is torch::nn::LSTM, GRU or RNN; a template because the three share no base class
// with forward(), though each returns (outputs (T, B, H), final state).
template <typename Layer>
Timing timeSteps(Layer layer, int hidden, int batch, double minSeconds)
{
    torch::nn::Linear head(hidden, 1);
    std::vector<torch::Tensor> parameters = layer->parameters();
    for (const torch::Tensor& p : head->parameters())
        parameters.push_back(p);
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(0.01));
    const torch::Tensor inputs = torch::rand({steps, batch, inputSize}) * 2 - 1;
    const torch::Tensor targets = torch::rand({steps, batch, 1}) * 2 - 1;

    const auto step = [&] {
        optimizer.zero_grad();
        const torch::Tensor outputs = std::get<0>(layer->forward(inputs)); // (T, B, H)
        torch::Tensor loss = torch::mse_loss(head->forward(outputs), targets); // head at every timestep
        loss.backward();
        optimizer.step();
    };

    for (int warmUp = 0; warmUp < 3; ++warmUp)
        step();
    using Clock = std::chrono::steady_clock;
    std::vector<double> stepSeconds;
    double elapsed = 0;
    while (elapsed < minSeconds || stepSeconds.size() < 5) {
        const auto start = Clock::now();
        step();
        stepSeconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        elapsed += stepSeconds.back();
    }
    // The element at size / 2, as the CLI takes it (the upper median for an even count).
    std::nth_element(stepSeconds.begin(), stepSeconds.begin() + long(stepSeconds.size() / 2), stepSeconds.end());
    return {1000 * stepSeconds[stepSeconds.size() / 2], int(stepSeconds.size())};
}

// The matrix-product FLOPs of one step, counted as core/Benchmark.cpp's stepFlops counts
// them for the CLI: input projection, recurrent product and head, each forward and twice
// backward (weight and input gradients).
double stepFlops(const std::string& cell, int hidden, int batch)
{
    const double gates = cell == "lstm" ? 4 : cell == "gru" ? 3 : 1;
    const double columns = double(steps) * batch;
    const double recurrent = 2.0 * gates * hidden * hidden * columns;
    const double input = 2.0 * gates * hidden * inputSize * columns;
    const double head = 2.0 * hidden * columns;
    return 3 * recurrent + 3 * input + 3 * head;
}

Timing runBenchmark(const std::string& cell, int hidden, int batch, double minSeconds)
{
    torch::manual_seed(7);
    if (cell == "lstm")
        return timeSteps(torch::nn::LSTM(torch::nn::LSTMOptions(inputSize, hidden)), hidden, batch, minSeconds);
    if (cell == "gru")
        return timeSteps(torch::nn::GRU(torch::nn::GRUOptions(inputSize, hidden)), hidden, batch, minSeconds);
    return timeSteps(torch::nn::RNN(torch::nn::RNNOptions(inputSize, hidden).nonlinearity(torch::kTanh)), hidden,
                     batch, minSeconds);
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> items;
    std::istringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

std::vector<int> integerList(const std::string& text, const std::string& option)
{
    std::vector<int> values;
    for (const std::string& item : split(text)) {
        try {
            values.push_back(std::stoi(item));
        } catch (const std::exception&) {
            throw std::invalid_argument("--" + option + " must be a comma-separated list of numbers, got \"" + text + "\"");
        }
    }
    return values;
}

template <typename T>
bool selected(const std::vector<T>& filter, const T& value)
{
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

struct Options {
    bool json = false;
    double seconds = 0.5;
    std::vector<std::string> cells;
    std::vector<int> hidden;
    std::vector<int> batch;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int k = 1; k < argc; ++k) {
        const std::string word = argv[k];
        if (word == "--json") {
            options.json = true;
            continue;
        }
        if (k + 1 >= argc || (word != "--seconds" && word != "--cell" && word != "--hidden" && word != "--batch"))
            throw std::invalid_argument("usage: bench_libtorch [--json] [--seconds S] [--cell lstm,gru] "
                                        "[--hidden 32,128] [--batch 1]");
        const std::string value = argv[++k];
        if (word == "--seconds") {
            try {
                options.seconds = std::stod(value);
            } catch (const std::exception&) {
                throw std::invalid_argument("--seconds must be a number, got \"" + value + "\"");
            }
        } else if (word == "--cell") {
            options.cells = split(value);
        } else if (word == "--hidden") {
            options.hidden = integerList(value, "hidden");
        } else {
            options.batch = integerList(value, "batch");
        }
    }
    for (const std::string& cell : options.cells)
        if (!selected(cells, cell))
            throw std::invalid_argument("unknown cell \"" + cell + "\" (choose from lstm,gru,rnn)");
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    }
    // torch::set_num_threads covers ATen's own loops but not OpenBLAS, whose pthread build
    // otherwise starts one thread per core; the reference runs one thread, as the CLI does.
    torch::set_num_threads(1);
    openblas_set_num_threads(1);
    const int threads = torch::get_num_threads();
    for (const std::string& cell : cells)
        for (int hidden : hiddenSizes)
            for (int batch : batchSizes) {
                if (!selected(options.cells, cell) || !selected(options.hidden, hidden) ||
                    !selected(options.batch, batch))
                    continue;
                const Timing t = runBenchmark(cell, hidden, batch, options.seconds);
                const double gflops = stepFlops(cell, hidden, batch) / (t.msPerStep / 1000) / 1e9;
                if (options.json)
                    std::printf("{\"cell\": \"%s\", \"hidden\": %d, \"batch\": %d, \"input\": %d, \"steps\": %d, "
                                "\"threads\": %d, \"ms_per_step\": %.4f, \"gflops\": %.2f, \"repetitions\": %d}\n",
                                cell.c_str(), hidden, batch, inputSize, steps, threads, t.msPerStep, gflops,
                                t.repetitions);
                else
                    std::printf("%-5s H%-4d B%-3d  ms_per_step %9.4f  GFLOP/s %7.2f\n", cell.c_str(), hidden, batch,
                                t.msPerStep, gflops);
                std::fflush(stdout);
            }
    return 0;
}
