#include "nn/Loss.h"

namespace lstm {

template <typename S>
S meanSquaredError(const Eigen::Ref<const Matrix<S>>& y, const Eigen::Ref<const Matrix<S>>& target,
                   Eigen::Ref<Matrix<S>> dY)
{
    const S count = S(y.size());
    dY = y - target;
    const S loss = dY.squaredNorm() / count;
    dY *= S(2) / count;
    return loss;
}

template <typename S>
S crossEntropy(const Eigen::Ref<const Matrix<S>>& logits, const int* classes, Eigen::Ref<Matrix<S>> dLogits)
{
    const Eigen::Index samples = logits.cols();
    S total = 0;
    for (Eigen::Index n = 0; n < samples; ++n) {
        const S peak = logits.col(n).maxCoeff();
        auto probabilities = dLogits.col(n);
        probabilities = (logits.col(n).array() - peak).exp().matrix();
        const S sum = probabilities.sum();
        total += std::log(sum) + peak - logits(classes[n], n);
        probabilities /= sum;
        probabilities(classes[n]) -= S(1);
    }
    dLogits /= S(samples);
    return total / S(samples);
}

template float meanSquaredError(const Eigen::Ref<const Matrix<float>>&, const Eigen::Ref<const Matrix<float>>&,
                                Eigen::Ref<Matrix<float>>);
template double meanSquaredError(const Eigen::Ref<const Matrix<double>>&, const Eigen::Ref<const Matrix<double>>&,
                                 Eigen::Ref<Matrix<double>>);
template float crossEntropy(const Eigen::Ref<const Matrix<float>>&, const int*, Eigen::Ref<Matrix<float>>);
template double crossEntropy(const Eigen::Ref<const Matrix<double>>&, const int*, Eigen::Ref<Matrix<double>>);

} // namespace lstm
