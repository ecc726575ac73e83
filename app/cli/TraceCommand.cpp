// `lstm-lab-cli trace`: one sequence forward and backward through a saved model (as grad),
// written as the whole recorded trace the inspector pages draw: every gate, c and h, and
// every gradient, per layer and timestep, in the format of docs/trace-format.md.
#include "Arguments.h"
#include "Commands.h"

#include "csv/NumericCsv.h"
#include "io/AtomicFile.h"
#include "trace/SequenceTrace.h"

#include <iostream>

namespace cli {

int traceCommand(const Words& words)
{
    Arguments args("trace");
    args.option("model", "FILE", "", "the model (JSON)")
        .option("input", "FILE", "", "CSV, one row per timestep")
        .option("target", "FILE", "",
                "CSV of targets: one row per timestep (one row for last-step models); class ids for xent; "
                "without it the targets are zero and the gradients those of that loss")
        .option("precision", "TYPE", "double", "double or float")
        .option("output", "FILE", "", "JSON file to write");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Writes everything one forward and backward pass computes for one sequence, as JSON.\n\n"
                  << args.usage();
        return 0;
    }
    const lstm::Model model = lstm::loadModel(args.requiredText("model"));
    const std::string precision = args.text("precision");
    if (precision != "double" && precision != "float")
        throw UsageError("--precision must be double or float, got \"" + precision + "\"");
    const Eigen::MatrixXd input = lstm::readNumericCsv(args.requiredText("input"));
    const bool lastStep = model.config.outputAt == lstm::OutputAt::LastStep;
    const Eigen::MatrixXd target =
        args.has("target") ? lstm::readNumericCsv(args.requiredText("target"))
                           : Eigen::MatrixXd::Zero(lastStep ? 1 : input.rows(),
                                                   model.config.output == lstm::OutputKind::Regression
                                                       ? model.config.outputSize
                                                       : 1);
    const std::string outputPath = args.requiredText("output");
    lstm::StepTrace trace;
    try {
        trace = precision == "double" ? lstm::traceSequence<double>(model, input, target)
                                      : lstm::traceSequence<float>(model, input, target);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    lstm::writeFileAtomically(outputPath, lstm::traceToJson(trace) + "\n");
    std::cout << "loss " << trace.loss << '\n';
    return 0;
}

} // namespace cli
