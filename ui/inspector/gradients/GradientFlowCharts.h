// The chart pieces GradientFlowView draws with: its colours, the span of values a log axis
// must hold, axis ranges in whole decades and whole steps, line pens, and the legend names of
// parameter groups. Helpers for Qt Charts only; no data and no widget of their own.
#pragma once

#include "worker/ParameterHistory.h"

#include <QColor>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QString>

#include <algorithm>
#include <cmath>

class QChart;
class QChartView;
class QLogValueAxis;
class QPalette;
class QValueAxis;

namespace flowcharts {

// Values at or below this are drawn at it: a log axis has no zero.
inline constexpr double logFloor = 1e-12;

// Okabe & Ito's colour-blind-safe palette, as ChartStyle, with two more for the tensors.
inline const QColor blue(0, 114, 178), orange(230, 159, 0), green(0, 158, 115), vermillion(213, 94, 0),
    purple(204, 121, 167), skyBlue(86, 180, 233);

// Lowest and highest of the points drawn on a log axis.
struct LogSpan {
    double low = HUGE_VAL;
    double high = -HUGE_VAL;
    void add(const QList<QPointF>& points)
    {
        for (const QPointF& p : points) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    }
};

// Whole decades around the span (1e-3 to 1 when it is empty), with a little room beyond.
void setLogRange(QLogValueAxis* axis, LogSpan span);
// From first to last (at least first + 1), ticks at a nice step.
void setSteps(QValueAxis* axis, double first, double last);
QPen line(const QColor& colour, Qt::PenStyle style = Qt::SolidLine, double width = 3.0);
// The label of a parameter group in the legend; the layer is in the chart's title.
QString groupLabel(const ParameterGroup& group);
// One calm surface in the palette's colours: chart, axes, legend and the view around them.
void styleChart(QChart* chart, QChartView* view, const QPalette& surface);

} // namespace flowcharts
