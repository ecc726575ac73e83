// How long can each cell remember? A sweep trains a fresh model of every cell at every value
// of one data-set parameter (lag = 5, 10, 20, 50, ...), each until solved or out of steps,
// on several threads at once, and reports each result as it comes. The command line's sweep
// and the window's Sweep page both run it. Not the plotting or the table.
#pragma once

#include "data/Generators.h"
#include "training/TrainingRun.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lstm {

struct SweepPlan {
    std::string dataset;
    GeneratorSettings parameters;    // the data set's other parameters
    std::string key;                 // the swept one
    std::vector<double> values;
    std::vector<ModelChoices> models; // one per cell
    TrainConfig train;
    StopConditions stop;             // until solved is always on: it gives steps_to_solve
    int evalEvery = 50;
};

struct SweepResult {
    CellKind cell = CellKind::Lstm;
    double value = 0;
    Evaluation last;                 // the final evaluation
    std::optional<long> solvedAt;    // the first evaluated step that met the criterion
    long steps = 0;
};

class Sweep {
public:
    // Builds every data set; throws std::invalid_argument for a parameter it does not take.
    explicit Sweep(SweepPlan plan);

    size_t size() const { return m_jobs.size(); }
    const SweepPlan& plan() const { return m_plan; }

    // Trains every job, at most `threads` at once. `done` hears each result as it finishes
    // (from a training thread, one call at a time). When `cancel` turns true, runs stop at
    // their next evaluation and unstarted jobs are skipped; only finished jobs are reported.
    void run(int threads, const std::function<void(const SweepResult&)>& done,
             const std::atomic<bool>* cancel = nullptr);

    // Every finished job, in plan order (value by value, cell by cell).
    std::vector<SweepResult> results() const;

private:
    struct Job {
        CellKind cell;
        double value;
        const Dataset* data;
        std::optional<SweepResult> result;
    };

    SweepPlan m_plan;
    std::vector<std::unique_ptr<Dataset>> m_data;
    std::vector<Job> m_jobs;
};

} // namespace lstm
