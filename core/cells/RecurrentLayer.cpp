#include "cells/RecurrentLayer.h"

#include <algorithm>

namespace lstm {

namespace {

// sums += the sum of each row of m, walking it column by column (contiguous), which Eigen's
// rowwise().sum() on a column-major block does not.
template <typename S>
void addColumnSums(const Eigen::Ref<const Matrix<S>>& m, Eigen::Ref<Vector<S>> sums)
{
    for (Eigen::Index c = 0; c < m.cols(); ++c)
        sums += m.col(c);
}

} // namespace

template <typename S>
RecurrentLayer<S>::RecurrentLayer(CellKind kind, int index, int inputSize, int hiddenSize, ParameterLayout& layout)
    : m_kind(kind), m_input(inputSize), m_hidden(hiddenSize), m_gates(lstm::gateCount(kind))
{
    const std::string suffix = "_l" + std::to_string(index);
    m_weightIh = layout.add("weight_ih" + suffix, m_gates * m_hidden, m_input);
    m_weightHh = layout.add("weight_hh" + suffix, m_gates * m_hidden, m_hidden);
    m_biasIh = layout.addVector("bias_ih" + suffix, m_gates * m_hidden);
    m_biasHh = layout.addVector("bias_hh" + suffix, m_gates * m_hidden);
}

template <typename S>
void RecurrentLayer<S>::reserve(int steps, int batch)
{
    m_steps = steps;
    m_batch = batch;
    const int cols = steps * batch;
    const int gateRows = m_gates * m_hidden;
    reserveColumns(m_act, gateRows, cols);
    reserveColumns(m_dAct, gateRows, cols);
    reserveColumns(m_h, m_hidden, cols + batch);
    reserveColumns(m_dH, m_hidden, cols);
    reserveColumns(m_dX, m_input, cols);
    reserveColumns(m_dhNext, m_hidden, batch);
    if (hasCellState(m_kind)) {
        reserveColumns(m_c, m_hidden, cols + batch);
        reserveColumns(m_dC, m_hidden, cols);
        reserveColumns(m_dcNext, m_hidden, batch);
    }
    reserveCellBuffers(cols);
}

template <typename S>
void RecurrentLayer<S>::forward(const ParameterSet<S>& params, const ConstRef& x, int steps, int batch,
                                const ConstRef& h0, const ConstRef& c0)
{
    reserve(steps, batch);
    const int cols = columns();
    m_inputBias = params.segment(m_biasIh);
    if (addsHiddenBiasToInput())
        m_inputBias += params.segment(m_biasHh);
    // The bias first and the product added to it: assigning the product, Eigen would zero
    // the destination first, and adding the bias after would take one more pass over it
    // (G*H x T*B is 16 MB at H = 512, batch 32).
    auto projected = m_act.leftCols(cols);
    projected.colwise() = m_inputBias;
    projected.noalias() += params.matrix(m_weightIh) * x.leftCols(cols);
    m_recurrent.assign(params.matrix(m_weightHh), false, batch >= PackedMatrix<S>::minColumns);
    hPrev(0) = h0;
    if (hasCellState(m_kind))
        cPrev(0) = c0;
    for (int t = 0; t < steps; ++t)
        forwardStep(params, t);
}

template <typename S>
void RecurrentLayer<S>::backward(const ParameterSet<S>& params, ParameterSet<S>& grads, const ConstRef& x,
                                 const ConstRef& dY)
{
    m_recurrentTransposed.assign(params.matrix(m_weightHh), true, m_batch >= PackedMatrix<S>::minColumns);
    dhNext().setZero();
    if (hasCellState(m_kind))
        dcNext().setZero();
    for (int t = m_steps - 1; t >= 0; --t) {
        dH(t) = dY.middleCols(t * m_batch, m_batch) + dhNext();
        backwardStep(params, grads, t);
    }
    accumulateWeightGradients(params, grads, x);
}

// The weight gradients of all timesteps at once: dW_ih = dA X^T, dW_hh = dA' [h_0 .. h_{T-1}]^T.
// dW_hh goes through the packed kernel (measured about 130 GFLOP/s against Eigen's 105 at
// H = 512, batch 32), gradientBlock columns of dA' at a time: a packed block then stays in
// L2 while every column of dW_hh uses it, and the packed copy stays small however long the
// window. The bias sums read each block just before it is packed, so the packing finds it
// in cache. For the LSTM and the RNN dA' is dA itself, so the same blocks serve dW_ih and
// b_ih too, which spares Eigen packing all of dA for a product with only I columns.
template <typename S>
void RecurrentLayer<S>::accumulateWeightGradients(const ParameterSet<S>& params, ParameterSet<S>& grads,
                                                  const ConstRef& x)
{
    const int cols = columns();
    const auto dInput = m_dAct.leftCols(cols);
    const ConstRef dHidden = hiddenProductGradients();
    const bool sameGradients = dHidden.data() == dInput.data();
    auto dWih = grads.matrix(m_weightIh);
    auto dWhh = grads.matrix(m_weightHh);
    for (int first = 0; first < cols; first += gradientBlock) {
        const int width = std::min(gradientBlock, cols - first);
        const ConstRef block = dHidden.middleCols(first, width);
        addColumnSums<S>(block, grads.segment(m_biasHh));
        if (sameGradients)
            addColumnSums<S>(block, grads.segment(m_biasIh));
        m_gradientPanels.assign(block, false, true);
        m_gradientPanels.multiplyAddTransposed(m_h.middleCols(first, width), dWhh);
        if (sameGradients)
            m_gradientPanels.multiplyAddTransposed(x.middleCols(first, width), dWih);
    }
    if (!sameGradients) {
        dWih.noalias() += dInput * x.leftCols(cols).transpose();
        addColumnSums<S>(dInput, grads.segment(m_biasIh));
    }
    m_dX.leftCols(cols).noalias() = params.matrix(m_weightIh).transpose() * dInput;
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;

} // namespace lstm
