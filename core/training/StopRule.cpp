#include "training/StopRule.h"

#include <cmath>

namespace lstm {

std::string describe(StopReason reason)
{
    switch (reason) {
    case StopReason::None: return {};
    case StopReason::StepLimit: return "reached the step limit";
    case StopReason::Solved: return "solved the task";
    case StopReason::NoImprovement: return "stopped early: the validation loss stopped improving";
    case StopReason::Diverged: return "diverged";
    }
    return {};
}

bool EarlyStopping::improved(double validationLoss, long step)
{
    if (std::isfinite(validationLoss) && validationLoss < m_best) {
        m_best = validationLoss;
        m_bestStep = step;
        m_sinceBest = 0;
        return true;
    }
    ++m_sinceBest;
    return false;
}

} // namespace lstm
