#include "inspector/cell/CellDiagramValues.h"

#include "trace/Trace.h"
#include "inspector/GateIndex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

bool fits(const Eigen::MatrixXd& m, int unit, int t)
{
    return unit >= 0 && t >= 0 && unit < m.rows() && t < m.cols();
}

double entry(const Eigen::MatrixXd& m, int unit, int t)
{
    return fits(m, unit, t) ? m(unit, t) : missing;
}

double entry(const Eigen::VectorXd& v, int unit)
{
    return unit >= 0 && unit < v.size() ? v(unit) : missing;
}

// Reads one layer at one (unit, timestep) into DiagramValues::at.
class Reader {
public:
    Reader(const lstm::LayerTrace& layer, lstm::CellKind kind, const DiagramSelection& s, DiagramValues& out)
        : m_layer(layer), m_kind(kind), m_s(s), m_out(out)
    {
    }

    void read()
    {
        if (m_s.gradients)
            readGradients();
        else
            readValues();
    }

private:
    void set(DiagramPart part, double value) { m_out.at[size_t(part)] = value; }
    double gate(const char* name) const
    {
        const int g = gateIndex(m_kind, name);
        return g >= 0 && size_t(g) < m_layer.gates.size() ? entry(m_layer.gates[size_t(g)], m_s.unit, m_s.timestep)
                                                           : missing;
    }
    double dGate(const char* name) const
    {
        const int g = gateIndex(m_kind, name);
        return g >= 0 && size_t(g) < m_layer.dGates.size() ? entry(m_layer.dGates[size_t(g)], m_s.unit, m_s.timestep)
                                                            : missing;
    }
    // x_{t-1} for a state: the recorded column before t, or the window's initial state.
    static double previous(const Eigen::MatrixXd& m, const Eigen::VectorXd& initial, int unit, int t)
    {
        return t == 0 ? entry(initial, unit) : entry(m, unit, t - 1);
    }

    void readValues()
    {
        using P = DiagramPart;
        const int u = m_s.unit, t = m_s.timestep;
        const bool now = m_s.reveal.done(t, false);
        const bool before = t == 0 || m_s.reveal.done(t - 1, false);
        const double hPrev = before ? previous(m_layer.hidden, m_layer.initialHidden, u, t) : missing;
        const double h = now ? entry(m_layer.hidden, u, t) : missing;
        set(P::HiddenPrev, hPrev);
        for (P p : {P::HiddenNext, P::HiddenOutput})
            set(p, h);
        if (m_kind == lstm::CellKind::Gru) {
            const double r = now ? gate("r") : missing, z = now ? gate("z") : missing;
            const double n = now ? gate("n") : missing;
            set(P::ResetGate, r);
            set(P::UpdateGate, z);
            set(P::NewGate, n);
            set(P::ResetMultiply, r);
            set(P::OneMinus, 1 - z);
            set(P::KeepMultiply, z * hPrev);
            set(P::NewMultiply, (1 - z) * n);
            set(P::HiddenAdd, h);
            set(P::HiddenLine, h);
            return;
        }
        if (m_kind == lstm::CellKind::Rnn) {
            set(P::RnnLayer, h);
            return;
        }
        const double cPrev = before ? previous(m_layer.cell, m_layer.initialCell, u, t) : missing;
        const double c = now ? entry(m_layer.cell, u, t) : missing;
        const double i = now ? gate("i") : missing, g = now ? gate("g") : missing;
        const double o = now ? gate("o") : missing;
        set(P::InputGate, i);
        set(P::CandidateGate, g);
        set(P::OutputGate, o);
        set(P::CellPrev, cPrev);
        for (P p : {P::CellNext, P::CellLine, P::CellAdd, P::PeepholeOutput})
            set(p, c);
        set(P::InputMultiply, i * g);
        set(P::CellTanh, std::tanh(c));
        set(P::OutputMultiply, h);
        if (m_kind != lstm::CellKind::Lstm1997) {
            const double f = now ? gate("f") : missing;
            set(P::ForgetGate, f);
            set(P::ForgetMultiply, f * cPrev);
        }
        if (m_kind == lstm::CellKind::LstmPeephole) {
            set(P::PeepholeInput, cPrev);
            set(P::PeepholeForget, cPrev);
        }
    }

    void readGradients()
    {
        using P = DiagramPart;
        const int u = m_s.unit, t = m_s.timestep;
        const bool now = m_s.reveal.done(t, true);
        // Gradients before the window's first step are not recorded.
        const bool before = t > 0 && m_s.reveal.done(t - 1, true);
        const double dh = now ? entry(m_layer.dHidden, u, t) : missing;
        set(P::HiddenPrev, before ? entry(m_layer.dHidden, u, t - 1) : missing);
        for (P p : {P::HiddenNext, P::HiddenOutput})
            set(p, dh);
        if (m_kind == lstm::CellKind::Gru) {
            set(P::ResetGate, now ? dGate("r") : missing);
            set(P::UpdateGate, now ? dGate("z") : missing);
            set(P::NewGate, now ? dGate("n") : missing);
            // The reset product feeds n's pre-activation sum, so it receives dL/d(n pre).
            set(P::ResetMultiply, now ? dGate("n") : missing);
            set(P::OneMinus, now ? dh * gate("n") : missing);
            for (P p : {P::KeepMultiply, P::NewMultiply, P::HiddenAdd, P::HiddenLine})
                set(p, dh);
            return;
        }
        if (m_kind == lstm::CellKind::Rnn) {
            set(P::RnnLayer, now ? dGate("h") : missing);
            return;
        }
        const double dc = now ? entry(m_layer.dCell, u, t) : missing;
        set(P::InputGate, now ? dGate("i") : missing);
        set(P::CandidateGate, now ? dGate("g") : missing);
        set(P::OutputGate, now ? dGate("o") : missing);
        if (m_kind != lstm::CellKind::Lstm1997)
            set(P::ForgetGate, now ? dGate("f") : missing);
        set(P::CellPrev, before ? entry(m_layer.dCell, u, t - 1) : missing);
        // Every product on the cell line hands its output's gradient, dL/dc_t, back in.
        for (P p : {P::CellNext, P::CellLine, P::CellAdd, P::ForgetMultiply, P::InputMultiply})
            set(p, dc);
        set(P::CellTanh, now ? dh * gate("o") : missing); // dL/d tanh(c_t)
        set(P::OutputMultiply, dh);
    }

