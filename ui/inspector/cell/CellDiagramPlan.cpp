#include "inspector/cell/CellDiagramPlan.h"

#include <array>

// Canvas plan (units; y down). The memory line runs along y = 120, the gate boxes sit on
// y = 324..436 and the bus carrying [h_{t-1}, x_t] runs along y = 480. The cell's outline
// spans x = 150..880, y = 62..506; labels live in the margins outside it.
namespace {

constexpr double stateY = 120;
constexpr double gateTop = 324;
constexpr double gateBottom = 436;
constexpr double gateMiddle = (gateTop + gateBottom) / 2;
constexpr double busY = 480;
constexpr double boxWidth = 112;
constexpr double opRadius = 16;
constexpr double leftEnd = 25;
constexpr double rightEnd = 985;
constexpr double outputX = 840;   // where h_t turns up and out of the cell
constexpr double outputTop = 30;
constexpr double inputBottom = 575;


QRectF gateBox(double centreX, double width = boxWidth)
{
    return {centreX - width / 2, gateTop, width, gateBottom - gateTop};
}

DiagramWire wire(std::vector<QPointF> points, bool head = true, bool backHead = true)
{
    DiagramWire w;
    w.points = std::move(points);
    w.head = head;
    w.backHead = backHead;
    return w;
}

DiagramWire peephole(DiagramPart part, std::vector<QPointF> points, bool head = true, bool backHead = true)
{
    DiagramWire w = wire(std::move(points), head, backHead);
    w.part = part;
    w.dashed = true;
    return w;
}

DiagramTerminal terminal(DiagramPart part, QString name, QString subscript, QRectF rect, bool right = false)
{
    return {part, std::move(name), std::move(subscript), rect, right};
}

const QRectF topLeftLabel{4, 60, 142, 56};
const QRectF topRightLabel{884, 60, 112, 56};
const QRectF bottomLeftLabel{4, 420, 142, 56};
const QRectF bottomRightLabel{884, 420, 112, 56};
const QRectF outputLabel{852, 2, 146, 56};

void addCommon(CellDiagramLayout& layout)
{
    layout.body = QRectF(150, 62, 730, 444);
    layout.titleRect = QRectF(16, 4, 816, 40);
    layout.keyRect = QRectF(380, 540, 496, 36);
    layout.terminals.push_back(terminal(DiagramPart::HiddenOutput, "h", "t", outputLabel));
}

// x_t enters from below at `x` and joins the bus; the bus runs from `from` to `to`.
void addInputBus(CellDiagramLayout& layout, double x, double from, double to)
{
    layout.wires.push_back(wire({{x, inputBottom}, {x, busY}}, false, true));
    layout.wires.push_back(wire({{from, busY}, {to, busY}}, false, from == leftEnd));
    layout.junctions.push_back({x, busY});
    layout.terminals.push_back(
        terminal(DiagramPart::InputX, "x", "t", QRectF(x + 12, 508, 250, 70)));
}

// A wire from the bus up into the bottom of something at height `top`.
void addTap(CellDiagramLayout& layout, double x, double top, bool dot = true)
{
    layout.wires.push_back(wire({{x, busY}, {x, top}}));
    if (dot)
        layout.junctions.push_back({x, busY});
}

void buildLstm(CellDiagramLayout& layout)
{
    using P = DiagramPart;
    const bool forget = layout.kind != lstm::CellKind::Lstm1997;
    const double fX = 245, iX = 385, gX = 505, oX = 640, tanhX = 770;
    const double productY = 230, outY = 290, tanhY = 195;

    layout.statePart = P::CellLine;
    if (forget) {
        layout.state = {{{leftEnd, stateY}, {fX - opRadius, stateY}, P::CellPrev},
                        {{fX + opRadius, stateY}, {gX - opRadius, stateY}, P::ForgetMultiply},
                        {{gX + opRadius, stateY}, {rightEnd, stateY}, P::CellNext}};
        layout.stateCaption = QStringLiteral("cell state c");
        layout.stateCaptionAt = {375, stateY - 16};
    } else {
        layout.state = {{{leftEnd, stateY}, {gX - opRadius, stateY}, P::CellPrev},
                        {{gX + opRadius, stateY}, {rightEnd, stateY}, P::CellNext}};
        layout.stateCaption = QStringLiteral("constant error carousel");
        layout.stateCaptionAt = {330, stateY - 16};
    }

    // Gate boxes in gateNames() order: i, f, g, o (or i, g, o).
    if (forget)
        layout.boxes = {{P::InputGate, 0, gateBox(iX)},
                        {P::ForgetGate, 1, gateBox(fX)},
                        {P::CandidateGate, 2, gateBox(gX)},
                        {P::OutputGate, 3, gateBox(oX)}};
    else
        layout.boxes = {{P::InputGate, 0, gateBox(iX)},
                        {P::CandidateGate, 1, gateBox(gX)},
                        {P::OutputGate, 2, gateBox(oX)}};

    if (forget)
        layout.ops.push_back({P::ForgetMultiply, DiagramOp::Times, {fX, stateY}, opRadius});
    layout.ops.push_back({P::CellAdd, DiagramOp::Plus, {gX, stateY}, opRadius});
    layout.ops.push_back({P::InputMultiply, DiagramOp::Times, {gX, productY}, opRadius});
    layout.ops.push_back({P::CellTanh, DiagramOp::Tanh, {tanhX, tanhY}, 18});
    layout.ops.push_back({P::OutputMultiply, DiagramOp::Times, {tanhX, outY}, opRadius});

    if (forget)
        layout.wires.push_back(wire({{fX, gateTop}, {fX, stateY + opRadius}}));
    layout.wires.push_back(wire({{iX, gateTop}, {iX, productY}, {gX - opRadius, productY}}));
    layout.wires.push_back(wire({{gX, gateTop}, {gX, productY + opRadius}}));
    layout.wires.push_back(wire({{gX, productY - opRadius}, {gX, stateY + opRadius}}));
    layout.wires.push_back(wire({{tanhX, stateY}, {tanhX, tanhY - 18}}));
    layout.junctions.push_back({tanhX, stateY});
    layout.wires.push_back(wire({{tanhX, tanhY + 18}, {tanhX, outY - opRadius}}));
    layout.wires.push_back(
        wire({{oX + boxWidth / 2, gateMiddle}, {tanhX, gateMiddle}, {tanhX, outY + opRadius}}));
    layout.wires.push_back(
        wire({{tanhX + opRadius, outY}, {outputX, outY}, {outputX, busY}, {rightEnd, busY}}));
    // h_t also leaves upwards, crossing under the cell line.
    layout.wires.push_back(wire({{outputX, outY}, {outputX, stateY + 12}}, false, true));
    layout.wires.push_back(wire({{outputX, stateY - 12}, {outputX, outputTop}}, true, false));
    layout.junctions.push_back({outputX, outY});

    addInputBus(layout, 195, leftEnd, oX);
    if (forget)
        addTap(layout, fX, gateBottom);
    addTap(layout, iX, gateBottom);
    addTap(layout, gX, gateBottom);
    addTap(layout, oX, gateBottom, false);

    if (layout.kind == lstm::CellKind::LstmPeephole) {
        const double tapX = 205, branchY = 300, inputX = 355, outputTapX = 680;
        layout.wires.push_back(peephole(P::PeepholeForget, {{tapX, stateY}, {tapX, gateTop}}));
        layout.wires.push_back(
            peephole(P::PeepholeInput, {{tapX, branchY}, {fX - 10, branchY}}, false, false));
        layout.wires.push_back(peephole(P::PeepholeInput,
                                        {{fX + 10, branchY}, {inputX, branchY}, {inputX, gateTop}}, true, false));
        layout.wires.push_back(peephole(P::PeepholeOutput, {{outputTapX, stateY}, {outputTapX, gateTop}}));
        layout.junctions.push_back({tapX, stateY});
        layout.junctions.push_back({tapX, branchY});
        layout.junctions.push_back({outputTapX, stateY});
    }

    layout.terminals.push_back(terminal(P::CellPrev, "c", "t-1", topLeftLabel));
    layout.terminals.push_back(terminal(P::CellNext, "c", "t", topRightLabel, true));
    layout.terminals.push_back(terminal(P::HiddenPrev, "h", "t-1", bottomLeftLabel));
    layout.terminals.push_back(terminal(P::HiddenNext, "h", "t", bottomRightLabel, true));

    if (layout.kind == lstm::CellKind::Lstm1997)
        layout.key = QStringLiteral("i input · g candidate · o output · no forget gate");
    else if (layout.kind == lstm::CellKind::LstmPeephole)
        layout.key = QStringLiteral("f forget · i input · g candidate · o output · dashed: peepholes");
    else
        layout.key = QStringLiteral("f forget · i input · g candidate · o output");
}

void buildGru(CellDiagramLayout& layout)
{
    using P = DiagramPart;
    const double zX = 300, rX = 480, resetX = 585, nX = 700, oneMinusX = 400, mixY = 230;
    const double downX = 195;

    layout.statePart = P::HiddenLine;
    layout.state = {{{leftEnd, stateY}, {zX - opRadius, stateY}, P::HiddenPrev},
                    {{zX + opRadius, stateY}, {nX - opRadius, stateY}, P::KeepMultiply},
                    {{nX + opRadius, stateY}, {rightEnd, stateY}, P::HiddenNext}};
    layout.stateCaption = QStringLiteral("hidden state h, also the memory");
    layout.stateCaptionAt = {500, stateY - 16};

    layout.boxes = {{P::ResetGate, 0, gateBox(rX)},
                    {P::UpdateGate, 1, gateBox(zX)},
                    {P::NewGate, 2, gateBox(nX)}};
    layout.ops = {{P::KeepMultiply, DiagramOp::Times, {zX, stateY}, opRadius},
                  {P::HiddenAdd, DiagramOp::Plus, {nX, stateY}, opRadius},
                  {P::OneMinus, DiagramOp::OneMinus, {oneMinusX, mixY}, 20},
                  {P::NewMultiply, DiagramOp::Times, {nX, mixY}, opRadius},
                  {P::ResetMultiply, DiagramOp::Times, {resetX, gateMiddle}, opRadius}};

    // h_{t-1} comes down from the top line into the bus beside x_t.
    layout.wires.push_back(wire({{downX, stateY}, {downX, busY}}, false, false));
    layout.junctions.push_back({downX, stateY});
    addInputBus(layout, 240, downX, nX);
    addTap(layout, zX, gateBottom);
    addTap(layout, rX, gateBottom);
    addTap(layout, resetX, gateMiddle + opRadius);
    addTap(layout, nX, gateBottom, false);

    layout.wires.push_back(wire({{zX, gateTop}, {zX, stateY + opRadius}}));
    layout.wires.push_back(wire({{zX, mixY}, {oneMinusX - 20, mixY}}));
    layout.junctions.push_back({zX, mixY});
    layout.wires.push_back(wire({{oneMinusX + 20, mixY}, {nX - opRadius, mixY}}));
    layout.wires.push_back(wire({{rX + boxWidth / 2, gateMiddle}, {resetX - opRadius, gateMiddle}}));
    layout.wires.push_back(wire({{resetX + opRadius, gateMiddle}, {nX - boxWidth / 2, gateMiddle}}));
    layout.wires.push_back(wire({{nX, gateTop}, {nX, mixY + opRadius}}));
    layout.wires.push_back(wire({{nX, mixY - opRadius}, {nX, stateY + opRadius}}));
    layout.wires.push_back(wire({{outputX, stateY}, {outputX, outputTop}}));
    layout.junctions.push_back({outputX, stateY});

    layout.terminals.push_back(terminal(P::HiddenPrev, "h", "t-1", topLeftLabel));
    layout.terminals.push_back(terminal(P::HiddenNext, "h", "t", topRightLabel, true));
    layout.key = QStringLiteral("r reset · z update · n candidate");
}

void buildRnn(CellDiagramLayout& layout)
{
    using P = DiagramPart;
    const double x = 500, turnY = 230;
    layout.boxes = {{P::RnnLayer, 0, gateBox(x, 160)}};
    addInputBus(layout, 195, leftEnd, x);
    addTap(layout, x, gateBottom, false);
    layout.wires.push_back(
        wire({{x, gateTop}, {x, turnY}, {outputX, turnY}, {outputX, busY}, {rightEnd, busY}}));
    layout.wires.push_back(wire({{outputX, turnY}, {outputX, outputTop}}));
    layout.junctions.push_back({outputX, turnY});
    layout.terminals.push_back(terminal(P::HiddenPrev, "h", "t-1", bottomLeftLabel));
    layout.terminals.push_back(terminal(P::HiddenNext, "h", "t", bottomRightLabel, true));
    layout.key = QStringLiteral("one tanh layer, no gates: h = tanh(W x + U h + b)");
    layout.stateCaption = QStringLiteral("no separate memory line: h is rewritten at every step");
    layout.stateCaptionAt = {500, 150};
}

} // namespace

void planCellDiagram(CellDiagramLayout& layout)
{
    addCommon(layout);
    switch (layout.kind) {
    case lstm::CellKind::Lstm:
    case lstm::CellKind::LstmPeephole:
    case lstm::CellKind::Lstm1997:
        buildLstm(layout);
        break;
    case lstm::CellKind::Gru:
        buildGru(layout);
        break;
    case lstm::CellKind::Rnn:
        buildRnn(layout);
        break;
    }
}
