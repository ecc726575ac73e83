// Which heatmaps one recorded layer gets, and how each is titled and coloured: every gate, c
// when the cell has one, and h, or their gradients. A description only: no pixels, no widget.
//
// Size legend: H = units, T = timesteps.
#pragma once

#include "HeatmapImage.h"
#include "Trace.h"

#include <QString>

#include <vector>

// One heatmap: a gate by its index in the trace's gateNames, the cell state or the hidden state.
struct HeatmapQuantity {
    enum Kind { Gate, Cell, Hidden };
    Kind kind = Hidden;
    int gate = 0; // only for Gate
    bool operator==(const HeatmapQuantity&) const = default;
};

struct HeatmapPanel {
    HeatmapQuantity quantity;
    QString symbol;  // "f" or "dL/df": the title's first word and the tooltip's name
    QString meaning; // "forget gate", "forget gate, before sigmoid"
    const Eigen::MatrixXd* values = nullptr; // (H, T) inside the trace; nullptr when not recorded
    HeatmapScale scale;
    bool gradient = false; // computed by the backward pass rather than the forward pass
};

// In reading order: gates in the trace's order, then c, then h. Sigmoid gates sequential over
// [0, 1]; tanh gates and h diverging over [-1, 1]; c over +-max|c|, at least +-1; every
// gradient over +-max|value| of its own matrix. The plain RNN's one gate is h itself, so it
// gets a map of its own only for its pre-activation gradient. The panels point into `trace`.
std::vector<HeatmapPanel> heatmapPanels(const lstm::StepTrace& trace, int layer, bool gradients);
