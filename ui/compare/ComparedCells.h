// The cells the Compare and Sweep pages offer, in the order they offer them: a plain RNN first
// and an LSTM second, the two the first comparison should show (both start ticked), then
// the GRU and the 1997 LSTM.
#pragma once

#include "cells/CellKind.h"

#include <array>

inline constexpr std::array<lstm::CellKind, 4> comparedCells{lstm::CellKind::Rnn, lstm::CellKind::Lstm,
                                                             lstm::CellKind::Gru, lstm::CellKind::Lstm1997};
