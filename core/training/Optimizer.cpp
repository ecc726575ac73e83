#include "training/Optimizer.h"

#include <cmath>

namespace lstm {

template <typename S>
Optimizer<S>::Optimizer(const TrainConfig& config, Eigen::Index parameterCount)
    : m_config(config), m_first(Vector<S>::Zero(parameterCount)), m_second(Vector<S>::Zero(parameterCount))
{
}

template <typename S>
void Optimizer<S>::reset()
{
    m_first.setZero();
    m_second.setZero();
    m_steps = 0;
}

template <typename S>
void Optimizer<S>::step(Vector<S>& params, const Vector<S>& grads)
{
    ++m_steps;
    const S rate = S(m_config.learningRate);
    const S eps = S(m_config.epsilon);
    switch (m_config.optimizer) {
    case OptimizerKind::Sgd:
        params -= rate * grads;
        break;
    case OptimizerKind::Momentum:
        // torch.optim.SGD: the first step copies the gradient into the buffer.
        if (m_steps == 1)
            m_first = grads;
        else
            m_first = S(m_config.momentum) * m_first + grads;
        params -= rate * m_first;
        break;
    case OptimizerKind::RmsProp: {
        const S alpha = S(m_config.rmsAlpha);
        m_second = alpha * m_second + (S(1) - alpha) * grads.cwiseAbs2();
        params.array() -= rate * grads.array() / (m_second.array().sqrt() + eps);
        break;
    }
    case OptimizerKind::Adam: {
        const S beta1 = S(m_config.beta1);
        const S beta2 = S(m_config.beta2);
        m_first = beta1 * m_first + (S(1) - beta1) * grads;
        m_second = beta2 * m_second + (S(1) - beta2) * grads.cwiseAbs2();
        const S correction1 = S(1) - std::pow(beta1, S(m_steps));
        const S correction2 = S(1) - std::pow(beta2, S(m_steps));
        const S stepSize = rate / correction1;
        params.array() -= stepSize * m_first.array() / (m_second.array().sqrt() / std::sqrt(correction2) + eps);
        break;
    }
    }
}

template <typename S>
S clipGradientNorm(Vector<S>& grads, S maxNorm)
{
    const S norm = grads.norm();
    if (maxNorm <= S(0))
        return norm;
    const S scale = maxNorm / (norm + S(1e-6)); // the 1e-6 is torch's, kept for identical results
    if (scale < S(1))
        grads *= scale;
    return norm;
}

template class Optimizer<float>;
template class Optimizer<double>;
template float clipGradientNorm(Vector<float>&, float);
template double clipGradientNorm(Vector<double>&, double);

} // namespace lstm
