// Where the heatmap page puts everything at a given size and font: a box per map (title,
// axes, cells, legend) in the column count that gives cells their largest side, the plot of
// cells inside each box (whole pixels per cell when that costs little room), and which cell
// lies under a point. Geometry only: no colours and no painting.
//
// Size legend: H = units (rows), T = timesteps (columns).
#pragma once

#include "inspector/heatmaps/HeatmapPanels.h"

#include <QFont>
#include <QRect>
#include <QStringList>

#include <vector>

class QFontMetrics;

namespace heatmapgrid {

constexpr int tickLength = 4;
constexpr int labelGap = 3; // between a tick and its number, so "- 0" never reads as "-0"

int padding(const QFontMetrics& metrics);
int legendBarWidth(const QFontMetrics& metrics);
// Titles a little larger than the labels, so each map's name is the first thing read.
QFont titleFont(const QFont& base);
// The labels beside a legend's colour bar, top to bottom.
QStringList legendLabels(const ValueScale& scale);

} // namespace heatmapgrid

struct HeatmapGrid {
    QRect header;             // "layer 2 of 3"; empty with one layer
    std::vector<QRect> boxes; // per panel: title, axes, cells and legend
    std::vector<QRect> plots; // per panel: the cells only; empty when there is no room

    struct Cell {
        int panel = -1; // -1: no cell there
        int unit = 0;
        int timestep = 0;
    };

    // The grid of `panels` of H x T cells inside `area`, with a header line when `layered`.
    static HeatmapGrid lay(const QRect& area, const QFont& font, const std::vector<HeatmapPanel>& panels, int units,
                           int steps, bool layered);
    // The cell under `position`, clamped to the plot it falls in.
    Cell cellAt(QPointF position, int units, int steps) const;
};
