// The lower half of the gradient-flow page: per parameter group of the selected layer (and
// the head), its gradient norm or its update-to-weight ratio over training, with the chooser
// between the two. Draws the InspectorModel's curves, which hold every optimizer step.
#pragma once

#include "DeferredRedraw.h"
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

protected:
    void showEvent(QShowEvent* event) override;

private:
    void redrawWhenShown();
    void ensureCurrent() const;
    void redraw();
    void showValuesOnHover();
    // The step whose point the step-through still hides (x as the chart counts), or -1.
    double hiddenStep() const;

    InspectorModel* m_model = nullptr;
    Quantity m_quantity = Quantity::GradientNorm;
    bool m_stale = true; // the model moved on since the chart was drawn
    // What the drawn chart depends on besides the curves: a new step or selection that
    // changes neither redraws nothing (ten new steps a second arrive while training).
    int m_drawnLayer = -1;
    double m_drawnHiddenStep = -1;
    DeferredRedraw m_redraw{[this] {
        if (isVisible())
            ensureCurrent();
    }};

    QChartView* m_view = nullptr;
    QChart* m_chart = nullptr;
    QValueAxis* m_stepAxis = nullptr;
    QLogValueAxis* m_log = nullptr;
    std::array<QLineSeries*, maxLines> m_lines{};
    QLabel* m_title = nullptr;
    QComboBox* m_quantityBox = nullptr;
};
