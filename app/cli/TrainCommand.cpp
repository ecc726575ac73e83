// `lstm-lab-cli train`: trains a model on a data set and optionally saves it.
#include "Arguments.h"
#include "Commands.h"
#include "DataArguments.h"

#include "nn/Inference.h"
#include "io/ModelFile.h"
#include "training/Trainer.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace cli {

namespace {

Arguments trainArguments()
{
    Arguments args("train");
    declareDataOptions(args);
    args.option("cell", "NAME", "lstm", "lstm, lstm-peephole, lstm-1997, gru or rnn")
        .option("hidden", "N", "16", "hidden units per layer")
        .option("layers", "N", "1", "stacked recurrent layers, 1 to 4")
        .option("batch", "N", "16", "sequences per mini-batch")
        .option("truncation", "K", "0", "truncated BPTT window in timesteps, 0 for full BPTT")
        .option("optimizer", "NAME", "adam", "sgd, momentum, rmsprop or adam")
        .option("lr", "RATE", "0.01", "learning rate")
        .option("clip", "NORM", "0", "clip gradients to this global norm, 0 for off")
        .flag("forget-bias-one", "start the forget gate's bias at 1")
        .option("steps", "N", "500", "optimizer steps")
        .option("eval-every", "N", "50", "validate every N steps")
        .option("seed", "N", "1", "random seed: same seed and options give the same run")
        .option("precision", "TYPE", "float", "float or double")
        .option("save", "FILE", "", "save the trained model to FILE");
    return args;
}

struct TrainSetup {
    lstm::ModelChoices model;
    lstm::TrainConfig train;
    int steps = 0;
    int evalEvery = 0;
    std::string savePath;
};

TrainSetup readSetup(const Arguments& args)
{
    TrainSetup setup;
    const auto cell = lstm::parseCellKind(args.text("cell"));
    if (!cell)
        throw UsageError("--cell must be lstm, lstm-peephole, lstm-1997, gru or rnn, got \"" + args.text("cell") + "\"");
    const auto optimizer = lstm::parseOptimizerKind(args.text("optimizer"));
    if (!optimizer)
        throw UsageError("--optimizer must be sgd, momentum, rmsprop or adam, got \"" + args.text("optimizer") + "\"");
    setup.model.cell = *cell;
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
    setup.savePath = args.text("save");
    return setup;
}

class Progress {
public:
    explicit Progress(int total) : m_total(total), m_terminal(isatty(fileno(stdout)) != 0) {}

    void report(long step, double trainLoss, double validationLoss)
    {
        if (!m_terminal) {
            std::printf("step %ld train %.6g validation %.6g\n", step, trainLoss, validationLoss);
            return;
        }
        constexpr int width = 30;
        const int filled = int(width * step / std::max(1, m_total));
        std::printf("\r[%s%s] %ld/%d  train %.4g  validation %.4g ", std::string(size_t(filled), '#').c_str(),
                    std::string(size_t(width - filled), '.').c_str(), step, m_total, trainLoss, validationLoss);
        if (step >= m_total)
            std::printf("\n");
    }
    void flush() { std::fflush(stdout); }

private:
    int m_total;
    bool m_terminal;
};

template <typename S>
int train(const TrainSetup& setup, const lstm::Dataset& data)
{
    const lstm::SequenceBatch<double>& validation = data.validationSet();
    lstm::Trainer<S> trainer(lstm::modelFor(data.shape(), setup.model), setup.train);
    lstm::Random sampler(setup.train.seed + 1);
    const auto source = [&](lstm::SequenceBatch<double>& out) {
        data.sampleTrainBatch(sampler, setup.train.batchSize, out);
    };
    Progress progress(setup.steps);
    double lossSum = 0;
    int lossCount = 0;
    double trainLoss = 0;
    double validationLoss = trainer.evaluate(validation);
    while (trainer.steps() < setup.steps) {
        const lstm::StepResult result = trainer.step(source);
        if (result.diverged) {
            std::printf("\ntraining diverged at step %ld (loss %g, gradient norm %g): the learning rate is probably "
                        "too high; the last good weights are kept\n",
                        result.step + 1, result.loss, result.gradientNorm);
            break;
        }
        lossSum += result.loss;
        ++lossCount;
        if (result.step % setup.evalEvery == 0 || result.step == setup.steps) {
            trainLoss = lossSum / lossCount;
            lossSum = 0;
            lossCount = 0;
            validationLoss = trainer.evaluate(validation);
            progress.report(result.step, trainLoss, validationLoss);
            progress.flush();
        }
    }
    std::printf("final train loss %.6g validation loss %.6g after %ld steps\n", trainLoss, validationLoss,
                trainer.steps());
    if (const auto score = data.score(validation, trainer.predict(validation)))
        std::printf("%s %.4g (%s): %s\n", score->name.c_str(), score->value, score->criterion.c_str(),
                    score->solved ? "solved" : "not solved");
    if (!setup.savePath.empty()) {
        lstm::saveModel(setup.savePath, lstm::modelFromNetwork(trainer.network()));
        std::printf("saved %s\n", setup.savePath.c_str());
    }
    return trainer.steps() == setup.steps ? 0 : 1;
}

} // namespace

int trainCommand(const Words& words)
{
    Arguments args = trainArguments();
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Trains a model and prints its train and validation loss.\n\n" << args.usage() << dataHelp();
        return 0;
    }
    const TrainSetup setup = readSetup(args);
    const std::string precision = args.text("precision");
    if (precision != "float" && precision != "double")
        throw UsageError("--precision must be float or double, got \"" + precision + "\"");
    const std::unique_ptr<lstm::Dataset> data = makeDataset(args, setup.train.seed);
    return precision == "double" ? train<double>(setup, *data) : train<float>(setup, *data);
}

} // namespace cli
