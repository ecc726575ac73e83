// The model and training options that train, compare and sweep share (--cell, --hidden,
// --lr, --steps, --until-solved, --patience, ...): declared once, read into a TrainSetup.
// Not the data options (DataArguments.h).
#pragma once

#include "Arguments.h"

#include "data/Dataset.h"
#include "training/StopRule.h"
#include "training/TrainConfig.h"

#include <string>
#include <vector>

namespace cli {

struct TrainSetup {
    lstm::ModelChoices model;
    lstm::TrainConfig train;
    int steps = 0;
    int evalEvery = 0;
    lstm::StopConditions stop;
};

// `withCell`: declare --cell (train); compare and sweep take --cells instead.
void declareTrainingOptions(Arguments& args, bool withCell);
// Everything but the cell, which is --cell or --cells.
TrainSetup readTrainSetup(const Arguments& args);
lstm::CellKind readCell(const Arguments& args);
// "rnn,lstm" as cell kinds, in order; at least `least` and at most `most` of them.
std::vector<lstm::CellKind> readCells(const Arguments& args, int least, int most);

} // namespace cli
