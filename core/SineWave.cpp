#include "SineWave.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lstm {

SineWave::SineWave(const SineWaveOptions& options) : m_options(options)
{
    const int window = options.sequenceLength + options.horizon;
    if (options.sequenceLength < 1 || options.horizon < 1 || options.length < 4 * window)
        throw std::invalid_argument("a sine wave of " + std::to_string(options.length) +
                                    " samples is too short for sequences of " + std::to_string(options.sequenceLength) +
                                    " steps predicting " + std::to_string(options.horizon) + " ahead");
    Random random(options.seed);
    m_series.resize(size_t(options.length));
    for (int t = 0; t < options.length; ++t) {
        const double angle = 2 * std::numbers::pi * options.frequency * t + options.phase;
        m_series[size_t(t)] = options.amplitude * std::sin(angle) + options.noise * random.normal();
    }
    m_trainLength = static_cast<int>(std::lround(options.length * (1 - options.validationFraction)));
    m_trainLength = std::clamp(m_trainLength, 2 * window, options.length - window);
    m_validation = makeValidationSet();
}

DataShape SineWave::shape() const
{
    return DataShape{}; // one value in, one value out, at every timestep
}

void SineWave::fillSequence(int start, int column, int batch, SequenceBatch<double>& out) const
{
    for (int t = 0; t < out.steps; ++t) {
        out.inputs(0, t * batch + column) = m_series[size_t(start + t)];
        out.targets(0, t * batch + column) = m_series[size_t(start + t + m_options.horizon)];
    }
}

void SineWave::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    const int steps = m_options.sequenceLength;
    out.steps = steps;
    out.batch = batch;
    out.inputs.resize(1, steps * batch);
    out.targets.resize(1, steps * batch);
    const int starts = m_trainLength - steps - m_options.horizon + 1; // targets stay in the training part
    for (int b = 0; b < batch; ++b)
        fillSequence(random.integer(starts), b, batch, out);
}

SequenceBatch<double> SineWave::makeValidationSet() const
{
    SequenceBatch<double> out;
    const int steps = m_options.sequenceLength;
    const int batch = (m_options.length - m_trainLength - m_options.horizon) / steps;
    out.steps = steps;
    out.batch = batch;
    out.inputs.resize(1, steps * batch);
    out.targets.resize(1, steps * batch);
    for (int b = 0; b < batch; ++b)
        fillSequence(m_trainLength + b * steps, b, batch, out);
    return out;
}

} // namespace lstm
