// `lstm-lab-cli train`: trains a model on a data set and optionally saves it.
#include "Arguments.h"
#include "Commands.h"
#include "DataArguments.h"
#include "TrainArguments.h"

#include "nn/Inference.h"
#include "io/ModelFile.h"
#include "training/Recommended.h"
#include "training/TrainingRun.h"

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
    declareTrainingOptions(args, true);
    args.option("precision", "TYPE", "float", "float or double")
        .option("save", "FILE", "", "save the trained model to FILE");
    return args;
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
int train(const TrainSetup& setup, const lstm::Dataset& data, const std::string& savePath)
{
    lstm::TrainingRun<S> run(data, lstm::modelFor(data.shape(), setup.model), setup.train, setup.stop);
    Progress progress(setup.steps);
    while (!run.stopped()) {
        run.advance(setup.evalEvery - run.steps() % setup.evalEvery);
        if (run.reason() == lstm::StopReason::Diverged) {
            std::printf("\ntraining diverged at step %ld: the learning rate is probably too high; the last good "
                        "weights are kept\n",
                        run.steps() + 1);
            break;
        }
        const lstm::Evaluation& evaluation = run.evaluate();
        progress.report(evaluation.step, evaluation.trainLoss, evaluation.validationLoss);
        progress.flush();
    }
    const lstm::Evaluation& last = run.last();
    if (run.reason() == lstm::StopReason::Solved)
        std::printf("\n%s at step %ld\n", lstm::describe(run.reason()).c_str(), run.steps());
    if (run.reason() == lstm::StopReason::NoImprovement)
        std::printf("\n%s at step %ld; keeping the best weights, of step %ld (validation loss %.6g)\n",
                    lstm::describe(run.reason()).c_str(), run.steps(), run.earlyStopping().bestStep(),
                    run.earlyStopping().bestLoss());
    std::printf("final train loss %.6g validation loss %.6g after %ld steps\n", last.trainLoss, last.validationLoss,
                run.steps());
    if (last.score)
        std::printf("%s %.4g (%s): %s\n", last.score->name.c_str(), last.score->value, last.score->criterion.c_str(),
                    last.score->solved ? "solved" : "not solved");
    if (!savePath.empty()) {
        lstm::saveModel(savePath, lstm::modelFromNetwork(run.trainer().network()));
        std::printf("saved %s\n", savePath.c_str());
    }
    return run.reason() == lstm::StopReason::Diverged ? 1 : 0;
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
    const std::optional<std::string> builtin = builtinDataset(args);
    TrainSetup setup = readTrainSetup(args, builtin);
    setup.model.cell = readCell(args);
    if (builtin && lstm::findGenerator(*builtin))
        std::printf("%s\n", describeRecommendation(*builtin, setup).c_str());
    // A user's series is small and overfits within seconds: unless told otherwise, train
    // long, validate often and keep the best weights.
    if (args.has("csv")) {
        const lstm::Recommendation series = lstm::recommendedForSeries();
        if (!args.has("patience"))
            setup.stop.patience = series.stop.patience;
        if (!args.has("steps"))
            setup.steps = int(setup.stop.maxSteps = series.stop.maxSteps);
        if (!args.has("eval-every"))
            setup.evalEvery = series.evalEvery;
        std::printf("CSV data: early stopping after %d validations without a better loss (every %d steps, at most "
                    "%d steps; --patience 0 turns it off)\n",
                    setup.stop.patience, setup.evalEvery, setup.steps);
    }
    const std::string savePath = args.text("save");
    const std::string precision = args.text("precision");
    if (precision != "float" && precision != "double")
        throw UsageError("--precision must be float or double, got \"" + precision + "\"");
    const std::unique_ptr<lstm::Dataset> data = makeDataset(args, setup.train.seed);
    return precision == "double" ? train<double>(setup, *data, savePath) : train<float>(setup, *data, savePath);
}

} // namespace cli
