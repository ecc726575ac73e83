// When training stops by itself: after a number of steps, when the task's success criterion
// is met, or when the validation loss has not improved for `patience` evaluations in a row
// (early stopping, with the weights of the best evaluation kept to come back to). Pure
// bookkeeping on numbers it is given: it neither trains nor evaluates. The command line's
// TrainingRun and the window's training worker both decide with it.
#pragma once

#include "data/Dataset.h"
#include "nn/Tensor.h"

#include <limits>
#include <optional>
#include <string>

namespace lstm {

struct StopConditions {
    long maxSteps = 0;        // 0: no step limit
    bool untilSolved = false; // stop at the first evaluation that meets the task's criterion
    int patience = 0;         // evaluations without a better validation loss; 0: off
    bool operator==(const StopConditions&) const = default;
};

enum class StopReason { None, StepLimit, Solved, NoImprovement, Diverged };

// "stopped after the step limit", ... for messages; "" for None.
std::string describe(StopReason reason);

class EarlyStopping {
public:
    explicit EarlyStopping(int patience) : m_patience(patience) {}

    // Takes one evaluation's validation loss; true when it is the best so far (keep these
    // weights). A loss that is not finite never counts as better.
    bool improved(double validationLoss, long step);
    // No better loss for `patience` evaluations (never, when patience is 0).
    bool exhausted() const { return m_patience > 0 && m_sinceBest >= m_patience; }
    double bestLoss() const { return m_best; }
    long bestStep() const { return m_bestStep; }

private:
    int m_patience;
    int m_sinceBest = 0;
    double m_best = std::numeric_limits<double>::infinity();
    long m_bestStep = -1;
};

template <typename S>
class StopRule {
public:
    explicit StopRule(StopConditions conditions = {}) : m_conditions(conditions), m_early(conditions.patience) {}

    // New conditions; early stopping starts counting again (the solved step is kept).
    void setConditions(StopConditions conditions);
    // Early stopping counts from nothing again, as after training goes on past a stop.
    void restartEarlyStopping() { setConditions(m_conditions); }
    const StopConditions& conditions() const { return m_conditions; }

    // After a step: whether the step limit is reached.
    bool limitReached(long steps) const { return m_conditions.maxSteps > 0 && steps >= m_conditions.maxSteps; }
    // After an evaluation of the weights `weights` at `step`: Solved, NoImprovement (then
    // bestWeights() are the ones to bring back) or None.
    StopReason afterEvaluation(long step, double validationLoss, const std::optional<TaskScore>& score,
                               const Vector<S>& weights);

    std::optional<long> solvedAt() const { return m_solvedAt; } // the first evaluated step that met the criterion
    const EarlyStopping& earlyStopping() const { return m_early; }
    const Vector<S>& bestWeights() const { return m_best; }

private:
    StopConditions m_conditions;
    EarlyStopping m_early;
    Vector<S> m_best; // of the best evaluation, while early stopping is on
    std::optional<long> m_solvedAt;
};

} // namespace lstm
