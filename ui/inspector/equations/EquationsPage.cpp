#include "inspector/equations/EquationsPage.h"

#include "inspector/equations/CellEquations.h"
#include "inspector/equations/EquationsSheet.h"
#include "style/NumberFormat.h"
#include "inspector/UiNames.h"

#include <QObject>
#include <QStringList>

namespace {

using equations::Backward;
using equations::Forward;
using equations::GateTerms;
using lstm::CellKind;
using namespace typeset;

// ---- forward -----------------------------------------------------------------------------

QString activation(const GateTerms& gate) { return gate.sigmoid ? QStringLiteral("σ") : QStringLiteral("tanh"); }

// W_f x_t + U_f h_{t-1} + b_f, and its numbers.
void gateRows(Sheet& sheet, CellKind cell, const GateTerms& gate, bool known)
{
    const QString g = gate.name == "h" ? QString() : QString::fromStdString(gate.name);
    const QString W = var("W", g), U = var("U", g);
    const QString x = var("x", T0), h = var("h", T1);
    QString symbolic, numbers;
    if (cell == CellKind::Gru && gate.name == "n") {
        symbolic = W + " " + x + " + " + var("b", "in") + " + " + var("r", T0) + " ⊙ (" + U + " " + h + " + " +
                   var("b", "hn") + ")";
        numbers = sum({gate.input, gate.bias}) + " + " + factor(gate.reset) + " × (" +
                  sum({gate.recurrent, gate.hiddenBias}) + ")";
    } else if (gate.hasPeephole) {
        const QString c = var("c", gate.name == "o" ? T0 : T1);
        symbolic = W + " " + x + " + " + U + " " + h + " + " + var("p", g) + " ⊙ " + c + " + " + var("b", g);
        numbers = sum({gate.input, gate.recurrent, gate.peephole(), gate.bias});
    } else {
        symbolic = W + " " + x + " + " + U + " " + h + " + " + var("b", g);
        numbers = sum({gate.input, gate.recurrent, gate.bias});
    }
    const QString name = activation(gate);
    sheet.row(var(gate.name == "h" ? "h" : QString::fromStdString(gate.name), T0), name + "(" + symbolic + ")");
    if (known)
        sheet.more(name + "(" + numbers + ") = " + name + "(" + num(gate.preActivation) + ") = " + result(gate.activation));
    else
        sheet.more(unknown);
}

void cellRows(Sheet& sheet, const Forward& f, bool known)
{
    const double i = f.gate("i")->activation, g = f.gate("g")->activation;
    if (f.cell == CellKind::Lstm1997) {
        sheet.row(var("c", T0), var("c", T1) + " + " + var("i", T0) + " ⊙ " + var("g", T0));
        sheet.more(known ? num(f.cPrev) + " + " + times({i, g}) + " = " + result(f.c) : unknown);
        sheet.aside(QObject::tr("no forget gate: the cell adds and never forgets (the constant error carousel)"));
    } else {
        const double forget = f.gate("f")->activation;
        sheet.row(var("c", T0), var("f", T0) + " ⊙ " + var("c", T1) + " + " + var("i", T0) + " ⊙ " + var("g", T0));
        sheet.more(known ? times({forget, f.cPrev}) + " + " + times({i, g}) + " = " + result(f.c) : unknown);
    }
}

void hiddenRows(Sheet& sheet, const Forward& f, bool known)
{
    if (f.cell == CellKind::Gru) {
        const double z = f.gate("z")->activation, n = f.gate("n")->activation;
        sheet.row(var("h", T0), "(1 " + minus + " " + var("z", T0) + ") ⊙ " + var("n", T0) + " + " + var("z", T0) +
                                    " ⊙ " + var("h", T1));
        sheet.more(known ? "(1 " + minus + " " + num(z) + ") × " + factor(n) + " + " + times({z, f.hPrev}) + " = " +
                               result(f.h)
                         : unknown);
        return;
    }
    const double o = f.gate("o")->activation;
    sheet.row(var("h", T0), var("o", T0) + " ⊙ tanh(" + var("c", T0) + ")");
    sheet.more(known ? factor(o) + " × tanh(" + num(f.c) + ") = " + times({o, f.tanhC}) + " = " + result(f.h)
                     : unknown);
}

void forwardPage(Sheet& sheet, const lstm::StepTrace& trace, const equations::Where& where, bool known)
{
    const Forward f = equations::forwardTerms(trace, where);
    QString parts = QObject::tr("%1 = weight_ih row · %2,  %3 = weight_hh row · %4,  %5 = bias_ih + bias_hh")
                        .arg(var("W") + " " + var("x", T0), var("x", T0), var("U") + " " + var("h", T1),
                             var("h", T1), var("b"));
    if (trace.cell == CellKind::Gru)
        parts = QObject::tr("%1 = weight_ih row · %2,  %3 = weight_hh row · %4;  r and z add both biases, n keeps "
                            "b<sub>hn</sub> inside the reset")
                    .arg(var("W") + " " + var("x", T0), var("x", T0), var("U") + " " + var("h", T1), var("h", T1));
    sheet.note(parts);
    switch (trace.cell) {
    case CellKind::Lstm:
    case CellKind::Lstm1997:
        for (const GateTerms& gate : f.gates)
            gateRows(sheet, f.cell, gate, known);
        cellRows(sheet, f, known);
        hiddenRows(sheet, f, known);
        break;
    case CellKind::LstmPeephole: // o looks at the new c_t: it comes after the cell update
        for (const char* name : {"i", "f", "g"})
            gateRows(sheet, f.cell, *f.gate(name), known);
        cellRows(sheet, f, known);
        gateRows(sheet, f.cell, *f.gate("o"), known);
        hiddenRows(sheet, f, known);
        break;
    case CellKind::Gru:
        for (const GateTerms& gate : f.gates)
            gateRows(sheet, f.cell, gate, known);
        hiddenRows(sheet, f, known);
        break;
    case CellKind::Rnn:
        gateRows(sheet, f.cell, f.gates.front(), known);
        break;
    }
}

// ---- backward ----------------------------------------------------------------------------

// dL/dh_t = (from above) + (from t+1).
void hiddenGradientRows(Sheet& sheet, const lstm::StepTrace& trace, const Backward& b, bool known, bool topLayer)
{
    const QString above = topLayer ? QObject::tr("(from the head)")
                                   : "(" + var("W") + "<sup>(l+1)</sup>)ᵀ δ<sup>(l+1)</sup><sub>t</sub>";
    QString later = var("U") + "ᵀ δ<sub>t+1</sub>";
    if (trace.cell == CellKind::Gru)
        later = dL(var("h", TNext)) + " ⊙ " + var("z", TNext) + " + " + later;
    if (!b.hasNext) {
        sheet.row(dL(var("h", T0)), above);
        sheet.more(known ? result(b.dh) : unknown);
        sheet.aside(QObject::tr("the last timestep of the window: nothing comes back from t+1"));
        return;
    }
    sheet.row(dL(var("h", T0)), above + " + " + later);
    QString numbers = sum({b.dhFromAbove, b.dhThroughWeights});
    if (trace.cell == CellKind::Gru)
        numbers = num(b.dhFromAbove) + " + " + times({b.dhNext, b.keepNext}) + then(b.dhThroughWeights);
    sheet.more(known ? numbers + " = " + result(b.dh) : unknown);
    if (topLayer)
        sheet.aside(QObject::tr("the head's share is what is left of the recorded total"));
}

QString sigmoidSlope(const QString& gate, const QString& sub = T0)
{
    return var(gate, sub) + "(1 " + minus + " " + var(gate, sub) + ")";
}
QString sigmoidSlopeNumbers(double s) { return factor(s) + " × (1 " + minus + " " + num(s) + ")"; }
QString tanhSlopeNumbers(double a) { return "(1 " + minus + " " + factor(a) + "²)"; }

void gateGradientRow(Sheet& sheet, const Backward& b, const QString& gate, const QString& symbolic,
                     const QString& numbers, bool known)
{
    sheet.row(delta(gate), symbolic);
    sheet.more(known ? numbers + " = " + result(b.gate(gate.toStdString())->recorded) : unknown);
}

void lstmBackward(Sheet& sheet, const lstm::StepTrace& trace, const Forward& f, const Backward& b, bool known)
{
    const bool peephole = trace.cell == CellKind::LstmPeephole;
    const bool forgetGate = trace.cell != CellKind::Lstm1997;
    const double i = f.gate("i")->activation, g = f.gate("g")->activation, o = f.gate("o")->activation;
    const QString dh = dL(var("h", T0)), dc = dL(var("c", T0));

    gateGradientRow(sheet, b, "o", dh + " ⊙ tanh(" + var("c", T0) + ") ⊙ " + sigmoidSlope("o"),
                    factor(b.dh) + " × " + factor(f.tanhC) + " × " + sigmoidSlopeNumbers(o), known);

    QString symbolic = dh + " ⊙ " + var("o", T0) + " ⊙ (1 " + minus + " tanh²" + var("c", T0) + ")";
    QString numbers = factor(b.dh) + " × " + factor(o) + " × " + tanhSlopeNumbers(f.tanhC);
    if (peephole) {
        symbolic += " + " + var("p", "o") + " ⊙ " + delta("o");
        numbers += " + " + times({f.gate("o")->peepholeWeight, b.gate("o")->recorded});
    }
    if (b.hasNext) {
        symbolic += " + " + dL(var("c", TNext)) + (forgetGate ? " ⊙ " + var("f", TNext) : QString());
        numbers += forgetGate ? " + " + times({b.dcNext, b.carryGate}) : then(b.dcNext);
        if (peephole) {
            symbolic += " + " + var("p", "i") + " ⊙ " + delta("i", TNext) + " + " + var("p", "f") + " ⊙ " +
                        delta("f", TNext);
            numbers += then(b.carryPeephole);
        }
    }
    sheet.row(dc, symbolic);
    sheet.more(known ? numbers + " = " + result(b.dcRecorded) : unknown);
    if (!b.hasNext)
        sheet.aside(QObject::tr("the last timestep of the window: nothing comes back from t+1"));
    else if (!forgetGate)
        sheet.aside(QObject::tr("no forget gate: the error from t+1 comes back whole"));

    gateGradientRow(sheet, b, "i", dc + " ⊙ " + var("g", T0) + " ⊙ " + sigmoidSlope("i"),
                    factor(b.dcRecorded) + " × " + factor(g) + " × " + sigmoidSlopeNumbers(i), known);
    if (forgetGate)
        gateGradientRow(sheet, b, "f", dc + " ⊙ " + var("c", T1) + " ⊙ " + sigmoidSlope("f"),
                        factor(b.dcRecorded) + " × " + factor(f.cPrev) + " × " +
                            sigmoidSlopeNumbers(f.gate("f")->activation),
                        known);
    gateGradientRow(sheet, b, "g", dc + " ⊙ " + var("i", T0) + " ⊙ (1 " + minus + " " + var("g", T0) + "²)",
                    factor(b.dcRecorded) + " × " + factor(i) + " × " + tanhSlopeNumbers(g), known);
}

void backwardPage(Sheet& sheet, const lstm::StepTrace& trace, const equations::Where& where, bool known)
{
    const Forward f = equations::forwardTerms(trace, where);
    const Backward b = equations::backwardTerms(trace, where);
    sheet.note(QObject::tr("δa<sub>t</sub> = %1: the gradient at gate a's pre-activation")
                   .arg(dL("(pre-activation of " + var("a", T0) + ")")));
    hiddenGradientRows(sheet, trace, b, known, where.layer + 1 == int(trace.layers.size()));
    switch (trace.cell) {
    case CellKind::Lstm:
    case CellKind::LstmPeephole:
    case CellKind::Lstm1997:
        lstmBackward(sheet, trace, f, b, known);
        break;
    case CellKind::Gru: {
        const GateTerms& n = *f.gate("n");
        const double r = f.gate("r")->activation, z = f.gate("z")->activation;
        const QString dh = dL(var("h", T0));
        gateGradientRow(sheet, b, "z",
                        dh + " ⊙ (" + var("h", T1) + " " + minus + " " + var("n", T0) + ") ⊙ " + sigmoidSlope("z"),
                        factor(b.dh) + " × (" + num(f.hPrev) + " " + minus + " " + factor(n.activation) + ") × " +
                            sigmoidSlopeNumbers(z),
                        known);
        gateGradientRow(sheet, b, "n",
                        dh + " ⊙ (1 " + minus + " " + var("z", T0) + ") ⊙ (1 " + minus + " " + var("n", T0) + "²)",
                        factor(b.dh) + " × (1 " + minus + " " + num(z) + ") × " + tanhSlopeNumbers(n.activation),
                        known);
        gateGradientRow(sheet, b, "r",
                        delta("n") + " ⊙ (" + var("U", "n") + " " + var("h", T1) + " + " + var("b", "hn") + ") ⊙ " +
                            sigmoidSlope("r"),
                        factor(b.gate("n")->recorded) + " × (" + sum({n.recurrent, n.hiddenBias}) + ") × " +
                            sigmoidSlopeNumbers(r),
                        known);
        break;
    }
    case CellKind::Rnn:
        gateGradientRow(sheet, b, "h", dL(var("h", T0)) + " ⊙ (1 " + minus + " " + var("h", T0) + "²)",
                        factor(b.dh) + " × " + tanhSlopeNumbers(f.h), known);
        break;
    }
}

// ---- update ------------------------------------------------------------------------------

void updatePage(Sheet& sheet, const lstm::StepTrace& trace, const equations::Where& where)
{
    using Kind = equations::ParameterChange::Kind;
    sheet.heading(QObject::tr("The optimizer step: unit %1's weights, before → after").arg(where.unit));
    if (trace.parametersAfter == trace.parametersBefore) {
        sheet.note(QObject::tr("The weights did not change in this step."));
        return;
    }
    bool firstGate = true;
    for (const equations::GateUpdate& update : equations::updateTerms(trace, where)) {
        if (!firstGate)
            sheet.gap();
        firstGate = false;
        const QString g = update.gate == "h" ? QString() : QString::fromStdString(update.gate);
        bool first = true;
        for (const equations::ParameterChange& change : update.changes) {
            QString name;
            switch (change.kind) {
            case Kind::Bias: name = var("b", g); break;
            case Kind::InputBias: name = var("b", "i" + g); break;
            case Kind::HiddenBias: name = var("b", "h" + g); break;
            case Kind::Peephole: name = var("p", g); break;
            case Kind::InputWeight:
                name = QObject::tr("%1 from %2").arg(var("W", g), var("x", QString::number(change.index)));
                break;
            case Kind::RecurrentWeight:
                name = QObject::tr("%1 from %2").arg(var("U", g), var("h", QString::number(change.index)));
                break;
            }
            const QString gate = first && !g.isEmpty() ? "<b>" + var(g) + "</b>  " : QString();
            first = false;
            sheet.row(gate + name, num(change.before) + " → <b>" + num(change.after) + "</b>   (Δ " +
                                       num(change.change()) + ")");
        }
    }
    sheet.note(QObject::tr("Each gate's bias (b = bias_ih + bias_hh: both move), then the two weights of its row that "
                           "moved most."));
}

} // namespace

