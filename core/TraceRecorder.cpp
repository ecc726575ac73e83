#include "TraceRecorder.h"

#include <cmath>

namespace lstm {

namespace {

// The columns of one batch element, as a (rows, T) matrix in double: column t*B + element.
template <typename S>
Eigen::MatrixXd elementColumns(const Eigen::Ref<const Matrix<S>>& all, int batch, int element)
{
    if (all.size() == 0)
        return {};
    using Strided = Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>>;
    const Eigen::Index steps = all.cols() / batch;
    const Strided columns(all.data() + all.outerStride() * element, all.rows(), steps,
                          Eigen::OuterStride<>(all.outerStride() * batch));
    return columns.template cast<double>();
}

std::vector<Eigen::MatrixXd> splitGates(const Eigen::MatrixXd& stacked, int gates)
{
    std::vector<Eigen::MatrixXd> out;
    const Eigen::Index H = stacked.rows() / gates;
    for (int g = 0; g < gates; ++g)
        out.push_back(stacked.middleRows(g * H, H));
    return out;
}

} // namespace

template <typename S>
void recordForward(const Network<S>& network, const SequenceBatch<S>& batch, int element, StepTrace& trace)
{
    const int B = network.batch();
    const ModelConfig& config = network.config();
    trace.element = element;
    trace.steps = network.steps();
    trace.cell = config.cell;
    trace.gateNames = gateNames(config.cell);
    trace.layers.resize(size_t(network.layerCount()));
    for (int l = 0; l < network.layerCount(); ++l) {
        const RecurrentLayer<S>& layer = network.layer(l);
        LayerTrace& out = trace.layers[size_t(l)];
        out.input = elementColumns<S>(l == 0 ? network.encodedInput() : network.layer(l - 1).outputs(), B, element);
        out.gates = splitGates(elementColumns<S>(layer.gateActivations(), B, element), layer.gateCount());
        out.hidden = elementColumns<S>(layer.outputs(), B, element);
        out.initialHidden = elementColumns<S>(layer.initialHidden(), B, element).col(0);
        if (hasCellState(config.cell)) {
            out.cell = elementColumns<S>(layer.cellStates(), B, element);
            out.initialCell = elementColumns<S>(layer.initialCell(), B, element).col(0);
        }
        out.dHidden.resize(0, 0);
        out.dCell.resize(0, 0);
        out.dGates.clear();
        out.dHiddenNorm.resize(0);
        out.dCellNorm.resize(0);
    }
    trace.output = elementColumns<S>(network.outputs(), B, element);
    const bool everyStep = config.outputAt == OutputAt::EveryStep;
    const int firstTarget = everyStep ? trace.firstTimestep * B : 0;
    const int targetColumns = everyStep ? trace.steps * B : B;
    if (config.output == OutputKind::Regression) {
        trace.target = elementColumns<S>(batch.targets.middleCols(firstTarget, targetColumns), B, element);
        trace.classTargets.clear();
    } else {
        trace.target.resize(0, 0);
        trace.classTargets.clear();
        for (int k = element; k < targetColumns; k += B)
            trace.classTargets.push_back(batch.classes[size_t(firstTarget + k)]);
    }
}

template <typename S>
void recordBackward(const Network<S>& network, int element, StepTrace& trace)
{
    const int B = network.batch();
    for (int l = 0; l < network.layerCount(); ++l) {
        const RecurrentLayer<S>& layer = network.layer(l);
        LayerTrace& out = trace.layers[size_t(l)];
        out.dHidden = elementColumns<S>(layer.hiddenGradients(), B, element);
        out.dGates = splitGates(elementColumns<S>(layer.gateGradients(), B, element), layer.gateCount());
        out.dHiddenNorm = out.dHidden.colwise().norm().transpose();
        if (hasCellState(layer.kind())) {
            out.dCell = elementColumns<S>(layer.cellGradients(), B, element);
            out.dCellNorm = out.dCell.colwise().norm().transpose();
        }
    }
}

template <typename S>
void recordTensorsBefore(const ParameterSet<S>& params, const ParameterSet<S>& grads, StepTrace& trace)
{
    const auto& tensors = params.layout().tensors();
    trace.tensors.resize(tensors.size());
    for (size_t k = 0; k < tensors.size(); ++k) {
        TensorStats& stats = trace.tensors[k];
        stats.name = tensors[k].name;
        stats.weightNorm = double(params.segment(int(k)).norm());
        stats.gradientNorm = double(grads.segment(int(k)).norm());
        stats.updateRatio = 0;
    }
}

template <typename S>
void recordUpdate(const ParameterSet<S>& before, const ParameterSet<S>& after, StepTrace& trace)
{
    for (size_t k = 0; k < trace.tensors.size(); ++k) {
        const double change = double((after.segment(int(k)) - before.segment(int(k))).norm());
        const double weight = trace.tensors[k].weightNorm;
        trace.tensors[k].updateRatio = weight > 0 ? change / weight : 0;
    }
}

#define LSTM_INSTANTIATE(S)                                                                             \
    template void recordForward(const Network<S>&, const SequenceBatch<S>&, int, StepTrace&);          \
    template void recordBackward(const Network<S>&, int, StepTrace&);                                 \
    template void recordTensorsBefore(const ParameterSet<S>&, const ParameterSet<S>&, StepTrace&);    \
    template void recordUpdate(const ParameterSet<S>&, const ParameterSet<S>&, StepTrace&);
LSTM_INSTANTIATE(float)
LSTM_INSTANTIATE(double)
#undef LSTM_INSTANTIATE

} // namespace lstm
