// One sequence through a saved model, outside training: the outputs (and every layer's
// states) of a forward pass, or the loss and every parameter's gradient of one forward and
// backward pass. This is what the CLI's run and grad commands do and how anyone compares
// the engine with PyTorch. Sequences come as rows = timesteps.
#pragma once

#include "io/ModelFile.h"
#include "nn/Network.h"

#include <vector>

namespace lstm {

// Copies a model's weights into a network of the same configuration.
template <typename S>
void loadParameters(Network<S>& network, const Model& model);
template <typename S>
Model modelFromNetwork(const Network<S>& network);

// rows: (T, I) features, or (T, 1) symbol ids for symbol input. targetRows: (T, O) or
// (1, O) regression targets, (T, 1) or (1, 1) class ids; may be null. Throws
// std::invalid_argument naming the shape or value that does not fit the model.
SequenceBatch<double> sequenceFromRows(const ModelConfig& config, const Eigen::MatrixXd& rows,
                                       const Eigen::MatrixXd* targetRows = nullptr);

struct SequenceRun {
    Eigen::MatrixXd outputs;              // (T, O) every-step or (1, O) last-step
    std::vector<Eigen::MatrixXd> hidden;  // per layer (T, H)
    std::vector<Eigen::MatrixXd> cell;    // per layer (T, H); empty without a cell state
};
SequenceRun runSequence(const Model& model, const Eigen::MatrixXd& rows);

// One sequence forward through `network` (built from model.config) with the model's weights,
// from a zero state: fills `batch` and returns the loss; network.backward() may follow.
// What grad and trace both start with.
template <typename S>
S forwardSequence(Network<S>& network, const Model& model, const Eigen::MatrixXd& rows,
                  const Eigen::MatrixXd& targetRows, SequenceBatch<S>& batch);

struct GradientReport {
    double loss = 0;
    Eigen::MatrixXd outputs;         // as in SequenceRun
    ParameterSet<double> gradients;  // under the model's tensor names
};
template <typename S>
GradientReport computeGradients(const Model& model, const Eigen::MatrixXd& rows, const Eigen::MatrixXd& targetRows);
std::string gradientReportToJson(const GradientReport& report);

} // namespace lstm
