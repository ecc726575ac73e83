#include "series/SeriesPreparation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lstm {

namespace {

std::string columnList(const CsvTable& table)
{
    std::string names;
    for (const CsvColumn& column : table.columns)
        names += (names.empty() ? "" : ", ") + column.name + " (" + columnTypeName(column.type) + ")";
    return names;
}

// The one number column so named, without missing values left.
const CsvColumn& dataColumn(const CsvTable& table, const std::string& name)
{
    const CsvColumn* found = nullptr;
    for (const CsvColumn& column : table.columns) {
        if (column.name != name)
            continue;
        if (found)
            throw std::invalid_argument("two columns of " + table.file + " are named \"" + name + "\"");
        found = &column;
    }
    if (!found)
        throw std::invalid_argument(table.file + " has no column named \"" + name + "\" (its columns: " +
                                    columnList(table) + ")");
    if (found->type != ColumnType::Number)
        throw std::invalid_argument("column \"" + name + "\" of " + table.file + " is " + columnTypeName(found->type) +
                                    ", not numbers: it cannot be an input or a target");
    const auto left = std::count_if(found->values.begin(), found->values.end(), [](double v) { return std::isnan(v); });
    if (left > 0)
        throw std::invalid_argument("column \"" + name + "\" of " + table.file + " still has " + std::to_string(left) +
                                    (left == 1 ? " missing value" : " missing values") +
                                    ": import it with a missing-value policy");
    return *found;
}

// Every number column, less the ignored ones (each of which must exist).
std::vector<std::string> defaultInputs(const CsvTable& table, const std::vector<std::string>& ignored)
{
    for (const std::string& name : ignored)
        if (std::none_of(table.columns.begin(), table.columns.end(), [&](const CsvColumn& c) { return c.name == name; }))
            throw std::invalid_argument(table.file + " has no column named \"" + name + "\" to ignore (its columns: " +
                                        columnList(table) + ")");
    std::vector<std::string> names;
    for (const CsvColumn& column : table.columns)
        if (column.type == ColumnType::Number && std::find(ignored.begin(), ignored.end(), column.name) == ignored.end())
            names.push_back(column.name);
    if (names.empty())
        throw std::invalid_argument(table.file + " has no column of numbers to use (its columns: " + columnList(table) +
                                    ")");
    return names;
}

// Fills `out` (one row per column) with the scaled values and returns each column's scaling.
std::vector<Scaling> scaledRows(const CsvTable& table, const std::vector<std::string>& names, Normalisation kind,
                                int trainRows, Eigen::MatrixXd& out)
{
    std::vector<Scaling> scalings;
    out.resize(Eigen::Index(names.size()), Eigen::Index(table.rows));
    for (size_t r = 0; r < names.size(); ++r) {
        const std::vector<double>& values = dataColumn(table, names[r]).values;
        scalings.push_back(fitScaling(kind, std::span(values).first(size_t(trainRows))));
        for (size_t t = 0; t < values.size(); ++t)
            out(Eigen::Index(r), Eigen::Index(t)) = scalings.back().apply(values[t]);
    }
    return scalings;
}

} // namespace

PreparedSeries prepareSeries(const CsvTable& table, const SeriesOptions& options)
{
    if (!(options.validationFraction > 0 && options.validationFraction <= 0.9))
        throw std::invalid_argument("the validation fraction must be above 0 and at most 0.9");
    PreparedSeries series;
    series.inputNames = options.inputs.empty() ? defaultInputs(table, options.ignored) : options.inputs;
    series.targetNames = options.targets.empty() ? std::vector{defaultInputs(table, options.ignored).back()}
                                                 : options.targets;
    series.trainRows = int(std::lround(double(table.rows) * (1 - options.validationFraction)));
    series.inputScaling = scaledRows(table, series.inputNames, options.normalisation, series.trainRows, series.inputs);
    series.targetScaling = scaledRows(table, series.targetNames, options.normalisation, series.trainRows, series.targets);
    if (table.timeColumn >= 0)
        series.time = table.columns[size_t(table.timeColumn)].values;
    return series;
}

} // namespace lstm
