// Which colour one recorded value gets, decided once for every view (heatmap, timeline, cell
// diagram, tinted text): what a quantity is (a gate, c or h), where its (H, T) values live
// in a LayerTrace, and the colour range they are drawn over. Rules only: no widget, no pixels.
//
// Size legend: H = units, T = timesteps.
#pragma once

#include "cells/CellKind.h"
#include "inspector/StepThrough.h"

#include <Eigen/Core>

#include <QColor>
#include <QRgb>

class ColorMap;
namespace lstm {
struct LayerTrace;
}

// One recorded quantity of a layer: a gate by its index in the trace's gateNames, the cell
// state or the hidden state (or, with gradients, dL/d of each).
struct Quantity {
    enum Kind { Gate, Cell, Hidden };
    Kind kind = Hidden;
    int gate = 0; // only for Gate
    bool operator==(const Quantity&) const = default;
};

// `map` stretched over [low, high], clamped outside it; non-finite values are grey.
struct ValueScale {
    const ColorMap* map = nullptr; // nullptr: diverging
    double low = 0;
    double high = 1;

    static ValueScale unitInterval();          // sigmoid gates: sequential over [0, 1]
    static ValueScale symmetric(double bound); // signed values: diverging over ±bound (±1 if not > 0)
    QRgb rgb(double value) const;
    QColor color(double value) const { return QColor::fromRgb(rgb(value)); }
    // |value| as a fraction of the scale's reach, in [0, 1] (how thick the diagram draws a line).
    double strength(double value) const;
    bool operator==(const ValueScale&) const = default;
};

// The recorded (H, T) values of a quantity, or nullptr when the layer has none (no such
// gate, no cell state, gradients not recorded).
const Eigen::MatrixXd* valuesOf(const lstm::LayerTrace& layer, Quantity quantity, bool gradients);

// The one colour range of a quantity. Sigmoid gates sequential over [0, 1]; tanh gates and h
// diverging over [-1, 1]; c over ±max(1, max|c|); gradients over ±max|value| (±1 when all
// are zero or none is revealed). Maxima only over finite values of the timesteps `reveal`
// has computed, so a legend never tells what the step-through has not reached.
ValueScale scaleFor(const lstm::LayerTrace& layer, lstm::CellKind cell, Quantity quantity, bool gradients,
                    const Reveal& reveal);
