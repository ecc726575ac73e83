#include "data/waves/SineWave.h"

#include <cmath>
#include <numbers>

namespace lstm {

SineWave::SineWave(const SineWaveOptions& options)
    : SeriesForecast([&](int t) {
          return options.wave.amplitude * std::sin(2 * std::numbers::pi * options.wave.frequency * t + options.phase);
      }, options.wave.forecast),
      m_options(options)
{
}

} // namespace lstm
