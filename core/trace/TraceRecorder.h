// Copies one batch element's forward and backward values out of a Network into a
// StepTrace. Kept apart from the network so that a step without recording pays nothing.
#pragma once

#include "nn/Network.h"
#include "trace/Trace.h"

namespace lstm {

template <typename S>
void recordForward(const Network<S>& network, const SequenceBatch<S>& batch, int element, StepTrace& trace);

// Call after Network::backward() of the same window. Fields keep their memory from step
// to step, so recording allocates nothing once the shapes are settled.
template <typename S>
void recordBackward(const Network<S>& network, int element, StepTrace& trace);

// Weight and gradient norms per tensor; call before the update. updateRatio is filled by
// measureUpdates() after it. Both reuse the vector's memory from step to step.
template <typename S>
void measureTensors(const ParameterSet<S>& params, const ParameterSet<S>& grads, std::vector<TensorStats>& stats);
template <typename S>
void measureUpdates(const ParameterSet<S>& before, const ParameterSet<S>& after, std::vector<TensorStats>& stats);

// Every weight and gradient, before the update; recordUpdate() adds the weights after it.
template <typename S>
void recordParameters(const ParameterSet<S>& params, const ParameterSet<S>& grads, StepTrace& trace);
template <typename S>
void recordUpdate(const ParameterSet<S>& after, StepTrace& trace);

} // namespace lstm
