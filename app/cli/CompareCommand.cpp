// `lstm-lab-cli compare`: trains 2 to 4 models of different cells on the same data, in
// lock-step on both cores, and ends with one line per model:
//   model CELL: SCORE_NAME VALUE (solved|not solved) after N steps
#include "Arguments.h"
#include "Commands.h"
#include "DataArguments.h"
#include "TrainArguments.h"

#include "training/Comparison.h"

#include <cstdio>
#include <iostream>
#include <thread>

namespace cli {

namespace {

Arguments compareArguments()
{
    Arguments args("compare");
    declareDataOptions(args);
    declareTrainingOptions(args, false);
    args.option("cells", "A,B,...", "", "2 to 4 cells to compare, e.g. rnn,lstm (the same cell twice is allowed)");
    return args;
}

std::string cellLabel(lstm::CellKind cell)
{
    return std::string(lstm::cellName(cell));
}

// The task's score when it has one; otherwise the validation loss, which has no criterion.
std::string scoreText(const lstm::Evaluation& evaluation)
{
    char value[64];
    if (evaluation.score) {
        std::snprintf(value, sizeof value, "%.4g", evaluation.score->value);
        return evaluation.score->name + " " + value + (evaluation.score->solved ? " (solved)" : " (not solved)");
    }
    std::snprintf(value, sizeof value, "%.4g", evaluation.validationLoss);
    return std::string("validation loss ") + value + " (not solved)";
}

// The step the runs still training have reached; runs that stopped stay behind.
long furthest(const lstm::Comparison<float>& comparison)
{
    long most = 0;
    for (int k = 0; k < comparison.size(); ++k)
        most = std::max(most, comparison.run(k).steps());
    return most;
}

} // namespace

int compareCommand(const Words& words)
{
    Arguments args = compareArguments();
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Trains several cells side by side on the same batches and compares their scores.\n\n"
                  << args.usage() << dataHelp();
        return 0;
    }
    const std::optional<std::string> builtin = builtinDataset(args);
    TrainSetup setup = readTrainSetup(args, builtin);
    const std::vector<lstm::CellKind> cells = readCells(args, 2, 4);
    if (builtin && lstm::findGenerator(*builtin))
        std::printf("%s\n", describeRecommendation(*builtin, setup).c_str());
    const std::unique_ptr<lstm::Dataset> data = makeDataset(args, setup.train.seed);
    std::vector<lstm::ModelConfig> models;
    for (lstm::CellKind cell : cells) {
        setup.model.cell = cell;
        models.push_back(lstm::modelFor(data->shape(), setup.model));
    }
    const int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    lstm::Comparison<float> comparison(*data, models, setup.train, setup.stop, threads);
    while (!comparison.allStopped()) {
        comparison.advance(setup.evalEvery - furthest(comparison) % setup.evalEvery);
        std::printf("step %ld", furthest(comparison));
        for (int k = 0; k < comparison.size(); ++k)
            std::printf("  %s %s", cellLabel(cells[size_t(k)]).c_str(), scoreText(comparison.run(k).last()).c_str());
        std::printf("\n");
        std::fflush(stdout);
    }
    bool diverged = false;
    for (int k = 0; k < comparison.size(); ++k) {
        const lstm::TrainingRun<float>& run = comparison.run(k);
        diverged = diverged || run.reason() == lstm::StopReason::Diverged;
        std::printf("model %s: %s after %ld steps\n", cellLabel(cells[size_t(k)]).c_str(),
                    scoreText(run.last()).c_str(), run.steps());
    }
    return diverged ? 1 : 0;
}

} // namespace cli
