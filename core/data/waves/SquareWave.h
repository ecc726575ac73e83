// A square wave, +A for the first half of every cycle and -A for the second: predict the
// value `horizon` steps ahead at every step. A jump can only be foreseen by counting steps
// from the last one, so the first jump of each sequence never is: the loss has a floor
// above zero, lower for longer sequences.
#pragma once

#include "series/SeriesForecast.h"

namespace lstm {

class SquareWave final : public SeriesForecast {
public:
    explicit SquareWave(const WaveOptions& options);
};

} // namespace lstm
