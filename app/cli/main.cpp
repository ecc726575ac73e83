// lstm-lab-cli: the headless front end of LSTM Lab. Dispatches to one command and turns
// every mistake into a one-line message with exit status 2.
#include "Arguments.h"
#include "Commands.h"

#include <Eigen/Core>

#include <cstdio>
#include <exception>
#include <functional>
#include <map>

namespace {

const char* overview =
    "usage: lstm-lab-cli COMMAND [options]   (lstm-lab-cli COMMAND --help for its options)\n\n"
    "commands:\n"
    "  train      train a model on a data set, optionally --save it\n"
    "  compare    train 2 to 4 cells side by side on the same batches\n"
    "  sweep      train each cell at each value of a parameter (e.g. the lag): how long can it remember?\n"
    "  lessons    list the guided lessons, or check their claims headless\n"
    "  run        one sequence forward through a model: outputs and states as CSV\n"
    "  grad       loss and every parameter's gradient for one sequence, as JSON\n"
    "  trace      everything one forward and backward pass computes for one sequence, as JSON\n"
    "  gradcheck  check every gradient against finite differences\n"
    "  bench      time a training step for several cells and sizes\n"
    "  inspect    what the CSV import detects in a file, or where the file is wrong\n"
    "  bench-csv  time the CSV import on a generated file\n";

int fail(const std::string& message)
{
    std::fprintf(stderr, "lstm-lab-cli: error: %s\n", message.c_str());
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    const std::map<std::string, std::function<int(const cli::Words&)>> commands{
        {"train", cli::trainCommand},         {"run", cli::runCommand},     {"grad", cli::gradCommand},
        {"gradcheck", cli::gradcheckCommand}, {"bench", cli::benchCommand},
        {"inspect", cli::inspectCommand},     {"bench-csv", cli::benchCsvCommand},
        {"compare", cli::compareCommand},     {"sweep", cli::sweepCommand},
        {"lessons", cli::lessonsCommand},     {"trace", cli::traceCommand},
    };
    if (argc >= 2 && std::string(argv[1]) == "--version") {
        std::printf("lstm-lab-cli %s\n", LSTM_LAB_VERSION);
        return 0;
    }
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::fputs(overview, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    // One thread unless a command asks for more (bench --threads): runs stay reproducible
    // in speed, and OpenMP's spinning threads do not compete with anything else running.
    Eigen::setNbThreads(1);
    const auto command = commands.find(argv[1]);
    if (command == commands.end())
        return fail(std::string("unknown command \"") + argv[1] + "\" (try lstm-lab-cli --help)");
    try {
        return command->second(cli::Words(argv + 2, argv + argc));
    } catch (const std::exception& error) { // usage, model file, CSV and engine errors alike
        return fail(error.what());
    }
}
