#include "worker/TraceHistory.h"

#include <algorithm>
#include <cmath>

namespace {

std::size_t matrixBytes(const Eigen::MatrixXd& matrix)
{
    return std::size_t(matrix.size()) * sizeof(double);
}

} // namespace

std::size_t traceBytes(const lstm::StepTrace& trace)
{
    std::size_t bytes = sizeof(double) * std::size_t(trace.parametersBefore.size() + trace.gradients.size() +
                                                     trace.parametersAfter.size());
    for (const lstm::LayerTrace& layer : trace.layers) {
        bytes += matrixBytes(layer.input) + matrixBytes(layer.cell) + matrixBytes(layer.hidden) +
                 matrixBytes(layer.dHidden) + matrixBytes(layer.dCell);
        for (size_t g = 0; g < layer.gates.size(); ++g)
            bytes += matrixBytes(layer.gates[g]) + matrixBytes(layer.dGates[g]);
    }
    return bytes;
}

TraceHistory::TraceHistory(int capacity, std::size_t byteBudget)
    : m_capacity(std::max(2, capacity)), m_byteBudget(byteBudget)
{
}

void TraceHistory::add(TracePointer trace, const TracePointer& keep)
{
    if (!trace)
        return;
    if (!m_traces.empty() && trace->step == m_traces.back()->step)
        m_traces.pop_back();
    else if (!m_traces.empty() && trace->step < m_traces.back()->step)
        m_traces.clear();
    m_traces.push_back(std::move(trace));
    const int capacity = capacityFor(*m_traces.back());
    while (int(m_traces.size()) > capacity)
        dropOneFromTheMiddle(keep);
}

int TraceHistory::indexOf(const TracePointer& trace) const
{
    const auto found = std::find(m_traces.begin(), m_traces.end(), trace);
    return found == m_traces.end() ? -1 : int(found - m_traces.begin());
}

int TraceHistory::capacityFor(const lstm::StepTrace& trace) const
{
    const std::size_t bytes = std::max<std::size_t>(1, traceBytes(trace));
    return std::clamp(int(m_byteBudget / bytes), 2, m_capacity);
}

// Drops the step whose neighbours are closest together on a log scale of their age (steps
// before the newest), so recent steps stay dense and old ones sparse. The oldest and the
// newest stay unless only the kept step is left between them. Called with three or more.
void TraceHistory::dropOneFromTheMiddle(const TracePointer& keep)
{
    const long newest = m_traces.back()->step;
    const auto logAge = [&](size_t k) { return std::log(double(newest - m_traces[k]->step) + 1); };
    size_t drop = 0;
    double smallestGap = 0;
    for (size_t k = 1; k + 1 < m_traces.size(); ++k) {
        if (m_traces[k] == keep)
            continue;
        const double gap = logAge(k - 1) - logAge(k + 1);
        if (drop == 0 || gap < smallestGap) {
            smallestGap = gap;
            drop = k;
        }
    }
    if (drop == 0) // only the kept step is in the middle: the oldest goes instead
        drop = m_traces[0] == keep ? 1 : 0;
    m_traces.erase(m_traces.begin() + std::ptrdiff_t(drop));
}
