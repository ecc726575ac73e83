#include "inspector/cell/CellDiagramStrips.h"

#include "inspector/cell/CellDiagramLayout.h"
#include "style/ColorMap.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr int histogramBins = 16;

// Where 0 sits in a strip, and how far up a value reaches.
double barTop(const QRectF& strip, const ValueScale& scale, double value, double* zero)
{
    if (scale.map && !scale.map->isDiverging()) {
        *zero = strip.bottom();
        return strip.bottom() - scale.strength(value) * strip.height();
    }
    *zero = strip.center().y();
    const double reach = std::max(std::abs(scale.low), std::abs(scale.high));
    const double fraction = reach > 0 ? std::clamp(value / reach, -1.0, 1.0) : 0.0;
    return *zero - fraction * strip.height() / 2;
}

void drawBaseline(QPainter& p, const QRectF& strip, double zero, bool known, const StripStyle& style)
{
    QPen pen(style.muted, 1);
    if (!known)
        pen.setDashPattern({3, 3});
    p.setPen(pen);
    p.drawLine(QPointF(strip.left(), zero), QPointF(strip.right(), zero));
}

void drawSelectionCaret(QPainter& p, double x, double y, const StripStyle& style)
{
    p.setPen(Qt::NoPen);
    p.setBrush(style.ink);
    p.drawPolygon(QPolygonF{{x, y}, {x - 5, y + 6}, {x + 5, y + 6}});
}

} // namespace

void paintUnitBars(QPainter& p, const QRectF& strip, const UnitStrip& values, const StripStyle& style)
{
    const std::vector<double>& units = values.units;
    const ValueScale& scale = values.scale;
    const int count = int(units.size());
    double zero = 0;
    barTop(strip, scale, 0, &zero);
    const bool known = std::any_of(units.begin(), units.end(), [](double v) { return std::isfinite(v); });
    drawBaseline(p, strip, zero, known, style);
    if (!known)
        return;
    for (int u = 0; u < count; ++u) {
        const double v = units[size_t(u)];
        if (!std::isfinite(v))
            continue;
        const QRectF column = stripBar(strip, count, u);
        const double gap = column.width() > 6 ? column.width() * 0.14 : 0.0;
        const double top = barTop(strip, scale, v, &zero);
        QRectF bar(QPointF(column.left() + gap, std::min(top, zero)),
                   QPointF(column.right() - gap, std::max(top, zero)));
        if (bar.height() < 1.2) // keep a zero visible as a sliver
            bar.adjust(0, -0.6, 0, 0.6);
        p.setPen(QPen(style.outline, 0.8));
        p.setBrush(QColor(scale.rgb(v)));
        p.drawRect(bar);
    }
    const int unit = values.selected;
    if (unit >= 0 && unit < count) {
        const QRectF column = stripBar(strip, count, unit);
        p.setPen(QPen(style.ink, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawRect(column.adjusted(-0.5, -2, 0.5, 2));
        drawSelectionCaret(p, column.center().x(), strip.bottom() + 2.5, style);
    }
}

void paintUnitHistogram(QPainter& p, const QRectF& strip, const UnitStrip& values, const StripStyle& style)
{
    const std::vector<double>& units = values.units;
    const ValueScale& scale = values.scale;
    std::array<int, histogramBins> counts{};
    const double low = scale.low, high = scale.high;
    bool known = false;
    for (double v : units) {
        if (!std::isfinite(v) || high <= low)
            continue;
        known = true;
        const int bin = std::clamp(int((v - low) / (high - low) * histogramBins), 0, histogramBins - 1);
        ++counts[size_t(bin)];
    }
    drawBaseline(p, strip, strip.bottom(), known, style);
    if (!known)
        return;
    const int most = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const double width = strip.width() / histogramBins;
    p.setPen(QPen(style.outline, 0.8));
    for (int b = 0; b < histogramBins; ++b) {
        if (counts[size_t(b)] == 0)
            continue;
        const double centre = low + (b + 0.5) / histogramBins * (high - low);
        const double h = std::max(1.5, strip.height() * counts[size_t(b)] / most);
        p.setBrush(QColor(scale.rgb(centre)));
        p.drawRect(QRectF(strip.left() + b * width, strip.bottom() - h, width, h));
    }
    const int unit = values.selected;
    if (unit >= 0 && unit < int(units.size()) && std::isfinite(units[size_t(unit)])) {
        const double fraction = std::clamp((units[size_t(unit)] - low) / (high - low), 0.0, 1.0);
        const double x = strip.left() + fraction * strip.width();
        p.setPen(QPen(style.ink, 2));
        p.drawLine(QPointF(x, strip.top() - 2), QPointF(x, strip.bottom()));
        drawSelectionCaret(p, x, strip.bottom() + 2.5, style);
    }
}
