#include "inspector/equations/CellEquations.h"

#include "inspector/GateIndex.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace equations {

namespace {

using lstm::CellKind;
using lstm::LayerTrace;
using lstm::StepTrace;
using lstm::TensorStats;

// One tensor of the trace's parameter vectors, read in place (column-major, as recorded).
struct TensorView {
    const TensorStats* stats = nullptr;
    double at(const Eigen::VectorXd& values, int row, int col = 0) const
    {
        return values[stats->offset + Eigen::Index(col) * stats->rows + row];
    }
    explicit operator bool() const { return stats != nullptr; }
};

TensorView tensor(const StepTrace& trace, const std::string& name)
{
    for (const TensorStats& stats : trace.tensors)
        if (stats.name == name)
            return {&stats};
    return {};
}

TensorView layerTensor(const StepTrace& trace, const char* prefix, int layer)
{
    return tensor(trace, prefix + std::string("_l") + std::to_string(layer));
}

TensorView required(const StepTrace& trace, const char* prefix, int layer)
{
    TensorView view = layerTensor(trace, prefix, layer);
    if (!view)
        throw std::invalid_argument(std::string("trace has no tensor ") + prefix);
    return view;
}

// Row `row` of a (rows, cols) weight matrix times a vector of length cols.
double rowTimes(const TensorView& weights, const Eigen::VectorXd& values, int row, const Eigen::VectorXd& v)
{
    double sum = 0;
    for (int k = 0; k < weights.stats->cols; ++k)
        sum += weights.at(values, row, k) * v[k];
    return sum;
}

double sigmoidSlope(double s) { return s * (1 - s); }
double tanhSlope(double a) { return 1 - a * a; }

Eigen::VectorXd hiddenBefore(const LayerTrace& layer, int t)
{
    return t == 0 ? layer.initialHidden : Eigen::VectorXd(layer.hidden.col(t - 1));
}

// The gradient that reaches W_hh h_{t-1} (+ b_hh) at timestep t, per gate row: the gates'
// pre-activation gradients, except the GRU's n, whose recurrent part is scaled by r_t.
Eigen::VectorXd recurrentProductGradient(const StepTrace& trace, const LayerTrace& layer, int t)
{
    const Eigen::Index H = layer.hidden.rows();
    const size_t G = layer.dGates.size();
    Eigen::VectorXd out(Eigen::Index(G) * H);
    for (size_t g = 0; g < G; ++g)
        out.segment(Eigen::Index(g) * H, H) = layer.dGates[g].col(t);
    if (trace.cell == CellKind::Gru)
        out.segment(Eigen::Index(gateIndex(CellKind::Gru, "n")) * H, H).array() *=
            layer.gates[size_t(gateIndex(CellKind::Gru, "r"))].col(t).array();
    return out;
}

} // namespace

const GateTerms* Forward::gate(std::string_view name) const
{
    for (const GateTerms& g : gates)
        if (g.name == name)
            return &g;
    return nullptr;
}

const GateGradient* Backward::gate(std::string_view name) const
{
    for (const GateGradient& g : gates)
        if (g.name == name)
            return &g;
    return nullptr;
}

