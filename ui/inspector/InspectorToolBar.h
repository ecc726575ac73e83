// The second toolbar row, for looking inside: which recorded step, layer, unit and timestep
// the views show, values or gradients, and the step-through of the forward pass, the
// backward pass and the update (T, Shift+T, B, U, Esc). Drives the shared InspectorModel.
#pragma once

#include <QToolBar>

class Inspector;
class QAction;
class QLabel;
class QSlider;
class QSpinBox;

class InspectorToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit InspectorToolBar(Inspector* inspector, QWidget* parent = nullptr);

    QAction* nextAction() const { return m_next; }
    QAction* previousAction() const { return m_previous; }
    QAction* backwardAction() const { return m_backward; }
    QAction* updateAction() const { return m_update; }
    QAction* finishAction() const { return m_finish; }
    QAction* gradientsAction() const { return m_gradients; }
    QSlider* historySlider() const { return m_history; }
    QSpinBox* unitBox() const { return m_unit; }
    QString phaseText() const;

signals:
    // The user started stepping through: training has to pause first.
    void stepThroughStarted();

private:
    void addSelectionControls();
    void addStepThroughActions();
    void addHistoryControls();
    void showSelection();
    void showHistory();
    void showPhase();

    Inspector* m_inspector;
    QSpinBox* m_layer = nullptr;
    QSpinBox* m_unit = nullptr;
    QSpinBox* m_timestep = nullptr;
    QAction* m_gradients = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
    QAction* m_backward = nullptr;
    QAction* m_update = nullptr;
    QAction* m_finish = nullptr;
    QLabel* m_phase = nullptr;
    QSlider* m_history = nullptr;
    QLabel* m_historyLabel = nullptr;
};
