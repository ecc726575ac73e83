// The settings under which each built-in data set's story happens on this machine: the
// optimizer, learning rate, clipping, gate biases, batch and model size, a step budget, how
// often to validate, and a speed a class can follow. Choosing a data set applies them in the
// window and in `lstm-lab-cli train --dataset NAME`; the lessons' claims (tests labelled
// `lessons`) prove that they work. Not the data sets themselves (Generators).
#pragma once

#include "data/Dataset.h"
#include "training/StopRule.h"
#include "training/TrainConfig.h"

#include <string>

namespace lstm {

struct Recommendation {
    ModelChoices model;
    TrainConfig train;       // the seed is left at 1; the user's seed wins
    StopConditions stop;     // the step budget, and whether to stop when solved
    int evalEvery = 50;      // validate every N steps
    double classroomSpeed = 100; // steps per second in the window: fast enough to finish, slow enough to watch
    std::string why;         // one sentence: what these settings make happen, and what they were chosen against
};

// The recommendation for a built-in data set; throws std::invalid_argument for an unknown name.
Recommendation recommendedSettings(const std::string& dataset);
// For a user's CSV series: small data overfits within seconds, so train long, validate
// often, and stop early keeping the best weights.
Recommendation recommendedForSeries();

} // namespace lstm
