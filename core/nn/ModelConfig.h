// What a model is: cell type, sizes, how symbols enter and what comes out.
// Not how it is trained (TrainConfig) nor its weights (ParameterSet).
#pragma once

#include "cells/CellKind.h"

#include <string>
#include <vector>

namespace lstm {

enum class InputKind {
    Dense,     // feature vectors of size inputSize
    OneHot,    // symbol ids in [0, inputSize), fed as one-hot vectors
    Embedding, // symbol ids in [0, inputSize), fed as rows of embedding.weight (inputSize, embeddingSize)
};

enum class OutputKind {
    Regression,     // linear head, MSE loss
    Classification, // linear head gives logits, softmax cross-entropy loss
};

enum class OutputAt {
    EveryStep, // the head reads the top layer's h at every timestep
    LastStep,  // the head reads only the last timestep
};

struct ModelConfig {
    CellKind cell = CellKind::Lstm;
    int inputSize = 1;
    int hiddenSize = 16;
    int layers = 1;
    int outputSize = 1;
    InputKind input = InputKind::Dense;
    int embeddingSize = 0; // only for InputKind::Embedding
    OutputKind output = OutputKind::Regression;
    OutputAt outputAt = OutputAt::EveryStep;
    std::vector<std::string> vocabulary; // one entry per symbol, for text models

    // Size of the vectors fed to layer 0.
    int layerInputSize(int layer) const;
    bool symbolInput() const { return input != InputKind::Dense; }

    // Empty when valid, otherwise a sentence naming the offending field.
    std::string validate() const;

    bool operator==(const ModelConfig&) const = default;
};

std::string_view inputKindName(InputKind kind);
std::string_view outputKindName(OutputKind kind);
std::string_view outputAtName(OutputAt at);

} // namespace lstm
