// The side panel: Data (a built-in data set and every one of its parameters), Model (cell,
// sizes, truncation, batch) and Training (optimizer, learning rate, clipping, seed).
// Learning rate and clipping apply live; everything else asks for a rebuild.
#pragma once

#include "SessionSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    void setSettings(const SessionSettings& settings); // fills the widgets without signalling
    SessionSettings settings() const;

signals:
    void learningRateChanged(double rate);
    void clipNormChanged(double norm);
    void rebuildRequested(const SessionSettings& settings);

private:
    QWidget* buildDataSection();
    QWidget* buildModelSection();
    QWidget* buildTrainingSection();
    void showGeneratorParameters(const QString& name, const lstm::GeneratorSettings& values);
    void requestRebuild();

    bool m_filling = false;
    QComboBox* m_dataset = nullptr;
    QLabel* m_datasetDescription = nullptr;
    QFormLayout* m_parameterForm = nullptr;
    QList<QDoubleSpinBox*> m_parameters; // one per parameter of the chosen generator, key in objectName
    QComboBox* m_cell = nullptr;
    QSpinBox* m_hidden = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_truncation = nullptr;
    QSpinBox* m_batch = nullptr;
    QComboBox* m_optimizer = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QDoubleSpinBox* m_clip = nullptr;
    QCheckBox* m_forgetBias = nullptr;
    QSpinBox* m_seed = nullptr;
};
