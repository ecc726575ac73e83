// PyTorch's nn.GRU (Cho et al. 2014), the reset gate applied after the recurrent product:
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
//   h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
// Rows stacked [r; z; n]. Not an LSTM: there is no cell state.
#pragma once

#include "cells/RecurrentLayer.h"

namespace lstm {

template <typename S>
class GruLayer final : public RecurrentLayer<S> {
public:
    GruLayer(int index, int inputSize, int hiddenSize, ParameterLayout& layout);

private:
    using Base = RecurrentLayer<S>;
    using typename Base::ConstRef;
    void reserveCellBuffers(int cols) override;
    void forwardStep(const ParameterSet<S>& params, int t) override;
    void backwardStep(const ParameterSet<S>& params, ParameterSet<S>& grads, int t) override;
    bool addsHiddenBiasToInput() const override { return false; }
    ConstRef hiddenProductGradients() const override { return m_dHiddenProduct.leftCols(this->columns()); }

    Matrix<S> m_hiddenProduct;  // (3H, B) W_hh h_{t-1} + b_hh of the current step
    Matrix<S> m_newGateHidden;  // (H, T*B) W_hn h_{t-1} + b_hn, kept for backward
    Matrix<S> m_dHiddenProduct; // (3H, T*B) gradient on W_hh h_{t-1} + b_hh
};

extern template class GruLayer<float>;
extern template class GruLayer<double>;

} // namespace lstm
