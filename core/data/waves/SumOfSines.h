// Up to three superposed sines, x_t = Σ A_k sin(2π f_k t) + noise: predict the value
// `horizon` steps ahead at every step. A component with zero amplitude is switched off;
// at least one must be on.
#pragma once

#include "series/SeriesForecast.h"

#include <array>

namespace lstm {

struct SineComponent {
    double amplitude = 0.0;
    double frequency = 1.0 / 25; // cycles per timestep
};

struct SumOfSinesOptions {
    std::array<SineComponent, 3> components{{{1.0, 0.02}, {0.5, 0.05}, {0.0, 0.11}}};
    ForecastOptions forecast;
};

class SumOfSines final : public SeriesForecast {
public:
    explicit SumOfSines(const SumOfSinesOptions& options);
};

} // namespace lstm