    const lstm::LayerTrace& m_layer;
    lstm::CellKind m_kind;
    const DiagramSelection& m_s;
    DiagramValues& m_out;
};

} // namespace

ValueScale DiagramValues::scaleOf(DiagramPart part) const
{
    using P = DiagramPart;
    for (size_t g = 0; g < gateScales.size(); ++g)
        if (gatePart(cell, int(g)) == part)
            return gateScales[g];
    switch (part) {
    case P::CellPrev: case P::CellNext: case P::CellLine: case P::CellAdd:
    case P::ForgetMultiply: case P::InputMultiply:
    case P::PeepholeInput: case P::PeepholeForget: case P::PeepholeOutput:
        return cellScale;
    case P::OneMinus:
        return gradients ? hiddenScale : ValueScale::unitInterval();
    case P::ResetMultiply:
        if (gradients && gateScales.size() == 3)
            return gateScales[2];
        return ValueScale::unitInterval();
    case P::InputX:
        return ValueScale::symmetric(1);
    default:
        return hiddenScale;
    }
}

bool DiagramValues::sameShape(const DiagramValues& other) const
{
    return present && other.present && cell == other.cell && gradients == other.gradients &&
           hidden == other.hidden && gates.size() == other.gates.size();
}

DiagramValues diagramValues(const lstm::StepTrace* trace, lstm::CellKind kind, const DiagramSelection& s)
{
    DiagramValues out;
    out.at.fill(missing);
    out.cell = trace ? trace->cell : kind;
    out.gradients = s.gradients;
    out.layer = s.layer;
    out.unit = s.unit;
    out.timestep = s.timestep;
    const int gateTotal = lstm::gateCount(out.cell);
    for (int g = 0; g < gateTotal; ++g)
        out.gateScales.push_back(lstm::isSigmoidGate(out.cell, g) ? ValueScale::unitInterval()
                                                                  : ValueScale::symmetric(1));
    out.cellScale = ValueScale::symmetric(1);
    out.hiddenScale = ValueScale::symmetric(1);
    if (!trace || s.layer < 0 || size_t(s.layer) >= trace->layers.size())
        return out;

    const lstm::LayerTrace& layer = trace->layers[size_t(s.layer)];
    out.present = true;
    out.hidden = int(layer.hidden.rows());
    const int t = s.timestep;
    const std::vector<Eigen::MatrixXd>& source = s.gradients ? layer.dGates : layer.gates;
    const bool now = s.reveal.done(t, s.gradients);
    out.shownNow = now;
    // Gradients before the window's first step are not recorded; c_0 and h_0 are.
    out.shownBefore = s.gradients ? t > 0 && s.reveal.done(t - 1, true) : t == 0 || s.reveal.done(t - 1, false);
    out.gates.assign(size_t(gateTotal), std::vector<double>(size_t(out.hidden), missing));
    for (int g = 0; g < gateTotal && size_t(g) < source.size(); ++g) {
        if (now)
            for (int u = 0; u < out.hidden; ++u)
                out.gates[size_t(g)][size_t(u)] = entry(source[size_t(g)], u, t);
        out.gateScales[size_t(g)] = scaleFor(layer, out.cell, {Quantity::Gate, g}, s.gradients, s.reveal);
    }
    const Eigen::MatrixXd& input = s.gradients ? layer.dInput : layer.input;
    if (now && fits(input, 0, t))
        for (Eigen::Index k = 0; k < input.rows(); ++k)
            out.input.push_back(input(k, t));
    if (!s.gradients && s.layer == 0 && t < int(trace->symbols.size()))
        out.symbol = trace->symbols[size_t(t)];
    out.cellScale = scaleFor(layer, out.cell, {Quantity::Cell, 0}, s.gradients, s.reveal);
    out.hiddenScale = scaleFor(layer, out.cell, {Quantity::Hidden, 0}, s.gradients, s.reveal);
    Reader(layer, out.cell, s, out).read();
    return out;
}

DiagramValues interpolate(const DiagramValues& from, const DiagramValues& to, double progress)
{
    if (!from.sameShape(to) || progress >= 1)
        return to;
    auto mix = [progress](double a, double b) {
        return std::isfinite(a) && std::isfinite(b) ? a + (b - a) * progress : b;
    };
    DiagramValues out = to;
    for (size_t k = 0; k < out.at.size(); ++k)
        out.at[k] = mix(from.at[k], to.at[k]);
    for (size_t g = 0; g < out.gates.size(); ++g)
        if (from.gates[g].size() == to.gates[g].size())
            for (size_t u = 0; u < out.gates[g].size(); ++u)
                out.gates[g][u] = mix(from.gates[g][u], to.gates[g][u]);
    if (from.input.size() == to.input.size())
        for (size_t k = 0; k < out.input.size(); ++k)
            out.input[k] = mix(from.input[k], to.input[k]);
    return out;
}
