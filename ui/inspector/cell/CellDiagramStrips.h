// The strip under a gate's box in the cell diagram: every unit's value of that gate at the
// timestep, as one bar per unit (few units) or a histogram over the gate's colour range
// (many), the selected unit marked. Painting only, in the layout's canvas units.
//
// Size legend: H = units.
#pragma once

#include "style/ValueScale.h"

#include <QColor>
#include <QRectF>

#include <vector>

class QPainter;

struct UnitStrip {
    const std::vector<double>& units; // (H) NaN where not computed
    ValueScale scale;                 // the gate's scaleFor()
    int selected = -1;                // the unit to mark
};

struct StripStyle {
    QColor ink;     // the selection marks
    QColor muted;   // the zero line, dashed while nothing is known
    QColor outline; // around each bar
};

void paintUnitBars(QPainter& painter, const QRectF& strip, const UnitStrip& values, const StripStyle& style);
void paintUnitHistogram(QPainter& painter, const QRectF& strip, const UnitStrip& values, const StripStyle& style);
