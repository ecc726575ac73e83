// `lstm-lab-cli sweep`: how long can each cell remember? Trains a fresh model of every cell
// for every value of one data-set parameter (e.g. lag=5,10,20,50), each until solved or out
// of steps, both cores at once, and writes the classic table as CSV:
//   cell,KEY,score,solved,steps_to_solve
#include "Arguments.h"
#include "Commands.h"
#include "DataArguments.h"
#include "TrainArguments.h"

#include "io/AtomicFile.h"
#include "training/TrainingRun.h"

#include <atomic>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <mutex>
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

struct Job {
    lstm::CellKind cell;
    double value = 0;
    const lstm::Dataset* data = nullptr;
    // Filled by the run:
    lstm::Evaluation last;
    std::optional<long> solvedAt;
    long steps = 0;
};

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string row(const std::string& cell, const Job& job)
{
    const double score = job.last.score ? job.last.score->value : job.last.validationLoss;
    return cell + "," + number(job.value) + "," + number(score) + "," + (job.solvedAt ? "true" : "false") + "," +
           (job.solvedAt ? std::to_string(*job.solvedAt) : std::string()) + "\n";
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
    setup.stop.untilSolved = true; // steps_to_solve is the first evaluation that meets the criterion
    const std::vector<lstm::CellKind> cells = readCells(args, 1, 4);

    std::vector<std::unique_ptr<lstm::Dataset>> datasets;
    std::vector<Job> jobs;
    lstm::GeneratorSettings settings = parseParams(args.text("params"));
    for (double value : swept.values) {
        settings[swept.key] = value;
        try {
            datasets.push_back(lstm::makeGenerator(name, settings, setup.train.seed));
        } catch (const std::invalid_argument& error) {
            throw UsageError(error.what());
        }
        for (lstm::CellKind cell : cells)
            jobs.push_back({cell, value, datasets.back().get()});
    }

    std::mutex printing;
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t k = next++; k < jobs.size(); k = next++) {
            Job& job = jobs[k];
            TrainSetup own = setup;
            own.model.cell = job.cell;
            lstm::TrainingRun<float> run(*job.data, lstm::modelFor(job.data->shape(), own.model), own.train, own.stop);
            while (!run.stopped()) {
                run.advance(own.evalEvery - run.steps() % own.evalEvery);
                if (run.reason() != lstm::StopReason::Diverged)
                    run.evaluate();
            }
            job.last = run.last();
            job.solvedAt = run.solvedAt();
            job.steps = run.steps();
            const std::lock_guard lock(printing);
            std::printf("%s=%s %s: %s after %ld steps\n", swept.key.c_str(), number(job.value).c_str(),
                        std::string(lstm::cellName(job.cell)).c_str(),
                        job.solvedAt ? "solved" : "not solved", job.steps);
            std::fflush(stdout);
        }
    };
    const int helpers = int(std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), jobs.size())) - 1;
    std::vector<std::thread> threads;
    for (int t = 0; t < helpers; ++t)
        threads.emplace_back(work);
    work();
    for (std::thread& thread : threads)
        thread.join();

    std::string table = "cell," + swept.key + ",score,solved,steps_to_solve\n";
    for (const Job& job : jobs)
        table += row(std::string(lstm::cellName(job.cell)), job);
    lstm::writeFileAtomically(output, table); // a failed write leaves an old table whole
    std::printf("wrote %s\n", output.c_str());
    return 0;
}

} // namespace cli
