#include "CellDiagramLayout.h"

#include <QLineF>

#include <algorithm>
#include <array>
#include <cmath>

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

constexpr std::array<const char*, diagramPartCount> partNames{
    "None",          "InputX",         "HiddenPrev",    "CellPrev",       "CellNext",
    "HiddenNext",    "HiddenOutput",   "CellLine",      "HiddenLine",     "InputGate",
    "ForgetGate",    "CandidateGate",  "OutputGate",    "ResetGate",      "UpdateGate",
    "NewGate",       "RnnLayer",       "ForgetMultiply", "InputMultiply", "CellAdd",
    "CellTanh",      "OutputMultiply", "ResetMultiply", "OneMinus",       "KeepMultiply",
    "NewMultiply",   "HiddenAdd",      "PeepholeInput", "PeepholeForget", "PeepholeOutput",
};

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

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double s = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + s * ab;
    return QLineF(p, nearest).length();
}

bool insideOp(const DiagramOp& op, QPointF p, double margin)
{
    const double rx = (op.symbol == DiagramOp::Tanh ? op.radius * 1.7 : op.radius) + margin;
    const double ry = op.radius + margin;
    const QPointF d = p - op.centre;
    return (d.x() * d.x()) / (rx * rx) + (d.y() * d.y()) / (ry * ry) <= 1.0;
}

} // namespace

const char* diagramPartName(DiagramPart part)
{
    const int index = int(part);
    return index >= 0 && index < diagramPartCount ? partNames[size_t(index)] : "?";
}

DiagramPart gatePart(lstm::CellKind kind, int gate)
{
    using P = DiagramPart;
    switch (kind) {
    case lstm::CellKind::Lstm:
    case lstm::CellKind::LstmPeephole: {
        constexpr std::array<P, 4> parts{P::InputGate, P::ForgetGate, P::CandidateGate, P::OutputGate};
        return gate >= 0 && gate < 4 ? parts[size_t(gate)] : P::None;
    }
    case lstm::CellKind::Lstm1997: {
        constexpr std::array<P, 3> parts{P::InputGate, P::CandidateGate, P::OutputGate};
        return gate >= 0 && gate < 3 ? parts[size_t(gate)] : P::None;
    }
    case lstm::CellKind::Gru: {
        constexpr std::array<P, 3> parts{P::ResetGate, P::UpdateGate, P::NewGate};
        return gate >= 0 && gate < 3 ? parts[size_t(gate)] : P::None;
    }
    case lstm::CellKind::Rnn:
        return gate == 0 ? P::RnnLayer : P::None;
    }
    return P::None;
}

CellDiagramLayout CellDiagramLayout::forKind(lstm::CellKind kind)
{
    CellDiagramLayout layout;
    layout.kind = kind;
    addCommon(layout);
    switch (kind) {
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
    return layout;
}

// Boxes and operations sit on top of lines, so they are tested first.
DiagramPart CellDiagramLayout::partAt(QPointF point) const
{
    for (const DiagramBox& b : boxes)
        if (b.rect.contains(point))
            return b.part;
    for (const DiagramOp& op : ops)
        if (insideOp(op, point, 4))
            return op.part;
    for (const DiagramTerminal& t : terminals)
        if (t.rect.contains(point))
            return t.part;
    for (const DiagramWire& w : wires) {
        if (w.part == DiagramPart::None)
            continue;
        for (size_t k = 1; k < w.points.size(); ++k)
            if (distanceToSegment(point, w.points[k - 1], w.points[k]) <= 9)
                return w.part;
    }
    if (!state.empty() &&
        distanceToSegment(point, state.front().from, state.back().to) <= 12)
        return statePart;
    return DiagramPart::None;
}

std::vector<DiagramPart> CellDiagramLayout::parts() const
{
    std::vector<DiagramPart> all;
    auto add = [&](DiagramPart p) {
        if (p != DiagramPart::None && std::find(all.begin(), all.end(), p) == all.end())
            all.push_back(p);
    };
    for (const DiagramTerminal& t : terminals)
        add(t.part);
    add(statePart);
    for (const DiagramBox& b : boxes)
        add(b.part);
    for (const DiagramOp& op : ops)
        add(op.part);
    for (const DiagramWire& w : wires)
        add(w.part);
    return all;
}

std::optional<QPointF> CellDiagramLayout::anchorOf(DiagramPart part) const
{
    if (part == DiagramPart::None)
        return std::nullopt;
    for (const DiagramBox& b : boxes)
        if (b.part == part)
            return QPointF(b.rect.center().x(), b.rect.top() + 12);
    for (const DiagramOp& op : ops)
        if (op.part == part)
            return op.centre;
    for (const DiagramTerminal& t : terminals)
        if (t.part == part)
            return t.rect.center();
    for (const DiagramWire& w : wires)
        if (w.part == part && w.points.size() >= 2)
            return (w.points[0] + w.points[1]) / 2;
    if (part == statePart && !state.empty()) {
        const StateSegment& last = state.back();
        return last.from + 0.3 * (last.to - last.from);
    }
    return std::nullopt;
}

const DiagramBox* CellDiagramLayout::box(DiagramPart part) const
{
    for (const DiagramBox& b : boxes)
        if (b.part == part)
            return &b;
    return nullptr;
}

QRectF boxBand(const QRectF& box)
{
    return {box.left(), box.top(), box.width(), 30};
}

QRectF boxValueRect(const QRectF& box)
{
    return {box.left(), box.top() + 30, box.width(), 38};
}

QRectF boxStrip(const QRectF& box)
{
    return {box.left() + 8, box.top() + 72, box.width() - 16, box.height() - 80};
}

QRectF stripBar(const QRectF& strip, int units, int unit)
{
    const double step = strip.width() / std::max(1, units);
    return {strip.left() + unit * step, strip.top(), step, strip.height()};
}

int stripUnitAt(const QRectF& strip, int units, QPointF point)
{
    if (units <= 0 || units > maxBars || !strip.adjusted(0, -4, 0, 8).contains(point))
        return -1;
    const int unit = int((point.x() - strip.left()) / strip.width() * units);
    return std::clamp(unit, 0, units - 1);
}
