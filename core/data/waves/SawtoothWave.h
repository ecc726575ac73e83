// A rising sawtooth, climbing linearly from -A to +A over each cycle and dropping back:
// predict the value `horizon` steps ahead at every step. Between drops the next value is
// a straight line; the drop itself needs the cycle's length remembered.
#pragma once

#include "series/SeriesForecast.h"

namespace lstm {

class SawtoothWave final : public SeriesForecast {
public:
    explicit SawtoothWave(const WaveOptions& options);
};

} // namespace lstm
