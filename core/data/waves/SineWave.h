// The default demo data: a sampled sine wave, x_t = A sin(2π f t + φ) + noise, where the
// task is to predict the value `horizon` steps ahead at every timestep. The windowing and
// the chronological split are SeriesForecast's; this file only says what the wave is.
#pragma once

#include "series/SeriesForecast.h"

namespace lstm {

struct SineWaveOptions {
    WaveOptions wave;   // A and f
    double phase = 0.0; // φ, radians
};

class SineWave final : public SeriesForecast {
public:
    explicit SineWave(const SineWaveOptions& options);

    const SineWaveOptions& options() const { return m_options; }

private:
    SineWaveOptions m_options;
};

} // namespace lstm
