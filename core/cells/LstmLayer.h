// The LSTM family: PyTorch's nn.LSTM (with forget gate), the peephole LSTM, and the
// original 1997 LSTM without a forget gate. One class because they share every line
// but the forget term and the peephole terms. Not the GRU (GruLayer) or plain RNN (RnnLayer).
//
//   a = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh              rows stacked [i; f; g; o] (G*H)
//   i = σ(a_i + p_i ⊙ c_{t-1})   f = σ(a_f + p_f ⊙ c_{t-1})  g = tanh(a_g)
//   c_t = f ⊙ c_{t-1} + i ⊙ g                               (1997: c_t = c_{t-1} + i ⊙ g)
//   o = σ(a_o + p_o ⊙ c_t)       h_t = o ⊙ tanh(c_t)        (p_* only in the peephole cell)
#pragma once

#include "cells/RecurrentLayer.h"

namespace lstm {

template <typename S>
class LstmLayer final : public RecurrentLayer<S> {
public:
    LstmLayer(CellKind kind, int index, int inputSize, int hiddenSize, ParameterLayout& layout);

    // Row offset of each gate inside the stacked (G*H) activations; -1 when absent.
    int gateRow(char gate) const;

private:
    using Base = RecurrentLayer<S>;
    void reserveCellBuffers(int cols) override;
    void forwardStep(const ParameterSet<S>& params, int t) override;
    void backwardStep(const ParameterSet<S>& params, ParameterSet<S>& grads, int t) override;

    const bool m_forgetGate;
    const bool m_peephole;
    int m_rowI = 0, m_rowF = -1, m_rowG = 0, m_rowO = 0;
    int m_peepholeI = -1; // (H)
    int m_peepholeF = -1; // (H)
    int m_peepholeO = -1; // (H)
    Matrix<S> m_tanhC;    // (H, T*B) tanh(c_t)
};

extern template class LstmLayer<float>;
extern template class LstmLayer<double>;

} // namespace lstm
