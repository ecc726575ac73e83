// A stack of 1-4 recurrent layers with its input encoding (dense, one-hot or embedding)
// and a linear head, run over one window of timesteps with exact BPTT. Owns the
// parameters; gradients live in a ParameterSet of the same layout owned by the caller.
// Not the training loop (Trainer) nor the optimizer.
//
// Size legend: I = input size, E = embedding size, H = hidden size, O = output size,
// T = timesteps in the window, B = batch, L = layers. Columns are ordered t*B + b.
#pragma once

#include "nn/GateBiasInit.h"
#include "nn/ModelConfig.h"
#include "nn/ParameterSet.h"
#include "cells/RecurrentLayer.h"
#include "data/SequenceBatch.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace lstm {

template <typename S>
struct RecurrentState {
    std::vector<Matrix<S>> h; // per layer (H, B)
    std::vector<Matrix<S>> c; // per layer (H, B); zero-sized for cells without a cell state

    void setZero(const ModelConfig& config, int batch);
};

template <typename S>
class Network {
public:
    using ConstRef = Eigen::Ref<const Matrix<S>>;

    explicit Network(const ModelConfig& config);

    const ModelConfig& config() const { return m_config; }
    const ParameterLayout& layout() const { return m_params.layout(); }
    ParameterSet<S>& parameters() { return m_params; }
    const ParameterSet<S>& parameters() const { return m_params; }

    // PyTorch's default initialisation: U(-1/sqrt(H), 1/sqrt(H)) for recurrent tensors,
    // U(-1/sqrt(fan_in), ..) for the head, N(0, 1) for the embedding. A gate that `biases`
    // sets gets that value in bias_ih and 0 in bias_hh, in every layer.
    void initialize(std::uint64_t seed, const GateBiasInit& biases = {});

    // Runs timesteps [first, first + steps) of the batch, starting from `initial`.
    void forward(const SequenceBatch<S>& batch, int first, int steps, const RecurrentState<S>& initial);
    // Whether the window holds targets: always for every-step, only the final window for last-step.
    bool windowHasTargets(const SequenceBatch<S>& batch, int first, int steps) const;
    // The loss of the last forward window (which must hold targets); prepares backward().
    S loss(const SequenceBatch<S>& batch);
    // Accumulates (+=) the gradient of the last loss() into grads.
    void backward(ParameterSet<S>& grads);

    void copyFinalState(RecurrentState<S>& out) const;
    ConstRef outputs() const { return m_outputs.leftCols(outputColumns()); } // (O, T*B) or (O, B)
    ConstRef encodedInput() const { return m_encoded.leftCols(m_steps * m_batch); } // (I or E, T*B)
    int layerCount() const { return static_cast<int>(m_layers.size()); }
    const RecurrentLayer<S>& layer(int index) const { return *m_layers[size_t(index)]; }
    int steps() const { return m_steps; }
    int batch() const { return m_batch; }

private:
    void encodeInput(const SequenceBatch<S>& batch, int first);
    void backwardEmbedding(ParameterSet<S>& grads);
    int outputColumns() const;
    ConstRef headInput() const;

    ModelConfig m_config;
    ParameterSet<S> m_params;
    std::vector<std::unique_ptr<RecurrentLayer<S>>> m_layers;
    int m_embedding = -1;  // (I, E) embedding.weight
    int m_headWeight = -1; // (O, H)
    int m_headBias = -1;   // (O)

    int m_steps = 0;
    int m_batch = 0;
    int m_first = 0;
    const SequenceBatch<S>* m_lastBatch = nullptr; // the batch of the last forward, for the embedding gradient
    Matrix<S> m_encoded;  // (I or E, T*B) what layer 0 reads
    Matrix<S> m_outputs;  // (O, T*B) or (O, B)
    Matrix<S> m_dOutputs; // same shape as m_outputs
    Matrix<S> m_dTop;     // (H, T*B) loss gradient on the top layer's h_t
};

extern template class Network<float>;
extern template class Network<double>;
extern template struct RecurrentState<float>;
extern template struct RecurrentState<double>;

} // namespace lstm
