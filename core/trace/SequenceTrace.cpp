#include "trace/SequenceTrace.h"

#include "nn/Inference.h"
#include "trace/TraceRecorder.h"

#include <nlohmann/json.hpp>

namespace lstm {

template <typename S>
StepTrace traceSequence(const Model& model, const Eigen::MatrixXd& rows, const Eigen::MatrixXd& targetRows)
{
    Network<S> network(model.config);
    SequenceBatch<S> batch;
    const S loss = forwardSequence(network, model, rows, targetRows, batch);
    StepTrace trace;
    recordForward(network, batch, 0, trace);
    trace.loss = double(loss);
    ParameterSet<S> grads(network.layout());
    network.backward(grads);
    recordBackward(network, 0, trace);
    return trace;
}

namespace {

using Json = nlohmann::json;

// (rows, T) as T rows of `rows` values: one row per timestep, as the CSV files have them.
Json byTimestep(const Eigen::MatrixXd& values)
{
    Json out = Json::array();
    for (Eigen::Index t = 0; t < values.cols(); ++t) {
        Json row = Json::array();
        for (Eigen::Index k = 0; k < values.rows(); ++k)
            row.push_back(values(k, t));
        out.push_back(std::move(row));
    }
    return out;
}

Json vectorJson(const Eigen::VectorXd& values)
{
    return Json(std::vector<double>(values.data(), values.data() + values.size()));
}

Json gatesJson(const StepTrace& trace, const std::vector<Eigen::MatrixXd>& gates)
{
    Json out = Json::object();
    for (size_t g = 0; g < gates.size() && g < trace.gateNames.size(); ++g)
        out[trace.gateNames[g]] = byTimestep(gates[g]);
    return out;
}

} // namespace

std::string traceToJson(const StepTrace& trace)
{
    Json layers = Json::array();
    const bool gated = trace.cell != CellKind::Rnn; // the plain RNN's one tanh is not a gate
    for (const LayerTrace& layer : trace.layers) {
        Json grad{{"h", byTimestep(layer.dHidden)},
                  {"x", byTimestep(layer.dInput)},
                  {"h0", vectorJson(layer.dInitialHidden)},
                  {"gates", gated ? gatesJson(trace, layer.dGates) : Json::object()}};
        Json out{{"x", byTimestep(layer.input)},
                 {"gates", gated ? gatesJson(trace, layer.gates) : Json::object()},
                 {"h", byTimestep(layer.hidden)},
                 {"grad", std::move(grad)}};
        if (layer.cell.size() > 0) {
            out["c"] = byTimestep(layer.cell);
            out["grad"]["c"] = byTimestep(layer.dCell);
            out["grad"]["c0"] = vectorJson(layer.dInitialCell);
        }
        if (!gated) // the one activation's pre-activation gradient still belongs in the trace
            out["grad"]["a"] = byTimestep(layer.dGates.front());
        layers.push_back(std::move(out));
    }
    Json top{{"format", "lstm-lab-trace"},
             {"version", 1},
             {"cell", std::string(cellName(trace.cell))},
             {"loss", trace.loss},
             {"outputs", byTimestep(trace.output)},
             {"layers", std::move(layers)}};
    return top.dump(1);
}

template StepTrace traceSequence<float>(const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&);
template StepTrace traceSequence<double>(const Model&, const Eigen::MatrixXd&, const Eigen::MatrixXd&);

} // namespace lstm
