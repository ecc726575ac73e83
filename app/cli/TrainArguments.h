// The model and training options that train, compare and sweep share (--cell, --hidden,
// --lr, --steps, --until-solved, --patience, ...): declared once, read into a TrainSetup.
// Not the data options (DataArguments.h).
#pragma once

#include "Arguments.h"

#include "data/Dataset.h"
#include "training/Recommended.h"
#include "training/StopRule.h"
#include "training/TrainConfig.h"

#include <optional>
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
// Everything but the cell, which is --cell or --cells. On a built-in data set, an option
// left out takes the set's recommended value (Recommended.h) instead of its declared default.
TrainSetup readTrainSetup(const Arguments& args, const std::optional<std::string>& builtinDataset);
// One line naming the settings a run on built-in data uses, for the top of its output.
std::string describeRecommendation(const std::string& dataset, const TrainSetup& setup);
lstm::CellKind readCell(const Arguments& args);
// "rnn,lstm" as cell kinds, in order; at least `least` and at most `most` of them.
std::vector<lstm::CellKind> readCells(const Arguments& args, int least, int most);

} // namespace cli
