#include "panel/GateBiasEditor.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>

GateBiasEditor::GateBiasEditor(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_input = addRow(tr("Input gate"), tr("A negative start keeps the cell closed to new input until training opens "
                                          "it, as in Hochreiter & Schmidhuber (1997)."));
    m_forget = addRow(tr("Forget gate"), tr("A start of 1 or more keeps the forget gate open, so the cell remembers "
                                            "from the first step (Gers et al. 2000)."));
    m_output = addRow(tr("Output gate"), tr("A negative start hides the cell from the rest of the network until "
                                            "training opens it, as in the 1997 paper."));
}

GateBiasEditor::Row GateBiasEditor::addRow(const QString& gate, const QString& tip)
{
    auto* grid = static_cast<QGridLayout*>(layout());
    const int line = grid->rowCount();
    Row row{new QCheckBox(gate), new QDoubleSpinBox};
    row.set->setToolTip(tr("Unticked: random, like every other weight. ") + tip);
    row.value->setRange(-10, 10);
    row.value->setSingleStep(0.5);
    row.value->setDecimals(2);
    row.value->setKeyboardTracking(false);
    row.value->setEnabled(false);
    row.value->setToolTip(tip);
    grid->addWidget(row.set, line, 0);
    grid->addWidget(row.value, line, 1);
    connect(row.set, &QCheckBox::toggled, this, [this, row](bool on) {
        row.value->setEnabled(on);
        if (!m_filling)
            emit changed();
    });
    connect(row.value, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling)
            emit changed();
    });
    return row;
}

void GateBiasEditor::show(const Row& row, const std::optional<double>& bias)
{
    row.set->setChecked(bias.has_value());
    row.value->setValue(bias.value_or(0));
    row.value->setEnabled(bias.has_value());
}

std::optional<double> GateBiasEditor::read(const Row& row)
{
    if (!row.set->isChecked())
        return std::nullopt;
    return row.value->value();
}

void GateBiasEditor::setBiases(const lstm::GateBiasInit& biases)
{
    m_filling = true;
    show(m_input, biases.input);
    show(m_forget, biases.forget);
    show(m_output, biases.output);
    m_filling = false;
}

lstm::GateBiasInit GateBiasEditor::biases() const
{
    return {read(m_input), read(m_forget), read(m_output)};
}
