#include "inspector/gradients/GradientFlowView.h"

#include "inspector/gradients/GradientFlowCharts.h"
#include "style/NumberFormat.h"
#include "inspector/UiNames.h"

#include <QChart>
#include <QChartView>

#include "charts/ChartStyle.h"
#include "style/ScaledFont.h"
#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSplitter>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

using namespace flowcharts;

GradientFlowView::GradientFlowView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    buildTimeChart();
    m_training = new TensorCurvesChart(m_model);
    layOut();
    showValuesOnHover();
    restyle();
    connect(m_model, &InspectorModel::traceChanged, this, [this] { onTrace(m_model->trace()); });
    connect(m_model, &InspectorModel::selectionChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::revealChanged, &m_refresh, &ViewRefresh::markStale);
    if (m_model->trace())
        onTrace(m_model->trace());
}

void GradientFlowView::buildTimeChart()
{
    m_timeChart = new QChart;
    m_timeAxis = new QValueAxis(m_timeChart);
    m_timeAxis->setTitleText(tr("timestep t"));
    m_timeAxis->setLabelFormat("%d");
    m_timeAxis->setTickType(QValueAxis::TicksDynamic);
    m_timeLog = new QLogValueAxis(m_timeChart);
    m_timeLog->setTitleText(tr("norm · share kept"));
    m_timeLog->setLabelFormat("%.0e");
    m_timeChart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_timeChart->addAxis(m_timeLog, Qt::AlignLeft);
    for (QLineSeries*& series : m_curves) {
        series = new QLineSeries(m_timeChart);
        m_timeChart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_timeLog);
    }
    m_curves[size_t(Curve::Hidden)]->setName(tr("‖∂L/∂hₜ‖ this step"));
    m_curves[size_t(Curve::HiddenAverage)]->setName(tr("‖∂L/∂hₜ‖ average"));
    m_curves[size_t(Curve::Cell)]->setName(tr("‖∂L/∂cₜ‖ this step"));
    m_curves[size_t(Curve::CellAverage)]->setName(tr("‖∂L/∂cₜ‖ average"));
    m_timeView = new QChartView(m_timeChart);
    ChartStyle::followApplicationFont(m_timeView);
    m_timeView->setRenderHint(QPainter::Antialiasing);
    m_timeTitle = new QLabel;
    keepScaledFont(m_timeTitle, 1.15, true);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setToolTip(tr("Solid lines: the shown step. Dashed: a running average over the recorded steps, "
                          "recent ones counting most. Green: how much of the selected unit's state at t "
                          "is still there at the end of the window, the product of the gates that keep it. "
                          "Steep falls towards the left are vanishing gradients; rises are exploding ones."));
}

// The heading as a label rather than a chart title: it takes less height, and matches the
// lower chart's, which holds the chooser.
void GradientFlowView::layOut()
{
    auto* upper = new QWidget;
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->setSpacing(0);
    upperLayout->addWidget(m_timeTitle);
    upperLayout->addWidget(m_timeView, 1);
    upperLayout->addWidget(m_note);

    for (QLabel* label : {m_timeTitle, m_note})
        label->setContentsMargins(12, 4, 8, 2);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(upper);
    splitter->addWidget(m_training);
    splitter->setSizes({550, 450});
    splitter->setChildrenCollapsible(false);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base); // one calm surface with the charts
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void GradientFlowView::showValuesOnHover()
{
    for (QLineSeries* series : m_curves)
        connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& p, bool on) {
            if (!on)
                return QToolTip::hideText();
            const QString floor = p.y() <= logFloor ? tr(" (at most 10⁻¹², drawn at 10⁻¹²)") : QString();
            QToolTip::showText(QCursor::pos(),
                               tr("%1\nt = %2: %3%4").arg(series->name()).arg(qRound(p.x())).arg(formatNumber(p.y()), floor),
                               this);
        });
}

