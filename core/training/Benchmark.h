// The training-step benchmark behind `lstm-lab-cli bench`: forward + backward + Adam
// update of one recurrent layer and a one-output linear head with MSE, in float, input
// size 8, 64 timesteps. Measures wall time; a benchmark, never a test.
#pragma once

#include "cells/CellKind.h"

#include <vector>

namespace lstm {

struct BenchShape {
    CellKind cell = CellKind::Lstm;
    int hidden = 32;
    int batch = 1;
    int inputSize = 8;
    int steps = 64;
};

struct BenchResult {
    BenchShape shape;
    double msPerStep = 0; // median over the timed steps
    double gflops = 0;    // matrix-product FLOPs of one step / time; element-wise work not counted
    int repetitions = 0;
};

std::vector<BenchShape> standardBenchShapes(); // {lstm, gru, rnn} x H {32, 128, 512} x B {1, 32}
double stepFlops(const BenchShape& shape);
BenchResult runBenchmark(const BenchShape& shape, bool recordTrace, double minSeconds = 0.5);

} // namespace lstm
