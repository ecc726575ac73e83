// One recurrent layer run over a whole window of timesteps, with exact BPTT.
// The base holds what every cell shares: its four PyTorch tensors, the input projection
// done once for all timesteps, and the weight gradients done as one product over all
// timesteps. Subclasses implement only the per-timestep recurrence. Not thread-safe.
//
// Size legend: I = layer input size, H = hidden size, G = gates, T = timesteps, B = batch.
// Every (., T*B) buffer orders its columns t*B + b. Buffers grow to the largest window
// seen and are reused, so a steady training step allocates nothing.
#pragma once

#include "cells/CellKind.h"
#include "cells/PackedMatrix.h"
#include "nn/ParameterSet.h"

namespace lstm {

template <typename S>
class RecurrentLayer {
public:
    using ConstRef = Eigen::Ref<const Matrix<S>>;

    RecurrentLayer(CellKind kind, int index, int inputSize, int hiddenSize, ParameterLayout& layout);
    virtual ~RecurrentLayer() = default;
    RecurrentLayer(const RecurrentLayer&) = delete;
    RecurrentLayer& operator=(const RecurrentLayer&) = delete;

    // x: (I, T*B). h0, c0: (H, B); c0 is ignored by cells without a cell state.
    void forward(const ParameterSet<S>& params, const ConstRef& x, int steps, int batch,
                 const ConstRef& h0, const ConstRef& c0);
    // dY: (H, T*B), the loss gradient on every h_t from above. Accumulates (+=) into grads;
    // afterwards inputGradient(), hiddenGradients() and friends hold this window's values.
    void backward(const ParameterSet<S>& params, ParameterSet<S>& grads, const ConstRef& x, const ConstRef& dY);

    CellKind kind() const { return m_kind; }
    int gateCount() const { return m_gates; }

    // Views of the last forward / backward window.
    ConstRef outputs() const { return m_h.middleCols(m_batch, columns()); }        // h_t, (H, T*B)
    ConstRef initialHidden() const { return m_h.leftCols(m_batch); }
    ConstRef initialCell() const { return m_c.leftCols(m_batch); }
    ConstRef finalHidden() const { return m_h.middleCols(m_steps * m_batch, m_batch); }
    ConstRef finalCell() const { return m_c.middleCols(m_steps * m_batch, m_batch); }
    ConstRef gateActivations() const { return m_act.leftCols(columns()); }          // (G*H, T*B)
    ConstRef cellStates() const { return m_c.middleCols(m_batch, columns()); }    // c_t, (H, T*B)
    ConstRef hiddenGradients() const { return m_dH.leftCols(columns()); }          // dL/dh_t, (H, T*B)
    ConstRef cellGradients() const { return m_dC.leftCols(columns()); }            // dL/dc_t, (H, T*B)
    ConstRef gateGradients() const { return m_dAct.leftCols(columns()); }          // dL/d(pre-activation), (G*H, T*B)
    ConstRef inputGradient() const { return m_dX.leftCols(columns()); }            // dL/dx_t, (I, T*B)
    ConstRef initialHiddenGradient() const { return m_dhNext.leftCols(m_batch); }  // dL/dh_0, (H, B)
    ConstRef initialCellGradient() const { return m_dcNext.leftCols(m_batch); }    // dL/dc_0, (H, B)

protected:
    int columns() const { return m_steps * m_batch; }
    auto hPrev(int t) { return m_h.middleCols(t * m_batch, m_batch); }
    auto hAt(int t) { return m_h.middleCols((t + 1) * m_batch, m_batch); }
    auto cPrev(int t) { return m_c.middleCols(t * m_batch, m_batch); }
    auto cAt(int t) { return m_c.middleCols((t + 1) * m_batch, m_batch); }
    auto act(int t) { return m_act.middleCols(t * m_batch, m_batch); }
    auto dAct(int t) { return m_dAct.middleCols(t * m_batch, m_batch); }
    auto dH(int t) { return m_dH.middleCols(t * m_batch, m_batch); }
    auto dC(int t) { return m_dC.middleCols(t * m_batch, m_batch); }
    auto dhNext() { return m_dhNext.leftCols(m_batch); }
    auto dcNext() { return m_dcNext.leftCols(m_batch); }

    virtual void reserveCellBuffers(int cols) = 0;
    // m_act holds W_ih x_t + b_ih (+ b_hh when addsHiddenBiasToInput()) on entry.
    virtual void forwardStep(const ParameterSet<S>& params, int t) = 0;
    // m_dH at t is set; fill m_dAct at t (and m_dC at t), update m_dhNext / m_dcNext.
    virtual void backwardStep(const ParameterSet<S>& params, ParameterSet<S>& grads, int t) = 0;
    virtual bool addsHiddenBiasToInput() const { return true; }
    // The gradient that reaches W_hh h + b_hh; differs from m_dAct only for the GRU.
    virtual ConstRef hiddenProductGradients() const { return m_dAct.leftCols(columns()); }

    const CellKind m_kind;
    const int m_input;
    const int m_hidden;
    const int m_gates;
    int m_weightIh = -1; // (G*H, I)
    int m_weightHh = -1; // (G*H, H)
    int m_biasIh = -1;   // (G*H)
    int m_biasHh = -1;   // (G*H)

    int m_steps = 0;
    int m_batch = 0;
    Matrix<S> m_act;    // (G*H, T*B) gate activations
    Matrix<S> m_h;      // (H, (T+1)*B) h_0 .. h_T
    Matrix<S> m_c;      // (H, (T+1)*B) c_0 .. c_T; only for cells with a cell state
    Matrix<S> m_dAct;   // (G*H, T*B) pre-activation gradients
    Matrix<S> m_dH;     // (H, T*B)
    Matrix<S> m_dC;     // (H, T*B)
    Matrix<S> m_dX;     // (I, T*B)
    Matrix<S> m_dhNext; // (H, B) gradient flowing into h_{t-1}; dL/dh_0 when done
    Matrix<S> m_dcNext; // (H, B) gradient flowing into c_{t-1}; dL/dc_0 when done
    // The per-timestep recurrent products, with W_hh packed once per window:
    // a_t += W_hh h_{t-1} forward and dh_{t-1} += W_hh^T dA_t backward.
    PackedMatrix<S> m_recurrent;           // W_hh (G*H, H)
    PackedMatrix<S> m_recurrentTransposed; // W_hh^T (H, G*H)
    PackedMatrix<S> m_gradientPanels;      // one block of dA' (G*H, <= gradientBlock), for dW_hh (and dW_ih)
    Vector<S> m_inputBias; // (G*H) the bias added to the input projection: b_ih (+ b_hh)

private:
    static constexpr int gradientBlock = 128; // columns of dA' packed at a time (1 MB at H = 512)

    void reserve(int steps, int batch);
    void accumulateWeightGradients(const ParameterSet<S>& params, ParameterSet<S>& grads, const ConstRef& x);
};

extern template class RecurrentLayer<float>;
extern template class RecurrentLayer<double>;

} // namespace lstm
