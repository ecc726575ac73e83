// `lstm-lab-cli grad`: one forward and backward pass without an update, written as JSON:
// the loss, the outputs and every parameter's gradient under the model file's names.
#include "Arguments.h"
#include "Commands.h"

#include "nn/Inference.h"
#include "csv/NumericCsv.h"

#include <fstream>
#include <iostream>

namespace cli {

int gradCommand(const Words& words)
{
    Arguments args("grad");
    args.option("model", "FILE", "", "the model (JSON)")
        .option("input", "FILE", "", "CSV, one row per timestep")
        .option("target", "FILE", "", "CSV of targets: one row per timestep (one row for last-step models); class ids for xent")
        .option("loss", "NAME", "", "mse or xent; must match the model's output kind")
        .option("precision", "TYPE", "double", "double or float")
        .option("output", "FILE", "", "JSON file to write");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Computes the loss and every parameter's gradient for one sequence.\n\n" << args.usage();
        return 0;
    }
    const lstm::Model model = lstm::loadModel(args.requiredText("model"));
    const std::string modelLoss = model.config.output == lstm::OutputKind::Regression ? "mse" : "xent";
    if (args.has("loss") && args.text("loss") != modelLoss)
        throw UsageError("--loss " + args.text("loss") + " does not fit this " +
                         std::string(lstm::outputKindName(model.config.output)) + " model, which uses " + modelLoss);
    const std::string precision = args.text("precision");
    if (precision != "double" && precision != "float")
        throw UsageError("--precision must be double or float, got \"" + precision + "\"");
    const Eigen::MatrixXd input = lstm::readNumericCsv(args.requiredText("input"));
    const Eigen::MatrixXd target = lstm::readNumericCsv(args.requiredText("target"));
    const std::string outputPath = args.requiredText("output");

    lstm::GradientReport report;
    try {
        report = precision == "double" ? lstm::computeGradients<double>(model, input, target)
                                       : lstm::computeGradients<float>(model, input, target);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    std::ofstream out(outputPath, std::ios::binary | std::ios::trunc);
    out << lstm::gradientReportToJson(report) << '\n';
    if (!out.flush())
        throw std::runtime_error("cannot write " + outputPath);
    std::cout << "loss " << report.loss << '\n';
    return 0;
}

} // namespace cli
