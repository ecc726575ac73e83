#include "csv/MissingValues.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

using Values = std::vector<double>;

// Fills the NaNs strictly between known values a and b, linearly in x.
void fillGap(Values& v, const Values& x, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; ++k) {
        // Repeated times leave no span to measure along: fall back on the row positions.
        const double share = x[b] != x[a] ? (x[k] - x[a]) / (x[b] - x[a]) : double(k - a) / double(b - a);
        v[k] = v[a] + (v[b] - v[a]) * share;
    }
}

void interpolate(Values& v, const Values& x)
{
    size_t last = v.size(); // index of the last known value so far
    for (size_t k = 0; k < v.size(); ++k) {
        if (std::isnan(v[k]))
            continue;
        if (last == v.size())
            std::fill(v.begin(), v.begin() + std::ptrdiff_t(k), v[k]); // the leading gap
        else
            fillGap(v, x, last, k);
        last = k;
    }
    if (last < v.size())
        std::fill(v.begin() + std::ptrdiff_t(last) + 1, v.end(), v[last]); // the trailing gap
}

void forwardFill(Values& v)
{
    const auto first = std::find_if(v.begin(), v.end(), [](double value) { return !std::isnan(value); });
    if (first == v.end())
        return;
    double previous = *first;
    for (double& value : v)
        previous = std::isnan(value) ? (value = previous) : value;
}

Values positions(const CsvTable& table)
{
    if (table.timeColumn >= 0)
        return table.columns[size_t(table.timeColumn)].values;
    Values x(table.rows);
    for (size_t k = 0; k < x.size(); ++k)
        x[k] = double(k);
    return x;
}

void dropRows(CsvTable& table)
{
    std::vector<char> keep(table.rows, 1);
    for (CsvColumn& column : table.columns) {
        if (column.type != ColumnType::Number)
            continue;
        for (size_t k = 0; k < column.values.size(); ++k)
            if (std::isnan(column.values[k])) {
                keep[k] = 0;
                ++column.dropped;
            }
    }
    for (CsvColumn& column : table.columns) {
        if (column.values.empty())
            continue;
        size_t kept = 0;
        for (size_t k = 0; k < column.values.size(); ++k)
            if (keep[k])
                column.values[kept++] = column.values[k];
        column.values.resize(kept);
    }
    table.rows = size_t(std::count(keep.begin(), keep.end(), 1));
}

} // namespace

void applyMissingPolicy(CsvTable& table, MissingPolicy policy)
{
    table.missingPolicy = policy;
    if (policy == MissingPolicy::Keep)
        return;
    if (policy == MissingPolicy::DropRow) {
        dropRows(table);
        return;
    }
    const Values x = policy == MissingPolicy::Interpolate ? positions(table) : Values{};
    for (CsvColumn& column : table.columns) {
        if (column.type != ColumnType::Number)
            continue;
        const auto missing = [&] {
            return size_t(std::count_if(column.values.begin(), column.values.end(), [](double v) { return std::isnan(v); }));
        };
        const size_t before = missing();
        if (policy == MissingPolicy::Interpolate)
            interpolate(column.values, x);
        else
            forwardFill(column.values);
        column.filled += before - missing();
    }
}

} // namespace lstm
