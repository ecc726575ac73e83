#include "inspector/cell/TimelineRows.h"

#include "inspector/UiNames.h"
#include "style/ColorMap.h"
#include "style/NumberFormat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr int maxDenseInputs = 3; // more input features would crowd out the cell's rows
constexpr double missing = std::numeric_limits<double>::quiet_NaN(); // no value at that timestep

double symmetricRange(const Eigen::MatrixXd& matrix, double atLeast)
{
    return matrix.size() ? std::max(atLeast, matrix.cwiseAbs().maxCoeff()) : atLeast;
}

int argmax(const Eigen::MatrixXd& outputs, int column)
{
    Eigen::Index best = 0;
    outputs.col(column).maxCoeff(&best);
    return int(best);
}

} // namespace

void TimelineRows::markStale(bool rows)
{
    m_rowsStale = m_rowsStale || rows;
    m_scalesStale = true;
}

int TimelineRows::count() const
{
    ensureRows();
    return int(m_rows.size());
}

const TimelineRows::Row& TimelineRows::row(int row) const
{
    ensureRows();
    return m_rows[size_t(row)];
}

void TimelineRows::ensureRows() const
{
    if (m_rowsStale)
        rebuildRows();
}

void TimelineRows::rebuildRows() const
{
    m_rowsStale = false;
    m_scalesStale = true;
    m_rows.clear();
    const TracePointer& trace = m_model->trace();
    if (!trace || trace->layers.empty())
        return;
    const bool gradients = m_model->showGradients();
    if (!trace->symbols.empty()) {
        m_rows.push_back({Kind::Input, -1, tr("x")});
    } else {
        const int inputs = std::min(maxDenseInputs, int(trace->layers[0].input.rows()));
        for (int k = 0; k < inputs; ++k)
            m_rows.push_back({Kind::Input, k, inputs == 1 ? tr("x") : tr("x%1").arg(k + 1)});
    }
    for (int g = 0; g < int(trace->gateNames.size()); ++g) {
        const QString name = QString::fromStdString(trace->gateNames[size_t(g)]);
        m_rows.push_back({Kind::Gate, g, gradients ? tr("dL/d%1").arg(name) : name});
    }
    if (lstm::hasCellState(trace->cell))
        m_rows.push_back({Kind::Cell, -1, gradients ? tr("dL/dc") : tr("c")});
    m_rows.push_back({Kind::Hidden, -1, gradients ? tr("dL/dh") : tr("h")});
    m_rows.push_back({Kind::Output, -1, tr("output")});
    m_rows.push_back({Kind::Target, -1, tr("target")});
}

bool TimelineRows::isGradient(const Row& row) const
{
    return m_model->showGradients() && (row.kind == Kind::Gate || row.kind == Kind::Cell || row.kind == Kind::Hidden);
}

bool TimelineRows::isGradient(int row) const
{
    return isGradient(this->row(row));
}

std::optional<Quantity> TimelineRows::quantityOf(const Row& row)
{
    switch (row.kind) {
    case Kind::Gate: return Quantity{Quantity::Gate, row.gate};
    case Kind::Cell: return Quantity{Quantity::Cell, 0};
    case Kind::Hidden: return Quantity{Quantity::Hidden, 0};
    default: return std::nullopt;
    }
}

bool TimelineRows::isCellQuantity(int row) const
{
    return quantityOf(this->row(row)).has_value();
}

const Eigen::MatrixXd* TimelineRows::matrixOf(const Row& row) const
{
    const lstm::LayerTrace* layer = m_model->selectedLayer();
    const std::optional<Quantity> quantity = quantityOf(row);
    return layer && quantity ? valuesOf(*layer, *quantity, isGradient(row)) : nullptr;
}

// Outputs come once per window when the model answers at the last step only.
double TimelineRows::value(int index, int timestep) const
{
    const Row& row = this->row(index);
    const lstm::StepTrace& trace = *m_model->trace();
    const int outputColumn = trace.output.cols() == trace.steps ? timestep : timestep == trace.steps - 1 ? 0 : -1;
    switch (row.kind) {
    case Kind::Input:
        return trace.symbols.empty() ? trace.layers[0].input(row.gate, timestep) : double(trace.symbols[size_t(timestep)]);
    case Kind::Output:
        if (outputColumn < 0)
            return missing;
        return trace.classTargets.empty() ? trace.output(0, outputColumn) : double(argmax(trace.output, outputColumn));
    case Kind::Target:
        if (outputColumn < 0)
            return missing;
        return trace.classTargets.empty() ? trace.target(0, outputColumn) : double(trace.classTargets[size_t(outputColumn)]);
    default: {
        const Eigen::MatrixXd* values = matrixOf(row);
        const int unit = m_model->unit();
        return values && unit < values->rows() && timestep < values->cols() ? (*values)(unit, timestep) : missing;
    }
    }
}

bool TimelineRows::shown(int index, int timestep) const
{
    const Row& row = this->row(index);
    if (row.kind == Kind::Input || row.kind == Kind::Target)
        return true; // the data is known before the step starts
    return m_model->reveal().done(timestep, isGradient(row));
}

// The cell's quantities through scaleFor(), as every view colours them.
ValueScale TimelineRows::scale(int row) const
{
    ensureRows();
    if (m_scalesStale) {
        m_scales.clear();
        const lstm::LayerTrace* layer = m_model->selectedLayer();
        for (const Row& each : m_rows) {
            const std::optional<Quantity> quantity = quantityOf(each);
            m_scales.push_back(layer && quantity ? scaleFor(*layer, m_model->trace()->cell, *quantity, isGradient(each),
                                                            m_model->reveal())
                                                 : ValueScale());
        }
        m_scalesStale = false;
    }
    return m_scales[size_t(row)];
}

// The data rows (input, output, target) over their own ±max.
QRgb TimelineRows::color(int index, double value) const
{
    const lstm::StepTrace& trace = *m_model->trace();
    const ColorMap& diverging = ColorMap::diverging();
    const Row& row = this->row(index);
    if (quantityOf(row))
        return scale(index).rgb(value);
    if (row.kind == Kind::Input) {
        const double range = symmetricRange(trace.layers[0].input.row(row.gate), 1e-12);
        return diverging.rgb(value, -range, range);
    }
    const double range = std::max(symmetricRange(trace.output.row(0), 1e-12), symmetricRange(trace.target.row(0), 1e-12));
    return diverging.rgb(value, -range, range);
}

bool TimelineRows::holdsSymbols(int index) const
{
    const Row& row = this->row(index);
    const lstm::StepTrace& trace = *m_model->trace();
    if (row.kind == Kind::Input)
        return !trace.symbols.empty();
    return (row.kind == Kind::Output || row.kind == Kind::Target) && !trace.classTargets.empty();
}

QString TimelineRows::valueText(int row, int timestep) const
{
    const double value = this->value(row, timestep);
    if (std::isnan(value))
        return {};
    if (!holdsSymbols(row))
        return isGradient(row) ? formatSignificant(value, 2) : formatFixed(value, std::abs(value) >= 10 ? 1 : 2);
    const int symbol = int(value);
    if (symbol >= 0 && symbol < int(m_vocabulary.size()))
        return symbolLabel(m_vocabulary[size_t(symbol)]);
    return QString::number(symbol);
}
