#include "nn/Network.h"

#include "cells/GruLayer.h"
#include "nn/Loss.h"
#include "cells/LstmLayer.h"
#include "nn/Random.h"
#include "cells/RnnLayer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lstm {

template <typename S>
void RecurrentState<S>::setZero(const ModelConfig& config, int batch)
{
    h.resize(size_t(config.layers));
    c.resize(size_t(config.layers));
    for (int l = 0; l < config.layers; ++l) {
        h[size_t(l)].setZero(config.hiddenSize, batch);
        c[size_t(l)].setZero(hasCellState(config.cell) ? config.hiddenSize : 0, batch);
    }
}

namespace {

template <typename S>
std::unique_ptr<RecurrentLayer<S>> makeLayer(CellKind kind, int index, int inputSize, int hiddenSize,
                                             ParameterLayout& layout)
{
    switch (kind) {
    case CellKind::Gru: return std::make_unique<GruLayer<S>>(index, inputSize, hiddenSize, layout);
    case CellKind::Rnn: return std::make_unique<RnnLayer<S>>(index, inputSize, hiddenSize, layout);
    default: return std::make_unique<LstmLayer<S>>(kind, index, inputSize, hiddenSize, layout);
    }
}

template <typename S>
void fillUniform(Eigen::Ref<Vector<S>> values, double bound, Random& random)
{
    for (Eigen::Index k = 0; k < values.size(); ++k)
        values[k] = S(random.uniform(-bound, bound));
}

} // namespace

template <typename S>
Network<S>::Network(const ModelConfig& config) : m_config(config)
{
    if (const std::string problem = config.validate(); !problem.empty())
        throw std::invalid_argument(problem);
    ParameterLayout layout;
    if (config.input == InputKind::Embedding)
        m_embedding = layout.add("embedding.weight", config.inputSize, config.embeddingSize);
    for (int l = 0; l < config.layers; ++l)
        m_layers.push_back(makeLayer<S>(config.cell, l, config.layerInputSize(l), config.hiddenSize, layout));
    m_headWeight = layout.add("head.weight", config.outputSize, config.hiddenSize);
    m_headBias = layout.addVector("head.bias", config.outputSize);
    m_params = ParameterSet<S>(layout);
}

template <typename S>
void Network<S>::initialize(std::uint64_t seed, const GateBiasInit& biases)
{
    Random random(seed);
    const double recurrentBound = 1.0 / std::sqrt(double(m_config.hiddenSize));
    for (int id = 0; id < int(layout().tensors().size()); ++id) {
        if (id == m_embedding) {
            for (auto& value : m_params.segment(id))
                value = S(random.normal());
        } else {
            fillUniform<S>(m_params.segment(id), recurrentBound, random); // head fan_in is H too
        }
    }
    const int H = m_config.hiddenSize;
    const auto& gates = gateNames(m_config.cell);
    for (const GateBiasValue& set : gateBiasValues(biases, m_config.cell)) {
        const int row = int(std::find(gates.begin(), gates.end(), set.gate) - gates.begin()) * H;
        for (int l = 0; l < m_config.layers; ++l) {
            const std::string suffix = "_l" + std::to_string(l);
            m_params.segment(layout().find("bias_ih" + suffix)).segment(row, H).setConstant(S(set.value));
            m_params.segment(layout().find("bias_hh" + suffix)).segment(row, H).setZero();
        }
    }
}

template <typename S>
void Network<S>::encodeInput(const SequenceBatch<S>& batch, int first)
{
    const int cols = m_steps * m_batch;
    const int firstColumn = first * m_batch;
    switch (m_config.input) {
    case InputKind::Dense:
        reserveColumns(m_encoded, m_config.inputSize, cols);
        m_encoded.leftCols(cols) = batch.inputs.middleCols(firstColumn, cols);
        break;
    case InputKind::OneHot:
        reserveColumns(m_encoded, m_config.inputSize, cols);
        m_encoded.leftCols(cols).setZero();
        for (int k = 0; k < cols; ++k)
            m_encoded(batch.symbols[size_t(firstColumn + k)], k) = S(1);
        break;
    case InputKind::Embedding: {
        reserveColumns(m_encoded, m_config.embeddingSize, cols);
        const auto table = m_params.matrix(m_embedding);
        for (int k = 0; k < cols; ++k)
            m_encoded.col(k) = table.row(batch.symbols[size_t(firstColumn + k)]).transpose();
        break;
    }
    }
}

