// Models trained side by side on the same data, in lock-step: every run makes the same
// number of steps on the same batches (each run's sampler starts from the same seed, and a
// batch does not depend on the model), so their curves share one step axis and two runs of
// the same cell and seed are identical. Between evaluations the runs train in parallel, one
// thread each, at most `threads` at a time. A run that stops (solved, diverged, early
// stopping) stays where it stopped while the others go on.
#pragma once

#include "training/TrainingRun.h"

#include <memory>
#include <vector>

namespace lstm {

template <typename S>
class Comparison {
public:
    Comparison(const Dataset& data, const std::vector<ModelConfig>& models, const TrainConfig& train,
               StopConditions stop, int threads);

    // Every run that has not stopped trains up to `steps` more steps and, when `evaluate`,
    // is evaluated after them.
    void advance(long steps, bool evaluate = true);
    // Each run records its next step (Trainer::setRecording) or stops recording.
    void setRecording(bool on);
    bool allStopped() const;

    int size() const { return int(m_runs.size()); }
    TrainingRun<S>& run(int k) { return *m_runs[size_t(k)]; }
    const TrainingRun<S>& run(int k) const { return *m_runs[size_t(k)]; }

private:
    std::vector<std::unique_ptr<TrainingRun<S>>> m_runs;
    int m_threads;
};

} // namespace lstm
