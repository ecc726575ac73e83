#include "inspector/heatmaps/HeatmapPanels.h"

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

} // namespace

std::vector<HeatmapPanel> heatmapPanels(const lstm::StepTrace& trace, int layerIndex, bool gradients, const Reveal& reveal)
{
    std::vector<HeatmapPanel> panels;
    if (layerIndex < 0 || size_t(layerIndex) >= trace.layers.size())
        return panels;
    const lstm::LayerTrace& layer = trace.layers[size_t(layerIndex)];
    const Eigen::Index units = layer.hidden.rows();
    auto add = [&](Quantity quantity, QString symbol, QString meaning) {
        const Eigen::MatrixXd* values = valuesOf(layer, quantity, gradients);
        const bool recorded = values && values->rows() == units && values->cols() == trace.steps;
        panels.push_back({quantity, std::move(symbol), std::move(meaning), recorded ? values : nullptr,
                          scaleFor(layer, trace.cell, quantity, gradients, reveal), gradients});
    };

    const lstm::CellKind cell = trace.cell;
    for (size_t gate = 0; gate < trace.gateNames.size(); ++gate) {
        const Quantity quantity{Quantity::Gate, int(gate)};
        const std::string& name = trace.gateNames[gate];
        const bool sigmoid = lstm::isSigmoidGate(cell, int(gate));
        if (cell == lstm::CellKind::Rnn) {
            if (gradients)
                add(quantity, tr("dL/da"), tr("a = W·x + U·h + b, before tanh"));
        } else if (gradients) {
            add(quantity, tr("dL/d%1").arg(QString::fromStdString(name)),
                tr("%1, before %2").arg(gateMeaning(name), sigmoid ? tr("sigmoid") : tr("tanh")));
        } else {
            add(quantity, QString::fromStdString(name), gateMeaning(name));
        }
    }
    if (lstm::hasCellState(cell))
        add({Quantity::Cell, 0}, gradients ? tr("dL/dc") : tr("c"), tr("cell state"));
    add({Quantity::Hidden, 0}, gradients ? tr("dL/dh") : tr("h"), tr("hidden state"));
    return panels;
}
