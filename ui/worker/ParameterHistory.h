// Per parameter group, the gradient norm and the update-to-weight ratio of every optimizer
// step of a run. The training worker adds each step's tensor statistics; snapshots carry
// the curves decimated, for the "over training, per tensor" chart. Plain data, no drawing.
#pragma once

#include "worker/StepHistory.h"

#include "trace/Trace.h"

#include <QList>
#include <QPointF>

#include <string>
#include <vector>

// Tensors that would draw as near-identical lines are one group: bias_ih and bias_hh (the
// LSTM gives both the same gradient), the three peepholes, the head's weight and bias. A
// group's norms are exact: ||(a, b)|| = sqrt(||a||^2 + ||b||^2).
struct ParameterGroup {
    std::string name;                 // "weight_ih_l0", "bias_l0", "peephole_l0", "head", ...
    int layer = -1;                   // its recurrent layer; -1 for the head and the embedding
    std::vector<std::string> tensors; // the state_dict names it holds
};

// One group's curves, against the step's number as the loss chart counts it.
struct ParameterCurve {
    ParameterGroup group;
    QList<QPointF> gradientNorm; // (step, ||dL/dw||) after clipping
    QList<QPointF> updateRatio;  // (step, ||w_after - w_before|| / ||w_before||)
};
using ParameterCurves = std::vector<ParameterCurve>;

class ParameterHistory {
public:
    // Takes in one step's statistics, as Trainer::tensorStatistics() gives them. Another
    // parameter layout (another model) starts the history over. Values that are not finite
    // are left out.
    void add(double step, const std::vector<lstm::TensorStats>& tensors);
    void clear();
    const std::vector<ParameterGroup>& groups() const { return m_groups; }
    // Each group's curves, decimated to at most 2 * buckets points (see StepHistory).
    ParameterCurves curves(int buckets) const;

private:
    bool sameLayout(const std::vector<lstm::TensorStats>& tensors) const;
    void buildGroups(const std::vector<lstm::TensorStats>& tensors);

    std::vector<std::string> m_layout;              // the tensors' names, in order
    std::vector<ParameterGroup> m_groups;
    std::vector<std::vector<size_t>> m_members;     // per group, its tensors' indices
    std::vector<StepHistory> m_gradientNorms;       // per group
    std::vector<StepHistory> m_updateRatios;        // per group
};
