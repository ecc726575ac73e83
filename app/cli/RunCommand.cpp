// `lstm-lab-cli run`: one sequence forward through a saved model.
#include "Arguments.h"
#include "Commands.h"

#include "nn/Inference.h"
#include "csv/NumericCsv.h"

#include <iostream>

namespace cli {

namespace {

std::string numberedHeader(const std::string& prefix, Eigen::Index count)
{
    std::string header;
    for (Eigen::Index k = 0; k < count; ++k)
        header += (k ? "," : "") + prefix + std::to_string(k);
    return header;
}

// One row per timestep: every layer's h, then (for LSTMs) every layer's c.
void writeStates(const std::string& path, const lstm::SequenceRun& run)
{
    std::vector<const Eigen::MatrixXd*> blocks;
    std::string header;
    for (size_t l = 0; l < run.hidden.size(); ++l) {
        blocks.push_back(&run.hidden[l]);
        header += (header.empty() ? "" : ",") + numberedHeader("h_l" + std::to_string(l) + "_", run.hidden[l].cols());
    }
    for (size_t l = 0; l < run.cell.size(); ++l) {
        blocks.push_back(&run.cell[l]);
        header += "," + numberedHeader("c_l" + std::to_string(l) + "_", run.cell[l].cols());
    }
    Eigen::MatrixXd states(run.hidden.front().rows(), 0);
    for (const Eigen::MatrixXd* block : blocks) {
        states.conservativeResize(Eigen::NoChange, states.cols() + block->cols());
        states.rightCols(block->cols()) = *block;
    }
    lstm::writeNumericCsv(path, states, header);
}

} // namespace

int runCommand(const Words& words)
{
    Arguments args("run");
    args.option("model", "FILE", "", "the model (JSON)")
        .option("input", "FILE", "", "CSV, one row per timestep, one column per feature (or one column of symbol ids)")
        .option("output", "FILE", "", "CSV to write the outputs to, one row per timestep (one row for last-step models)")
        .option("states", "FILE", "", "CSV to write every layer's h (and c) per timestep to");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Runs one sequence forward through a model.\n\n" << args.usage();
        return 0;
    }
    const lstm::Model model = lstm::loadModel(args.requiredText("model"));
    const Eigen::MatrixXd input = lstm::readNumericCsv(args.requiredText("input"));
    const std::string outputPath = args.requiredText("output");
    lstm::SequenceRun run;
    try {
        run = lstm::runSequence(model, input);
    } catch (const std::invalid_argument& error) {
        throw UsageError(args.text("input") + ": " + error.what());
    }
    lstm::writeNumericCsv(outputPath, run.outputs, numberedHeader("y", run.outputs.cols()));
    if (args.has("states"))
        writeStates(args.text("states"), run);
    return 0;
}

} // namespace cli
