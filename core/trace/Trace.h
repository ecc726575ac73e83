// The recorded inside of one training step for one batch element: every gate, state and
// gradient of every layer at every timestep, plus per-tensor gradient statistics. Plain
// data in double, copied out of the engine, so the UI can animate it without touching the
// engine. Not recorded unless the trainer is asked to.
//
// Size legend: I = layer input size, H = hidden size, O = output size, T = timesteps.
#pragma once

#include "cells/CellKind.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace lstm {

struct LayerTrace {
    Eigen::MatrixXd input;                 // (I, T) x_t as this layer sees it
    Eigen::VectorXd initialHidden;         // (H) h_0 of the window
    Eigen::VectorXd initialCell;           // (H) c_0; empty without a cell state
    std::vector<Eigen::MatrixXd> gates;    // one (H, T) per gate, in gateNames() order
    Eigen::MatrixXd cell;                  // (H, T) c_t; empty without a cell state
    Eigen::MatrixXd hidden;                // (H, T) h_t
    // From the backward pass of the same window.
    Eigen::MatrixXd dHidden;               // (H, T) dL/dh_t, total (from above and from t+1)
    Eigen::MatrixXd dCell;                 // (H, T) dL/dc_t, total; empty without a cell state
    std::vector<Eigen::MatrixXd> dGates;   // one (H, T) per gate: dL/d(pre-activation)
    Eigen::MatrixXd dInput;                // (I, T) dL/dx_t, x as this layer sees it
    Eigen::VectorXd dInitialHidden;        // (H) dL/dh_0 of the window
    Eigen::VectorXd dInitialCell;          // (H) dL/dc_0; empty without a cell state
    Eigen::VectorXd dHiddenNorm;           // (T) ||dL/dh_t||
    Eigen::VectorXd dCellNorm;             // (T) ||dL/dc_t||; empty without a cell state
};

struct TensorStats {
    std::string name;        // PyTorch state_dict name
    int rows = 0;            // shape; cols is 1 for a bias or peephole vector
    int cols = 0;
    Eigen::Index offset = 0; // where the tensor starts in the parameter vectors, column-major
    double weightNorm = 0;   // ||w|| before the update
    double gradientNorm = 0; // ||dL/dw|| after clipping, as the optimizer saw it
    double updateRatio = 0;  // ||w_after - w_before|| / ||w_before||
};

struct StepTrace {
    long step = 0;        // optimizer steps done before this one
    int element = 0;      // which batch element is recorded
    int firstTimestep = 0; // where this window starts in its sequence (truncated BPTT)
    int steps = 0;        // T
    CellKind cell = CellKind::Lstm;
    std::vector<std::string> gateNames;
    std::vector<LayerTrace> layers;
    std::vector<int> symbols;        // (T) the input symbol ids, for symbol input; else empty
    Eigen::MatrixXd output;          // (O, T) every-step or (O, 1) last-step: the head's outputs
    Eigen::MatrixXd target;          // regression targets, same shape as output
    std::vector<int> classTargets;   // classification targets, T or 1 entries
    double loss = 0;
    double gradientNorm = 0;         // global norm before clipping
    bool clipped = false;
    std::vector<TensorStats> tensors;
    // Every parameter, laid out as `tensors` says, so a view can show any weight and its change.
    Eigen::VectorXd parametersBefore; // the weights the forward and backward pass used
    Eigen::VectorXd gradients;        // dL/dw after clipping, as the optimizer saw it
    Eigen::VectorXd parametersAfter;  // after the optimizer step; equal to before when it diverged
};

} // namespace lstm
