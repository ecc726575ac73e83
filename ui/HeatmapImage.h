// Turns one recorded (H, T) matrix into a QImage with one pixel per (unit, timestep), coloured
// through a ColorMap over a fixed range. Pure pixels: no widget, no layout, no painting;
// HeatmapView draws the result scaled up.
//
// Size legend: H = units (image rows), T = timesteps (image columns).
#pragma once

#include <Eigen/Core>

#include <QImage>
#include <QString>

#include <vector>

class ColorMap;

// Which colour a value gets: `map` stretched over [low, high], clamped outside it.
struct HeatmapScale {
    const ColorMap* map = nullptr;
    double low = 0;
    double high = 1;

    // Sigmoid gates: sequential over [0, 1].
    static HeatmapScale unitInterval();
    // Signed values: diverging over [-bound, bound], white at zero.
    static HeatmapScale symmetric(double bound);
    // Diverging over +-max|finite value|, at least +-atLeast; +-1 when that is still zero.
    static HeatmapScale fitted(const Eigen::MatrixXd& values, double atLeast);

    QRgb rgb(double value) const;
    bool operator==(const HeatmapScale&) const = default;
};

// Pixel (t, unit) is scale.rgb(values(unit, t)) where shown[t], fully transparent elsewhere,
// so whatever is painted underneath shows through not-yet-computed timesteps.
// values: (H, T); shown: T entries. A null image for an empty matrix.
QImage heatmapImage(const Eigen::MatrixXd& values, const HeatmapScale& scale, const std::vector<bool>& shown);

// The legend's colour bar: 1 pixel wide, one row per table entry, the high end at the top.
QImage colourBarImage(const ColorMap& map);

// Numbers as a person reads them: a value in a tooltip to four decimals (four significant
// digits below 0.1 or when huge), a legend bound to three significant digits.
QString formatValue(double value);
QString formatBound(double bound);
