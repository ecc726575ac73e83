#include "worker/StepHistory.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

// The indices of the lowest and the highest of points[start, end), in step order (so a line
// through them does not double back); both the same when one point is both.
std::pair<size_t, size_t> extremes(const std::vector<QPointF>& points, size_t start, size_t end)
{
    size_t low = start, high = start;
    for (size_t k = start; k < end; ++k) {
        if (points[k].y() < points[low].y())
            low = k;
        if (points[k].y() > points[high].y())
            high = k;
    }
    return {std::min(low, high), std::max(low, high)};
}

} // namespace

void StepHistory::append(double step, double value)
{
    if (m_points.size() >= maxPoints)
        compact();
    m_points.emplace_back(step, value);
}

// The step range cut into maxPoints / 4 equal slices, each keeping its minimum and maximum:
// at most half the points remain, as dense over old steps as over new ones. Written in place:
// a slice's survivors never land beyond its own first point.
void StepHistory::compact()
{
    const double first = m_points.front().x();
    const double width = (m_points.back().x() - first) / double(maxPoints / 4);
    const auto slice = [&](size_t k) { return width > 0 ? std::floor((m_points[k].x() - first) / width) : 0.0; };
    size_t kept = 0;
    for (size_t start = 0, end = 0; start < m_points.size(); start = end) {
        end = start + 1;
        while (end < m_points.size() && slice(end) == slice(start))
            ++end;
        const auto [low, high] = extremes(m_points, start, end);
        const QPointF a = m_points[low], b = m_points[high];
        m_points[kept++] = a;
        if (high != low)
            m_points[kept++] = b;
    }
    m_points.resize(kept);
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
        const auto [first, second] = extremes(m_points, start, std::min(m_points.size(), start + perBucket));
        out.append(m_points[first]);
        if (second != first)
            out.append(m_points[second]);
    }
    return out;
}
