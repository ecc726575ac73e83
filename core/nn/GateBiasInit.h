// Gate biases set to a constant at initialisation instead of drawn at random: the forget
// gate's bias at 1 (Gers et al. 2000; Jozefowicz et al. 2015) so that a cell starts by
// remembering, or the 1997 paper's negative input and output gate biases, which keep a
// memory cell shut until training opens it. Not the rest of the initialisation (Network).
#pragma once

#include "cells/CellKind.h"

#include <optional>
#include <string>
#include <vector>

namespace lstm {

struct GateBiasInit {
    std::optional<double> input;  // LSTM's i (every LSTM variant)
    std::optional<double> forget; // LSTM's f (not in the 1997 cell)
    std::optional<double> output; // LSTM's o (every LSTM variant)

    bool any() const { return input || forget || output; }
    bool operator==(const GateBiasInit&) const = default;
};

// The gate names ("i", "f", "o") this initialisation sets for `cell`, in gate order, with
// each value; gates the cell lacks are skipped, so a GRU or plain RNN keeps its random biases.
struct GateBiasValue {
    std::string gate;
    double value = 0;
};
std::vector<GateBiasValue> gateBiasValues(const GateBiasInit& init, CellKind cell);

} // namespace lstm
