#include "inspector/cell/CellDiagramText.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

using P = DiagramPart;
using lstm::CellKind;

const QString minus = QStringLiteral("\u2212");

QString tr(const char* text)
{
    return QCoreApplication::translate("CellDiagram", text);
}

QString sub(const QString& base, const QString& subscript)
{
    return base + QStringLiteral("<sub>") + subscript + QStringLiteral("</sub>");
}

bool isGate(P part)
{
    return part >= P::InputGate && part <= P::RnnLayer;
}

// The parts whose value belongs to timestep t-1.
bool isPrevious(P part, bool gradients)
{
    return part == P::HiddenPrev || part == P::CellPrev ||
           (!gradients && (part == P::PeepholeInput || part == P::PeepholeForget || part == P::KeepMultiply));
}

QString gateLetter(CellKind kind, P part)
{
    switch (part) {
    case P::InputGate: return QStringLiteral("i");
    case P::ForgetGate: return QStringLiteral("f");
    case P::CandidateGate: return QStringLiteral("g");
    case P::OutputGate: return QStringLiteral("o");
    case P::ResetGate: return QStringLiteral("r");
    case P::UpdateGate: return QStringLiteral("z");
    case P::NewGate: return QStringLiteral("n");
    case P::RnnLayer: return sub(QStringLiteral("h"), QStringLiteral("t"));
    default: break;
    }
    Q_UNUSED(kind);
    return {};
}

QString valueSymbol(CellKind kind, P part)
{
    const QString cPrev = sub(QStringLiteral("c"), QStringLiteral("t") + minus + QStringLiteral("1"));
    const QString hPrev = sub(QStringLiteral("h"), QStringLiteral("t") + minus + QStringLiteral("1"));
    const QString c = sub(QStringLiteral("c"), QStringLiteral("t"));
    const QString h = sub(QStringLiteral("h"), QStringLiteral("t"));
    switch (part) {
    case P::InputX: return sub(QStringLiteral("x"), QStringLiteral("t"));
    case P::HiddenPrev: return hPrev;
    case P::CellPrev: case P::PeepholeInput: case P::PeepholeForget: return cPrev;
    case P::CellNext: case P::CellLine: case P::CellAdd: case P::PeepholeOutput: return c;
    case P::HiddenNext: case P::HiddenOutput: case P::OutputMultiply: case P::HiddenLine:
    case P::HiddenAdd: return h;
    case P::ForgetMultiply: return QStringLiteral("f · ") + cPrev;
    case P::InputMultiply: return QStringLiteral("i · g");
    case P::CellTanh: return QStringLiteral("tanh(") + c + QStringLiteral(")");
    case P::ResetMultiply: return QStringLiteral("r");
    case P::OneMinus: return QStringLiteral("1 ") + minus + QStringLiteral(" z");
    case P::KeepMultiply: return QStringLiteral("z · ") + hPrev;
    case P::NewMultiply: return QStringLiteral("(1 ") + minus + QStringLiteral(" z) · n");
    default: return gateLetter(kind, part);
    }
}

