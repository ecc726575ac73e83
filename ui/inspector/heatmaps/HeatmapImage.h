// Turns one recorded (H, T) matrix into a QImage with one pixel per (unit, timestep), coloured
// through a ColorMap over a fixed range. Pure pixels: no widget, no layout, no painting;
// HeatmapView draws the result scaled up.
//
// Size legend: H = units (image rows), T = timesteps (image columns).
#pragma once

#include <Eigen/Core>

#include <QImage>

#include <vector>

class ColorMap;
struct ValueScale;

// Pixel (t, unit) is scale.rgb(values(unit, t)) where shown[t], fully transparent elsewhere,
// so whatever is painted underneath shows through not-yet-computed timesteps.
// values: (H, T); shown: T entries. A null image for an empty matrix.
QImage heatmapImage(const Eigen::MatrixXd& values, const ValueScale& scale, const std::vector<bool>& shown);

// The legend's colour bar: 1 pixel wide, one row per table entry, the high end at the top.
QImage colourBarImage(const ColorMap& map);
