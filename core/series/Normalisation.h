// Scaling one column into the range a network learns well, and back into the user's units:
// z-score or min-max, fitted on the training rows only so that nothing of the validation part
// leaks into training. Not the choice of columns (SeriesPreparation.h).
#pragma once

#include <span>

namespace lstm {

enum class Normalisation { None, ZScore, MinMax };

// y = (x - offset) / scale
struct Scaling {
    double offset = 0;
    double scale = 1;

    double apply(double x) const { return (x - offset) / scale; }
    double invert(double y) const { return y * scale + offset; }
};

// z-score: offset the mean, scale the (population) standard deviation; min-max: offset the
// minimum, scale the range, so the fitted values span [0, 1]. A constant column keeps scale 1
// (it maps to 0) rather than dividing by zero.
Scaling fitScaling(Normalisation kind, std::span<const double> values);

} // namespace lstm
