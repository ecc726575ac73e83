// A batch of equally long sequences with their targets, as the network consumes it.
// Plain data; datasets fill it, the trainer converts it to its scalar type once per step.
//
// Size legend: I = input size, O = output size, T = timesteps, B = batch.
// Columns are ordered t*B + b, so a window of timesteps is a contiguous block.
#pragma once

#include "nn/Tensor.h"

#include <vector>

namespace lstm {

template <typename S>
struct SequenceBatch {
    int steps = 0;
    int batch = 0;
    Matrix<S> inputs;          // (I, T*B) dense features; unused for symbol input
    std::vector<int> symbols;  // (T*B) symbol ids; only for symbol input
    Matrix<S> targets;         // regression: (O, T*B) every-step or (O, B) last-step
    std::vector<int> classes;  // classification: (T*B) every-step or (B) last-step

    int columns() const { return steps * batch; }
};

// The same batch in another scalar type, reusing out's memory.
template <typename S>
void convertBatch(const SequenceBatch<double>& source, SequenceBatch<S>& out)
{
    out.steps = source.steps;
    out.batch = source.batch;
    out.inputs = source.inputs.template cast<S>();
    out.symbols = source.symbols;
    out.targets = source.targets.template cast<S>();
    out.classes = source.classes;
}

} // namespace lstm
