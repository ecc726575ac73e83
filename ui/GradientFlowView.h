// How gradients flow: through time, ||dL/dh_t|| and ||dL/dc_t|| of the selected layer on a
// log axis, for the shown step and as a running average, with the share of the selected
// unit's state kept from t to the end of the window (the product of its forget gates);
// over training, per parameter tensor, the gradient norm or the update-to-weight ratio of
// every step. Draws the InspectorModel's trace and curves, and the averages GradientHistory
// keeps; computes no gradient.
#pragma once

#include "DeferredRedraw.h"
#include "GradientHistory.h"
#include "InspectorModel.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

class GradientFlowView : public QWidget {
    Q_OBJECT
public:
    explicit GradientFlowView(InspectorModel* model, QWidget* parent = nullptr);

    // Takes in a recorded step (called on the model's traceChanged) and redraws. A step
    // already seen changes no history.
    void onTrace(const TracePointer& trace);
    // Forgets the averages: call for a new model.
    void reset();

    // Values at or below this are drawn at it: a log axis has no zero.
    static constexpr double logFloor = 1e-12;

    enum class Curve { Hidden, HiddenAverage, Cell, CellAverage, Kept, Marker };
    // Charts are redrawn only while the view is shown; these bring them up to date first.
    const QLineSeries* curve(Curve which) const;

    enum class Quantity { GradientNorm, UpdateRatio };
    void setQuantity(Quantity quantity);
    Quantity quantity() const { return m_quantity; }
    // The lines over training, the visible ones first; their names are the groups' names.
    const QLineSeries* trainingSeries(int k) const;
    static constexpr int maxTrainingLines = 6;

    const GradientHistory& history() const { return m_history; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildTimeChart();
    void buildTrainingChart();
    void layOut();
    void showValuesOnHover();
    void redraw();
    // The charts to redraw: each costs a relayout, so only the one whose data moved.
    void redrawWhenShown(bool timeChart = true, bool trainingChart = true);
    void ensureCurrent() const;
    void drawTime();
    void drawTraining();
    void restyle();

    InspectorModel* m_model = nullptr;
    GradientHistory m_history;
    Quantity m_quantity = Quantity::GradientNorm;
    bool m_timeStale = true;     // the model moved on since the upper chart was drawn
    bool m_trainingStale = true; // ... since the lower one was
    DeferredRedraw m_redraw{[this] { if (isVisible()) ensureCurrent(); }};

    QChartView* m_timeView = nullptr;
    QChart* m_timeChart = nullptr;
    QValueAxis* m_timeAxis = nullptr;
    QLogValueAxis* m_timeLog = nullptr;
    std::array<QLineSeries*, 6> m_curves{}; // in Curve order
    QLabel* m_timeTitle = nullptr;
    QLabel* m_note = nullptr;

    QChartView* m_trainingView = nullptr;
    QChart* m_trainingChart = nullptr;
    QValueAxis* m_stepAxis = nullptr;
    QLogValueAxis* m_trainingLog = nullptr;
    std::array<QLineSeries*, maxTrainingLines> m_training{};
    QLabel* m_trainingTitle = nullptr;
    QComboBox* m_quantityBox = nullptr;
};
