#include "nn/Inference.h"

#include <cmath>
#include <stdexcept>

namespace lstm {

template <typename S>
void loadParameters(Network<S>& network, const Model& model)
{
    if (!(network.layout() == model.parameters.layout()))
        throw std::invalid_argument("the model's tensors do not match the network's configuration");
    network.parameters().values() = model.parameters.values().template cast<S>();
}

template <typename S>
Model modelFromNetwork(const Network<S>& network)
{
    Model model{network.config(), ParameterSet<double>(network.layout())};
    model.parameters.values() = network.parameters().values().template cast<double>();
    return model;
}

namespace {

std::string shapeText(const Eigen::MatrixXd& m)
{
    return std::to_string(m.rows()) + " rows x " + std::to_string(m.cols()) + " columns";
}

int symbolAt(const Eigen::MatrixXd& rows, Eigen::Index r, int count, const char* what)
{
    const double value = rows(r, 0);
    if (value != std::floor(value) || value < 0 || value >= count)
        throw std::invalid_argument(std::string(what) + " on row " + std::to_string(r + 1) + " is " +
                                    std::to_string(value) + ", not an id in [0, " + std::to_string(count) + ")");
    return static_cast<int>(value);
}

void setTargets(const ModelConfig& config, const Eigen::MatrixXd& targetRows, SequenceBatch<double>& batch)
{
    const Eigen::Index expectedRows = config.outputAt == OutputAt::EveryStep ? batch.steps : 1;
    const bool regression = config.output == OutputKind::Regression;
    const Eigen::Index expectedCols = regression ? config.outputSize : 1;
    if (targetRows.rows() != expectedRows || targetRows.cols() != expectedCols)
        throw std::invalid_argument("the targets have " + shapeText(targetRows) + "; this model needs " +
                                    std::to_string(expectedRows) + " x " + std::to_string(expectedCols));
    if (regression) {
        batch.targets = targetRows.transpose();
        return;
    }
    for (Eigen::Index r = 0; r < targetRows.rows(); ++r)
        batch.classes.push_back(symbolAt(targetRows, r, config.outputSize, "the class"));
}

} // namespace

SequenceBatch<double> sequenceFromRows(const ModelConfig& config, const Eigen::MatrixXd& rows,
                                       const Eigen::MatrixXd* targetRows)
{
    SequenceBatch<double> batch;
    batch.steps = static_cast<int>(rows.rows());
    batch.batch = 1;
    if (batch.steps < 1)
        throw std::invalid_argument("the input has no rows");
    if (config.symbolInput()) {
        if (rows.cols() != 1)
            throw std::invalid_argument("the input has " + shapeText(rows) + "; this model reads one column of symbol ids");
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            batch.symbols.push_back(symbolAt(rows, r, config.inputSize, "the symbol"));
    } else {
        if (rows.cols() != config.inputSize)
            throw std::invalid_argument("the input has " + shapeText(rows) + "; this model reads " +
                                        std::to_string(config.inputSize) + " columns");
        batch.inputs = rows.transpose();
    }
    if (targetRows)
        setTargets(config, *targetRows, batch);
    return batch;
}

SequenceRun runSequence(const Model& model, const Eigen::MatrixXd& rows)
{
    Network<double> network(model.config);
    loadParameters(network, model);
    const SequenceBatch<double> batch = sequenceFromRows(model.config, rows);
    RecurrentState<double> initial;
    initial.setZero(model.config, 1);
    network.forward(batch, 0, batch.steps, initial);
    SequenceRun run;
    run.outputs = network.outputs().transpose();
    for (int l = 0; l < network.layerCount(); ++l) {
        run.hidden.push_back(network.layer(l).outputs().transpose());
        if (hasCellState(model.config.cell))
            run.cell.push_back(network.layer(l).cellStates().transpose());
    }
    return run;
}

template <typename S>
S forwardSequence(Network<S>& network, const Model& model, const Eigen::MatrixXd& rows,
                  const Eigen::MatrixXd& targetRows, SequenceBatch<S>& batch)
{
    loadParameters(network, model);
    convertBatch(sequenceFromRows(model.config, rows, &targetRows), batch);
    RecurrentState<S> initial;
    initial.setZero(model.config, 1);
    network.forward(batch, 0, batch.steps, initial);
    return network.loss(batch);
}

template <typename S>
GradientReport computeGradients(const Model& model, const Eigen::MatrixXd& rows, const Eigen::MatrixXd& targetRows)
{
    Network<S> network(model.config);
    SequenceBatch<S> batch;
    const S loss = forwardSequence(network, model, rows, targetRows, batch);
    GradientReport report{double(loss), network.outputs().transpose().template cast<double>(),
                          ParameterSet<double>(network.layout())};
    ParameterSet<S> grads(network.layout());
    network.backward(grads);
    report.gradients.values() = grads.values().template cast<double>();
    return report;
}

template void loadParameters(Network<float>&, const Model&);
template void loadParameters(Network<double>&, const Model&);
template Model modelFromNetwork(const Network<float>&);
template Model modelFromNetwork(const Network<double>&);
template float forwardSequence(Network<float>&, const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&,
                               SequenceBatch<float>&);
template double forwardSequence(Network<double>&, const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&,
                                SequenceBatch<double>&);
template GradientReport computeGradients<float>(const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&);
template GradientReport computeGradients<double>(const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&);

} // namespace lstm
