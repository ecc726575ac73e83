#include "training/Trainer.h"

#include "trace/TraceRecorder.h"

#include <algorithm>
#include <cmath>

namespace lstm {

template <typename S>
Trainer<S>::Trainer(const ModelConfig& model, const TrainConfig& config)
    : m_config(config),
      m_network(model),
      m_grads(m_network.layout()),
      m_before(m_network.layout()),
      m_optimizer(config, m_network.layout().totalSize())
{
    m_network.initialize(config.seed, config.gateBiases);
}

template <typename S>
void Trainer<S>::setLearningRate(double rate)
{
    m_config.learningRate = rate;
    m_optimizer.setLearningRate(rate);
}

template <typename S>
void Trainer<S>::setRecording(bool on, int element)
{
    m_recording = on;
    m_recordElement = std::max(0, element);
}

template <typename S>
void Trainer<S>::setParameters(const Vector<S>& values)
{
    m_network.parameters().values() = values;
    m_optimizer.reset();
    m_cursor = 0;
}

template <typename S>
void Trainer<S>::startBatch(const BatchSource& nextBatch)
{
    nextBatch(m_sourceBatch);
    convertBatch(m_sourceBatch, m_batch);
    m_state.setZero(m_network.config(), m_batch.batch);
    m_cursor = 0;
}

template <typename S>
StepResult Trainer<S>::step(const BatchSource& nextBatch)
{
    StepResult result;
    if (m_cursor == 0 || m_cursor >= m_batch.steps) {
        startBatch(nextBatch);
        result.newBatch = true;
    }
    const int window = m_config.truncation > 0 ? m_config.truncation : m_batch.steps;
    for (;;) {
        const int steps = std::min(window, m_batch.steps - m_cursor);
        m_network.forward(m_batch, m_cursor, steps, m_state);
        if (m_network.windowHasTargets(m_batch, m_cursor, steps)) {
            StepResult finished = finishStep(steps);
            finished.newBatch = result.newBatch;
            return finished;
        }
        m_network.copyFinalState(m_state);
        m_cursor += steps;
    }
}

template <typename S>
StepResult Trainer<S>::finishStep(int steps)
{
    StepResult result;
    result.loss = double(m_network.loss(m_batch));
    m_grads.setZero();
    m_network.backward(m_grads);
    const S norm = clipGradientNorm(m_grads.values(), S(m_config.clipNorm));
    result.gradientNorm = double(norm);
    result.clipped = m_config.clipNorm > 0 && norm > S(m_config.clipNorm);
    const bool measuring = m_recording || m_measureTensors;
    if (measuring) {
        measureTensors(m_network.parameters(), m_grads, m_tensorStats);
        m_before.values() = m_network.parameters().values();
    }
    if (m_recording) {
        const int element = std::min(m_recordElement, m_batch.batch - 1);
        m_trace.firstTimestep = m_cursor;
        m_trace.step = m_steps;
        recordForward(m_network, m_batch, element, m_trace);
        recordBackward(m_network, element, m_trace);
        recordParameters(m_network.parameters(), m_grads, m_trace);
        m_trace.tensors = m_tensorStats;
        m_trace.loss = result.loss;
        m_trace.gradientNorm = result.gradientNorm;
        m_trace.clipped = result.clipped;
    }
    if (!std::isfinite(result.loss) || !std::isfinite(result.gradientNorm)) {
        result.diverged = true;
        result.step = m_steps;
        m_cursor = 0; // the carried state may be poisoned too: start the next step on a fresh batch
        return result;
    }
    m_optimizer.step(m_network.parameters().values(), m_grads.values());
    if (measuring)
        measureUpdates(m_before, m_network.parameters(), m_tensorStats);
    if (m_recording) {
        m_trace.tensors = m_tensorStats;
        recordUpdate(m_network.parameters(), m_trace);
    }
    m_network.copyFinalState(m_state);
    m_cursor += steps;
    result.step = ++m_steps;
    return result;
}

template <typename S>
double Trainer<S>::evaluate(const SequenceBatch<double>& data, Matrix<double>* outputs)
{
    convertBatch(data, m_evalBatch);
    m_evalState.setZero(m_network.config(), data.batch);
    m_network.forward(m_evalBatch, 0, data.steps, m_evalState);
    if (outputs)
        *outputs = m_network.outputs().template cast<double>();
    return double(m_network.loss(m_evalBatch));
}

template <typename S>
Matrix<double> Trainer<S>::predict(const SequenceBatch<double>& data)
{
    convertBatch(data, m_evalBatch);
    m_evalState.setZero(m_network.config(), data.batch);
    m_network.forward(m_evalBatch, 0, data.steps, m_evalState);
    return m_network.outputs().template cast<double>();
}

template class Trainer<float>;
template class Trainer<double>;

} // namespace lstm
