#include "cells/GruLayer.h"

namespace lstm {

template <typename S>
GruLayer<S>::GruLayer(int index, int inputSize, int hiddenSize, ParameterLayout& layout)
    : Base(CellKind::Gru, index, inputSize, hiddenSize, layout)
{
}

template <typename S>
void GruLayer<S>::reserveCellBuffers(int cols)
{
    const int H = this->m_hidden;
    reserveColumns(m_hiddenProduct, 3 * H, this->m_batch);
    reserveColumns(m_newGateHidden, H, cols);
    reserveColumns(m_dHiddenProduct, 3 * H, cols);
}

template <typename S>
void GruLayer<S>::forwardStep(const ParameterSet<S>& params, int t)
{
    const int H = this->m_hidden;
    const int B = this->m_batch;
    auto product = m_hiddenProduct.leftCols(B);
    product.setZero();
    this->m_recurrent.multiplyAdd(this->hPrev(t), product);
    product.colwise() += params.segment(this->m_biasHh);
    auto a = this->act(t);
    a.topRows(2 * H) += product.topRows(2 * H);
    a.topRows(2 * H).array() = a.topRows(2 * H).array().logistic();
    auto newHidden = m_newGateHidden.middleCols(t * B, B);
    newHidden = product.bottomRows(H);
    const auto r = a.topRows(H).array();
    const auto z = a.middleRows(H, H).array();
    auto n = a.bottomRows(H).array();
    n = (n + r * newHidden.array()).tanh();
    this->hAt(t).array() = n + z * (this->hPrev(t).array() - n);
}

template <typename S>
void GruLayer<S>::backwardStep(const ParameterSet<S>&, ParameterSet<S>&, int t)
{
    const int H = this->m_hidden;
    const int B = this->m_batch;
    const auto a = this->act(t);
    const auto r = a.topRows(H).array();
    const auto z = a.middleRows(H, H).array();
    const auto n = a.bottomRows(H).array();
    const auto dh = this->dH(t).array();
    auto dA = this->dAct(t);
    auto dAr = dA.topRows(H).array();
    auto dAz = dA.middleRows(H, H).array();
    auto dAn = dA.bottomRows(H).array();

    dAz = dh * (this->hPrev(t).array() - n) * z * (S(1) - z);
    dAn = dh * (S(1) - z) * (S(1) - n.square());
    dAr = dAn * m_newGateHidden.middleCols(t * B, B).array() * r * (S(1) - r);
    auto dProduct = m_dHiddenProduct.middleCols(t * B, B);
    dProduct.topRows(2 * H) = dA.topRows(2 * H);
    dProduct.bottomRows(H).array() = dAn * r;
    this->dhNext().array() = dh * z;
    this->m_recurrentTransposed.multiplyAdd(dProduct, this->dhNext());
}

template class GruLayer<float>;
template class GruLayer<double>;

} // namespace lstm
