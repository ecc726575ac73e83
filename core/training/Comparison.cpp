#include "training/Comparison.h"

#include "training/Parallel.h"

#include <algorithm>

namespace lstm {

template <typename S>
Comparison<S>::Comparison(const Dataset& data, const std::vector<ModelConfig>& models, const TrainConfig& train,
                          StopConditions stop, int threads)
    : m_threads(std::max(1, threads))
{
    for (const ModelConfig& model : models)
        m_runs.push_back(std::make_unique<TrainingRun<S>>(data, model, train, stop));
}

template <typename S>
void Comparison<S>::advance(long steps, bool evaluate)
{
    // Each worker takes the next run not yet done; runs never share state, so the order in
    // which they are taken changes nothing in the results.
    forEachInParallel(m_threads, size_t(size()), [this, steps, evaluate](size_t k) {
        TrainingRun<S>& one = run(int(k));
        if (one.stopped())
            return true;
        one.advance(steps);
        if (evaluate && one.reason() != StopReason::Diverged)
            one.evaluate();
        return true;
    });
}

template <typename S>
void Comparison<S>::setRecording(bool on)
{
    for (auto& one : m_runs)
        one->trainer().setRecording(on);
}

template <typename S>
bool Comparison<S>::allStopped() const
{
    return std::all_of(m_runs.begin(), m_runs.end(), [](const auto& one) { return one->stopped(); });
}

template class Comparison<float>;
template class Comparison<double>;

} // namespace lstm
