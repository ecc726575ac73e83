#include "cells/LstmLayer.h"

namespace lstm {

template <typename S>
LstmLayer<S>::LstmLayer(CellKind kind, int index, int inputSize, int hiddenSize, ParameterLayout& layout)
    : Base(kind, index, inputSize, hiddenSize, layout),
      m_forgetGate(kind != CellKind::Lstm1997),
      m_peephole(kind == CellKind::LstmPeephole)
{
    const int H = hiddenSize;
    if (m_forgetGate) {
        m_rowF = H;
        m_rowG = 2 * H;
        m_rowO = 3 * H;
    } else {
        m_rowG = H;
        m_rowO = 2 * H;
    }
    if (m_peephole) {
        const std::string suffix = "_l" + std::to_string(index);
        m_peepholeI = layout.addVector("peephole_i" + suffix, H);
        m_peepholeF = layout.addVector("peephole_f" + suffix, H);
        m_peepholeO = layout.addVector("peephole_o" + suffix, H);
    }
}

template <typename S>
int LstmLayer<S>::gateRow(char gate) const
{
    switch (gate) {
    case 'i': return m_rowI;
    case 'f': return m_rowF;
    case 'g': return m_rowG;
    case 'o': return m_rowO;
    default: return -1;
    }
}

template <typename S>
void LstmLayer<S>::reserveCellBuffers(int cols)
{
    reserveColumns(m_tanhC, this->m_hidden, cols);
}

template <typename S>
void LstmLayer<S>::forwardStep(const ParameterSet<S>& params, int t)
{
    const int H = this->m_hidden;
    auto a = this->act(t);
    this->m_recurrent.multiplyAdd(this->hPrev(t), a);
    const auto cPrev = this->cPrev(t);
    if (m_peephole) {
        a.middleRows(m_rowI, H).array() += cPrev.array().colwise() * params.segment(m_peepholeI).array();
        a.middleRows(m_rowF, H).array() += cPrev.array().colwise() * params.segment(m_peepholeF).array();
    }
    auto i = a.middleRows(m_rowI, H).array();
    auto g = a.middleRows(m_rowG, H).array();
    i = i.logistic();
    g = g.tanh();
    auto c = this->cAt(t).array();
    if (m_forgetGate) {
        auto f = a.middleRows(m_rowF, H).array();
        f = f.logistic();
        c = f * cPrev.array() + i * g;
    } else {
        c = cPrev.array() + i * g;
    }
    auto o = a.middleRows(m_rowO, H).array();
    if (m_peephole)
        o += c.colwise() * params.segment(m_peepholeO).array();
    o = o.logistic();
    auto tanhC = m_tanhC.middleCols(t * this->m_batch, this->m_batch).array();
    tanhC = c.tanh();
    this->hAt(t).array() = o * tanhC;
}

template <typename S>
void LstmLayer<S>::backwardStep(const ParameterSet<S>& params, ParameterSet<S>& grads, int t)
{
    const int H = this->m_hidden;
    const auto a = this->act(t);
    const auto i = a.middleRows(m_rowI, H).array();
    const auto g = a.middleRows(m_rowG, H).array();
    const auto o = a.middleRows(m_rowO, H).array();
    const auto tanhC = m_tanhC.middleCols(t * this->m_batch, this->m_batch).array();
    const auto cPrev = this->cPrev(t).array();
    const auto dh = this->dH(t).array();
    auto dA = this->dAct(t);
    auto dAi = dA.middleRows(m_rowI, H).array();
    auto dAg = dA.middleRows(m_rowG, H).array();
    auto dAo = dA.middleRows(m_rowO, H).array();
    auto dc = this->dC(t).array();

    dAo = dh * tanhC * o * (S(1) - o);
    dc = this->dcNext().array() + dh * o * (S(1) - tanhC.square());
    if (m_peephole)
        dc += dAo.colwise() * params.segment(m_peepholeO).array();
    dAi = dc * g * i * (S(1) - i);
    dAg = dc * i * (S(1) - g.square());
    auto dcPrev = this->dcNext().array();
    if (m_forgetGate) {
        const auto f = a.middleRows(m_rowF, H).array();
        auto dAf = dA.middleRows(m_rowF, H).array();
        dAf = dc * cPrev * f * (S(1) - f);
        dcPrev = dc * f;
    } else {
        dcPrev = dc; // the constant error carousel: the cell passes its error back unchanged
    }
    if (m_peephole) {
        const auto dAf = dA.middleRows(m_rowF, H).array();
        dcPrev += dAi.colwise() * params.segment(m_peepholeI).array() +
                  dAf.colwise() * params.segment(m_peepholeF).array();
        grads.segment(m_peepholeI).array() += (dAi * cPrev).rowwise().sum();
        grads.segment(m_peepholeF).array() += (dAf * cPrev).rowwise().sum();
        grads.segment(m_peepholeO).array() += (dAo * this->cAt(t).array()).rowwise().sum();
    }
    this->dhNext().setZero();
    this->m_recurrentTransposed.multiplyAdd(dA, this->dhNext());
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace lstm
