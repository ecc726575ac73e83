// A damped oscillation x = A e^{-λτ} sin(2π f τ) that restarts every `period` samples
// (τ = t mod period), so the series never dies out: predict the value `horizon` steps
// ahead at every step. Knowing when the next restart comes means counting the period.
#pragma once

#include "series/SeriesForecast.h"

namespace lstm {

struct DampedOscillationOptions {
    WaveOptions wave;   // A and f
    double decay = 0.02; // λ, per timestep
    int period = 100;    // samples between restarts
};

class DampedOscillation final : public SeriesForecast {
public:
    explicit DampedOscillation(const DampedOscillationOptions& options);
};

} // namespace lstm
