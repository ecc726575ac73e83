// The default demo data: a sampled sine wave, x_t = A sin(2π f t + φ) + noise, where the
// task is to predict the value `horizon` steps ahead at every timestep. The first part of
// the series trains, the rest validates (a chronological split).
#pragma once

#include "Dataset.h"

#include <cstdint>
#include <vector>

namespace lstm {

struct SineWaveOptions {
    double frequency = 1.0 / 25;   // cycles per timestep
    double amplitude = 1.0;
    double phase = 0.0;            // radians
    double noise = 0.0;            // standard deviation of Gaussian noise added to each sample
    int length = 2000;             // samples in the whole series
    int sequenceLength = 32;       // timesteps per training sequence
    int horizon = 1;               // predict x_{t + horizon}
    double validationFraction = 0.2;
    std::uint64_t seed = 1;
};

class SineWave final : public Dataset {
public:
    explicit SineWave(const SineWaveOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.sequenceLength; }
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const override;
    const SequenceBatch<double>& validationSet() const override { return m_validation; }

    const std::vector<double>& series() const { return m_series; }
    int trainLength() const { return m_trainLength; }
    const SineWaveOptions& options() const { return m_options; }

private:
    void fillSequence(int start, int column, int batch, SequenceBatch<double>& out) const;
    SequenceBatch<double> makeValidationSet() const;

    SineWaveOptions m_options;
    std::vector<double> m_series;
    int m_trainLength = 0;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
