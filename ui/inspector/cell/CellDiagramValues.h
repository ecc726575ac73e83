// The numbers one cell diagram shows: for the selected layer, unit and timestep, the value
// of every part (or its gradient), every unit's gate values at that timestep, and the colour
// scale of each. Read from a recorded StepTrace, respecting what a step-through has revealed;
// interpolated for easing. Plain data: no widgets, no painting.
//
// Size legend: I = layer input size, H = hidden size (units).
#pragma once

#include "inspector/cell/CellDiagramLayout.h"
#include "inspector/StepThrough.h"
#include "style/ValueScale.h"

#include <array>
#include <vector>

namespace lstm {
struct StepTrace;
}

struct DiagramValues {
    bool present = false;   // false without a trace: structure only
    lstm::CellKind cell = lstm::CellKind::Lstm;
    bool gradients = false; // values are dL/d(part) instead of the part's value
    int layer = 0;
    int unit = 0;
    int timestep = 0;
    int hidden = 0;         // H
    bool shownNow = true;    // the step-through has computed timestep t (or its gradients)
    bool shownBefore = true; // ... and t-1 (false for gradients before the window)

    // The selected unit's value at each part, indexed by DiagramPart; NaN where it is not
    // computed yet in a step-through, not recorded, or the part has no single number.
    std::array<double, diagramPartCount> at{};
    // Per gate (gateNames() order): all H units at the timestep; NaN while not computed.
    std::vector<std::vector<double>> gates;
    std::vector<double> input; // (I) x_t, or dL/dx_t in gradients mode; empty while not computed
    int symbol = -1;           // the input symbol's id at t (first layer, symbol input), else -1

    // scaleFor() each quantity, so the diagram colours a value as every other view does.
    std::vector<ValueScale> gateScales; // per gate
    ValueScale cellScale;   // c, or dL/dc
    ValueScale hiddenScale; // h, or dL/dh

    double value(DiagramPart part) const { return at[size_t(part)]; }
    // The scale a part's value is coloured with.
    ValueScale scaleOf(DiagramPart part) const;
    // Whether a and b hold the same kind of picture, so one can ease into the other.
    bool sameShape(const DiagramValues& other) const;
};

struct DiagramSelection {
    int layer = 0;
    int unit = 0;
    int timestep = 0;
    Reveal reveal;
    bool gradients = false;
};

// What the diagram shows of `trace` (which may be null: structure of `kind` only).
DiagramValues diagramValues(const lstm::StepTrace* trace, lstm::CellKind kind, const DiagramSelection& selection);

// `from` moved toward `to` by `progress` in [0, 1]; `to` itself where the two differ in
// shape or a value is missing on either side.
DiagramValues interpolate(const DiagramValues& from, const DiagramValues& to, double progress);
