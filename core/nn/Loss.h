// The two losses, each writing its gradient with respect to the network outputs.
// Both are means, exactly like PyTorch's nn.MSELoss and nn.CrossEntropyLoss defaults.
// Size legend: O = outputs or classes, N = samples (columns).
#pragma once

#include "nn/Tensor.h"

namespace lstm {

// Mean over all O*N elements of (y - target)^2. dY: (O, N).
template <typename S>
S meanSquaredError(const Eigen::Ref<const Matrix<S>>& y, const Eigen::Ref<const Matrix<S>>& target,
                   Eigen::Ref<Matrix<S>> dY);

// Mean over the N columns of -log softmax(logits)[class]. dLogits: (O, N).
template <typename S>
S crossEntropy(const Eigen::Ref<const Matrix<S>>& logits, const int* classes, Eigen::Ref<Matrix<S>> dLogits);

} // namespace lstm
