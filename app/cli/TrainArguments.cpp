#include "TrainArguments.h"

#include <sstream>

namespace cli {

void declareTrainingOptions(Arguments& args, bool withCell)
{
    if (withCell)
        args.option("cell", "NAME", "lstm", "lstm, lstm-peephole, lstm-1997, gru or rnn");
    args.option("hidden", "N", "16", "hidden units per layer")
        .option("layers", "N", "1", "stacked recurrent layers, 1 to 4")
        .option("batch", "N", "16", "sequences per mini-batch")
        .option("truncation", "K", "0", "truncated BPTT window in timesteps, 0 for full BPTT")
        .option("optimizer", "NAME", "adam", "sgd, momentum, rmsprop or adam")
        .option("lr", "RATE", "0.01", "learning rate")
        .option("clip", "NORM", "0", "clip gradients to this global norm, 0 for off")
        .flag("forget-bias-one", "start the forget gate's bias at 1")
        .option("steps", "N", "500", "optimizer steps at most")
        .option("eval-every", "N", "50", "validate every N steps")
        .flag("until-solved", "stop at the first validation that meets the task's success criterion")
        .option("patience", "N", "0",
                "early stopping: stop when N validations in a row bring no better loss, and keep the best "
                "weights; 0 for off")
        .option("seed", "N", "1", "random seed: same seed and options give the same run");
}

TrainSetup readTrainSetup(const Arguments& args)
{
    TrainSetup setup;
    const auto optimizer = lstm::parseOptimizerKind(args.text("optimizer"));
    if (!optimizer)
        throw UsageError("--optimizer must be sgd, momentum, rmsprop or adam, got \"" + args.text("optimizer") + "\"");
    setup.model.hiddenSize = args.integer("hidden", 1, 4096);
    setup.model.layers = args.integer("layers", 1, 4);
    setup.train.optimizer = *optimizer;
    setup.train.learningRate = args.number("lr", 0, 100);
    setup.train.clipNorm = args.number("clip", 0, 1e12);
    setup.train.batchSize = args.integer("batch", 1, 4096);
    setup.train.truncation = args.integer("truncation", 0, 10000);
    setup.train.forgetBiasOne = args.has("forget-bias-one");
    setup.train.seed = std::uint64_t(args.integer("seed", 0, 2'000'000'000));
    setup.steps = args.integer("steps", 1, 100'000'000);
    setup.evalEvery = args.integer("eval-every", 1, 100'000'000);
    setup.stop.maxSteps = setup.steps;
    setup.stop.untilSolved = args.has("until-solved");
    setup.stop.patience = args.integer("patience", 0, 1'000'000);
    return setup;
}

lstm::CellKind readCell(const Arguments& args)
{
    const auto cell = lstm::parseCellKind(args.text("cell"));
    if (!cell)
        throw UsageError("--cell must be lstm, lstm-peephole, lstm-1997, gru or rnn, got \"" + args.text("cell") + "\"");
    return *cell;
}

std::vector<lstm::CellKind> readCells(const Arguments& args, int least, int most)
{
    std::vector<lstm::CellKind> cells;
    std::istringstream stream(args.requiredText("cells"));
    std::string name;
    while (std::getline(stream, name, ',')) {
        const auto cell = lstm::parseCellKind(name);
        if (!cell)
            throw UsageError("--cells takes cell names separated by commas (lstm, lstm-peephole, lstm-1997, gru, "
                             "rnn), got \"" + name + "\"");
        cells.push_back(*cell);
    }
    if (int(cells.size()) < least || int(cells.size()) > most)
        throw UsageError("--cells takes " + std::to_string(least) + " to " + std::to_string(most) + " cells, got " +
                         std::to_string(cells.size()));
    return cells;
}

} // namespace cli
