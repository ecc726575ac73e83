// The lower half of the gradient-flow page: per parameter group of the selected layer (and
// the head), its gradient norm or its update-to-weight ratio over training, with the chooser
// between the two. Draws the InspectorModel's curves, which hold every optimizer step.
#pragma once

#include "style/ViewRefresh.h"
#include "inspector/InspectorModel.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

class TensorCurvesChart : public QWidget {
    Q_OBJECT
public:
    explicit TensorCurvesChart(InspectorModel* model, QWidget* parent = nullptr);

    enum class Quantity { GradientNorm, UpdateRatio };
    void setQuantity(Quantity quantity);
    Quantity quantity() const { return m_quantity; }
    // The lines, the visible ones first; their object names are the groups' names. Brought
    // up to date first, even while the chart is hidden.
    const QLineSeries* series(int k) const;
    static constexpr int maxLines = 6;

    // Follows the palette of the page around it.
    void restyle(const QPalette& surface);

private:
    void redraw();
    void showValuesOnHover();
    // The step whose point the step-through still hides (x as the chart counts), or -1.
    double hiddenStep() const;

    InspectorModel* m_model = nullptr;
    Quantity m_quantity = Quantity::GradientNorm;
    // What the drawn chart depends on besides the curves: a new step or selection that
    // changes neither redraws nothing (ten new steps a second arrive while training).
    int m_drawnLayer = -1;
    double m_drawnHiddenStep = -1;
    ViewRefresh m_refresh{this, [this] { redraw(); }}; // the chart's relayout is costly

    QChartView* m_view = nullptr;
    QChart* m_chart = nullptr;
    QValueAxis* m_stepAxis = nullptr;
    QLogValueAxis* m_log = nullptr;
    std::array<QLineSeries*, maxLines> m_lines{};
    QLabel* m_title = nullptr;
    QComboBox* m_quantityBox = nullptr;
};
