// Colour maps for values, shared by every view so one value has one colour everywhere:
// sequential viridis for values in [0, 1] (gates) and a diverging blue-white-red for signed
// values (c, h, gradients), both readable with the common colour-vision deficiencies.
// Precomputed as 256-entry tables so a 512 x 500 heatmap is a table lookup per pixel.
#pragma once

#include <QColor>
#include <QRgb>

#include <array>
#include <initializer_list>

class ColorMap {
public:
    // Perceptually uniform, dark purple to yellow (van der Walt & Smith, matplotlib 2015).
    static const ColorMap& sequential();
    // ColorBrewer RdBu (Brewer, colorbrewer2.org): blue below zero, white at zero, red above.
    static const ColorMap& diverging();

    // position in [0, 1], clamped; a non-finite position (NaN, ±inf) gives grey.
    QRgb rgb(double position) const;
    QColor color(double position) const { return QColor::fromRgb(rgb(position)); }
    // For values in [low, high]: the position of value in that range.
    QRgb rgb(double value, double low, double high) const;
    bool isDiverging() const { return m_diverging; }

private:
    ColorMap(std::initializer_list<QRgb> anchors, bool diverging);

    std::array<QRgb, 256> m_table{};
    bool m_diverging = false;
};
