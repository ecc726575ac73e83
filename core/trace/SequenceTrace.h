// One sequence through a saved model, forward and backward without an update, with every
// value of every layer recorded: what `lstm-lab-cli trace` writes, and the same numbers the
// inspector pages draw. Written as JSON in the documented format (docs/trace-format.md), so
// anyone can check them against PyTorch.
#pragma once

#include "io/ModelFile.h"
#include "trace/Trace.h"

#include <string>

namespace lstm {

// rows and targetRows as for computeGradients (nn/Inference.h); throws std::invalid_argument
// naming a shape or value that does not fit the model.
template <typename S>
StepTrace traceSequence(const Model& model, const Eigen::MatrixXd& rows, const Eigen::MatrixXd& targetRows);

// "format": "lstm-lab-trace", "version": 1, "cell", "loss", "outputs", "layers": [...].
std::string traceToJson(const StepTrace& trace);

} // namespace lstm
