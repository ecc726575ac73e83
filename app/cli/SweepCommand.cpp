// `lstm-lab-cli sweep`: how long can each cell remember? Trains a fresh model of every cell
// for every value of one data-set parameter (e.g. lag=5,10,20,50), each until solved or out
// of steps, both cores at once, and writes the classic table as CSV:
//   cell,KEY,score,solved,steps_to_solve
#include "Arguments.h"
#include "Commands.h"
#include "DataArguments.h"
#include "TrainArguments.h"

#include "io/AtomicFile.h"
#include "training/Sweep.h"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <thread>

namespace cli {

namespace {

Arguments sweepArguments()
{
    Arguments args("sweep");
    args.option("dataset", "NAME", "", "a built-in data set (see train --help)")
        .option("params", "K=V,...", "", "the data set's other parameters")
        .option("param", "KEY=V1,V2,...", "", "the parameter to sweep and its values")
        .option("cells", "A,B,...", "", "1 to 4 cells, e.g. rnn,lstm")
        .option("output", "FILE.csv", "", "where to write cell,KEY,score,solved,steps_to_solve");
    declareTrainingOptions(args, false);
    return args;
}

struct Swept {
    std::string key;
    std::vector<double> values;
};

Swept readSwept(const std::string& text)
{
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        throw UsageError("--param takes KEY=V1,V2,..., got \"" + text + "\"");
    Swept swept{text.substr(0, equals), {}};
    std::istringstream stream(text.substr(equals + 1));
    std::string item;
    while (std::getline(stream, item, ',')) {
        double value = 0;
        const char* end = item.data() + item.size();
        if (item.empty() || std::from_chars(item.data(), end, value).ptr != end)
            throw UsageError("--param " + swept.key + " takes numbers separated by commas, got \"" + item + "\"");
        swept.values.push_back(value);
    }
    if (swept.values.empty())
        throw UsageError("--param " + swept.key + " needs at least one value");
    return swept;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string row(const lstm::SweepResult& result)
{
    const double score = result.last.score ? result.last.score->value : result.last.validationLoss;
    return std::string(lstm::cellName(result.cell)) + "," + number(result.value) + "," + number(score) + "," +
           (result.solvedAt ? "true" : "false") + "," +
           (result.solvedAt ? std::to_string(*result.solvedAt) : std::string()) + "\n";
}

} // namespace

int sweepCommand(const Words& words)
{
    Arguments args = sweepArguments();
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Trains every cell at every value of one parameter, each until solved, and writes the scores.\n\n"
                  << args.usage() << dataHelp();
        return 0;
    }
    const std::string name = args.requiredText("dataset");
    if (!lstm::findGenerator(name))
        throw UsageError("--dataset \"" + name + "\" is not a built-in data set (see train --help)");
    const std::string output = args.requiredText("output");
    const Swept swept = readSwept(args.requiredText("param"));
    TrainSetup setup = readTrainSetup(args, name);
    std::printf("%s\n", describeRecommendation(name, setup).c_str());
    const std::vector<lstm::CellKind> cells = readCells(args, 1, 4);

    lstm::SweepPlan plan{name, parseParams(args.text("params")), swept.key, swept.values, {}, setup.train,
                         setup.stop, setup.evalEvery};
    for (lstm::CellKind cell : cells) {
        lstm::ModelChoices model = setup.model;
        model.cell = cell;
        plan.models.push_back(model);
    }
    std::unique_ptr<lstm::Sweep> sweep;
    try {
        sweep = std::make_unique<lstm::Sweep>(plan);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    sweep->run(int(std::max(1u, std::thread::hardware_concurrency())), [&](const lstm::SweepResult& result) {
        std::printf("%s=%s %s: %s after %ld steps\n", swept.key.c_str(), number(result.value).c_str(),
                    std::string(lstm::cellName(result.cell)).c_str(), result.solvedAt ? "solved" : "not solved",
                    result.steps);
        std::fflush(stdout);
    });

    std::string table = "cell," + swept.key + ",score,solved,steps_to_solve\n";
    for (const lstm::SweepResult& result : sweep->results())
        table += row(result);
    lstm::writeFileAtomically(output, table); // a failed write leaves an old table whole
    std::printf("wrote %s\n", output.c_str());
    return 0;
}

} // namespace cli
