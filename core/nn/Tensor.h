// Eigen aliases shared by the engine, templated on the scalar type.
// Not a tensor library: the engine only needs column-major matrices and vectors.
#pragma once

#include <Eigen/Core>

namespace lstm {

template <typename S>
using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <typename S>
using Vector = Eigen::Matrix<S, Eigen::Dynamic, 1>;
template <typename S>
using MatrixMap = Eigen::Map<Matrix<S>>;
template <typename S>
using ConstMatrixMap = Eigen::Map<const Matrix<S>>;

// Grows a buffer to at least rows x cols and never shrinks it, so that a training step
// that sees a shorter window or a smaller batch later does not reallocate.
template <typename S>
void reserveColumns(Matrix<S>& buffer, Eigen::Index rows, Eigen::Index cols)
{
    if (buffer.rows() != rows || buffer.cols() < cols)
        buffer.resize(rows, cols);
}

} // namespace lstm
