#include "training/Comparison.h"

#include <algorithm>
#include <atomic>
#include <thread>

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
    std::atomic<int> next{0};
    const auto work = [this, steps, evaluate, &next] {
        for (int k = next++; k < size(); k = next++) {
            TrainingRun<S>& one = run(k);
            if (one.stopped())
                continue;
            one.advance(steps);
            if (evaluate && one.reason() != StopReason::Diverged)
                one.evaluate();
        }
    };
    const int helpers = std::min(m_threads, size()) - 1;
    std::vector<std::thread> threads;
    for (int t = 0; t < helpers; ++t)
        threads.emplace_back(work);
    work();
    for (std::thread& thread : threads)
        thread.join();
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
