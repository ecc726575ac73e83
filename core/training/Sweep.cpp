#include "training/Sweep.h"

#include "training/Parallel.h"

#include <mutex>

namespace lstm {

Sweep::Sweep(SweepPlan plan) : m_plan(std::move(plan))
{
    m_plan.stop.untilSolved = true;
    GeneratorSettings settings = m_plan.parameters;
    for (double value : m_plan.values) {
        settings[m_plan.key] = value;
        m_data.push_back(makeGenerator(m_plan.dataset, settings, m_plan.train.seed));
        for (const ModelChoices& model : m_plan.models)
            m_jobs.push_back({model.cell, value, m_data.back().get(), std::nullopt});
    }
}

void Sweep::run(int threads, const std::function<void(const SweepResult&)>& done, const std::atomic<bool>* cancel)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    std::mutex reporting;
    forEachInParallel(threads, m_jobs.size(), [&](size_t k) {
        if (cancelled())
            return false;
        Job& job = m_jobs[k];
        const ModelChoices& model = m_plan.models[k % m_plan.models.size()];
        TrainingRun<float> run(*job.data, modelFor(job.data->shape(), model), m_plan.train, m_plan.stop);
        while (!run.stopped() && !cancelled()) {
            run.advance(m_plan.evalEvery - run.steps() % m_plan.evalEvery);
            if (run.reason() != StopReason::Diverged)
                run.evaluate();
        }
        if (!run.stopped())
            return false; // cancelled half way: not a result
        const std::lock_guard lock(reporting);
        job.result = SweepResult{job.cell, job.value, run.last(), run.solvedAt(), run.steps()};
        done(*job.result);
        return true;
    });
}

std::vector<SweepResult> Sweep::results() const
{
    std::vector<SweepResult> finished;
    for (const Job& job : m_jobs)
        if (job.result)
            finished.push_back(*job.result);
    return finished;
}

} // namespace lstm