void GradientFlowView::onTrace(const TracePointer& trace)
{
    // The history is cheap and must see every step; the charts only while shown.
    if (trace)
        m_history.add(*trace);
    else
        m_history.reset(); // the Inspector shows no step for a fresh model
    m_refresh.markStale();
}

void GradientFlowView::reset()
{
    m_history.reset();
    m_refresh.markStale();
}

const QLineSeries* GradientFlowView::curve(Curve which) const
{
    m_refresh.ensureCurrent();
    return m_curves[size_t(which)];
}

void GradientFlowView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        restyle();
}

void GradientFlowView::restyle()
{
    // ChartStyle follows the application's palette; this view follows its own, which is the
    // same unless someone gave it another.
    const QPalette surface = palette();
    const QColor text = surface.color(QPalette::WindowText);
    styleChart(m_timeChart, m_timeView, surface);
    m_training->restyle(surface);
    QPalette muted = surface;
    QColor mutedText = text;
    mutedText.setAlphaF(0.7);
    muted.setColor(QPalette::WindowText, mutedText);
    m_note->setPalette(muted);
    m_curves[size_t(Curve::Hidden)]->setPen(line(blue));
    // The averages in the same hue, paler and dashed, so their legend squares differ too.
    auto pale = [](QColor colour) {
        colour.setAlphaF(0.6);
        return colour;
    };
    m_curves[size_t(Curve::HiddenAverage)]->setPen(line(pale(blue), Qt::DashLine, 2.5));
    m_curves[size_t(Curve::Cell)]->setPen(line(vermillion));
    m_curves[size_t(Curve::CellAverage)]->setPen(line(pale(vermillion), Qt::DashLine, 2.5));
    m_curves[size_t(Curve::Kept)]->setPen(line(green));
    QColor marker = text;
    marker.setAlphaF(0.45);
    m_curves[size_t(Curve::Marker)]->setPen(line(marker, Qt::DotLine, 2.0));
    for (QLegendMarker* legend : m_timeChart->legend()->markers(m_curves[size_t(Curve::Marker)]))
        legend->setVisible(false);
}

