// A matrix repacked once into row panels, for the many products that multiply by the same
// A: the per-timestep products of a window with W_hh (forward) and W_hh^T (backward), and
// the weight gradients dW_hh = dA' [h_0 .. h_{T-1}]^T (and dW_ih = dA X^T when dA' = dA),
// one block of dA's columns at a time. Eigen repacks its left operand at every product,
// which at H = 512 cost a quarter of a training step, and its kernel keeps 48 x 4 results
// in registers where this one keeps 48 x 8. Products with few columns (a batch below
// minColumns) or leftover rows and columns go to Eigen, which is also the reference the
// kernel is tested against. Not a general matrix product: its blocking is tuned for these
// products on AVX-512 with 1.25 MB of L2.
//
// Size legend: R = rows of A, K = columns of A (= rows of h), B = columns of h, where A is
// the matrix multiplied: W itself, W^T for the backward pass, or a block of dA'.
#pragma once

#include "nn/Tensor.h"

namespace lstm {

template <typename S>
class PackedMatrix {
public:
    static constexpr int minColumns = 8; // the kernel's column block

    // Stands for A = W, or A = W^T when transposed. Keeps a view of W for the leftovers and,
    // when panels pay off, a packed copy of A. Allocates only when W's size grows.
    void assign(const Eigen::Ref<const Matrix<S>>& W, bool transposed, bool packPanels);

    // Z += A * h. Z: (R, B), h: (K, B).
    void multiplyAdd(const Eigen::Ref<const Matrix<S>>& h, Eigen::Ref<Matrix<S>> Z) const;
    // Z += A * g^T. Z: (R, B), g: (B, K): h stored transposed, as the states are in the weight
    // gradient. Copies g into blocks of 8 rows first; allocates only when g's size grows.
    void multiplyAddTransposed(const Eigen::Ref<const Matrix<S>>& g, Eigen::Ref<Matrix<S>> Z);

private:
    // h points at the first of 8 columns of h. Column-major: h(k, b) is h[b * hStride + k];
    // packed (PackedH): h(k, b) is h[k * 8 + b], as multiplyAddTransposed lays g out.
    template <int Packets, bool PackedH>
    void kernel(Eigen::Index panelRow, const S* h, Eigen::Index hStride, S* z, Eigen::Index zStride,
                Eigen::Index firstColumn) const;
    template <bool PackedH>
    void multiplyPanels(const S* h, Eigen::Index hStride, Eigen::Index blocked, Eigen::Ref<Matrix<S>> Z) const;
    Eigen::Index blockedColumns(Eigen::Index columns) const;

    using SourceMap = Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>>;
    SourceMap source() const;
    template <typename Right>
    void multiplyLeftovers(const Right& h, Eigen::Index blocked, Eigen::Ref<Matrix<S>> Z) const;

    const S* m_source = nullptr;  // W, column-major, valid while the window runs
    bool m_transposed = false;
    Eigen::Index m_sourceStride = 0;
    Eigen::Index m_rows = 0;
    Eigen::Index m_cols = 0;
    Eigen::Index m_fullPanelRows = 0; // rows covered by full-height panels
    int m_lastPanelPackets = 0;       // height in packets of one shorter panel after them (0-2)
    Eigen::Index m_panelRows = 0;     // rows covered by panels; the rest (under one packet) go to Eigen
    Vector<S> m_panels;
    Vector<S> m_packedH; // g^T for multiplyAddTransposed, blocks of K x 8 values
};

extern template class PackedMatrix<float>;
extern template class PackedMatrix<double>;

} // namespace lstm
