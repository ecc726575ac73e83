// PyTorch's nn.RNN with tanh: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh).
// The baseline whose gradient vanishes or explodes through time; no gates, no cell state.
#pragma once

#include "cells/RecurrentLayer.h"

namespace lstm {

template <typename S>
class RnnLayer final : public RecurrentLayer<S> {
public:
    RnnLayer(int index, int inputSize, int hiddenSize, ParameterLayout& layout);

private:
    using Base = RecurrentLayer<S>;
    void reserveCellBuffers(int) override {}
    void forwardStep(const ParameterSet<S>& params, int t) override;
    void backwardStep(const ParameterSet<S>& params, ParameterSet<S>& grads, int t) override;
};

extern template class RnnLayer<float>;
extern template class RnnLayer<double>;

} // namespace lstm
