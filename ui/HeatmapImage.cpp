#include "HeatmapImage.h"

#include "ColorMap.h"

#include <algorithm>
#include <cmath>

HeatmapScale HeatmapScale::unitInterval()
{
    return {&ColorMap::sequential(), 0.0, 1.0};
}

HeatmapScale HeatmapScale::symmetric(double bound)
{
    return {&ColorMap::diverging(), -bound, bound};
}

HeatmapScale HeatmapScale::fitted(const Eigen::MatrixXd& values, double atLeast)
{
    double largest = atLeast;
    for (Eigen::Index k = 0; k < values.size(); ++k) {
        const double value = values.data()[k];
        if (std::isfinite(value))
            largest = std::max(largest, std::abs(value));
    }
    return symmetric(largest > 0 ? largest : 1.0);
}

QRgb HeatmapScale::rgb(double value) const
{
    return map->rgb(value, low, high);
}

QImage heatmapImage(const Eigen::MatrixXd& values, const HeatmapScale& scale, const std::vector<bool>& shown)
{
    const int units = int(values.rows());
    const int steps = int(values.cols());
    if (units == 0 || steps == 0)
        return {};
    QImage image(steps, units, QImage::Format_ARGB32_Premultiplied);
    const QRgb empty = qRgba(0, 0, 0, 0);
    for (int unit = 0; unit < units; ++unit) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(unit));
        for (int t = 0; t < steps; ++t)
            line[t] = size_t(t) < shown.size() && shown[size_t(t)] ? scale.rgb(values(unit, t)) : empty;
    }
    return image;
}

QImage colourBarImage(const ColorMap& map)
{
    const int entries = 256;
    QImage image(1, entries, QImage::Format_RGB32);
    for (int row = 0; row < entries; ++row)
        image.setPixel(0, row, map.rgb(1.0 - double(row) / (entries - 1)));
    return image;
}

QString formatValue(double value)
{
    const double size = std::abs(value);
    if (value == 0 || (size >= 0.1 && size < 1e4))
        return QString::number(value, 'f', 4);
    return QString::number(value, 'g', 4);
}

QString formatBound(double bound)
{
    return QString::number(bound, 'g', 3);
}
