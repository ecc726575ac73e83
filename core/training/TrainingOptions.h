// Training settings by name, as lesson files write them ("lr=0.003", "cell=rnn",
// "forget-bias=random"): the keys, and setting one on a Recommendation with its range
// checked. A lesson's claims and its setup links both go through here. Not the command
// line's options, which carry their own help and defaults (app/cli/TrainArguments).
#pragma once

#include "training/Recommended.h"

#include <string>
#include <vector>

namespace lstm {

// cell, hidden, layers, optimizer, lr, clip, batch, truncation, input-bias, forget-bias,
// output-bias, seed, steps, eval-every, patience, until-solved.
const std::vector<std::string>& trainingOptionKeys();
bool isTrainingOption(const std::string& key);

// Throws std::invalid_argument with a sentence naming the key and what it takes.
void setTrainingOption(Recommendation& settings, const std::string& key, const std::string& value);

} // namespace lstm
