// `lstm-lab-cli bench`: milliseconds per training step and achieved GFLOP/s per shape.
#include "Arguments.h"
#include "Commands.h"

#include "training/Benchmark.h"

#include <Eigen/Core>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace cli {

namespace {

std::vector<int> integerList(const std::string& text, const std::string& option)
{
    std::vector<int> values;
    std::istringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        try {
            values.push_back(std::stoi(item));
        } catch (const std::exception&) {
            throw UsageError("--" + option + " must be a comma-separated list of numbers, got \"" + text + "\"");
        }
    }
    return values;
}

bool selected(const std::vector<int>& filter, int value)
{
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

} // namespace

int benchCommand(const Words& words)
{
    Arguments args("bench");
    args.flag("json", "print one JSON object per line")
        .option("threads", "N", "1", "threads for Eigen's matrix products")
        .option("trace", "on|off", "off", "record the full trace every step")
        .option("cell", "NAMES", "", "only these cells, e.g. lstm,gru")
        .option("hidden", "SIZES", "", "only these hidden sizes, e.g. 32,128")
        .option("batch", "SIZES", "", "only these batch sizes, e.g. 1")
        .option("seconds", "S", "0.5", "minimum time measured per shape");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Times one training step (forward, backward, Adam) of one layer and a linear head,\n"
                     "float32, input size 8, 64 timesteps.\n\n"
                  << args.usage();
        return 0;
    }
    const int threads = args.integer("threads", 1, 256);
    Eigen::setNbThreads(threads);
    const std::string trace = args.text("trace");
    if (trace != "on" && trace != "off")
        throw UsageError("--trace must be on or off, got \"" + trace + "\"");
    const std::vector<int> hiddenFilter = integerList(args.text("hidden"), "hidden");
    const std::vector<int> batchFilter = integerList(args.text("batch"), "batch");
    const std::string cellFilter = args.text("cell");
    const double seconds = args.number("seconds", 0, 3600);
    const bool json = args.has("json");

    for (const lstm::BenchShape& shape : lstm::standardBenchShapes()) {
        const std::string cell(lstm::cellName(shape.cell));
        if ((!cellFilter.empty() && ("," + cellFilter + ",").find("," + cell + ",") == std::string::npos) ||
            !selected(hiddenFilter, shape.hidden) || !selected(batchFilter, shape.batch))
            continue;
        const lstm::BenchResult r = lstm::runBenchmark(shape, trace == "on", seconds);
        if (json)
            std::printf("{\"cell\": \"%s\", \"hidden\": %d, \"batch\": %d, \"input\": %d, \"steps\": %d, \"threads\": %d, "
                        "\"trace\": %s, \"ms_per_step\": %.4f, \"gflops\": %.2f, \"repetitions\": %d}\n",
                        cell.c_str(), shape.hidden, shape.batch, shape.inputSize, shape.steps, threads,
                        trace == "on" ? "true" : "false", r.msPerStep, r.gflops, r.repetitions);
        else
            std::printf("%-5s H%-4d B%-3d  ms_per_step %9.4f  GFLOP/s %7.2f\n", cell.c_str(), shape.hidden,
                        shape.batch, r.msPerStep, r.gflops);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace cli
