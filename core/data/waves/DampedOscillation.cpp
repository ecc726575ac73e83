#include "data/waves/DampedOscillation.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lstm {

namespace {

const DampedOscillationOptions& checked(const DampedOscillationOptions& options)
{
    if (options.period < 2)
        throw std::invalid_argument("a damped oscillation needs a period of at least 2 samples");
    return options;
}

} // namespace

DampedOscillation::DampedOscillation(const DampedOscillationOptions& options)
    : SeriesForecast([&o = checked(options)](int t) {
          const int tau = t % o.period;
          return o.wave.amplitude * std::exp(-o.decay * tau) * std::sin(2 * std::numbers::pi * o.wave.frequency * tau);
      }, options.wave.forecast)
{
}

} // namespace lstm
