#include "training/TrainingRun.h"

#include <limits>

namespace lstm {

template <typename S>
TrainingRun<S>::TrainingRun(const Dataset& data, const ModelConfig& model, const TrainConfig& train,
                            StopConditions stop)
    : m_data(data), m_train(train), m_rule(stop), m_trainer(model, train), m_sampler(train.seed + 1)
{
    m_last.trainLoss = std::numeric_limits<double>::quiet_NaN();
    m_last.validationLoss = m_trainer.evaluate(m_data.validationSet());
}

template <typename S>
long TrainingRun<S>::advance(long steps)
{
    const auto source = [this](SequenceBatch<double>& out) {
        m_data.sampleTrainBatch(m_sampler, m_train.batchSize, out);
    };
    long made = 0;
    while (made < steps && !stopped() && !m_rule.limitReached(m_trainer.steps())) {
        const StepResult result = m_trainer.step(source);
        if (result.diverged) { // no update was applied: the weights are the last good ones
            m_reason = StopReason::Diverged;
            break;
        }
        m_lossSum += result.loss;
        ++m_lossCount;
        ++made;
    }
    if (!stopped() && m_rule.limitReached(m_trainer.steps()))
        m_reason = StopReason::StepLimit;
    return made;
}

template <typename S>
const Evaluation& TrainingRun<S>::evaluate()
{
    const SequenceBatch<double>& validation = m_data.validationSet();
    Matrix<double>& outputs = m_outputs;
    m_last.step = m_trainer.steps();
    if (m_lossCount > 0)
        m_last.trainLoss = m_lossSum / double(m_lossCount);
    m_lossSum = 0;
    m_lossCount = 0;
    m_last.validationLoss = m_trainer.evaluate(validation, &outputs);
    m_last.score = m_data.score(validation, outputs);
    if (m_reason == StopReason::Diverged)
        return m_last;
    const StopReason verdict =
        m_rule.afterEvaluation(m_last.step, m_last.validationLoss, m_last.score, m_trainer.network().parameters().values());
    if (verdict == StopReason::NoImprovement) {
        m_trainer.setParameters(m_rule.bestWeights());
        // What the run ends with is the best model: report that one.
        m_last.validationLoss = m_trainer.evaluate(validation, &outputs);
        m_last.score = m_data.score(validation, outputs);
    }
    if (verdict != StopReason::None && m_reason == StopReason::None)
        m_reason = verdict;
    return m_last;
}

template class TrainingRun<float>;
template class TrainingRun<double>;

} // namespace lstm
