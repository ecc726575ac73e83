#include "series/CsvDataset.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lstm {

int defaultSequenceLength(const PreparedSeries& series, int horizon)
{
    const int validation = series.rows() - series.trainRows;
    return std::clamp((validation - horizon) / 2, 1, 32);
}

namespace {

// Windows of `span` rows that fit in `rows` when they start every `stride` rows.
int windowCount(int rows, int span, int stride)
{
    return rows < span ? 0 : (rows - span) / stride + 1;
}

void requireRows(const std::string& file, const char* part, int rows, const CsvDatasetOptions& options)
{
    const int span = options.sequenceLength + options.horizon;
    if (rows < span)
        throw std::invalid_argument(file + ": the " + part + " part has " + std::to_string(rows) +
                                    " rows, too few for one sequence of " + std::to_string(options.sequenceLength) +
                                    " steps predicting " + std::to_string(options.horizon) + " ahead (" +
                                    std::to_string(span) + " rows): use shorter sequences or change the split");
}

} // namespace

CsvDataset::CsvDataset(const CsvTable& table, const CsvDatasetOptions& options)
    : m_options(options), m_series(prepareSeries(table, options.series))
{
    if (options.sequenceLength < 1 || options.stride < 1 || options.horizon < 1)
        throw std::invalid_argument("the sequence length, stride and horizon must be at least 1");
    const int span = options.sequenceLength + options.horizon;
    requireRows(table.file, "training", m_series.trainRows, options);
    requireRows(table.file, "validation", m_series.rows() - m_series.trainRows, options);
    m_trainWindows = windowCount(m_series.trainRows, span, options.stride);
    m_validation = makeValidationSet();
}

DataShape CsvDataset::shape() const
{
    DataShape shape;
    shape.inputSize = int(m_series.inputs.rows());
    shape.outputSize = int(m_series.targets.rows());
    return shape; // regression at every step
}

void CsvDataset::resize(int batch, SequenceBatch<double>& out) const
{
    out.steps = m_options.sequenceLength;
    out.batch = batch;
    out.inputs.resize(m_series.inputs.rows(), out.columns());
    out.targets.resize(m_series.targets.rows(), out.columns());
}

void CsvDataset::fillSequence(int start, int column, SequenceBatch<double>& out) const
{
    for (int t = 0; t < out.steps; ++t) {
        out.inputs.col(t * out.batch + column) = m_series.inputs.col(start + t);
        out.targets.col(t * out.batch + column) = m_series.targets.col(start + t + m_options.horizon);
    }
}

void CsvDataset::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    resize(batch, out);
    for (int b = 0; b < batch; ++b)
        fillSequence(random.integer(m_trainWindows) * m_options.stride, b, out);
}

SequenceBatch<double> CsvDataset::makeValidationSet() const
{
    const int steps = m_options.sequenceLength;
    const int rows = m_series.rows() - m_series.trainRows;
    SequenceBatch<double> out;
    resize(windowCount(rows, steps + m_options.horizon, steps), out);
    for (int b = 0; b < out.batch; ++b)
        fillSequence(m_series.trainRows + b * steps, b, out);
    return out;
}

double CsvDataset::toUserUnits(int output, double value) const
{
    return m_series.targetScaling.at(size_t(output)).invert(value);
}

} // namespace lstm
