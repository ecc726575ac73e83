// The lstm-lab-cli commands. Each takes the words after its name, prints to stdout,
// reports mistakes by throwing cli::UsageError (exit 2) or an engine error, and returns
// the exit status.
#pragma once

#include <string>
#include <vector>

namespace cli {

using Words = std::vector<std::string>;

int trainCommand(const Words& words);
int runCommand(const Words& words);
int gradCommand(const Words& words);
int gradcheckCommand(const Words& words);
int benchCommand(const Words& words);
int inspectCommand(const Words& words);
int benchCsvCommand(const Words& words);
int compareCommand(const Words& words);
int sweepCommand(const Words& words);
int lessonsCommand(const Words& words);
int traceCommand(const Words& words);

} // namespace cli
