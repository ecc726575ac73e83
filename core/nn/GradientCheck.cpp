#include "nn/GradientCheck.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace lstm {

namespace {

constexpr double differenceStep = 1e-4;
constexpr double relativeFloor = 1e-4;

double lossAt(Network<double>& network, const SequenceBatch<double>& batch, const RecurrentState<double>& initial)
{
    network.forward(batch, 0, batch.steps, initial);
    return network.loss(batch);
}

// Five-point central difference of the loss with respect to one scalar, restored
// afterwards. Its truncation error is O(h^4), so with h = 1e-4 both truncation (~1e-16)
// and rounding (~1e-12) stay far below the 1e-6 the checks demand; the plain two-point
// difference could not reach that on gradients of size 1e-5.
double numericDerivative(double& value, const std::function<double()>& loss)
{
    const double saved = value;
    const auto at = [&](double offset) {
        value = saved + offset;
        return loss();
    };
    const double h = differenceStep;
    const double derivative = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
    value = saved;
    return derivative;
}

void compare(GradientCheckResult& result, const std::string& name, Eigen::Index index, double analytic, double numeric)
{
    ++result.checked;
    const double error = relativeError(analytic, numeric);
    if (error >= result.worstRelativeError) {
        result.worstRelativeError = error;
        result.worstName = name;
        result.worstIndex = index;
        result.analytic = analytic;
        result.numeric = numeric;
    }
}

void checkState(GradientCheckResult& result, const std::string& name, Matrix<double>& state,
                const Eigen::Ref<const Matrix<double>>& analytic, const std::function<double()>& loss)
{
    for (Eigen::Index k = 0; k < state.size(); ++k)
        compare(result, name, k, analytic.data()[k], numericDerivative(state.data()[k], loss));
}

} // namespace

double relativeError(double analytic, double numeric)
{
    const double scale = std::max({std::abs(analytic), std::abs(numeric), relativeFloor});
    return std::abs(analytic - numeric) / scale;
}

SequenceBatch<double> randomBatch(const ModelConfig& config, int steps, int batch, Random& random)
{
    SequenceBatch<double> out;
    out.steps = steps;
    out.batch = batch;
    const int cols = steps * batch;
    if (config.symbolInput()) {
        for (int k = 0; k < cols; ++k)
            out.symbols.push_back(random.integer(config.inputSize));
    } else {
        out.inputs.resize(config.inputSize, cols);
        for (auto& value : out.inputs.reshaped())
            value = random.uniform(-1, 1);
    }
    const int targetCols = config.outputAt == OutputAt::EveryStep ? cols : batch;
    if (config.output == OutputKind::Regression) {
        out.targets.resize(config.outputSize, targetCols);
        for (auto& value : out.targets.reshaped())
            value = random.uniform(-1, 1);
    } else {
        for (int k = 0; k < targetCols; ++k)
            out.classes.push_back(random.integer(config.outputSize));
    }
    return out;
}

RecurrentState<double> randomState(const ModelConfig& config, int batch, Random& random)
{
    RecurrentState<double> state;
    state.setZero(config, batch);
    for (auto* states : {&state.h, &state.c})
        for (Matrix<double>& layer : *states)
            for (auto& value : layer.reshaped())
                value = random.uniform(-1, 1);
    return state;
}

GradientCheckResult checkGradients(Network<double>& network, const SequenceBatch<double>& batch,
                                   const RecurrentState<double>& initial)
{
    ParameterSet<double> grads(network.layout());
    network.forward(batch, 0, batch.steps, initial);
    network.loss(batch);
    network.backward(grads);
    std::vector<Matrix<double>> dH0, dC0;
    for (int l = 0; l < network.layerCount(); ++l) {
        dH0.emplace_back(network.layer(l).initialHiddenGradient());
        if (hasCellState(network.config().cell))
            dC0.emplace_back(network.layer(l).initialCellGradient());
    }

    GradientCheckResult result;
    RecurrentState<double> state = initial;
    const auto loss = [&] { return lossAt(network, batch, state); };
    Vector<double>& values = network.parameters().values();
    for (const TensorInfo& tensor : network.layout().tensors())
        for (Eigen::Index k = 0; k < tensor.size(); ++k)
            compare(result, tensor.name, k, grads.values()[tensor.offset + k],
                    numericDerivative(values[tensor.offset + k], loss));
    for (size_t l = 0; l < dH0.size(); ++l) {
        checkState(result, "h0_l" + std::to_string(l), state.h[l], dH0[l], loss);
        if (!dC0.empty())
            checkState(result, "c0_l" + std::to_string(l), state.c[l], dC0[l], loss);
    }
    return result;
}

std::vector<GradientCheckCase> standardGradientCases()
{
    std::vector<GradientCheckCase> cases;
    for (CellKind cell : allCellKinds()) {
        const std::string name(cellName(cell));
        ModelConfig regression{.cell = cell, .inputSize = 3, .hiddenSize = 4, .layers = 1, .outputSize = 2};
        cases.push_back({name + " mse every-step", regression});

        ModelConfig stacked = regression;
        stacked.layers = 2;
        stacked.outputAt = OutputAt::LastStep;
        cases.push_back({name + " 2 layers mse last-step", stacked});

        ModelConfig classifier = regression;
        classifier.output = OutputKind::Classification;
        classifier.outputSize = 3;
        cases.push_back({name + " xent every-step", classifier});

        ModelConfig text = classifier;
        text.input = InputKind::Embedding;
        text.inputSize = 5;
        text.embeddingSize = 3;
        text.layers = 2;
        text.outputAt = OutputAt::LastStep;
        cases.push_back({name + " embedding 2 layers xent last-step", text});

        // A batch of 9 and 8 units take the packed recurrent kernel (8 columns at a time)
        // and its leftovers, which the small cases above leave to Eigen.
        ModelConfig wide = regression;
        wide.hiddenSize = 8;
        cases.push_back({name + " batch 9 packed kernel", wide, 4, 9});

        ModelConfig oneHot = classifier;
        oneHot.input = InputKind::OneHot;
        oneHot.inputSize = 4;
        cases.push_back({name + " one-hot xent every-step", oneHot});
    }
    return cases;
}

GradientCheckResult runGradientCase(const GradientCheckCase& gradientCase, std::uint64_t seed)
{
    Network<double> network(gradientCase.model);
    network.initialize(seed);
    Random random(seed + 1);
    const SequenceBatch<double> batch = randomBatch(gradientCase.model, gradientCase.steps, gradientCase.batch, random);
    const RecurrentState<double> initial = randomState(gradientCase.model, gradientCase.batch, random);
    return checkGradients(network, batch, initial);
}

} // namespace lstm
