// The side panel: Data (DataSection: a built-in data set and every one of its parameters, a
// text file, or a CSV file through the import dialog), Model (cell, sizes, truncation, batch)
// Training (optimizer, learning rate, clipping, seed) and Stop (a step limit, when solved,
// early stopping). Learning rate, clipping and the stop conditions apply live; everything
// else asks for a rebuild.
#pragma once

#include "session/SessionSettings.h"

#include <QWidget>

class DataSection;
class GateBiasEditor;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    void setSettings(const SessionSettings& settings); // fills the widgets without signalling
    // As if the user set them: applies live (stopConditionsChanged), without a new model.
    void setStopConditions(const lstm::StopConditions& stop);
    SessionSettings settings() const;
    // How text samples are written, set elsewhere (TextSamplePanel) but part of the session.
    void setTextSampling(const TextSampling& sampling) { m_sampling = sampling; }

    // A file the user dropped or chose: a .csv, .tsv or .psv opens the import dialog, any
    // other file becomes text data.
    void openDataFile(const QString& path);

signals:
    void learningRateChanged(double rate);
    void clipNormChanged(double norm);
    void stopConditionsChanged(const lstm::StopConditions& stop);
    void rebuildRequested(const SessionSettings& settings);

private:
    QWidget* buildModelSection();
    QWidget* buildTrainingSection();
    QWidget* buildStopSection();
    lstm::StopConditions stopConditions() const;
    void requestRebuild();

    bool m_filling = false;
    TextSampling m_sampling;
    DataSection* m_data = nullptr;
    QComboBox* m_cell = nullptr;
    QSpinBox* m_hidden = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_truncation = nullptr;
    QSpinBox* m_batch = nullptr;
    QComboBox* m_optimizer = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QDoubleSpinBox* m_clip = nullptr;
    QSpinBox* m_stopAfter = nullptr;
    QCheckBox* m_untilSolved = nullptr;
    QSpinBox* m_patience = nullptr;
    GateBiasEditor* m_gateBiases = nullptr;
    QSpinBox* m_seed = nullptr;
};
