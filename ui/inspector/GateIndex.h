// Gates by their PyTorch names, so no view or formula hard-codes a gate's position: the
// index of a named gate, and the gate that keeps the state. Plain C++, no Qt.
#pragma once

#include "cells/CellKind.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

// The gate called `name` ("f", "z", ...) in gateNames(kind) order, or -1 when the cell has none.
inline int gateIndex(lstm::CellKind kind, std::string_view name)
{
    const std::vector<std::string>& names = lstm::gateNames(kind);
    const auto found = std::find(names.begin(), names.end(), name);
    return found == names.end() ? -1 : int(found - names.begin());
}

// The gate that keeps the state from one timestep to the next: the LSTM's forget gate f,
// the GRU's update gate z; -1 for the 1997 LSTM and the plain RNN, which have none.
inline int keepGateIndex(lstm::CellKind kind)
{
    switch (kind) {
    case lstm::CellKind::Lstm:
    case lstm::CellKind::LstmPeephole: return gateIndex(kind, "f");
    case lstm::CellKind::Gru: return gateIndex(kind, "z");
    case lstm::CellKind::Lstm1997:
    case lstm::CellKind::Rnn: break;
    }
    return -1;
}
