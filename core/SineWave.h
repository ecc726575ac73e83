// The default demo data: a sampled sine wave, x_t = A sin(2π f t + φ) + noise, where the
// task is to predict the next value at every timestep. The first part of the series
// trains, the rest validates (chronological split). The full set of generators and the
// CSV import come with the data issue; this one is enough to train and benchmark on.
#pragma once

#include "Random.h"
#include "SequenceBatch.h"

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
    double validationFraction = 0.2;
    std::uint64_t seed = 1;
};

class SineWave {
public:
    explicit SineWave(const SineWaveOptions& options);

    // `batch` sequences starting at random points of the training part: input x_t, target x_{t+1}.
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const;
    // The validation part cut into consecutive, non-overlapping sequences.
    SequenceBatch<double> validationSet() const;

    const std::vector<double>& series() const { return m_series; }
    int trainLength() const { return m_trainLength; }
    const SineWaveOptions& options() const { return m_options; }

private:
    void fillSequence(int start, int column, int batch, SequenceBatch<double>& out) const;

    SineWaveOptions m_options;
    std::vector<double> m_series;
    int m_trainLength = 0;
};

} // namespace lstm
