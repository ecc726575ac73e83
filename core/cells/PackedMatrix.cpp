#include "cells/PackedMatrix.h"

#include <algorithm>

namespace lstm {

namespace {

// Eigen's SIMD packet for S (16 floats with AVX-512, 8 with AVX, ...), used through its
// portable load / broadcast / fused multiply-add functions.
template <typename S>
using Packet = typename Eigen::internal::packet_traits<S>::type;
template <typename S>
constexpr int packetSize = Eigen::internal::unpacket_traits<Packet<S>>::size;
// Rows per full panel: 3 packets x 8 columns = 24 accumulators, which fit the 32 vector
// registers of AVX-512 with room for the weights and the broadcast (measured about 20%
// faster than 2 packets). Leftover rows get one panel of 2 or 1 packets.
template <typename S>
constexpr int panelPackets = 3;
template <typename S>
constexpr int fullPanelRows = panelPackets<S> * packetSize<S>;

} // namespace

template <typename S>
typename PackedMatrix<S>::SourceMap PackedMatrix<S>::source() const
{
    return SourceMap(m_source, m_transposed ? m_cols : m_rows, m_transposed ? m_rows : m_cols,
                     Eigen::OuterStride<>(m_sourceStride));
}

template <typename S>
void PackedMatrix<S>::assign(const Eigen::Ref<const Matrix<S>>& W, bool transposed, bool packPanels)
{
    m_source = W.data();
    m_sourceStride = W.outerStride();
    m_transposed = transposed;
    m_rows = transposed ? W.cols() : W.rows();
    m_cols = transposed ? W.rows() : W.cols();
    constexpr int N = packetSize<S>;
    m_fullPanelRows = packPanels ? (m_rows / fullPanelRows<S>) * fullPanelRows<S> : 0;
    m_lastPanelPackets = packPanels ? int((m_rows - m_fullPanelRows) / N) : 0;
    m_panelRows = m_fullPanelRows + m_lastPanelPackets * N;
    if (m_panels.size() < m_panelRows * m_cols)
        m_panels.resize(m_panelRows * m_cols);
    // The panel starting at row p of A holds rows [p, p + height) as K consecutive groups of
    // height values.
    S* out = m_panels.data();
    for (Eigen::Index p = 0; p < m_panelRows;) {
        const Eigen::Index height = p < m_fullPanelRows ? fullPanelRows<S> : m_lastPanelPackets * N;
        for (Eigen::Index k = 0; k < m_cols; ++k)
            for (Eigen::Index r = 0; r < height; ++r)
                *out++ = transposed ? W(k, p + r) : W(p + r, k);
        p += height;
    }
}

// Z[panel rows, columns c..c+8) += panel * h[:, c..c+8): Packets x 8 accumulators stay in
// registers while k runs over the panel's contiguous values. The loops over packets and
// columns must be unrolled, or the accumulators live on the stack and the kernel runs at
// half speed; the pragmas ask GCC and Clang for exactly that.
template <typename S>
template <int Packets, bool PackedH>
void PackedMatrix<S>::kernel(Eigen::Index p, const S* h, Eigen::Index hStride, S* z, Eigen::Index zStride,
                             Eigen::Index c) const
{
    using namespace Eigen::internal;
    using P = Packet<S>;
    constexpr int N = packetSize<S>;
    constexpr int B = minColumns;
    const S* panel = m_panels.data() + p * m_cols;
    const Eigen::Index depth = m_cols;
    const S* hColumn[B];
    S* zColumn[B];
    P sum[B][Packets];
#pragma GCC unroll 8
    for (int b = 0; b < B; ++b) {
        hColumn[b] = h + b * hStride;
        zColumn[b] = z + (c + b) * zStride + p;
#pragma GCC unroll 3
        for (int q = 0; q < Packets; ++q)
            sum[b][q] = ploadu<P>(zColumn[b] + q * N);
    }
    for (Eigen::Index k = 0; k < depth; ++k) {
        P w[Packets];
#pragma GCC unroll 3
        for (int q = 0; q < Packets; ++q)
            w[q] = ploadu<P>(panel + (k * Packets + q) * N);
#pragma GCC unroll 8
        for (int b = 0; b < B; ++b) {
            const P x = pset1<P>(PackedH ? h[k * B + b] : hColumn[b][k]);
#pragma GCC unroll 3
            for (int q = 0; q < Packets; ++q)
                sum[b][q] = pmadd(w[q], x, sum[b][q]);
        }
    }
#pragma GCC unroll 8
    for (int b = 0; b < B; ++b)
#pragma GCC unroll 3
        for (int q = 0; q < Packets; ++q)
            pstoreu(zColumn[b] + q * N, sum[b][q]);
}

// The columns the kernel takes: whole blocks of 8, when there are panels at all.
template <typename S>
Eigen::Index PackedMatrix<S>::blockedColumns(Eigen::Index columns) const
{
    return m_panelRows > 0 ? (columns / minColumns) * minColumns : 0;
}

template <typename S>
template <bool PackedH>
void PackedMatrix<S>::multiplyPanels(const S* h, Eigen::Index hStride, Eigen::Index blocked,
                                     Eigen::Ref<Matrix<S>> Z) const
{
    const auto columnBlock = [&](Eigen::Index c) { return PackedH ? h + c * m_cols : h + c * hStride; };
    // Panels in groups of about half of L2 (in float 5 panels at K = 512, 1 at K = 2048, 21
    // at K = 128); per group, columns outside and panels inside. A group then comes from memory
    // once per product and from L2 for every further block of 8 columns, while those 8 columns
    // of h stay in L1. Streaming all of A once per column block instead (at H = 512 the
    // packed W_hh is 4 MB, more than L2) ran the kernel at about 110 GFLOP/s, against 145.
    constexpr Eigen::Index groupBytes = 512 * 1024;
    const Eigen::Index panelBytes = fullPanelRows<S> * m_cols * Eigen::Index(sizeof(S));
    const Eigen::Index groupRows = std::max<Eigen::Index>(1, groupBytes / panelBytes) * fullPanelRows<S>;
    for (Eigen::Index first = 0; first < m_fullPanelRows; first += groupRows) {
        const Eigen::Index end = std::min(m_fullPanelRows, first + groupRows);
        for (Eigen::Index c = 0; c < blocked; c += minColumns)
            for (Eigen::Index p = first; p < end; p += fullPanelRows<S>)
                kernel<panelPackets<S>, PackedH>(p, columnBlock(c), hStride, Z.data(), Z.outerStride(), c);
    }
    for (Eigen::Index c = 0; c < blocked; c += minColumns) {
        if (m_lastPanelPackets == 2)
            kernel<2, PackedH>(m_fullPanelRows, columnBlock(c), hStride, Z.data(), Z.outerStride(), c);
        else if (m_lastPanelPackets == 1)
            kernel<1, PackedH>(m_fullPanelRows, columnBlock(c), hStride, Z.data(), Z.outerStride(), c);
    }
}

// What the panels do not cover goes to Eigen: the columns beyond the last block of 8 (all of
// them for a small batch), and the rows below the last panel. h: (K, B), or an expression
// such as g.transpose().
template <typename S>
template <typename Right>
void PackedMatrix<S>::multiplyLeftovers(const Right& h, Eigen::Index blocked, Eigen::Ref<Matrix<S>> Z) const
{
    const SourceMap W = source();
    const Eigen::Index columns = h.cols();
    const Eigen::Index rest = m_rows - m_panelRows;
    if (blocked < columns) {
        auto right = Z.rightCols(columns - blocked);
        if (m_transposed)
            right.noalias() += W.transpose() * h.rightCols(columns - blocked);
        else
            right.noalias() += W * h.rightCols(columns - blocked);
    }
    if (rest > 0 && blocked > 0) {
        auto bottom = Z.bottomRows(rest).leftCols(blocked);
        if (m_transposed)
            bottom.noalias() += W.rightCols(rest).transpose() * h.leftCols(blocked);
        else
            bottom.noalias() += W.bottomRows(rest) * h.leftCols(blocked);
    }
}

template <typename S>
void PackedMatrix<S>::multiplyAdd(const Eigen::Ref<const Matrix<S>>& h, Eigen::Ref<Matrix<S>> Z) const
{
    const Eigen::Index blocked = blockedColumns(h.cols());
    multiplyPanels<false>(h.data(), h.outerStride(), blocked, Z);
    multiplyLeftovers(h, blocked, Z);
}

template <typename S>
void PackedMatrix<S>::multiplyAddTransposed(const Eigen::Ref<const Matrix<S>>& g, Eigen::Ref<Matrix<S>> Z)
{
    const Eigen::Index blocked = blockedColumns(g.rows());
    // Read in place, h(k, c..c+8) would be 8 values of one column of g, with a new cache line
    // for every k; copied to K x 8 blocks they are read in order (about 130 against 100
    // GFLOP/s for dW_hh at H = 512, batch 32).
    if (m_packedH.size() < blocked * m_cols)
        m_packedH.resize(blocked * m_cols);
    S* out = m_packedH.data();
    for (Eigen::Index c = 0; c < blocked; c += minColumns)
        for (Eigen::Index k = 0; k < m_cols; ++k)
            for (int b = 0; b < minColumns; ++b)
                *out++ = g(c + b, k);
    multiplyPanels<true>(m_packedH.data(), 0, blocked, Z);
    multiplyLeftovers(g.transpose(), blocked, Z);
}

template class PackedMatrix<float>;
template class PackedMatrix<double>;

} // namespace lstm
