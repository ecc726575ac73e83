#include "inspector/gradients/GradientFlowCharts.h"

#include "charts/ChartStyle.h"
#include "inspector/gradients/GradientHistory.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <QObject>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace flowcharts {

// Whole decades around the span; ticks every second decade when it spans many, so the
// labels stay apart on a short chart.
void setLogRange(QLogValueAxis* axis, LogSpan span)
{
    if (span.low > span.high) {
        span.low = 1e-3;
        span.high = 1;
    }
    double low = std::floor(std::log10(span.low));
    double high = std::ceil(std::log10(span.high));
    if (high <= low)
        high = low + 1;
    const bool wide = high - low > 6;
    if (wide) {
        low = 2 * std::floor(low / 2);
        high = 2 * std::ceil(high / 2);
    }
    axis->setBase(wide ? 100 : 10);
    // A little room beyond the decades, so a line at 1 or at the floor is not hidden on the frame.
    axis->setRange(std::pow(10, low) / 1.3, std::pow(10, high) * 1.3);
}

void setSteps(QValueAxis* axis, double first, double last)
{
    last = std::max(last, first + 1);
    const double interval = ChartStyle::niceStep((last - first) / 6);
    axis->setRange(first, last);
    axis->setTickAnchor(std::floor(first / interval) * interval); // ticks on round numbers: 0, 500, 1000
    axis->setTickInterval(interval);
}

QPen line(const QColor& colour, Qt::PenStyle style, double width)
{
    QPen pen(colour);
    pen.setWidthF(width);
    pen.setStyle(style);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

QString groupLabel(const ParameterGroup& group)
{
    const std::string& name = group.name;
    if (name.rfind("weight_ih", 0) == 0)
        return QObject::tr("weight_ih (W, from x)");
    if (name.rfind("weight_hh", 0) == 0)
        return QObject::tr("weight_hh (U, from h)");
    if (name.rfind("bias_l", 0) == 0)
        return QObject::tr("bias_ih + bias_hh");
    if (name.rfind("peephole", 0) == 0)
        return QObject::tr("peepholes");
    if (name == "head")
        return QObject::tr("head (output layer)");
    return QString::fromStdString(name);
}

void styleChart(QChart* chart, QChartView* view, const QPalette& surface)
{
    const QColor text = surface.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15);
    ChartStyle::apply(chart, {});
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setBackgroundBrush(surface.color(QPalette::Base));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->setTitle(QString());
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(surface.color(QPalette::Mid));
    }
    view->setBackgroundBrush(surface.color(QPalette::Base));
    view->setFrameShape(QFrame::NoFrame);
}

} // namespace flowcharts
