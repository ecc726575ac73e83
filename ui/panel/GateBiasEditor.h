// The initial gate biases in the side panel: for the input, forget and output gate, either
// "random" (PyTorch's initialisation) or a value the user sets. Not the rest of the training
// settings (SettingsPanel).
#pragma once

#include "nn/GateBiasInit.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;

class GateBiasEditor : public QWidget {
    Q_OBJECT
public:
    explicit GateBiasEditor(QWidget* parent = nullptr);

    void setBiases(const lstm::GateBiasInit& biases);
    lstm::GateBiasInit biases() const;

signals:
    void changed(); // the user set, cleared or changed a bias

private:
    struct Row {
        QCheckBox* set = nullptr;
        QDoubleSpinBox* value = nullptr;
    };
    Row addRow(const QString& gate, const QString& tip);
    static void show(const Row& row, const std::optional<double>& bias);
    static std::optional<double> read(const Row& row);

    bool m_filling = false;
    Row m_input, m_forget, m_output;
};
