#include "PackedMatrix.h"

namespace lstm {

namespace {

// Eigen's SIMD packet for S (16 floats with AVX-512, 8 with AVX, ...), used through its
// portable load / broadcast / fused multiply-add functions.
template <typename S>
using Packet = typename Eigen::internal::packet_traits<S>::type;
template <typename S>
constexpr int packetSize = Eigen::internal::unpacket_traits<Packet<S>>::size;
template <typename S>
constexpr int panelRows = 2 * packetSize<S>; // two packets of rows per panel

} // namespace

template <typename S>
void PackedMatrix<S>::assign(const Eigen::Ref<const Matrix<S>>& W, bool packPanels)
{
    m_source = W.data();
    m_sourceStride = W.outerStride();
    m_rows = W.rows();
    m_cols = W.cols();
    constexpr int P = panelRows<S>;
    m_panelRows = packPanels ? (m_rows / P) * P : 0;
    if (m_panels.size() < m_panelRows * m_cols)
        m_panels.resize(m_panelRows * m_cols);
    S* out = m_panels.data();
    for (Eigen::Index p = 0; p < m_panelRows; p += P)
        for (Eigen::Index k = 0; k < m_cols; ++k, out += P)
            std::copy_n(W.data() + k * m_sourceStride + p, P, out);
}

// Z[panel rows, columns c..c+8) += panel * h[:, c..c+8): 2 x 8 packet accumulators stay
// in registers while k runs over the panel's contiguous values.
template <typename S>
void PackedMatrix<S>::kernel(Eigen::Index p, const S* h, Eigen::Index hStride, S* z, Eigen::Index zStride,
                             Eigen::Index c) const
{
    using namespace Eigen::internal;
    using P = Packet<S>;
    constexpr int N = packetSize<S>;
    constexpr int B = minColumns;
    const S* panel = m_panels.data() + p * m_cols;
    P top[B], bottom[B];
    for (int b = 0; b < B; ++b) {
        top[b] = ploadu<P>(z + (c + b) * zStride + p);
        bottom[b] = ploadu<P>(z + (c + b) * zStride + p + N);
    }
    for (Eigen::Index k = 0; k < m_cols; ++k) {
        const P w0 = ploadu<P>(panel + k * 2 * N);
        const P w1 = ploadu<P>(panel + k * 2 * N + N);
        for (int b = 0; b < B; ++b) {
            const P x = pset1<P>(h[(c + b) * hStride + k]);
            top[b] = pmadd(w0, x, top[b]);
            bottom[b] = pmadd(w1, x, bottom[b]);
        }
    }
    for (int b = 0; b < B; ++b) {
        pstoreu(z + (c + b) * zStride + p, top[b]);
        pstoreu(z + (c + b) * zStride + p + N, bottom[b]);
    }
}

template <typename S>
void PackedMatrix<S>::multiplyAdd(const Eigen::Ref<const Matrix<S>>& h, Eigen::Ref<Matrix<S>> Z) const
{
    const Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>> W(m_source, m_rows, m_cols,
                                                                  Eigen::OuterStride<>(m_sourceStride));
    const Eigen::Index columns = h.cols();
    const Eigen::Index blocked = m_panelRows > 0 ? (columns / minColumns) * minColumns : 0;
    // Columns outside, panels inside: the 8 columns of h being broadcast stay in L1 while
    // the panels stream past (measured faster than the other order at H = 512).
    for (Eigen::Index c = 0; c < blocked; c += minColumns)
        for (Eigen::Index p = 0; p < m_panelRows; p += panelRows<S>)
            kernel(p, h.data(), h.outerStride(), Z.data(), Z.outerStride(), c);
    if (blocked < columns)
        Z.rightCols(columns - blocked).noalias() += W * h.rightCols(columns - blocked);
    if (m_panelRows < m_rows && blocked > 0)
        Z.bottomRows(m_rows - m_panelRows).leftCols(blocked).noalias() +=
            W.bottomRows(m_rows - m_panelRows) * h.leftCols(blocked);
}

template class PackedMatrix<float>;
template class PackedMatrix<double>;

} // namespace lstm
