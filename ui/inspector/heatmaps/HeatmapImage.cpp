#include "inspector/heatmaps/HeatmapImage.h"

#include "style/ColorMap.h"
#include "style/ValueScale.h"

QImage heatmapImage(const Eigen::MatrixXd& values, const ValueScale& scale, const std::vector<bool>& shown)
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