template <typename S>
void Network<S>::forward(const SequenceBatch<S>& batch, int first, int steps, const RecurrentState<S>& initial)
{
    m_steps = steps;
    m_batch = batch.batch;
    m_first = first;
    m_lastBatch = &batch;
    encodeInput(batch, first);
    for (size_t l = 0; l < m_layers.size(); ++l) {
        const ConstRef input = l == 0 ? encodedInput() : m_layers[l - 1]->outputs();
        m_layers[l]->forward(m_params, input, steps, m_batch, initial.h[l], initial.c[l]);
    }
    reserveColumns(m_outputs, m_config.outputSize, outputColumns());
    auto outputs = m_outputs.leftCols(outputColumns());
    outputs.noalias() = m_params.matrix(m_headWeight) * headInput();
    outputs.colwise() += m_params.segment(m_headBias);
}

template <typename S>
int Network<S>::outputColumns() const
{
    return m_config.outputAt == OutputAt::EveryStep ? m_steps * m_batch : m_batch;
}

template <typename S>
typename Network<S>::ConstRef Network<S>::headInput() const
{
    const ConstRef top = m_layers.back()->outputs();
    return m_config.outputAt == OutputAt::EveryStep ? top : top.rightCols(m_batch);
}

template <typename S>
bool Network<S>::windowHasTargets(const SequenceBatch<S>& batch, int first, int steps) const
{
    return m_config.outputAt == OutputAt::EveryStep || first + steps == batch.steps;
}

template <typename S>
S Network<S>::loss(const SequenceBatch<S>& batch)
{
    const int cols = outputColumns();
    const int firstTarget = m_config.outputAt == OutputAt::EveryStep ? m_first * m_batch : 0;
    reserveColumns(m_dOutputs, m_config.outputSize, cols);
    auto dOutputs = m_dOutputs.leftCols(cols);
    if (m_config.output == OutputKind::Regression)
        return meanSquaredError<S>(outputs(), batch.targets.middleCols(firstTarget, cols), dOutputs);
    return crossEntropy<S>(outputs(), batch.classes.data() + firstTarget, dOutputs);
}

template <typename S>
void Network<S>::backward(ParameterSet<S>& grads)
{
    const int cols = m_steps * m_batch;
    const auto dOutputs = m_dOutputs.leftCols(outputColumns());
    grads.matrix(m_headWeight).noalias() += dOutputs * headInput().transpose();
    grads.segment(m_headBias) += dOutputs.rowwise().sum();
    reserveColumns(m_dTop, m_config.hiddenSize, cols);
    auto dTop = m_dTop.leftCols(cols);
    if (m_config.outputAt == OutputAt::EveryStep) {
        dTop.noalias() = m_params.matrix(m_headWeight).transpose() * dOutputs;
    } else {
        dTop.leftCols(cols - m_batch).setZero();
        dTop.rightCols(m_batch).noalias() = m_params.matrix(m_headWeight).transpose() * dOutputs;
    }
    for (int l = layerCount() - 1; l >= 0; --l) {
        const ConstRef input = l == 0 ? encodedInput() : m_layers[size_t(l - 1)]->outputs();
        const ConstRef dY = l == layerCount() - 1 ? ConstRef(dTop) : m_layers[size_t(l + 1)]->inputGradient();
        m_layers[size_t(l)]->backward(m_params, grads, input, dY);
    }
    if (m_config.input == InputKind::Embedding)
        backwardEmbedding(grads);
}

template <typename S>
void Network<S>::backwardEmbedding(ParameterSet<S>& grads)
{
    auto dTable = grads.matrix(m_embedding);
    const ConstRef dInput = m_layers.front()->inputGradient();
    const int firstColumn = m_first * m_batch;
    for (int k = 0; k < m_steps * m_batch; ++k)
        dTable.row(m_lastBatch->symbols[size_t(firstColumn + k)]) += dInput.col(k).transpose();
}

template <typename S>
void Network<S>::copyFinalState(RecurrentState<S>& out) const
{
    for (size_t l = 0; l < m_layers.size(); ++l) {
        out.h[l] = m_layers[l]->finalHidden();
        if (hasCellState(m_config.cell))
            out.c[l] = m_layers[l]->finalCell();
    }
}

template class Network<float>;
template class Network<double>;
template struct RecurrentState<float>;
template struct RecurrentState<double>;

} // namespace lstm
