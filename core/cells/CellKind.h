// The five recurrent cell types and their fixed gate vocabulary (PyTorch's order).
// Not the cells themselves: see LstmLayer, GruLayer, RnnLayer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lstm {

enum class CellKind {
    Lstm,          // Gers et al. 1999, exactly nn.LSTM: gates i, f, g, o
    LstmPeephole,  // Gers & Schmidhuber 2000: i, f see c_{t-1}; o sees c_t
    Lstm1997,      // Hochreiter & Schmidhuber 1997: no forget gate, gates i, g, o
    Gru,           // Cho et al. 2014, exactly nn.GRU: gates r, z, n
    Rnn,           // Elman tanh RNN, exactly nn.RNN: one gate
};

std::string_view cellName(CellKind kind);
std::optional<CellKind> parseCellKind(std::string_view name);
std::vector<CellKind> allCellKinds();

// Gate names in the row order of weight_ih / weight_hh, e.g. {"i","f","g","o"}.
const std::vector<std::string>& gateNames(CellKind kind);
int gateCount(CellKind kind);
// Whether the gate's activation is a sigmoid, in (0, 1); the others are tanh, in (-1, 1):
// LSTM's candidate g, GRU's n and the plain RNN's single gate.
bool isSigmoidGate(CellKind kind, int gate);
bool hasCellState(CellKind kind);
bool hasPeepholes(CellKind kind);

} // namespace lstm
