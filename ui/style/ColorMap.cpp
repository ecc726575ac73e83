#include "style/ColorMap.h"

#include <cmath>
#include <vector>

namespace {

constexpr QRgb missingValue = 0xff9e9e9e; // grey: a NaN must not look like any number

int mix(int a, int b, double weight)
{
    return int(std::lround(a + (b - a) * weight));
}

} // namespace

// Anchors are evenly spaced; the table interpolates linearly between them.
ColorMap::ColorMap(std::initializer_list<QRgb> anchors, bool diverging) : m_diverging(diverging)
{
    const std::vector<QRgb> points(anchors);
    const int last = int(points.size()) - 1;
    for (size_t k = 0; k < m_table.size(); ++k) {
        const double at = double(k) / double(m_table.size() - 1) * last;
        const int left = std::min(int(at), last - 1);
        const double weight = at - left;
        const QRgb a = points[size_t(left)], b = points[size_t(left + 1)];
        m_table[k] = qRgb(mix(qRed(a), qRed(b), weight), mix(qGreen(a), qGreen(b), weight),
                          mix(qBlue(a), qBlue(b), weight));
    }
}

const ColorMap& ColorMap::sequential()
{
    // viridis at nine evenly spaced points
    static const ColorMap map({0xff440154, 0xff472d7b, 0xff3b528b, 0xff2c728e, 0xff21908c, 0xff27ad81,
                               0xff5dc863, 0xffaadc32, 0xfffde725},
                              false);
    return map;
}

const ColorMap& ColorMap::diverging()
{
    // RdBu, 11 classes, reversed so that negative is blue
    static const ColorMap map({0xff053061, 0xff2166ac, 0xff4393c3, 0xff92c5de, 0xffd1e5f0, 0xfff7f7f7,
                               0xfffddbc7, 0xfff4a582, 0xffd6604d, 0xffb2182b, 0xff67001f},
                              true);
    return map;
}

QRgb ColorMap::rgb(double position) const
{
    if (!std::isfinite(position))
        return missingValue;
    const double clamped = std::clamp(position, 0.0, 1.0);
    return m_table[size_t(std::lround(clamped * double(m_table.size() - 1)))];
}

QRgb ColorMap::rgb(double value, double low, double high) const
{
    return rgb(high > low ? (value - low) / (high - low) : 0.5);
}