QString valueSentence(CellKind kind, P part, int layer)
{
    switch (part) {
    case P::InputX:
        return layer > 0 ? tr("The layer below's hidden state: what this layer reads at this timestep.")
                         : tr("The input at this timestep: what the cell reads now.");
    case P::HiddenPrev:
        return kind == CellKind::Gru
                   ? tr("The previous hidden state: the GRU's memory and what it said at the last timestep.")
                   : tr("The previous hidden state: what the cell said at the last timestep.");
    case P::CellPrev: return tr("The previous cell state: the memory carried in from the last timestep.");
    case P::CellNext: return tr("The new cell state, carried on to the next timestep.");
    case P::HiddenNext: return tr("The new hidden state, carried on to the next timestep.");
    case P::HiddenOutput:
        return tr("The new hidden state also goes up, to the next layer or the output head.");
    case P::CellLine:
        return kind == CellKind::Lstm1997
                   ? tr("The cell state runs straight through, only ever added to: the constant error carousel.")
                   : tr("The cell state, the long-term memory: it runs through the cell changed only by one "
                        "multiplication and one addition.");
    case P::HiddenLine:
        return tr("The hidden state is the GRU's memory: it runs along the top, partly kept and partly replaced.");
    case P::InputGate:
        return tr("Decides how much of the candidate to write into the cell state: 0 writes nothing, 1 writes "
                  "all of it.");
    case P::ForgetGate:
        return tr("Decides how much of the old cell state to keep: 1 keeps everything, 0 forgets it.");
    case P::CandidateGate:
        return tr("Proposes new content for the cell state, between −1 and 1, from the input and the previous "
                  "hidden state.");
    case P::OutputGate:
        return tr("Decides how much of the squashed cell state to show as the new hidden state.");
    case P::ResetGate:
        return tr("Decides how much of the previous hidden state the candidate may use: 0 ignores it, 1 uses "
                  "all of it.");
    case P::UpdateGate:
        return tr("Decides how much of the previous hidden state to keep: 1 keeps it, 0 replaces it with the "
                  "candidate.");
    case P::NewGate:
        return tr("Proposes a new hidden state, between −1 and 1, from the input and the reset-scaled "
                  "previous state.");
    case P::RnnLayer:
        return tr("One tanh layer mixes the input and the previous hidden state into the new hidden state; "
                  "no gate protects the memory.");
    case P::ForgetMultiply: return tr("Multiplies the old cell state by the forget gate: what is kept.");
    case P::InputMultiply: return tr("Multiplies the candidate by the input gate: what is written.");
    case P::CellAdd:
        return kind == CellKind::Lstm1997
                   ? tr("Adds what is written to the old cell state, which nothing multiplies away.")
                   : tr("Adds what is written to what is kept: the new cell state.");
    case P::CellTanh: return tr("Squashes the cell state into (−1, 1) before the output gate scales it.");
    case P::OutputMultiply: return tr("Scales the squashed cell state by the output gate: the new hidden state.");
    case P::ResetMultiply:
        return tr("Scales the previous state's contribution to the candidate by r (PyTorch applies r after "
                  "the weights: r ⊙ (W_hn h + b_hn)).");
    case P::OneMinus: return tr("Turns z into 1 − z: the share the candidate gets.");
    case P::KeepMultiply: return tr("z times the old hidden state: the part that is kept.");
    case P::NewMultiply: return tr("(1 − z) times the candidate: the part that is let in.");
    case P::HiddenAdd: return tr("Adds the kept part and the new part: the new hidden state.");
    case P::PeepholeInput:
        return tr("Peephole: the input gate also looks at the previous cell state directly.");
    case P::PeepholeForget:
        return tr("Peephole: the forget gate also looks at the previous cell state directly.");
    case P::PeepholeOutput:
        return tr("Peephole: the output gate also looks at the new cell state directly.");
    default: return {};
    }
}

