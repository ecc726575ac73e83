#include "charts/ChartStyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QPalette>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>

namespace ChartStyle {

namespace {

// Okabe & Ito's colour-blind-safe palette: blue, orange, bluish green, vermillion.
const QList<QColor>& seriesColours()
{
    static const QList<QColor> colours{QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115),
                                       QColor(213, 94, 0)};
    return colours;
}

QFont chartFont(double scale)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * scale);
    return font;
}

} // namespace

QColor seriesColour(int index)
{
    return seriesColours()[index % seriesColours().size()];
}

double niceStep(double rough)
{
    const double power = std::pow(10.0, std::floor(std::log10(std::max(rough, 1e-12))));
    for (double multiple : {1.0, 2.0, 5.0, 10.0})
        if (multiple * power >= rough)
            return multiple * power;
    return 10 * power;
}

void setNiceRange(QValueAxis* axis, double low, double high)
{
    if (!(high > low))
        high = low + 1;
    const double step = niceStep((high - low) / 5);
    const double niceLow = std::floor(low / step) * step;
    const double niceHigh = std::ceil(high / step) * step;
    const int ticks = int(std::lround((niceHigh - niceLow) / step)) + 1;
    if (axis->min() != niceLow || axis->max() != niceHigh)
        axis->setRange(niceLow, niceHigh);
    if (axis->tickCount() != ticks)
        axis->setTickCount(ticks);
}

void styleAxis(QAbstractAxis* axis)
{
    const QPalette palette = QApplication::palette();
    axis->setLabelsFont(chartFont(1.0));
    axis->setTitleFont(chartFont(1.0));
    axis->setLabelsColor(palette.color(QPalette::WindowText));
    axis->setTitleBrush(palette.color(QPalette::WindowText));
    QColor grid = palette.color(QPalette::WindowText);
    grid.setAlphaF(0.15);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(palette.color(QPalette::Mid));
}

namespace {

void applyFonts(QChart* chart)
{
    chart->setTitleFont(chartFont(1.25));
    chart->legend()->setFont(chartFont(1.0));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(chartFont(1.0));
        axis->setTitleFont(chartFont(1.0));
    }
}

// Re-applies the chart's fonts when the application font changes (the window's zoom).
class FontFollower : public QObject {
public:
    explicit FontFollower(QChartView* view) : QObject(view) { view->installEventFilter(this); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationFontChange)
            applyFonts(static_cast<QChartView*>(watched)->chart());
        return false;
    }
};

} // namespace

void followApplicationFont(QChartView* view)
{
    new FontFollower(view);
}

void apply(QChart* chart, const QList<QXYSeries*>& series)
{
    const QPalette palette = QApplication::palette();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    applyFonts(chart);
    chart->setTitleBrush(palette.color(QPalette::WindowText));
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(6, 6, 6, 6));
    for (qsizetype k = 0; k < series.size(); ++k) {
        QPen pen(seriesColour(int(k)));
        pen.setWidthF(2.5);
        series[k]->setPen(pen);
    }
    for (QAbstractAxis* axis : chart->axes())
        styleAxis(axis);
}

} // namespace ChartStyle
