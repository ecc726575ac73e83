// The geometry of the classic cell diagram for each cell type, in a fixed logical canvas
// (1000 x 580 units, y down): gate boxes, pointwise operations, wires, the state line and
// where the labels go, plus hit-testing. Pure geometry: no values, no colours, no painting.
#pragma once

#include "cells/CellKind.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

// Every part of a diagram a student can point at. Not every cell type has every part.
enum class DiagramPart {
    None,
    // Inputs and outputs at the edges of the cell.
    InputX,       // x_t, bottom left
    HiddenPrev,   // h_{t-1}
    CellPrev,     // c_{t-1}, top left
    CellNext,     // c_t leaving right
    HiddenNext,   // h_t leaving right
    HiddenOutput, // h_t leaving up, to the layer above or the head
    // The lines that carry the memory across the cell.
    CellLine,     // the LSTM cell state
    HiddenLine,   // the GRU's hidden state, which is also its memory
    // Layers with weights (boxes).
    InputGate, ForgetGate, CandidateGate, OutputGate, // LSTM i, f, g, o
    ResetGate, UpdateGate, NewGate,                   // GRU r, z, n
    RnnLayer,                                         // the plain RNN's tanh layer
    // Pointwise operations (circles).
    ForgetMultiply, InputMultiply, CellAdd, CellTanh, OutputMultiply,  // LSTM
    ResetMultiply, OneMinus, KeepMultiply, NewMultiply, HiddenAdd,      // GRU
    // Peephole connections (dashed).
    PeepholeInput, PeepholeForget, PeepholeOutput,
    Count
};

constexpr int diagramPartCount = int(DiagramPart::Count);

// A readable identifier, e.g. "ForgetGate", for test messages.
const char* diagramPartName(DiagramPart part);
// The part that draws gate `gate` (gateNames() order) of a cell type.
DiagramPart gatePart(lstm::CellKind kind, int gate);

struct DiagramBox {
    DiagramPart part = DiagramPart::None;
    int gate = 0;  // index in gateNames()
    QRectF rect;
};

struct DiagramOp {
    enum Symbol { Times, Plus, OneMinus, Tanh };
    DiagramPart part = DiagramPart::None;
    Symbol symbol = Times;
    QPointF centre;
    double radius = 16; // the tanh op is an ellipse twice as wide
};

// A polyline from where a value comes from to where it goes; the head is at the end
// (forward) or at the start (gradients flowing back).
struct DiagramWire {
    std::vector<QPointF> points;
    DiagramPart part = DiagramPart::None; // peepholes are parts; plain wires are not
    bool dashed = false;
    bool head = true;      // an arrow head at the end, for values flowing forward
    bool backHead = true;  // an arrow head at the start, for gradients flowing back
};

// One stretch of the state line, coloured by the value it carries.
struct StateSegment {
    QPointF from, to;
    DiagramPart value; // whose value colours it: CellPrev, ForgetMultiply, CellNext, ...
};

// A label at an edge: the symbol's name and value, placed in `rect`.
struct DiagramTerminal {
    DiagramPart part = DiagramPart::None;
    QString name;      // "c", "h", "x"
    QString subscript; // "t-1", "t"
    QRectF rect;
    bool alignRight = false;
};

struct CellDiagramLayout {
    static constexpr double width = 1000;
    static constexpr double height = 580;

    lstm::CellKind kind = lstm::CellKind::Lstm;
    QRectF body;                           // the cell's rounded outline
    DiagramPart statePart = DiagramPart::None; // CellLine, HiddenLine or None (plain RNN)
    std::vector<StateSegment> state;       // left to right
    QString stateCaption;                  // "cell state c", "constant error carousel", ...
    QPointF stateCaptionAt;                // centre of the caption's baseline
    std::vector<DiagramBox> boxes;
    std::vector<DiagramOp> ops;
    std::vector<DiagramWire> wires;
    std::vector<QPointF> junctions;        // where a wire branches: a dot
    std::vector<DiagramTerminal> terminals;
    QRectF titleRect;
    QRectF keyRect;                        // the one-line key to the gate letters
    QString key;

    static CellDiagramLayout forKind(lstm::CellKind kind);

    // The part under a point in canvas units; None where there is nothing to explain.
    DiagramPart partAt(QPointF point) const;
    // Every part this layout draws, each once.
    std::vector<DiagramPart> parts() const;
    // A point well inside the part, where partAt() finds it; empty when not drawn.
    std::optional<QPointF> anchorOf(DiagramPart part) const;
    const DiagramBox* box(DiagramPart part) const;
};

// Inside a gate box: the coloured band with the gate's name, the big value, and the strip
// of one small bar per unit (or their histogram).
QRectF boxBand(const QRectF& box);
QRectF boxValueRect(const QRectF& box);
QRectF boxStrip(const QRectF& box);
// The bar of unit `unit` out of `units` in a strip (units <= maxBars).
QRectF stripBar(const QRectF& strip, int units, int unit);
// The unit whose bar is under x, or -1.
int stripUnitAt(const QRectF& strip, int units, QPointF point);
constexpr int maxBars = 32; // more units than this are drawn as a histogram
