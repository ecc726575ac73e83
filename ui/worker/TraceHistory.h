// The recorded steps kept for reopening: training records one step per snapshot, far more
// than memory holds, so the history keeps the newest step, the oldest, and in between a
// spread that thins out towards the past (roughly even on a log scale of the step number).
// Memory is bounded by a byte budget, so big models keep fewer steps.
#pragma once

#include "inspector/InspectorModel.h"

#include <cstddef>
#include <vector>

class TraceHistory {
public:
    explicit TraceHistory(int capacity = 48, std::size_t byteBudget = std::size_t(256) << 20);

    // Adds a newer step. A step with the newest one's number replaces it (a step that
    // diverged is retried under its number); an older one means training started over
    // (reset, rebuild, load) and clears the history first. Thinning never drops `keep`,
    // the step a user has open.
    void add(TracePointer trace, const TracePointer& keep = nullptr);
    void clear() { m_traces.clear(); }

    const std::vector<TracePointer>& traces() const { return m_traces; } // oldest first
    TracePointer newest() const { return m_traces.empty() ? nullptr : m_traces.back(); }
    int indexOf(const TracePointer& trace) const; // -1 when not held

private:
    int capacityFor(const lstm::StepTrace& trace) const;
    void dropOneFromTheMiddle(const TracePointer& keep);

    int m_capacity;
    std::size_t m_byteBudget;
    std::vector<TracePointer> m_traces;
};

// Roughly how many bytes one recorded step holds.
std::size_t traceBytes(const lstm::StepTrace& trace);
