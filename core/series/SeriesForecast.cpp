#include "series/SeriesForecast.h"

#include "data/BatchShape.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lstm {

SeriesForecast::SeriesForecast(const std::function<double(int t)>& wave, const ForecastOptions& options)
    : m_options(options)
{
    const int window = options.sequenceLength + options.horizon;
    if (options.sequenceLength < 1 || options.horizon < 1 || options.length < 4 * window)
        throw std::invalid_argument("a series of " + std::to_string(options.length) +
                                    " samples is too short for sequences of " + std::to_string(options.sequenceLength) +
                                    " steps predicting " + std::to_string(options.horizon) +
                                    " ahead: it needs at least 4 x (sequence length + horizon) samples");
    Random random(options.seed);
    m_series.resize(size_t(options.length));
    for (int t = 0; t < options.length; ++t)
        m_series[size_t(t)] = wave(t) + options.noise * random.normal();
    m_trainLength = static_cast<int>(std::lround(options.length * (1 - options.validationFraction)));
    m_trainLength = std::clamp(m_trainLength, 2 * window, options.length - window);
    m_validation = makeValidationSet();
}

DataShape SeriesForecast::shape() const
{
    return DataShape{}; // one value in, one value out, at every timestep
}

void SeriesForecast::fillSequence(int start, int column, SequenceBatch<double>& out) const
{
    for (int t = 0; t < out.steps; ++t) {
        out.inputs(0, batchColumn(out, t, column)) = m_series[size_t(start + t)];
        out.targets(0, batchColumn(out, t, column)) = m_series[size_t(start + t + m_options.horizon)];
    }
}

void SeriesForecast::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    const int steps = m_options.sequenceLength;
    resizeBatch(shape(), steps, batch, out);
    const int starts = m_trainLength - steps - m_options.horizon + 1; // targets stay in the training part
    for (int b = 0; b < batch; ++b)
        fillSequence(random.integer(starts), b, out);
}

SequenceBatch<double> SeriesForecast::makeValidationSet() const
{
    SequenceBatch<double> out;
    const int steps = m_options.sequenceLength;
    const int batch = (m_options.length - m_trainLength - m_options.horizon) / steps;
    resizeBatch(shape(), steps, batch, out);
    for (int b = 0; b < batch; ++b)
        fillSequence(m_trainLength + b * steps, b, out);
    return out;
}

} // namespace lstm
