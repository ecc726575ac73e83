// The training loop's one step: take the next window of the current batch (or the next
// batch), run forward and exact BPTT, clip, check for divergence, update. One call is
// exactly one optimizer step. Knows nothing of any UI; optionally records a StepTrace.
//
// Truncated BPTT: a batch of T timesteps is cut into windows of k; each window is one
// step, starting from the state the previous window ended in, its gradient stopping at
// the window's start. With last-step outputs the windows before the last only carry
// state forward, so the gradient reaches back at most k timesteps.
#pragma once

#include "nn/Network.h"
#include "training/Optimizer.h"
#include "trace/Trace.h"
#include "training/TrainConfig.h"

#include <functional>

namespace lstm {

struct StepResult {
    long step = 0;            // optimizer steps done, this one included
    double loss = 0;
    double gradientNorm = 0;  // global norm before clipping
    bool clipped = false;
    bool diverged = false;    // loss or gradient not finite: no update was applied
    bool newBatch = false;    // this step started a new batch
};

template <typename S>
class Trainer {
public:
    // Fills the batch for the next step; called when the current batch is used up.
    using BatchSource = std::function<void(SequenceBatch<double>& batch)>;

    Trainer(const ModelConfig& model, const TrainConfig& config);

    StepResult step(const BatchSource& nextBatch);
    // Mean loss over a whole data set in one forward pass from a zero state; no update.
    // With `outputs`, also the head's outputs of that same pass, as predict() gives them.
    double evaluate(const SequenceBatch<double>& data, Matrix<double>* outputs = nullptr);
    // The head's outputs for a data set, from a zero state: (O, T*B) or (O, B).
    Matrix<double> predict(const SequenceBatch<double>& data);

    Network<S>& network() { return m_network; }
    const Network<S>& network() const { return m_network; }
    long steps() const { return m_steps; }

    // Live changes that need no rebuild.
    void setLearningRate(double rate);
    void setClipNorm(double norm) { m_config.clipNorm = norm; }

    void setRecording(bool on, int element = 0);
    bool recording() const { return m_recording; }
    const StepTrace& trace() const { return m_trace; }

    // Per tensor, the weight and gradient norms and the update-to-weight ratio of every step,
    // without the rest of a trace: a few passes over the weights, cheap enough for each step.
    // Valid after a step when on (or recording); a diverged step has no update (ratio 0).
    void setTensorStatistics(bool on) { m_measureTensors = on; }
    const std::vector<TensorStats>& tensorStatistics() const { return m_tensorStats; }

    // Replaces the weights (e.g. restoring the last good ones) and clears optimizer state.
    void setParameters(const Vector<S>& values);

private:
    void startBatch(const BatchSource& nextBatch);
    StepResult finishStep(int steps);

    TrainConfig m_config;
    Network<S> m_network;
    ParameterSet<S> m_grads;
    ParameterSet<S> m_before;     // weights before the update, only while measuring
    Optimizer<S> m_optimizer;
    SequenceBatch<double> m_sourceBatch;
    SequenceBatch<S> m_batch;
    SequenceBatch<S> m_evalBatch;
    RecurrentState<S> m_state;
    RecurrentState<S> m_evalState;
    int m_cursor = 0;             // next timestep of m_batch to train on
    long m_steps = 0;
    bool m_recording = false;
    bool m_measureTensors = false;
    int m_recordElement = 0;
    StepTrace m_trace;
    std::vector<TensorStats> m_tensorStats;
};

extern template class Trainer<float>;
extern template class Trainer<double>;

} // namespace lstm