QString equationsPage(const lstm::StepTrace* trace, const EquationsRequest& request)
{
    Sheet sheet;
    if (!trace || trace->layers.empty()) {
        sheet.heading(QObject::tr("Equations"));
        sheet.note(QObject::tr("No recorded step yet: the equations fill in when training records one."));
        return "<html><body>" + sheet.finish() + "</body></html>";
    }
    const equations::Where& where = request.where;
    const Reveal& reveal = request.reveal;
    if (reveal.phase == StepPhase::Update)
        updatePage(sheet, *trace, where);
    sheet.heading(QObject::tr("%1%2 · layer %3 · unit %4 · t = %5")
                      .arg(request.gradients ? QObject::tr("Backward: ") : QString(), cellTitle(trace->cell))
                      .arg(where.layer)
                      .arg(where.unit)
                      .arg(where.timestep));
    if (request.gradients && trace->layers[size_t(where.layer)].dHidden.cols() != trace->steps)
        sheet.note(QObject::tr("This step has no recorded gradients."));
    else if (request.gradients)
        backwardPage(sheet, *trace, where, reveal.done(where.timestep, true));
    else
        forwardPage(sheet, *trace, where, reveal.done(where.timestep, false));
    return "<html><body>" + sheet.finish() + "</body></html>";
}