QString gradientSentence(CellKind kind, P part)
{
    if (isGate(part))
        return part == P::RnnLayer
                   ? tr("Gradient of the tanh layer's weighted sum. Each step back multiplies by (1 − h²) and "
                        "the recurrent weights, so in a plain RNN it shrinks or grows fast.")
                   : tr("How the loss changes with this gate's weighted sum: its weights' gradients are built "
                        "from it.");
    switch (part) {
    case P::InputX: return tr("The gradient of the input is not recorded.");
    case P::CellLine:
        return kind == CellKind::Lstm1997
                   ? tr("dL/dc flows back along the cell state, right to left, and nothing scales it: the "
                        "constant error carousel.")
                   : tr("dL/dc flows back along the cell state, right to left; only the forget gate scales it, "
                        "which is why LSTMs can remember long.");
    case P::HiddenLine:
        return tr("dL/dh flows back along the top line, right to left; z scales what reaches the previous step.");
    case P::CellNext:
        return tr("How the loss changes with the new cell state: from the next timestep and through the new hidden state.");
    case P::CellPrev:
        return kind == CellKind::Lstm1997
                   ? tr("The total gradient at the previous cell state: what this cell passes back unchanged, "
                        "plus what reaches it through the previous hidden state.")
                   : tr("The total gradient at the previous cell state: what this cell passes back (f times the "
                        "new cell state's gradient), plus what reaches it through the previous hidden state.");
    case P::HiddenNext:
        return tr("How the loss changes with the new hidden state: from the output above and the next timestep.");
    case P::HiddenOutput:
        return tr("The gradient from the output head (or the layer above) joins the one from the next timestep.");
    case P::HiddenPrev:
        return tr("The hidden-state gradient at the previous timestep, from this cell and the output there.");
    case P::CellAdd: case P::HiddenAdd:
        return tr("A + passes the gradient back unchanged to both of its inputs.");
    case P::ForgetMultiply: case P::InputMultiply: case P::OutputMultiply: case P::KeepMultiply:
    case P::NewMultiply: case P::ResetMultiply:
        return tr("A × passes the gradient back to each input, times the other input.");
    case P::CellTanh:
        return tr("tanh passes the gradient back times (1 − tanh²): smaller when |c| is large.");
    case P::OneMinus: return tr("1 − z passes the gradient back with its sign flipped.");
    case P::PeepholeInput: case P::PeepholeForget: case P::PeepholeOutput:
        return tr("Through the peephole the gate's gradient also flows back into the cell state; that share "
                  "is not shown on its own.");
    default: return {};
    }
}

} // namespace

QString diagramNumber(double value, bool gradient, int digits)
{
    if (!std::isfinite(value))
        return QStringLiteral("?");
    return gradient ? formatSignificant(value, digits) : formatFixed(value, 2);
}

QString partTitle(CellKind kind, P part)
{
    switch (part) {
    case P::InputX: return tr("Input");
    case P::HiddenPrev: return tr("Previous hidden state");
    case P::CellPrev: return tr("Previous cell state");
    case P::CellNext: return tr("New cell state");
    case P::HiddenNext: return tr("New hidden state");
    case P::HiddenOutput: return tr("Output: new hidden state");
    case P::CellLine: return kind == CellKind::Lstm1997 ? tr("Cell state (constant error carousel)") : tr("Cell state");
    case P::HiddenLine: return tr("Hidden state");
    case P::InputGate: return tr("Input gate i (σ)");
    case P::ForgetGate: return tr("Forget gate f (σ)");
    case P::CandidateGate: return tr("Candidate g (tanh)");
    case P::OutputGate: return tr("Output gate o (σ)");
    case P::ResetGate: return tr("Reset gate r (σ)");
    case P::UpdateGate: return tr("Update gate z (σ)");
    case P::NewGate: return tr("Candidate n (tanh)");
    case P::RnnLayer: return tr("tanh layer");
    case P::ForgetMultiply: case P::InputMultiply: case P::OutputMultiply: case P::ResetMultiply:
    case P::KeepMultiply: case P::NewMultiply:
        return tr("× (pointwise product)");
    case P::CellAdd: case P::HiddenAdd: return tr("+ (pointwise sum)");
    case P::CellTanh: return tr("tanh (pointwise)");
    case P::OneMinus: return tr("1 − z (pointwise)");
    case P::PeepholeInput: return tr("Peephole into i");
    case P::PeepholeForget: return tr("Peephole into f");
    case P::PeepholeOutput: return tr("Peephole into o");
    default: return {};
    }
}

QString partSymbol(CellKind kind, P part, bool gradients)
{
    const QString symbol = valueSymbol(kind, part);
    if (!gradients)
        return symbol;
    if (isGate(part))
        return QStringLiteral("dL/d(") + gateLetter(kind, part) + QStringLiteral(" pre-activation)");
    if (part == P::CellTanh || part == P::ForgetMultiply || part == P::InputMultiply || part == P::OneMinus ||
        part == P::KeepMultiply || part == P::NewMultiply)
        return QStringLiteral("dL/d(") + symbol + QStringLiteral(")");
    if (part == P::ResetMultiply)
        return QStringLiteral("dL/d(r ⊙ (W<sub>hn</sub>h + b<sub>hn</sub>))");
    return QStringLiteral("dL/d") + symbol;
}

