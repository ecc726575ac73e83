#include "StepHistory.h"

#include <cmath>

void StepHistory::append(double step, double value)
{
    m_points.emplace_back(step, value);
}

QList<QPointF> StepHistory::decimated(int buckets) const
{
    QList<QPointF> out;
    if (m_points.size() <= size_t(2 * buckets)) {
        out.reserve(qsizetype(m_points.size()));
        for (const QPointF& p : m_points)
            out.append(p);
        return out;
    }
    out.reserve(2 * buckets);
    const size_t perBucket = (m_points.size() + size_t(buckets) - 1) / size_t(buckets);
    for (size_t start = 0; start < m_points.size(); start += perBucket) {
        const size_t end = std::min(m_points.size(), start + perBucket);
        size_t low = start, high = start;
        for (size_t k = start; k < end; ++k) {
            if (m_points[k].y() < m_points[low].y())
                low = k;
            if (m_points[k].y() > m_points[high].y())
                high = k;
        }
        // In step order, so the line does not double back.
        out.append(m_points[std::min(low, high)]);
        if (low != high)
            out.append(m_points[std::max(low, high)]);
    }
    return out;
}
