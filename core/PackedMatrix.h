// A weight matrix repacked once into row panels, for the many small products of one
// window that all multiply by the same W_hh. Eigen repacks its left operand at every
// product, which at H = 512 costs a quarter of a training step; packing once per window
// and running a register-blocked kernel over the panels removes that. Products with few
// columns (a batch below minColumns) or leftover rows and columns go to Eigen, which is
// also the reference the kernel is tested against.
//
// Size legend: R = rows of A, K = columns of A (= rows of h), B = columns of h, where A is
// the matrix multiplied: W itself, or W^T for the backward pass.
#pragma once

#include "Tensor.h"

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

private:
    template <int Packets>
    void kernel(Eigen::Index panelRow, const S* h, Eigen::Index hStride, S* z, Eigen::Index zStride,
                Eigen::Index firstColumn) const;

    using SourceMap = Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>>;
    SourceMap source() const;
    template <typename Block>
    void addProduct(const Block& rowsOfA, const Eigen::Ref<const Matrix<S>>& h, Eigen::Ref<Matrix<S>> Z) const;

    const S* m_source = nullptr;  // W, column-major, valid while the window runs
    bool m_transposed = false;
    Eigen::Index m_sourceStride = 0;
    Eigen::Index m_rows = 0;
    Eigen::Index m_cols = 0;
    Eigen::Index m_fullPanelRows = 0; // rows covered by full-height panels
    int m_lastPanelPackets = 0;       // height in packets of one shorter panel after them (0-2)
    Eigen::Index m_panelRows = 0;     // rows covered by panels; the rest (under one packet) go to Eigen
    Vector<S> m_panels;
};

extern template class PackedMatrix<float>;
extern template class PackedMatrix<double>;

} // namespace lstm
