// What the gradient-flow view remembers from one recorded step to the next: a running
// average of ||dL/dh_t|| and ||dL/dc_t|| per layer and timestep, and per parameter group the
// gradient norm and the update-to-weight ratio against the optimizer step. Plain data from
// successive StepTraces; it draws nothing (GradientFlowView does).
//
// Size legend: T = timesteps of the window.
#pragma once

#include "StepHistory.h"
#include "Trace.h"

#include <string>
#include <string_view>
#include <vector>

// Tensors that would draw as near-identical lines are one group: bias_ih and bias_hh (the
// LSTM gives both the same gradient), the three peepholes, the head's weight and bias. A
// group's norms are exact: ||(a, b)|| = sqrt(||a||^2 + ||b||^2).
struct ParameterGroup {
    std::string name;                 // "weight_ih_l0", "bias_l0", "peephole_l0", "head", ...
    int layer = -1;                   // its recurrent layer; -1 for the head and the embedding
    std::vector<std::string> tensors; // the state_dict names it holds
    // Against the step's number as the loss chart counts it (trace.step + 1); steps whose
    // value is not finite are left out.
    StepHistory gradientNorm;         // (step, ||dL/dw||) after clipping
    StepHistory updateRatio;          // (step, ||w_after - w_before|| / ||w_before||)
};

class GradientHistory {
public:
    // The weight of the past in the running averages: about the last ten steps count.
    static constexpr double averageDecay = 0.9;

    // Takes in a recorded step and returns true. Returns false and changes nothing for a step
    // number at or before the last one taken in (a reopened older step). A different
    // parameter layout (another model) starts everything over; a different window shape
    // restarts the averages. The same model trained again from step 0 needs reset().
    bool add(const lstm::StepTrace& trace);
    void reset();

    long lastStep() const { return m_lastStep; }
    int averagedSteps() const { return m_averaged; }
    // (T) running averages of one layer; empty before the first step or without a cell state.
    const Eigen::VectorXd& hiddenAverage(int layer) const;
    const Eigen::VectorXd& cellAverage(int layer) const;
    // The same before the last add(): a step-through shows these while it has not yet
    // revealed the gradients of the step that went into the current ones.
    const Eigen::VectorXd& previousHiddenAverage(int layer) const;
    const Eigen::VectorXd& previousCellAverage(int layer) const;

    const std::vector<ParameterGroup>& groups() const { return m_groups; }
    const ParameterGroup* group(std::string_view name) const;

private:
    struct LayerAverages {
        Eigen::VectorXd hidden, cell;                 // (T)
        Eigen::VectorXd previousHidden, previousCell; // (T) or empty
    };
    const LayerAverages* layerAverages(int layer) const;
    bool sameLayout(const lstm::StepTrace& trace) const;
    bool sameWindow(const lstm::StepTrace& trace) const;
    void buildGroups(const lstm::StepTrace& trace);

    long m_lastStep = -1;
    int m_averaged = 0;
    std::vector<LayerAverages> m_layers;
    std::vector<ParameterGroup> m_groups;
    std::vector<lstm::TensorStats> m_layout; // names and shapes of the tensors seen
    int m_steps = 0;                         // T of the averaged windows
};