Forward forwardTerms(const StepTrace& trace, const Where& where)
{
    const LayerTrace& layer = trace.layers.at(size_t(where.layer));
    const int H = int(layer.hidden.rows());
    const int j = where.unit;
    const int t = where.timestep;
    const Eigen::VectorXd& w = trace.parametersBefore;
    const TensorView weightIh = required(trace, "weight_ih", where.layer);
    const TensorView weightHh = required(trace, "weight_hh", where.layer);
    const TensorView biasIh = required(trace, "bias_ih", where.layer);
    const TensorView biasHh = required(trace, "bias_hh", where.layer);
    const Eigen::VectorXd x = layer.input.col(t);
    const Eigen::VectorXd hPrev = hiddenBefore(layer, t);

    Forward out;
    out.cell = trace.cell;
    out.hasCell = lstm::hasCellState(trace.cell);
    out.hPrev = hPrev[j];
    out.h = layer.hidden(j, t);
    if (out.hasCell) {
        out.cPrev = t == 0 ? layer.initialCell[j] : layer.cell(j, t - 1);
        out.c = layer.cell(j, t);
        out.tanhC = std::tanh(out.c);
    }
    for (int g = 0; g < int(trace.gateNames.size()); ++g) {
        const int row = g * H + j;
        GateTerms terms;
        terms.name = trace.gateNames[size_t(g)];
        terms.sigmoid = lstm::isSigmoidGate(trace.cell, g);
        terms.input = rowTimes(weightIh, w, row, x);
        terms.recurrent = rowTimes(weightHh, w, row, hPrev);
        terms.activation = layer.gates[size_t(g)](j, t);
        if (trace.cell == CellKind::Gru && terms.name == "n") {
            terms.bias = biasIh.at(w, row);
            terms.hiddenBias = biasHh.at(w, row);
            terms.reset = layer.gates[size_t(gateIndex(trace.cell, "r"))](j, t);
            terms.preActivation = terms.input + terms.bias + terms.reset * (terms.recurrent + terms.hiddenBias);
        } else {
            terms.bias = biasIh.at(w, row) + biasHh.at(w, row);
            if (lstm::hasPeepholes(trace.cell) && terms.name != "g") {
                const TensorView peephole = required(trace, ("peephole_" + terms.name).c_str(), where.layer);
                terms.hasPeephole = true;
                terms.peepholeWeight = peephole.at(w, j);
                terms.peepholeState = terms.name == "o" ? out.c : out.cPrev;
            }
            terms.preActivation = terms.input + terms.recurrent + terms.bias + terms.peephole();
        }
        out.gates.push_back(terms);
    }
    return out;
}

Backward backwardTerms(const StepTrace& trace, const Where& where)
{
    const LayerTrace& layer = trace.layers.at(size_t(where.layer));
    const int T = trace.steps;
    const int j = where.unit;
    const int t = where.timestep;
    const Eigen::VectorXd& w = trace.parametersBefore;
    const Forward forward = forwardTerms(trace, where);

    Backward out;
    out.dh = layer.dHidden(j, t);
    out.hasNext = t + 1 < T;
    if (out.hasNext) {
        const TensorView weightHh = required(trace, "weight_hh", where.layer);
        const Eigen::VectorXd delta = recurrentProductGradient(trace, layer, t + 1);
        for (Eigen::Index k = 0; k < delta.size(); ++k)
            out.dhThroughWeights += weightHh.at(w, int(k), j) * delta[k];
        if (trace.cell == CellKind::Gru) {
            out.dhNext = layer.dHidden(j, t + 1);
            out.keepNext = layer.gates[size_t(keepGateIndex(trace.cell))](j, t + 1); // z
        }
        out.dhFromNext = out.dhThroughWeights + out.dhNext * out.keepNext;
    }
    if (where.layer + 1 < int(trace.layers.size())) {
        // The layer above sees h_t as its input x_t: its input gradient is W_ih^T delta.
        const LayerTrace& above = trace.layers[size_t(where.layer) + 1];
        const TensorView weightIh = required(trace, "weight_ih", where.layer + 1);
        const Eigen::Index aboveH = above.hidden.rows();
        for (size_t g = 0; g < above.dGates.size(); ++g)
            for (Eigen::Index k = 0; k < aboveH; ++k)
                out.dhFromAbove += weightIh.at(w, int(Eigen::Index(g) * aboveH + k), j) * above.dGates[g](k, t);
        out.aboveComputed = true;
    } else {
        out.dhFromAbove = out.dh - out.dhFromNext;
    }

    auto recorded = [&](const std::string& name) { return layer.dGates[size_t(gateIndex(trace.cell, name))](j, t); };
    auto add = [&](const std::string& name, double computed) { out.gates.push_back({name, computed, recorded(name)}); };

    switch (trace.cell) {
    case CellKind::Lstm:
    case CellKind::LstmPeephole:
    case CellKind::Lstm1997: {
        const bool forgetGate = trace.cell != CellKind::Lstm1997;
        const bool peephole = trace.cell == CellKind::LstmPeephole;
        const double i = forward.gate("i")->activation;
        const double g = forward.gate("g")->activation;
        const double o = forward.gate("o")->activation;
        const double deltaO = out.dh * forward.tanhC * sigmoidSlope(o);
        out.dcFromH = out.dh * o * tanhSlope(forward.tanhC);
        if (peephole)
            out.dcFromO = forward.gate("o")->peepholeWeight * deltaO;
        out.carryGate = 1;
        if (out.hasNext) {
            out.dcNext = layer.dCell(j, t + 1);
            if (forgetGate)
                out.carryGate = layer.gates[size_t(gateIndex(trace.cell, "f"))](j, t + 1);
            if (peephole)
                out.carryPeephole = forward.gate("i")->peepholeWeight * layer.dGates[size_t(gateIndex(trace.cell, "i"))](j, t + 1) +
                                    forward.gate("f")->peepholeWeight * layer.dGates[size_t(gateIndex(trace.cell, "f"))](j, t + 1);
            out.dcFromNext = out.dcNext * out.carryGate + out.carryPeephole;
        }
        out.dc = out.dcFromNext + out.dcFromH + out.dcFromO;
        out.dcRecorded = layer.dCell(j, t);
        const double dc = out.dcRecorded; // the shown number the gates' gradients start from
        add("i", dc * g * sigmoidSlope(i));
        if (forgetGate)
            add("f", dc * forward.cPrev * sigmoidSlope(forward.gate("f")->activation));
        add("g", dc * i * tanhSlope(g));
        add("o", deltaO);
        break;
    }
    case CellKind::Gru: {
        const GateTerms& n = *forward.gate("n");
        const double r = forward.gate("r")->activation;
        const double z = forward.gate("z")->activation;
        const double deltaN = out.dh * (1 - z) * tanhSlope(n.activation);
        add("r", recorded("n") * (n.recurrent + n.hiddenBias) * sigmoidSlope(r));
        add("z", out.dh * (forward.hPrev - n.activation) * sigmoidSlope(z));
        add("n", deltaN);
        break;
    }
    case CellKind::Rnn:
        add("h", out.dh * tanhSlope(forward.h));
        break;
    }
    return out;
}

