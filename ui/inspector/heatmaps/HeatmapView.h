// Units x timesteps heatmaps of the selected layer, one small map per quantity: every gate,
// c (when the cell has one) and h, or their gradients when the model says so. Reads the
// shared InspectorModel, marks its selected unit and timestep, and selects on a click.
// Not an editor and not a chart: it colours recorded numbers and nothing else.
//
// Size legend: H = units (rows), T = timesteps (columns).
#pragma once

#include "inspector/heatmaps/HeatmapGrid.h"
#include "inspector/heatmaps/HeatmapPanels.h"
#include "style/ViewRefresh.h"

#include <QWidget>

#include <memory>
#include <vector>

class InspectorModel;

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(InspectorModel* model, QWidget* parent = nullptr);

    // The heatmaps drawn now, in reading order; empty without a trace.
    std::vector<Quantity> quantities() const;
    // Where cell (unit, t) of a quantity is drawn, in widget coordinates; empty when not drawn.
    QRectF cellRect(Quantity quantity, int unit, int timestep) const;
    // The colour range a quantity is drawn with.
    ValueScale scale(Quantity quantity) const;
    // How many times the images were built: only a new trace, layer, reveal or gradient
    // toggle may build them, never a hover or a repaint, and only once it is drawn or asked:
    // a hidden view marks itself stale and builds when shown.
    int imageBuilds() const { return m_imageBuilds; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    using Hit = HeatmapGrid::Cell;

    void markStaleIfLayerMoved();
    void rebuild();
    HeatmapGrid layout() const;
    Hit hitTest(QPointF position) const;
    QString toolTipText(const Hit& hit) const;
    bool revealed(const HeatmapPanel& panel, int timestep) const;
    void paintPanel(QPainter& painter, size_t index, const QRect& plot, const QRect& box) const;
    void paintAxes(QPainter& painter, const QRect& plot, const QRect& box) const;
    void paintLegend(QPainter& painter, const HeatmapPanel& panel, const QRect& plot) const;
    void paintSelection(QPainter& painter, const QRect& plot) const;
    void paintHint(QPainter& painter) const;

    InspectorModel* m_model = nullptr;
    std::shared_ptr<const lstm::StepTrace> m_trace; // keeps the matrices the panels point into alive
    int m_layer = -1;
    int m_units = 0; // H of the shown layer
    int m_steps = 0; // T
    std::vector<HeatmapPanel> m_panels; // of the shown layer, pointing into m_trace
    std::vector<QImage> m_images;       // one per panel: (T wide, H high), transparent where not computed yet
    int m_imageBuilds = 0;
    ViewRefresh m_refresh{this, [this] { rebuild(); }}; // building the images is the costly part
};
