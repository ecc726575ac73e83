// Every (step, value) of a run (a loss, an accuracy), handed out decimated: each of at most
// `buckets` slices of the step range keeps its minimum and maximum, so a spike never
// disappears from the chart however long the run, and a chart never holds more than
// 2 * buckets points.
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

class StepHistory {
public:
    void append(double step, double value);
    void clear() { m_points.clear(); }
    bool isEmpty() const { return m_points.empty(); }
    size_t size() const { return m_points.size(); }
    QPointF last() const { return m_points.back(); }

    QList<QPointF> decimated(int buckets) const;

private:
    std::vector<QPointF> m_points; // in increasing step order
};
