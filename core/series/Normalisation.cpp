#include "series/Normalisation.h"

#include <algorithm>
#include <cmath>

namespace lstm {

Scaling fitScaling(Normalisation kind, std::span<const double> values)
{
    if (kind == Normalisation::None || values.empty())
        return {};
    Scaling scaling;
    if (kind == Normalisation::MinMax) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        scaling = {*low, *high - *low};
    } else {
        double sum = 0;
        for (const double v : values)
            sum += v;
        const double mean = sum / double(values.size());
        double squares = 0;
        for (const double v : values)
            squares += (v - mean) * (v - mean);
        scaling = {mean, std::sqrt(squares / double(values.size()))};
    }
    if (!(scaling.scale > 0) || !std::isfinite(scaling.scale))
        scaling.scale = 1;
    return scaling;
}

} // namespace lstm
