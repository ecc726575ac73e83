#include "data/waves/SawtoothWave.h"

#include <cmath>

namespace lstm {

SawtoothWave::SawtoothWave(const WaveOptions& options)
    : SeriesForecast([&](int t) {
          const double cycle = options.frequency * t;
          return options.amplitude * (2 * (cycle - std::floor(cycle)) - 1);
      }, options.forecast)
{
}

} // namespace lstm
