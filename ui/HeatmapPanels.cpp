#include "HeatmapPanels.h"

#include <QCoreApplication>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HeatmapPanels", text);
}

// What each gate does, for the titles; the names are PyTorch's.
QString gateMeaning(const std::string& name)
{
    if (name == "i")
        return tr("input gate");
    if (name == "f")
        return tr("forget gate");
    if (name == "g")
        return tr("candidate cell input");
    if (name == "o")
        return tr("output gate");
    if (name == "r")
        return tr("reset gate");
    if (name == "z")
        return tr("update gate");
    if (name == "n")
        return tr("candidate state");
    return tr("hidden state");
}

const Eigen::MatrixXd* entry(const std::vector<Eigen::MatrixXd>& matrices, size_t index)
{
    return index < matrices.size() ? &matrices[index] : nullptr;
}

} // namespace

std::vector<HeatmapPanel> heatmapPanels(const lstm::StepTrace& trace, int layerIndex, bool gradients)
{
    std::vector<HeatmapPanel> panels;
    if (layerIndex < 0 || size_t(layerIndex) >= trace.layers.size())
        return panels;
    const lstm::LayerTrace& layer = trace.layers[size_t(layerIndex)];
    const Eigen::Index units = layer.hidden.rows();
    auto add = [&](HeatmapQuantity quantity, QString symbol, QString meaning, const Eigen::MatrixXd* values,
                   HeatmapScale scale) {
        const bool recorded = values && values->rows() == units && values->cols() == trace.steps;
        panels.push_back({quantity, std::move(symbol), std::move(meaning), recorded ? values : nullptr, scale,
                          gradients});
    };
    // Gradients are signed and far from 1: each gets the range of its own values.
    auto fitted = [](const Eigen::MatrixXd* values) {
        return values ? HeatmapScale::fitted(*values, 0) : HeatmapScale::symmetric(1);
    };

    const lstm::CellKind cell = trace.cell;
    for (size_t gate = 0; gate < trace.gateNames.size(); ++gate) {
        const HeatmapQuantity quantity{HeatmapQuantity::Gate, int(gate)};
        const std::string& name = trace.gateNames[gate];
        const bool sigmoid = lstm::isSigmoidGate(cell, int(gate));
        if (cell == lstm::CellKind::Rnn) {
            if (gradients)
                add(quantity, tr("dL/da"), tr("a = W·x + U·h + b, before tanh"), entry(layer.dGates, gate),
                    fitted(entry(layer.dGates, gate)));
        } else if (gradients) {
            add(quantity, tr("dL/d%1").arg(QString::fromStdString(name)),
                tr("%1, before %2").arg(gateMeaning(name), sigmoid ? tr("sigmoid") : tr("tanh")),
                entry(layer.dGates, gate), fitted(entry(layer.dGates, gate)));
        } else {
            add(quantity, QString::fromStdString(name), gateMeaning(name), entry(layer.gates, gate),
                sigmoid ? HeatmapScale::unitInterval() : HeatmapScale::symmetric(1));
        }
    }
    if (lstm::hasCellState(cell)) {
        const HeatmapQuantity quantity{HeatmapQuantity::Cell, 0};
        if (gradients)
            add(quantity, tr("dL/dc"), tr("cell state"), &layer.dCell, fitted(&layer.dCell));
        else
            add(quantity, tr("c"), tr("cell state"), &layer.cell, HeatmapScale::fitted(layer.cell, 1));
    }
    const HeatmapQuantity hidden{HeatmapQuantity::Hidden, 0};
    if (gradients)
        add(hidden, tr("dL/dh"), tr("hidden state"), &layer.dHidden, fitted(&layer.dHidden));
    else
        add(hidden, tr("h"), tr("hidden state"), &layer.hidden, HeatmapScale::symmetric(1));
    return panels;
}
