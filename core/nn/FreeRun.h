// Lets a trained next-value model run on its own: after reading a primer sequence it is
// fed its own predictions, one timestep at a time. Shows whether a model has learned the
// dynamics or only to copy its input. Only for dense models whose output can be their next
// input (inputSize == outputSize, every-step regression).
#pragma once

#include "nn/Network.h"

namespace lstm {

template <typename S>
bool canFreeRun(const Network<S>& network);

// primer: (T, I) rows. Returns (steps, O): the predictions made while feeding back.
template <typename S>
Eigen::MatrixXd freeRun(Network<S>& network, const Eigen::MatrixXd& primer, int steps);

} // namespace lstm
