// One look for every chart: readable on a projector (large fonts, thick lines), following
// the system palette so it works in light and dark themes, colour-blind-safe series colours.
#pragma once

#include <QColor>
#include <QList>

class QAbstractAxis;
class QValueAxis;
class QChart;
class QChartView;
class QXYSeries;

namespace ChartStyle {

void apply(QChart* chart, const QList<QXYSeries*>& series);
// The colour apply() gives the series at `index`.
QColor seriesColour(int index);
// The chart's title, legend and axis fonts follow the application font (the window's zoom).
void followApplicationFont(QChartView* view);
void styleAxis(QAbstractAxis* axis);
// 1, 2 or 5 times a power of ten, the smallest such step at least `rough`.
double niceStep(double rough);
// Sets the axis to [low, high] widened to whole ticks of a nice step, about five of them.
// Touches the axis only when that range or tick count changes: each change re-lays out the
// chart, which cost milliseconds per frame when done (as applyNiceNumbers() does) every time.
void setNiceRange(QValueAxis* axis, double low, double high);

} // namespace ChartStyle
