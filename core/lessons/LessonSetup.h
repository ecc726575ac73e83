// What a lesson's setup or compare link, or a claim, asks for: a built-in data set with its
// parameters, training settings by name, and for a comparison the cells. Read from a link's
// key=value arguments with every key and value checked; turned into the settings to train
// with: the data set's recommendation, changed where the lesson says so.
#pragma once

#include "cells/CellKind.h"
#include "data/Generators.h"
#include "training/Recommended.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lstm {

struct LessonSetup {
    std::string dataset;          // a built-in data set, or ""
    std::string file;             // or a file shipped in datasets/ ("air_passengers_monthly.csv", "text/x.txt")
                                  // neither: the data in use stays (a link that changes only the model)
    GeneratorSettings parameters; // the data set's own parameters
    std::vector<std::pair<std::string, std::string>> options; // training settings (TrainingOptions), as written
    std::vector<CellKind> cells;  // a comparison's models; empty otherwise
};

// `arguments` minus `ignored` (e.g. "expect" for a claim). Throws std::invalid_argument
// naming an unknown data set, a key that is neither a training setting nor one of the data
// set's parameters, or a value out of range.
LessonSetup readLessonSetup(const std::map<std::string, std::string>& arguments,
                            const std::vector<std::string>& ignored = {});

// The data set's recommendation with the setup's training options applied; the setup must
// name a data set.
Recommendation settingsFor(const LessonSetup& setup);

} // namespace lstm
