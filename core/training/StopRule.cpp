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

template <typename S>
void StopRule<S>::setConditions(StopConditions conditions)
{
    m_conditions = conditions;
    m_early = EarlyStopping(conditions.patience);
    m_best.resize(0);
}

template <typename S>
StopReason StopRule<S>::afterEvaluation(long step, double validationLoss, const std::optional<TaskScore>& score,
                                        const Vector<S>& weights)
{
    if (score && score->solved && !m_solvedAt)
        m_solvedAt = step;
    if (m_conditions.untilSolved && score && score->solved)
        return StopReason::Solved;
    if (m_conditions.patience <= 0)
        return StopReason::None;
    if (m_early.improved(validationLoss, step))
        m_best = weights;
    return m_early.exhausted() && m_best.size() > 0 ? StopReason::NoImprovement : StopReason::None;
}

template class StopRule<float>;
template class StopRule<double>;

} // namespace lstm
