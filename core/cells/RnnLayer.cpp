#include "cells/RnnLayer.h"

namespace lstm {

template <typename S>
RnnLayer<S>::RnnLayer(int index, int inputSize, int hiddenSize, ParameterLayout& layout)
    : Base(CellKind::Rnn, index, inputSize, hiddenSize, layout)
{
}

template <typename S>
void RnnLayer<S>::forwardStep(const ParameterSet<S>&, int t)
{
    auto a = this->act(t);
    this->m_recurrent.multiplyAdd(this->hPrev(t), a);
    a.array() = a.array().tanh();
    this->hAt(t) = a;
}

template <typename S>
void RnnLayer<S>::backwardStep(const ParameterSet<S>&, ParameterSet<S>&, int t)
{
    auto dA = this->dAct(t);
    dA.array() = this->dH(t).array() * (S(1) - this->act(t).array().square());
    this->dhNext().setZero();
    this->m_recurrentTransposed.multiplyAdd(dA, this->dhNext());
}

template class RnnLayer<float>;
template class RnnLayer<double>;

} // namespace lstm
