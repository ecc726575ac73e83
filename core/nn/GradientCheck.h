// Finite-difference check of the engine's exact BPTT, in double: five-point central differences on
// every parameter and on the initial state, compared by relative error. Used by the
// gradcheck command and the tests. Not a unit test framework.
#pragma once

#include "nn/Network.h"
#include "nn/Random.h"

#include <string>
#include <vector>

namespace lstm {

struct GradientCheckCase {
    std::string name;
    ModelConfig model;
    int steps = 5;
    int batch = 2;
};

struct GradientCheckResult {
    double worstRelativeError = 0;
    std::string worstName;   // tensor (or "h0_l0", "c0_l0") holding the worst element
    Eigen::Index worstIndex = 0;
    double analytic = 0;
    double numeric = 0;
    long checked = 0;        // number of elements compared
};

// |analytic - numeric| / max(|analytic|, |numeric|, floor): relative, with a floor so that
// gradients that are zero up to rounding are judged by their absolute error.
double relativeError(double analytic, double numeric);

// Random data of the right kind for a model: dense inputs in [-1, 1] or symbols, and targets.
SequenceBatch<double> randomBatch(const ModelConfig& config, int steps, int batch, Random& random);
RecurrentState<double> randomState(const ModelConfig& config, int batch, Random& random);

// Checks d(loss)/d(every parameter) and d(loss)/d(initial state) of one window.
GradientCheckResult checkGradients(Network<double>& network, const SequenceBatch<double>& batch,
                                   const RecurrentState<double>& initial);

// Every cell type with both losses, both output positions, stacking, symbol inputs and a
// nonzero initial state (what a truncated-BPTT window starts from).
std::vector<GradientCheckCase> standardGradientCases();
GradientCheckResult runGradientCase(const GradientCheckCase& gradientCase, std::uint64_t seed);

} // namespace lstm
