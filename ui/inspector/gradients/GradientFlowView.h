// How gradients flow: through time, ||dL/dh_t|| and ||dL/dc_t|| of the selected layer on a
// log axis, for the shown step and as a running average, with the share of the selected
// unit's state kept from t to the end of the window (the product of its forget gates);
// over training, per parameter tensor, the gradient norm or the update-to-weight ratio of
// every step. Draws the InspectorModel's trace and curves, and the averages GradientHistory
// keeps; computes no gradient.
#pragma once

#include "inspector/gradients/GradientFlowCharts.h"
#include "inspector/gradients/GradientHistory.h"
#include "inspector/InspectorModel.h"
#include "inspector/gradients/TensorCurvesChart.h"
#include "style/ViewRefresh.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
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
    static constexpr double logFloor = flowcharts::logFloor;

    enum class Curve { Hidden, HiddenAverage, Cell, CellAverage, Kept, Marker };
    // Charts are redrawn only while the view is shown; these bring them up to date first.
    const QLineSeries* curve(Curve which) const;

    // The chart over training, per tensor.
    using Quantity = TensorCurvesChart::Quantity;
    void setQuantity(Quantity quantity) { m_training->setQuantity(quantity); }
    Quantity quantity() const { return m_training->quantity(); }
    const QLineSeries* trainingSeries(int k) const { return m_training->series(k); }
    static constexpr int maxTrainingLines = TensorCurvesChart::maxLines;

    const GradientHistory& history() const { return m_history; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildTimeChart();
    void layOut();
    void showValuesOnHover();
    void redraw();
    void restyle();

    InspectorModel* m_model = nullptr;
    GradientHistory m_history;
    ViewRefresh m_refresh{this, [this] { redraw(); }}; // the chart through time; its relayout is costly

    QChartView* m_timeView = nullptr;
    QChart* m_timeChart = nullptr;
    QValueAxis* m_timeAxis = nullptr;
    QLogValueAxis* m_timeLog = nullptr;
    std::array<QLineSeries*, 6> m_curves{}; // in Curve order
    QLabel* m_timeTitle = nullptr;
    QLabel* m_note = nullptr;

    TensorCurvesChart* m_training = nullptr;
};
