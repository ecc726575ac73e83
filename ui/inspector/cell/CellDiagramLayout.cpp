#include "inspector/cell/CellDiagramLayout.h"

#include "inspector/cell/CellDiagramPlan.h"

#include <QLineF>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr std::array<const char*, diagramPartCount> partNames{
    "None",          "InputX",         "HiddenPrev",    "CellPrev",       "CellNext",
    "HiddenNext",    "HiddenOutput",   "CellLine",      "HiddenLine",     "InputGate",
    "ForgetGate",    "CandidateGate",  "OutputGate",    "ResetGate",      "UpdateGate",
    "NewGate",       "RnnLayer",       "ForgetMultiply", "InputMultiply", "CellAdd",
    "CellTanh",      "OutputMultiply", "ResetMultiply", "OneMinus",       "KeepMultiply",
    "NewMultiply",   "HiddenAdd",      "PeepholeInput", "PeepholeForget", "PeepholeOutput",
};

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
    planCellDiagram(layout);
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
