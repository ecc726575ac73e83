#include "inspector/heatmaps/HeatmapGrid.h"

#include "style/NumberFormat.h"

#include <QFontMetrics>

#include <algorithm>

namespace heatmapgrid {

int padding(const QFontMetrics& metrics)
{
    return std::max(4, metrics.height() / 2);
}

int legendBarWidth(const QFontMetrics& metrics)
{
    return std::max(10, metrics.height() * 2 / 3);
}

QFont titleFont(const QFont& base)
{
    QFont title = base;
    title.setPointSizeF(base.pointSizeF() * 1.15);
    return title;
}

QStringList legendLabels(const ValueScale& scale)
{
    return {formatSignificant(scale.high, 3), formatSignificant((scale.low + scale.high) / 2, 3),
            formatSignificant(scale.low, 3)};
}

} // namespace heatmapgrid

namespace {

using namespace heatmapgrid;

// The gutters around every plot, in pixels, from the font: the title above, unit numbers and
// the "unit" caption on the left, timestep numbers below, the colour legend on the right.
struct Margins {
    int top = 0;
    int left = 0;
    int bottom = 0;
    int right = 0;
};

Margins marginsFor(const QFont& font, const std::vector<HeatmapPanel>& panels, int units)
{
    const QFontMetrics metrics(font);
    const int line = metrics.height();
    const int pad = padding(metrics);
    int legendText = 0;
    for (const HeatmapPanel& panel : panels)
        for (const QString& label : legendLabels(panel.scale))
            legendText = std::max(legendText, metrics.horizontalAdvance(label));
    Margins margins;
    margins.top = QFontMetrics(titleFont(font)).height() + pad / 2;
    margins.left = line + pad / 2 + metrics.horizontalAdvance(QString::number(units - 1)) + tickLength + labelGap + 3;
    margins.bottom = tickLength + 3 + line;
    margins.right = pad + legendBarWidth(metrics) + tickLength + labelGap + 2 + legendText;
    return margins;
}

} // namespace

HeatmapGrid HeatmapGrid::lay(const QRect& bounds, const QFont& font, const std::vector<HeatmapPanel>& panels,
                             int units, int steps, bool layered)
{
    HeatmapGrid result;
    const int count = int(panels.size());
    if (count == 0 || units == 0 || steps == 0)
        return result;
    const QFontMetrics metrics(font);
    const int line = metrics.height();
    const int pad = padding(metrics);
    const int gap = line;
    QRect area = bounds.adjusted(pad, pad, -pad, -pad);
    if (layered) {
        result.header = QRect(area.left(), area.top(), area.width(), line);
        area.setTop(area.top() + line + gap);
    }
    const Margins margins = marginsFor(font, panels, units);

    // The column count that gives the cells their largest smaller side.
    int columns = 1;
    double bestCell = -1;
    for (int tryColumns = 1; tryColumns <= std::min(count, 4); ++tryColumns) {
        const int rows = (count + tryColumns - 1) / tryColumns;
        const int boxWidth = (area.width() - (tryColumns - 1) * gap) / tryColumns;
        const int boxHeight = (area.height() - (rows - 1) * gap) / rows;
        const double cell = std::min(double(boxWidth - margins.left - margins.right) / steps,
                                     double(boxHeight - margins.top - margins.bottom) / units);
        if (cell > bestCell) {
            bestCell = cell;
            columns = tryColumns;
        }
    }
    const int rows = (count + columns - 1) / columns;
    const int boxWidth = (area.width() - (columns - 1) * gap) / columns;
    const int boxHeight = (area.height() - (rows - 1) * gap) / rows;
    // Whole pixels per cell, so every cell is the same size, unless that wastes much room.
    auto fit = [](int room, int cells) {
        const int whole = room / cells * cells;
        return whole >= 0.85 * room ? whole : std::max(0, room);
    };
    const int plotWidth = fit(boxWidth - margins.left - margins.right, steps);
    const int plotHeight = fit(boxHeight - margins.top - margins.bottom, units);
    for (int k = 0; k < count; ++k) {
        const QRect box(area.left() + (k % columns) * (boxWidth + gap), area.top() + (k / columns) * (boxHeight + gap),
                        boxWidth, boxHeight);
        result.boxes.push_back(box);
        result.plots.push_back(plotWidth > 0 && plotHeight > 0
                                   ? QRect(box.left() + margins.left, box.top() + margins.top, plotWidth, plotHeight)
                                   : QRect());
    }
    return result;
}

HeatmapGrid::Cell HeatmapGrid::cellAt(QPointF position, int units, int steps) const
{
    for (size_t k = 0; k < plots.size(); ++k) {
        const QRectF plot(plots[k]);
        if (plot.isEmpty() || !plot.contains(position))
            continue;
        const int unit = int((position.y() - plot.top()) * units / plot.height());
        const int timestep = int((position.x() - plot.left()) * steps / plot.width());
        return {int(k), std::clamp(unit, 0, units - 1), std::clamp(timestep, 0, steps - 1)};
    }
    return {};
}
