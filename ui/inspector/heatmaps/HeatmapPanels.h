// Which heatmaps one recorded layer gets, and how each is titled and coloured: every gate, c
// when the cell has one, and h, or their gradients. A description only: no pixels, no widget.
//
// Size legend: H = units, T = timesteps.
#pragma once

#include "trace/Trace.h"
#include "style/ValueScale.h"

#include <QString>

#include <vector>

struct HeatmapPanel {
    Quantity quantity;
    QString symbol;  // "f" or "dL/df": the title's first word and the tooltip's name
    QString meaning; // "forget gate", "forget gate, before sigmoid"
    const Eigen::MatrixXd* values = nullptr; // (H, T) inside the trace; nullptr when not recorded
    ValueScale scale;         // scaleFor() the quantity
    bool gradient = false; // computed by the backward pass rather than the forward pass
};

// In reading order: gates in the trace's order, then c, then h, each coloured by scaleFor()
// over what `reveal` has computed. The plain RNN's one gate is h itself, so it gets a map of
// its own only for its pre-activation gradient. The panels point into `trace`.
std::vector<HeatmapPanel> heatmapPanels(const lstm::StepTrace& trace, int layer, bool gradients, const Reveal& reveal);
