// Which data `train` learns from: a built-in generator (--dataset, --params), a user's CSV
// series (--csv with the import, column and window options) or a text (--text). Declares
// those options and builds the Dataset; not the model or training options (TrainCommand.cpp).
#pragma once

#include "Arguments.h"

#include "data/Dataset.h"
#include "data/Generators.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace cli {

void declareDataOptions(Arguments& args);
// Throws UsageError for contradictory options; CsvImportError, TextError or
// std::invalid_argument for a file that cannot be read or does not fit the options.
std::unique_ptr<lstm::Dataset> makeDataset(const Arguments& args, std::uint64_t seed);
std::string dataHelp();
// The built-in data set's name when the data is one (--dataset, or none of --csv and --text).
std::optional<std::string> builtinDataset(const Arguments& args);
// --params as KEY -> value; throws UsageError when it is not KEY=NUMBER,...
lstm::GeneratorSettings parseParams(const std::string& text); // the built-in data sets and their parameters, for --help

} // namespace cli
