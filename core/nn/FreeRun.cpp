#include "nn/FreeRun.h"

#include <stdexcept>

namespace lstm {

template <typename S>
bool canFreeRun(const Network<S>& network)
{
    const ModelConfig& config = network.config();
    return config.input == InputKind::Dense && config.output == OutputKind::Regression &&
           config.outputAt == OutputAt::EveryStep && config.inputSize == config.outputSize;
}

template <typename S>
Eigen::MatrixXd freeRun(Network<S>& network, const Eigen::MatrixXd& primer, int steps)
{
    if (!canFreeRun(network) || primer.rows() < 1 || primer.cols() != network.config().inputSize)
        throw std::invalid_argument("this model cannot be fed its own outputs");
    RecurrentState<S> state;
    state.setZero(network.config(), 1);
    SequenceBatch<S> batch;
    batch.steps = int(primer.rows());
    batch.batch = 1;
    batch.inputs = primer.transpose().cast<S>();
    network.forward(batch, 0, batch.steps, state);
    network.copyFinalState(state);

    Eigen::MatrixXd predictions(steps, network.config().outputSize);
    batch.steps = 1;
    batch.inputs = network.outputs().rightCols(1);
    for (int t = 0; t < steps; ++t) {
        network.forward(batch, 0, 1, state);
        network.copyFinalState(state);
        predictions.row(t) = network.outputs().col(0).transpose().template cast<double>();
        batch.inputs = network.outputs().col(0);
    }
    return predictions;
}

template bool canFreeRun(const Network<float>&);
template bool canFreeRun(const Network<double>&);
template Eigen::MatrixXd freeRun(Network<float>&, const Eigen::MatrixXd&, int);
template Eigen::MatrixXd freeRun(Network<double>&, const Eigen::MatrixXd&, int);

} // namespace lstm
