// Forecasting from one series: at every step read x_t and predict x_{t + horizon}; the
// first part of the series trains, the rest validates (a chronological split, so the
// validation data is the series' future). The base of the wave generators, which only
// say how to sample their wave; not a generator by itself.
#pragma once

#include "data/Dataset.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace lstm {

struct ForecastOptions {
    double noise = 0.0;      // standard deviation of Gaussian noise added to each sample
    int length = 2000;       // samples in the whole series
    int sequenceLength = 32; // timesteps per training sequence
    int horizon = 1;         // predict x_{t + horizon}
    double validationFraction = 0.2;
    std::uint64_t seed = 1;  // draws the noise
};

// The two numbers most waves are made of, with the forecasting setup.
struct WaveOptions {
    double amplitude = 1.0;
    double frequency = 1.0 / 25; // cycles per timestep
    ForecastOptions forecast;
};

class SeriesForecast : public Dataset {
public:
    // final: the constructor builds the validation set with these, before any subclass exists.
    DataShape shape() const final;
    int sequenceLength() const final { return m_options.sequenceLength; }
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const final;
    const SequenceBatch<double>& validationSet() const final { return m_validation; }

    const std::vector<double>& series() const { return m_series; } // noise included
    int trainLength() const { return m_trainLength; }
    long trainingTimesteps() const final { return m_trainLength; }

protected:
    // wave(t) for t in [0, options.length) is the noise-free series.
    SeriesForecast(const std::function<double(int t)>& wave, const ForecastOptions& options);

private:
    void fillSequence(int start, int column, SequenceBatch<double>& out) const;
    SequenceBatch<double> makeValidationSet() const;

    ForecastOptions m_options;
    std::vector<double> m_series;
    int m_trainLength = 0;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
