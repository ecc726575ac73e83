#include "TrainArguments.h"

#include "data/Generators.h"

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
        .flag("forget-bias-one", "start the forget gate's bias at 1 (the same as --forget-bias 1)")
        .option("forget-bias", "B", "", "start every LSTM forget gate's bias at B instead of at random")
        .option("input-bias", "B", "", "start every LSTM input gate's bias at B (the 1997 paper uses negative values)")
        .option("output-bias", "B", "", "start every LSTM output gate's bias at B (the 1997 paper uses negative values)")
        .option("steps", "N", "500", "optimizer steps at most")
        .option("eval-every", "N", "50", "validate every N steps")
        .flag("until-solved", "stop at the first validation that meets the task's success criterion")
        .flag("no-until-solved", "train on past the task's success criterion (the long-lag tasks' recommended "
                                 "settings stop there)")
        .option("patience", "N", "0",
                "early stopping: stop when N validations in a row bring no better loss, and keep the best "
                "weights; 0 for off")
        .option("seed", "N", "1", "random seed: same seed and options give the same run");
}

TrainSetup readTrainSetup(const Arguments& args, const std::optional<std::string>& builtinDataset)
{
    std::optional<lstm::Recommendation> recommended;
    if (builtinDataset && lstm::findGenerator(*builtinDataset))
        recommended = lstm::recommendedSettings(*builtinDataset);
    TrainSetup setup;
    if (recommended) {
        setup.model = recommended->model;
        setup.train = recommended->train;
        setup.stop = recommended->stop;
        setup.evalEvery = recommended->evalEvery;
    }
    // Without a recommendation every option counts, given or not (its declared default).
    const auto given = [&](const char* name) { return !recommended || args.has(name); };
    if (given("optimizer")) {
        const auto optimizer = lstm::parseOptimizerKind(args.text("optimizer"));
        if (!optimizer)
            throw UsageError("--optimizer must be sgd, momentum, rmsprop or adam, got \"" + args.text("optimizer") +
                             "\"");
        setup.train.optimizer = *optimizer;
    }
    if (given("hidden"))
        setup.model.hiddenSize = args.integer("hidden", 1, 4096);
    if (given("layers"))
        setup.model.layers = args.integer("layers", 1, 4);
    if (given("lr"))
        setup.train.learningRate = args.number("lr", 0, 100);
    if (given("clip"))
        setup.train.clipNorm = args.number("clip", 0, 1e12);
    if (given("batch"))
        setup.train.batchSize = args.integer("batch", 1, 4096);
    if (given("truncation"))
        setup.train.truncation = args.integer("truncation", 0, 10000);
    const bool biasGiven = args.has("forget-bias-one") || args.has("forget-bias") || args.has("input-bias") ||
                           args.has("output-bias");
    if (biasGiven || !recommended) {
        setup.train.gateBiases = {};
        if (args.has("forget-bias-one"))
            setup.train.gateBiases.forget = 1.0;
        const auto readBias = [&args](const char* name, std::optional<double>& bias) {
            if (args.has(name))
                bias = args.number(name, -100, 100);
        };
        readBias("forget-bias", setup.train.gateBiases.forget);
        readBias("input-bias", setup.train.gateBiases.input);
        readBias("output-bias", setup.train.gateBiases.output);
    }
    setup.train.seed = std::uint64_t(args.integer("seed", 0, 2'000'000'000));
    if (given("steps"))
        setup.stop.maxSteps = args.integer("steps", 1, 100'000'000);
    setup.steps = int(setup.stop.maxSteps);
    if (given("eval-every"))
        setup.evalEvery = args.integer("eval-every", 1, 100'000'000);
    if (args.has("until-solved") && args.has("no-until-solved"))
        throw UsageError("--until-solved and --no-until-solved cannot be combined");
    if (args.has("until-solved") || args.has("no-until-solved") || !recommended)
        setup.stop.untilSolved = args.has("until-solved");
    if (given("patience"))
        setup.stop.patience = args.integer("patience", 0, 1'000'000);
    return setup;
}

std::string describeRecommendation(const std::string& dataset, const TrainSetup& setup)
{
    std::ostringstream line;
    line << "settings for " << dataset << " (the data set's recommendation where no option says otherwise): "
         << setup.model.hiddenSize << " units, " << lstm::optimizerName(setup.train.optimizer) << " lr "
         << setup.train.learningRate << ", clip ";
    if (setup.train.clipNorm > 0)
        line << setup.train.clipNorm;
    else
        line << "off";
    const lstm::GateBiasInit& biases = setup.train.gateBiases;
    for (const auto& [gate, bias] : {std::pair{"input", biases.input}, {"forget", biases.forget}, {"output", biases.output}})
        if (bias)
            line << ", " << gate << "-gate bias " << *bias << (gate == std::string("forget") ? " (LSTM)" : "");
    line << ", batch " << setup.train.batchSize << ", at most " << setup.steps << " steps"
         << (setup.stop.untilSolved ? ", until solved" : "");
    return line.str();
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
