#include "data/waves/SquareWave.h"

#include <cmath>

namespace lstm {

SquareWave::SquareWave(const WaveOptions& options)
    : SeriesForecast([&](int t) {
          const double cycle = options.frequency * t;
          return cycle - std::floor(cycle) < 0.5 ? options.amplitude : -options.amplitude;
      }, options.forecast)
{
}

} // namespace lstm
