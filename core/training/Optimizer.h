// The four optimizers on a flat parameter vector, following torch.optim's update rules
// exactly (SGD, SGD with momentum, RMSprop, Adam with bias correction), plus clipping by
// global norm like torch.nn.utils.clip_grad_norm_. Not a learning-rate schedule.
#pragma once

#include "training/TrainConfig.h"
#include "nn/Tensor.h"

namespace lstm {

template <typename S>
class Optimizer {
public:
    Optimizer(const TrainConfig& config, Eigen::Index parameterCount);

    // Applies one update in place. Allocates nothing.
    void step(Vector<S>& params, const Vector<S>& grads);
    void reset(); // forget momentum and moment estimates
    void setLearningRate(double rate) { m_config.learningRate = rate; }
    long steps() const { return m_steps; }

private:
    TrainConfig m_config;
    Vector<S> m_first;  // momentum buffer or Adam's first moment
    Vector<S> m_second; // RMSprop's / Adam's second moment
    long m_steps = 0;
};

// Scales grads in place so their global norm is at most maxNorm (no-op when maxNorm <= 0).
// Returns the norm before clipping.
template <typename S>
S clipGradientNorm(Vector<S>& grads, S maxNorm);

extern template class Optimizer<float>;
extern template class Optimizer<double>;

} // namespace lstm
