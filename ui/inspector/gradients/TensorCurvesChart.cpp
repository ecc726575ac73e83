#include "inspector/gradients/TensorCurvesChart.h"

#include "inspector/gradients/GradientFlowCharts.h"
#include "style/NumberFormat.h"

#include <QChart>
#include <QChartView>

#include "charts/ChartStyle.h"
#include "style/ScaledFont.h"
#include <QComboBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

using namespace flowcharts;

TensorCurvesChart::TensorCurvesChart(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_chart = new QChart;
    m_stepAxis = new QValueAxis(m_chart);
    m_stepAxis->setTitleText(tr("optimizer step"));
    m_stepAxis->setLabelFormat("%d");
    m_stepAxis->setTickType(QValueAxis::TicksDynamic);
    m_log = new QLogValueAxis(m_chart);
    m_log->setLabelFormat("%.0e");
    m_chart->addAxis(m_stepAxis, Qt::AlignBottom);
    m_chart->addAxis(m_log, Qt::AlignLeft);
    for (QLineSeries*& series : m_lines) {
        series = new QLineSeries(m_chart);
        m_chart->addSeries(series);
        series->attachAxis(m_stepAxis);
        series->attachAxis(m_log);
    }
    m_view = new QChartView(m_chart);
    ChartStyle::followApplicationFont(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_title = new QLabel;
    keepScaledFont(m_title, 1.15, true);
    m_title->setContentsMargins(12, 4, 8, 2);

    m_quantityBox = new QComboBox;
    m_quantityBox->addItem(tr("gradient norm ‖∂L/∂w‖"));
    m_quantityBox->addItem(tr("update ÷ weight ‖Δw‖ / ‖w‖"));
    m_quantityBox->setToolTip(tr("What this chart shows for each parameter tensor over training: the size "
                                 "of its gradient, or how much one optimizer step changes it relative to its size "
                                 "(around 10⁻³ is healthy)."));
    connect(m_quantityBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setQuantity(index == 1 ? Quantity::UpdateRatio : Quantity::GradientNorm); });

    auto* heading = new QHBoxLayout;
    heading->setContentsMargins(0, 0, 8, 0);
    heading->addWidget(m_title);
    heading->addWidget(m_quantityBox);
    heading->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(heading);
    layout->addWidget(m_view, 1);
    showValuesOnHover();

    // The layer picks the lines; the step-through decides whether this step's point shows.
    const auto redrawIfMoved = [this] {
        if (m_model->layer() != m_drawnLayer || hiddenStep() != m_drawnHiddenStep)
            m_refresh.markStale();
    };
    connect(m_model, &InspectorModel::traceChanged, this, redrawIfMoved);
    connect(m_model, &InspectorModel::selectionChanged, this, redrawIfMoved);
    connect(m_model, &InspectorModel::revealChanged, this, redrawIfMoved);
    connect(m_model, &InspectorModel::parameterCurvesChanged, &m_refresh, &ViewRefresh::markStale);
}

void TensorCurvesChart::showValuesOnHover()
{
    for (QLineSeries* series : m_lines)
        connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& p, bool on) {
            if (!on)
                return QToolTip::hideText();
            QToolTip::showText(QCursor::pos(),
                               tr("%1\nstep %2: %3").arg(series->name()).arg(qRound64(p.x())).arg(formatNumber(p.y())), this);
        });
}

void TensorCurvesChart::setQuantity(Quantity quantity)
{
    m_quantity = quantity;
    const int index = quantity == Quantity::UpdateRatio ? 1 : 0;
    if (m_quantityBox->currentIndex() != index)
        m_quantityBox->setCurrentIndex(index); // comes back here through the signal
    m_refresh.markStale();
}

const QLineSeries* TensorCurvesChart::series(int k) const
{
    m_refresh.ensureCurrent();
    return m_lines[size_t(k)];
}

void TensorCurvesChart::restyle(const QPalette& surface)
{
    styleChart(m_chart, m_view, surface);
    const std::array<QColor, maxLines> colours{blue, orange, green, vermillion, purple, skyBlue};
    // Thinner than the lines through time: these hold hundreds of noisy points each.
    for (size_t k = 0; k < m_lines.size(); ++k)
        m_lines[k]->setPen(line(colours[k], Qt::SolidLine, 1.75));
}

// The inspected step's own point shows only once the step-through has computed it: its
// gradient norm after the backward pass, its update ratio after the update. It sits at
// x = step + 1, where the loss chart has it.
double TensorCurvesChart::hiddenStep() const
{
    const TracePointer& trace = m_model->trace();
    const Reveal reveal = m_model->reveal();
    const bool shown = m_quantity == Quantity::UpdateRatio ? reveal.updateDone() : reveal.backwardDone(0);
    return trace && !shown ? double(trace->step + 1) : -1.0;
}

void TensorCurvesChart::redraw()
{
    const int layer = m_model->layer();
    m_drawnLayer = layer;
    m_drawnHiddenStep = hiddenStep();
    std::vector<const ParameterCurve*> shown;
    if (const ParameterCurvesPointer& curves = m_model->parameterCurves())
        for (const ParameterCurve& curve : *curves)
            if ((curve.group.layer == layer || curve.group.layer < 0) && shown.size() < m_lines.size())
                shown.push_back(&curve);
    const bool ratio = m_quantity == Quantity::UpdateRatio;
    const double hidden = m_drawnHiddenStep;
    LogSpan span;
    double first = HUGE_VAL, last = -HUGE_VAL;
    for (size_t k = 0; k < m_lines.size(); ++k) {
        QLineSeries* series = m_lines[k];
        if (k >= shown.size()) {
            series->clear();
            series->setVisible(false);
            continue;
        }
        const ParameterCurve& curve = *shown[k];
        QList<QPointF> points = ratio ? curve.updateRatio : curve.gradientNorm;
        if (hidden >= 0)
            points.removeIf([hidden](const QPointF& p) { return p.x() == hidden; });
        for (QPointF& p : points) {
            p.setY(std::isfinite(p.y()) ? std::max(p.y(), logFloor) : logFloor);
            first = std::min(first, p.x());
            last = std::max(last, p.x());
        }
        span.add(points);
        series->setObjectName(QString::fromStdString(curve.group.name));
        series->setName(groupLabel(curve.group));
        series->replace(points);
        series->setVisible(true);
    }
    if (first > last)
        first = last = 0;
    setSteps(m_stepAxis, first, std::max(last, first + 10));
    setLogRange(m_log, span);
    m_log->setTitleText(ratio ? tr("‖Δw‖ / ‖w‖") : tr("‖∂L/∂w‖"));
    m_title->setText(tr("Over training, per tensor · layer %1:").arg(layer));
}
