#include "training/TrainingRun.h"

#include <limits>

namespace lstm {

template <typename S>
TrainingRun<S>::TrainingRun(const Dataset& data, const ModelConfig& model, const TrainConfig& train,
                            StopConditions stop)
    : m_data(data), m_train(train), m_stop(stop), m_trainer(model, train), m_sampler(train.seed + 1),
      m_early(stop.patience)
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
    while (made < steps && !stopped()) {
        if (m_stop.maxSteps > 0 && m_trainer.steps() >= m_stop.maxSteps) {
            m_reason = StopReason::StepLimit;
            break;
        }
        const StepResult result = m_trainer.step(source);
        if (result.diverged) { // no update was applied: the weights are the last good ones
            m_reason = StopReason::Diverged;
            break;
        }
        m_lossSum += result.loss;
        ++m_lossCount;
        ++made;
    }
    if (!stopped() && m_stop.maxSteps > 0 && m_trainer.steps() >= m_stop.maxSteps)
        m_reason = StopReason::StepLimit;
    return made;
}

template <typename S>
const Evaluation& TrainingRun<S>::evaluate()
{
    const SequenceBatch<double>& validation = m_data.validationSet();
    Matrix<double> outputs;
    m_last.step = m_trainer.steps();
    if (m_lossCount > 0)
        m_last.trainLoss = m_lossSum / double(m_lossCount);
    m_lossSum = 0;
    m_lossCount = 0;
    m_last.validationLoss = m_trainer.evaluate(validation, &outputs);
    m_last.score = m_data.score(validation, outputs);
    if (m_last.score && m_last.score->solved && !m_solvedAt) {
        m_solvedAt = m_last.step;
        if (m_stop.untilSolved && m_reason != StopReason::Diverged)
            m_reason = StopReason::Solved;
    }
    if (m_stop.patience > 0 && m_reason != StopReason::Diverged) {
        if (m_early.improved(m_last.validationLoss, m_last.step))
            m_best = m_trainer.network().parameters().values();
        else if (m_early.exhausted() && m_best.size() > 0 && m_reason == StopReason::None) {
            m_trainer.setParameters(m_best);
            m_reason = StopReason::NoImprovement;
            // What the run ends with is the best model: report that one.
            m_last.validationLoss = m_trainer.evaluate(validation, &outputs);
            m_last.score = m_data.score(validation, outputs);
        }
    }
    return m_last;
}

template class TrainingRun<float>;
template class TrainingRun<double>;

} // namespace lstm
