// The (step, value) points of a run (a loss, an accuracy, a gradient norm), handed out
// decimated: each of at most `buckets` slices of the step range keeps its minimum and
// maximum, so a spike never disappears from the chart however long the run, and a chart
// never holds more than 2 * buckets points. It keeps at most maxPoints itself: when full, it
// keeps the minimum and maximum of each of maxPoints / 4 equal slices of the steps so far, so
// a run of millions of steps (thousands a second on a small model) costs neither memory nor
// time per snapshot.
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

class StepHistory {
public:
    static constexpr size_t maxPoints = 8192;

    void append(double step, double value);
    void clear() { m_points.clear(); }
    bool isEmpty() const { return m_points.empty(); }
    size_t size() const { return m_points.size(); }
    QPointF last() const { return m_points.back(); }

    QList<QPointF> decimated(int buckets) const;

private:
    void compact();

    std::vector<QPointF> m_points; // in increasing step order
};
