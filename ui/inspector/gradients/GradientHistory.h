// What the gradient-flow view remembers from one recorded step to the next: a running
// average of ||dL/dh_t|| and ||dL/dc_t|| per layer and timestep. Plain data from successive
// StepTraces; it draws nothing (GradientFlowView does). The per-tensor history over
// training comes from every step, not only the recorded ones: see ParameterHistory.
//
// Size legend: T = timesteps of the window.
#pragma once

#include "trace/Trace.h"

#include <vector>

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

private:
    struct LayerAverages {
        Eigen::VectorXd hidden, cell;                 // (T)
        Eigen::VectorXd previousHidden, previousCell; // (T) or empty
    };
    const LayerAverages* layerAverages(int layer) const;
    bool sameLayout(const lstm::StepTrace& trace) const;
    bool sameWindow(const lstm::StepTrace& trace) const;

    long m_lastStep = -1;
    int m_averaged = 0;
    std::vector<LayerAverages> m_layers;
    std::vector<lstm::TensorStats> m_layout; // names and shapes of the tensors seen
    int m_steps = 0;                         // T of the averaged windows
};
