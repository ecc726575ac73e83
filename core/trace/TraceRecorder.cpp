#include "trace/TraceRecorder.h"

#include <cmath>

namespace lstm {

namespace {

// Copies the columns of one batch element, column t*B + element, into a (rows, T) matrix in
// double. Assigning into the same-sized matrix of the previous step reuses its memory.
template <typename S>
void copyElementColumns(const Eigen::Ref<const Matrix<S>>& all, int batch, int element, Eigen::MatrixXd& out)
{
    using Strided = Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>>;
    const Eigen::Index steps = all.cols() / batch;
    const Strided columns(all.data() + all.outerStride() * element, all.rows(), steps,
                          Eigen::OuterStride<>(all.outerStride() * batch));
    out = columns.template cast<double>();
}

// The stacked gate rows of one element, split into one (H, T) matrix per gate.
template <typename S>
void copyGates(const Eigen::Ref<const Matrix<S>>& stacked, int gates, int batch, int element,
               std::vector<Eigen::MatrixXd>& out)
{
    out.resize(size_t(gates));
    const Eigen::Index H = stacked.rows() / gates;
    for (int g = 0; g < gates; ++g)
        copyElementColumns<S>(stacked.middleRows(g * H, H), batch, element, out[size_t(g)]);
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
        copyElementColumns<S>(l == 0 ? network.encodedInput() : network.layer(l - 1).outputs(), B, element, out.input);
        copyGates<S>(layer.gateActivations(), layer.gateCount(), B, element, out.gates);
        copyElementColumns<S>(layer.outputs(), B, element, out.hidden);
        out.initialHidden = layer.initialHidden().col(element).template cast<double>();
        if (hasCellState(config.cell)) {
            copyElementColumns<S>(layer.cellStates(), B, element, out.cell);
            out.initialCell = layer.initialCell().col(element).template cast<double>();
        }
    }
    trace.symbols.clear();
    if (config.symbolInput())
        for (int t = 0; t < trace.steps; ++t)
            trace.symbols.push_back(batch.symbols[size_t((trace.firstTimestep + t) * B + element)]);
    copyElementColumns<S>(network.outputs(), B, element, trace.output);
    const bool everyStep = config.outputAt == OutputAt::EveryStep;
    const int firstTarget = everyStep ? trace.firstTimestep * B : 0;
    const int targetColumns = everyStep ? trace.steps * B : B;
    trace.classTargets.clear();
    if (config.output == OutputKind::Regression) {
        copyElementColumns<S>(batch.targets.middleCols(firstTarget, targetColumns), B, element, trace.target);
    } else {
        trace.target.resize(0, 0);
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
        copyElementColumns<S>(layer.hiddenGradients(), B, element, out.dHidden);
        copyGates<S>(layer.gateGradients(), layer.gateCount(), B, element, out.dGates);
        copyElementColumns<S>(layer.inputGradient(), B, element, out.dInput);
        out.dInitialHidden = layer.initialHiddenGradient().col(element).template cast<double>();
        out.dHiddenNorm = out.dHidden.colwise().norm().transpose();
        if (hasCellState(layer.kind())) {
            copyElementColumns<S>(layer.cellGradients(), B, element, out.dCell);
            out.dInitialCell = layer.initialCellGradient().col(element).template cast<double>();
            out.dCellNorm = out.dCell.colwise().norm().transpose();
        }
    }
}

template <typename S>
void measureTensors(const ParameterSet<S>& params, const ParameterSet<S>& grads, std::vector<TensorStats>& stats)
{
    const auto& tensors = params.layout().tensors();
    stats.resize(tensors.size());
    for (size_t k = 0; k < tensors.size(); ++k) {
        TensorStats& s = stats[k];
        s.name = tensors[k].name;
        s.rows = tensors[k].rows;
        s.cols = tensors[k].cols;
        s.offset = tensors[k].offset;
        s.weightNorm = double(params.segment(int(k)).norm());
        s.gradientNorm = double(grads.segment(int(k)).norm());
        s.updateRatio = 0;
    }
}

template <typename S>
void measureUpdates(const ParameterSet<S>& before, const ParameterSet<S>& after, std::vector<TensorStats>& stats)
{
    for (size_t k = 0; k < stats.size(); ++k) {
        const double change = double((after.segment(int(k)) - before.segment(int(k))).norm());
        const double weight = stats[k].weightNorm;
        stats[k].updateRatio = weight > 0 ? change / weight : 0;
    }
}

template <typename S>
void recordParameters(const ParameterSet<S>& params, const ParameterSet<S>& grads, StepTrace& trace)
{
    trace.parametersBefore = params.values().template cast<double>();
    trace.gradients = grads.values().template cast<double>();
    trace.parametersAfter = trace.parametersBefore;
}

template <typename S>
void recordUpdate(const ParameterSet<S>& after, StepTrace& trace)
{
    trace.parametersAfter = after.values().template cast<double>();
}

#define LSTM_INSTANTIATE(S)                                                                             \
    template void recordForward(const Network<S>&, const SequenceBatch<S>&, int, StepTrace&);          \
    template void recordBackward(const Network<S>&, int, StepTrace&);                                 \
    template void measureTensors(const ParameterSet<S>&, const ParameterSet<S>&, std::vector<TensorStats>&); \
    template void measureUpdates(const ParameterSet<S>&, const ParameterSet<S>&, std::vector<TensorStats>&); \
    template void recordParameters(const ParameterSet<S>&, const ParameterSet<S>&, StepTrace&);               \
    template void recordUpdate(const ParameterSet<S>&, StepTrace&);
LSTM_INSTANTIATE(float)
LSTM_INSTANTIATE(double)
#undef LSTM_INSTANTIATE

} // namespace lstm
