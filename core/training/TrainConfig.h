// How a model is trained: optimizer and its hyper-parameters, batching, truncation,
// clipping and the seed. Defaults are PyTorch's where PyTorch has one.
#pragma once

#include "nn/GateBiasInit.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace lstm {

enum class OptimizerKind { Sgd, Momentum, RmsProp, Adam };

std::string_view optimizerName(OptimizerKind kind);
std::optional<OptimizerKind> parseOptimizerKind(std::string_view name);

struct TrainConfig {
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learningRate = 0.01;
    double momentum = 0.9;     // SGD with momentum
    double rmsAlpha = 0.99;    // RMSProp smoothing
    double beta1 = 0.9;        // Adam
    double beta2 = 0.999;      // Adam
    double epsilon = 1e-8;     // RMSProp and Adam
    double clipNorm = 0;       // clip gradients to this global norm; 0 = off
    int batchSize = 16;
    int truncation = 0;        // truncated BPTT window in timesteps; 0 = full BPTT
    GateBiasInit gateBiases;   // constant initial gate biases; none by default (PyTorch's)
    std::uint64_t seed = 1;

    bool operator==(const TrainConfig&) const = default;
};

} // namespace lstm