void GradientFlowView::redraw()
{
    const TracePointer& trace = m_model->trace();
    const lstm::LayerTrace* layer = m_model->selectedLayer();
    std::array<QList<QPointF>, 6> points;
    QStringList notes;
    if (!trace || !layer) {
        for (QLineSeries* series : m_curves)
            series->clear();
        m_timeTitle->setText(tr("Gradients through time"));
        m_note->setText(tr("No recorded step yet."));
        setSteps(m_timeAxis, 0, 10);
        setLogRange(m_timeLog, {});
        return;
    }
    const Reveal reveal = m_model->reveal();
    const int T = trace->steps;
    const int unit = m_model->unit();
    bool clamped = false;
    auto at = [&clamped](double t, double value) {
        clamped = clamped || value <= logFloor;
        return QPointF(t, std::max(value, logFloor));
    };

    // This step's norms, as far as the step-through has computed them.
    for (int t = 0; t < T; ++t) {
        if (!reveal.done(t, true))
            continue;
        if (t < layer->dHiddenNorm.size() && std::isfinite(layer->dHiddenNorm[t]))
            points[size_t(Curve::Hidden)].append(at(t, layer->dHiddenNorm[t]));
        if (t < layer->dCellNorm.size() && std::isfinite(layer->dCellNorm[t]))
            points[size_t(Curve::Cell)].append(at(t, layer->dCellNorm[t]));
    }

    // The running averages; while a step-through hides this step's gradients, the averages
    // without it.
    const bool hiding = reveal.phase == StepPhase::Forward || reveal.phase == StepPhase::Backward;
    const bool withoutThis = hiding && trace->step == m_history.lastStep();
    const int l = m_model->layer();
    const Eigen::VectorXd& hiddenAverage = withoutThis ? m_history.previousHiddenAverage(l) : m_history.hiddenAverage(l);
    const Eigen::VectorXd& cellAverage = withoutThis ? m_history.previousCellAverage(l) : m_history.cellAverage(l);
    for (int t = 0; t < T && hiddenAverage.size() == T; ++t)
        points[size_t(Curve::HiddenAverage)].append(at(t, hiddenAverage[t]));
    for (int t = 0; t < T && cellAverage.size() == T; ++t)
        points[size_t(Curve::CellAverage)].append(at(t, cellAverage[t]));

    // How much of the unit's state at t survives to the end of the window: the product of
    // the gates that keep it, prod_{s=t+1..T-1}. Known once the forward pass has ended.
    QLineSeries* kept = m_curves[size_t(Curve::Kept)];
    const QString unitName = tr("unit %1").arg(unit);
    const int keepGate = keepGateIndex(trace->cell);
    switch (trace->cell) {
    case lstm::CellKind::Lstm:
    case lstm::CellKind::LstmPeephole:
        kept->setName(tr("∏ f: cₜ kept to the end (%1)").arg(unitName));
        break;
    case lstm::CellKind::Gru:
        kept->setName(tr("∏ z: hₜ kept to the end (%1)").arg(unitName));
        break;
    case lstm::CellKind::Lstm1997:
        kept->setName(tr("∏ = 1: no forget gate, cₜ kept whole"));
        break;
    case lstm::CellKind::Rnn:
        kept->setName(tr("no gate keeps the state"));
        notes << tr("A plain RNN has no gate that keeps its state: nothing to multiply.");
        break;
    }
    kept->setVisible(trace->cell != lstm::CellKind::Rnn);
    m_timeLog->setTitleText(trace->cell == lstm::CellKind::Rnn ? tr("gradient norm") : tr("norm · share kept"));
    if (trace->cell != lstm::CellKind::Rnn && reveal.forwardDone(T - 1)) {
        QList<QPointF>& product = points[size_t(Curve::Kept)];
        product.resize(T);
        double share = 1;
        for (int t = T - 1; t >= 0; --t) {
            product[t] = at(t, share);
            if (keepGate >= 0)
                share *= layer->gates[size_t(keepGate)](unit, t);
        }
    }

    LogSpan span;
    for (size_t k = 0; k < size_t(Curve::Marker); ++k)
        span.add(points[k]);
    setLogRange(m_timeLog, span);
    const int selected = m_model->timestep();
    points[size_t(Curve::Marker)] = {{double(selected), m_timeLog->min()}, {double(selected), m_timeLog->max()}};
    for (size_t k = 0; k < m_curves.size(); ++k)
        m_curves[k]->replace(points[k]);
    const bool hasCell = layer->dCellNorm.size() > 0;
    m_curves[size_t(Curve::Cell)]->setVisible(hasCell);
    m_curves[size_t(Curve::CellAverage)]->setVisible(hasCell);
    for (QLegendMarker* legend : m_timeChart->legend()->markers(m_curves[size_t(Curve::Marker)]))
        legend->setVisible(false);
    setSteps(m_timeAxis, 0, T - 1);
    m_timeTitle->setText(tr("Gradients through time · layer %1").arg(l));

    notes.prepend(tr("Solid: step %1. Dashed: average of %2 recorded steps. Dotted: t = %3.")
                      .arg(trace->step + 1) // numbered as the loss chart and the toolbar do
                      .arg(m_history.averagedSteps())
                      .arg(selected));
    if (reveal.phase == StepPhase::Forward)
        notes << tr("The gradients come with the backward pass.");
    else if (reveal.phase == StepPhase::Backward)
        notes << tr("The backward pass has reached t = %1.").arg(reveal.timestep);
    if (clamped)
        notes << tr("Values below 10⁻¹² are drawn at 10⁻¹².");
    m_note->setText(notes.join(QLatin1Char(' ')));
}
