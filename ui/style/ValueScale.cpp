#include "style/ValueScale.h"

#include "style/ColorMap.h"
#include "trace/Trace.h"

#include <algorithm>
#include <cmath>

ValueScale ValueScale::unitInterval()
{
    return {&ColorMap::sequential(), 0, 1};
}

ValueScale ValueScale::symmetric(double bound)
{
    const double b = std::isfinite(bound) && bound > 0 ? bound : 1;
    return {&ColorMap::diverging(), -b, b};
}

QRgb ValueScale::rgb(double value) const
{
    return (map ? *map : ColorMap::diverging()).rgb(value, low, high);
}

double ValueScale::strength(double value) const
{
    if (!std::isfinite(value))
        return 0;
    if (map && !map->isDiverging())
        return high > low ? std::clamp((value - low) / (high - low), 0.0, 1.0) : 0.0;
    const double reach = std::max(std::abs(low), std::abs(high));
    return reach > 0 ? std::clamp(std::abs(value) / reach, 0.0, 1.0) : 0.0;
}

const Eigen::MatrixXd* valuesOf(const lstm::LayerTrace& layer, Quantity quantity, bool gradients)
{
    const Eigen::MatrixXd* values = nullptr;
    switch (quantity.kind) {
    case Quantity::Gate: {
        const std::vector<Eigen::MatrixXd>& gates = gradients ? layer.dGates : layer.gates;
        if (quantity.gate >= 0 && size_t(quantity.gate) < gates.size())
            values = &gates[size_t(quantity.gate)];
        break;
    }
    case Quantity::Cell: values = gradients ? &layer.dCell : &layer.cell; break;
    case Quantity::Hidden: values = gradients ? &layer.dHidden : &layer.hidden; break;
    }
    return values && values->size() > 0 ? values : nullptr;
}

ValueScale scaleFor(const lstm::LayerTrace& layer, lstm::CellKind cell, Quantity quantity, bool gradients,
                    const Reveal& reveal)
{
    if (!gradients && quantity.kind == Quantity::Gate && lstm::isSigmoidGate(cell, quantity.gate))
        return ValueScale::unitInterval();
    if (!gradients && quantity.kind != Quantity::Cell)
        return ValueScale::symmetric(1);
    double reach = gradients ? 0.0 : 1.0;
    if (const Eigen::MatrixXd* values = valuesOf(layer, quantity, gradients))
        for (Eigen::Index t = 0; t < values->cols(); ++t) {
            if (!reveal.done(int(t), gradients))
                continue;
            for (Eigen::Index unit = 0; unit < values->rows(); ++unit) {
                const double value = (*values)(unit, t);
                if (std::isfinite(value))
                    reach = std::max(reach, std::abs(value));
            }
        }
    return ValueScale::symmetric(reach);
}