std::vector<GateUpdate> updateTerms(const StepTrace& trace, const Where& where, int largest)
{
    using Kind = ParameterChange::Kind;
    const LayerTrace& layer = trace.layers.at(size_t(where.layer));
    const int H = int(layer.hidden.rows());
    const int j = where.unit;
    const Eigen::VectorXd& before = trace.parametersBefore;
    const Eigen::VectorXd& after = trace.parametersAfter;
    const TensorView weightIh = required(trace, "weight_ih", where.layer);
    const TensorView weightHh = required(trace, "weight_hh", where.layer);
    const TensorView biasIh = required(trace, "bias_ih", where.layer);
    const TensorView biasHh = required(trace, "bias_hh", where.layer);

    std::vector<GateUpdate> out;
    for (int g = 0; g < int(trace.gateNames.size()); ++g) {
        const int row = g * H + j;
        GateUpdate update;
        update.gate = trace.gateNames[size_t(g)];
        if (trace.cell == CellKind::Gru && update.gate == "n") {
            update.changes.push_back({Kind::InputBias, -1, biasIh.at(before, row), biasIh.at(after, row)});
            update.changes.push_back({Kind::HiddenBias, -1, biasHh.at(before, row), biasHh.at(after, row)});
        } else {
            update.changes.push_back({Kind::Bias, -1, biasIh.at(before, row) + biasHh.at(before, row),
                                      biasIh.at(after, row) + biasHh.at(after, row)});
        }
        if (lstm::hasPeepholes(trace.cell) && update.gate != "g") {
            const TensorView peephole = required(trace, ("peephole_" + update.gate).c_str(), where.layer);
            update.changes.push_back({Kind::Peephole, -1, peephole.at(before, j), peephole.at(after, j)});
        }
        std::vector<ParameterChange> weights;
        for (int k = 0; k < weightIh.stats->cols; ++k)
            weights.push_back({Kind::InputWeight, k, weightIh.at(before, row, k), weightIh.at(after, row, k)});
        for (int k = 0; k < weightHh.stats->cols; ++k)
            weights.push_back({Kind::RecurrentWeight, k, weightHh.at(before, row, k), weightHh.at(after, row, k)});
        const size_t keep = std::min(weights.size(), size_t(std::max(0, largest)));
        std::partial_sort(weights.begin(), weights.begin() + std::ptrdiff_t(keep), weights.end(),
                          [](const ParameterChange& a, const ParameterChange& b) {
                              return std::abs(a.change()) > std::abs(b.change());
                          });
        update.changes.insert(update.changes.end(), weights.begin(), weights.begin() + std::ptrdiff_t(keep));
        out.push_back(std::move(update));
    }
    return out;
}

} // namespace equations
