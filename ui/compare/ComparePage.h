// The Compare page: 2 to 4 models (any cells and sizes) trained side by side on the data and
// training settings of the side panel, in lock-step. Four charts share the models' colours:
// validation loss and task score against the step, each model's predictions, and
// ||dL/dh_t|| over the timesteps of the latest recorded step on a log axis, where a plain
// RNN's gradient fades and an LSTM's does not. A picker sends a model's recorded step to
// the inspector pages.
#pragma once

#include "compare/ComparedCells.h"
#include "compare/ComparisonController.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>

class ModelCurvesChart;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(std::function<SessionSettings()> session, QWidget* parent = nullptr);

    ComparisonController* controller() const { return m_controller; }
    // Shows these models in the choosers and starts them fresh, paused.
    void compare(const std::vector<lstm::ModelChoices>& models);
    void start(); // the models the choosers show, fresh
    void togglePlay();
    QComboBox* modelPicker() const { return m_picker; }
    ModelCurvesChart* lossChart() const { return m_loss; }
    ModelCurvesChart* scoreChart() const { return m_score; }
    ModelCurvesChart* predictionChart() const { return m_predictions; }
    ModelCurvesChart* gradientChart() const { return m_gradients; }

signals:
    void started(); // a comparison started: the side panel's model should pause
    // The picked model's newest recorded step for the inspector; nullptr: back to the side
    // panel's model.
    void inspectRequested(TracePointer trace);

private:
    struct ModelSlot {
        QCheckBox* on = nullptr;
        QComboBox* cell = nullptr;
        QSpinBox* hidden = nullptr;
    };
    QWidget* buildModelRow();
    QWidget* buildCharts();
    void placeLowerCharts(bool withPredictions);
    std::vector<lstm::ModelChoices> chosenModels() const;
    void showSnapshot(const ComparisonPointer& snapshot);
    void sendPicked();

    std::function<SessionSettings()> m_session;
    ComparisonController* m_controller = nullptr;
    std::array<ModelSlot, comparedCells.size()> m_slots; // up to four models, first of these cells
    QPushButton* m_start = nullptr;
    QPushButton* m_play = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_picker = nullptr;
    QGridLayout* m_charts = nullptr;
    QLabel* m_legend = nullptr; // the models' colours, once for all the charts
    ModelCurvesChart* m_loss = nullptr;
    ModelCurvesChart* m_score = nullptr;
    ModelCurvesChart* m_predictions = nullptr;
    ModelCurvesChart* m_gradients = nullptr;
    QElapsedTimer m_sinceDrawn;
    QTimer m_redraw{this}; // draws the newest snapshot that arrived too soon after the last
};
