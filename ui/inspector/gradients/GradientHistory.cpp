#include "inspector/gradients/GradientHistory.h"

#include <cmath>

namespace {

const Eigen::VectorXd& empty()
{
    static const Eigen::VectorXd none;
    return none;
}

// One step of a running average: `average` moved toward `value` by (1 - keep), entry by
// entry. A non-finite value (a diverged step) leaves its entry alone, and a non-finite
// entry starts over from the next finite value, so one NaN cannot stay forever.
void blend(Eigen::VectorXd& average, const Eigen::VectorXd& value, double keep)
{
    if (average.size() != value.size()) {
        average = value;
        return;
    }
    for (Eigen::Index t = 0; t < value.size(); ++t) {
        if (!std::isfinite(average[t]))
            average[t] = value[t];
        else if (std::isfinite(value[t]))
            average[t] = keep * average[t] + (1 - keep) * value[t];
    }
}

} // namespace

void GradientHistory::reset()
{
    m_lastStep = -1;
    m_averaged = 0;
    m_layers.clear();
    m_layout.clear();
    m_steps = 0;
}

bool GradientHistory::sameLayout(const lstm::StepTrace& trace) const
{
    if (trace.tensors.size() != m_layout.size())
        return false;
    for (size_t k = 0; k < m_layout.size(); ++k)
        if (trace.tensors[k].name != m_layout[k].name || trace.tensors[k].rows != m_layout[k].rows ||
            trace.tensors[k].cols != m_layout[k].cols)
            return false;
    return true;
}

bool GradientHistory::sameWindow(const lstm::StepTrace& trace) const
{
    if (trace.steps != m_steps || trace.layers.size() != m_layers.size())
        return false;
    for (size_t l = 0; l < m_layers.size(); ++l)
        if (trace.layers[l].dHiddenNorm.size() != m_layers[l].hidden.size() ||
            trace.layers[l].dCellNorm.size() != m_layers[l].cell.size())
            return false;
    return true;
}

bool GradientHistory::add(const lstm::StepTrace& trace)
{
    if (!sameLayout(trace)) {
        reset();
        m_layout = trace.tensors;
    } else if (trace.step <= m_lastStep) {
        return false;
    }
    m_lastStep = trace.step;

    if (!sameWindow(trace)) {
        m_averaged = 0;
        m_steps = trace.steps;
        m_layers.assign(trace.layers.size(), {});
    }
    const double keep = m_averaged == 0 ? 0.0 : averageDecay;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        LayerAverages& average = m_layers[l];
        const lstm::LayerTrace& layer = trace.layers[l];
        average.previousHidden = average.hidden;
        average.previousCell = average.cell;
        if (m_averaged == 0) {
            average.hidden = layer.dHiddenNorm;
            average.cell = layer.dCellNorm;
        } else {
            blend(average.hidden, layer.dHiddenNorm, keep);
            blend(average.cell, layer.dCellNorm, keep);
        }
    }
    ++m_averaged;
    return true;
}

const GradientHistory::LayerAverages* GradientHistory::layerAverages(int layer) const
{
    return layer >= 0 && size_t(layer) < m_layers.size() ? &m_layers[size_t(layer)] : nullptr;
}

const Eigen::VectorXd& GradientHistory::hiddenAverage(int layer) const
{
    const LayerAverages* a = layerAverages(layer);
    return a ? a->hidden : empty();
}

const Eigen::VectorXd& GradientHistory::cellAverage(int layer) const
{
    const LayerAverages* a = layerAverages(layer);
    return a ? a->cell : empty();
}

const Eigen::VectorXd& GradientHistory::previousHiddenAverage(int layer) const
{
    const LayerAverages* a = layerAverages(layer);
    return a ? a->previousHidden : empty();
}

const Eigen::VectorXd& GradientHistory::previousCellAverage(int layer) const
{
    const LayerAverages* a = layerAverages(layer);
    return a ? a->previousCell : empty();
}
