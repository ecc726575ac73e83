// When training stops by itself: after a number of steps, when the task's success criterion
// is met, or when the validation loss has not improved for `patience` evaluations in a row
// (early stopping; the caller keeps the weights of the best evaluation). Pure bookkeeping on
// numbers it is given: it neither trains nor evaluates.
#pragma once

#include <limits>
#include <string>

namespace lstm {

struct StopConditions {
    long maxSteps = 0;        // 0: no step limit
    bool untilSolved = false; // stop at the first evaluation that meets the task's criterion
    int patience = 0;         // evaluations without a better validation loss; 0: off
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

} // namespace lstm