QString partSentence(CellKind kind, P part, bool gradients, int layer)
{
    return gradients ? gradientSentence(kind, part) : valueSentence(kind, part, layer);
}

QString diagramToolTip(const DiagramValues& values, P part, int hoveredUnit)
{
    if (part == P::None)
        return {};
    const CellKind kind = values.cell;
    const bool grad = values.gradients;
    QString text = QStringLiteral("<b>") + partTitle(kind, part).toHtmlEscaped() + QStringLiteral("</b>");
    if (values.present)
        text += QStringLiteral(" &nbsp;<span>(layer %1, unit %2, t = %3)</span>")
                    .arg(values.layer)
                    .arg(values.unit)
                    .arg(values.timestep);

    auto line = [&](P p) {
        const double v = values.value(p);
        QString valueText;
        if (std::isfinite(v))
            valueText = formatPrecise(v);
        else if (!values.shownNow || (isPrevious(p, grad) && !values.shownBefore))
            valueText = grad && p == P::CellPrev && values.timestep == 0
                            ? tr("not recorded before the window's first step")
                            : tr("? (not computed yet)");
        else
            valueText = tr("not recorded");
        return QStringLiteral("<br>") + partSymbol(kind, p, grad) + QStringLiteral(" = ") + valueText;
    };

    // Peepholes and the input have no gradient of their own in the trace: the sentence says so.
    const bool noGradient = grad && (part == P::InputX || part == P::PeepholeInput || part == P::PeepholeForget ||
                                     part == P::PeepholeOutput);
    if (values.present && !noGradient) {
        if (part == P::InputX) {
            if (values.input.empty()) {
                text += QStringLiteral("<br>") + partSymbol(kind, part, false) + QStringLiteral(" = ") +
                        tr("? (not computed yet)");
            } else {
                QStringList shown;
                const size_t limit = std::min<size_t>(values.input.size(), 12);
                for (size_t k = 0; k < limit; ++k)
                    shown << formatPrecise(values.input[k]);
                if (values.input.size() > limit)
                    shown << QStringLiteral("…");
                text += QStringLiteral("<br>") + partSymbol(kind, part, false) + QStringLiteral(" = (") +
                        shown.join(QStringLiteral(", ")) + QStringLiteral(")");
            }
        } else if (part == P::CellLine) {
            text += line(P::CellPrev);
            if (kind != CellKind::Lstm1997)
                text += line(P::ForgetMultiply);
            text += line(P::CellNext);
        } else if (part == P::HiddenLine) {
            text += line(P::HiddenPrev) + line(P::KeepMultiply) + line(P::HiddenNext);
        } else {
            text += line(part);
        }
        if (isGate(part)) {
            int gate = -1;
            for (int g = 0; g < int(values.gates.size()); ++g)
                if (gatePart(kind, g) == part)
                    gate = g;
            if (gate >= 0) {
                const std::vector<double>& all = values.gates[size_t(gate)];
                if (hoveredUnit >= 0 && hoveredUnit < int(all.size()) && hoveredUnit != values.unit &&
                    std::isfinite(all[size_t(hoveredUnit)]))
                    text += QStringLiteral("<br>") + tr("unit %1: %2").arg(hoveredUnit).arg(formatPrecise(all[size_t(hoveredUnit)]));
                std::vector<double> finite;
                for (double v : all)
                    if (std::isfinite(v))
                        finite.push_back(v);
                if (finite.size() > 1) {
                    const auto [low, high] = std::minmax_element(finite.begin(), finite.end());
                    text += QStringLiteral("<br>") + tr("all %1 units: from %2 to %3")
                                                         .arg(finite.size())
                                                         .arg(diagramNumber(*low, grad), diagramNumber(*high, grad));
                }
            }
        }
    }
    const QString sentence = partSentence(kind, part, grad, values.layer);
    if (!sentence.isEmpty())
        text += QStringLiteral("<br><i>") + sentence.toHtmlEscaped() + QStringLiteral("</i>");
    return text;
}
