// The built-in data sets, described as data so that the CLI and the window can list them and
// offer every parameter without knowing each one: a name, a one-line description, and
// numeric parameters with ranges and defaults. Not the generators themselves (one file each).
#pragma once

#include "data/Dataset.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lstm {

struct GeneratorParameter {
    std::string key;   // as on the command line: --param key=value
    std::string label; // as in the window
    std::string help;  // one sentence
    double value = 0;  // default
    double minimum = 0;
    double maximum = 1;
    bool integer = false;
};

struct GeneratorInfo {
    std::string name;        // e.g. "sine"
    std::string title;       // e.g. "Sine wave"
    std::string description; // one line
    std::vector<GeneratorParameter> parameters;
};

using GeneratorSettings = std::map<std::string, double>; // key -> value; absent keys take defaults

const std::vector<GeneratorInfo>& builtinGenerators();
const GeneratorInfo* findGenerator(const std::string& name);

// Builds a generator; throws std::invalid_argument naming an unknown generator, an unknown
// parameter, or a value outside its range.
std::unique_ptr<Dataset> makeGenerator(const std::string& name, const GeneratorSettings& settings,
                                       std::uint64_t seed);

} // namespace lstm
