#include "PredictionChart.h"

#include "ChartStyle.h"

#include <QLineSeries>
#include <QValueAxis>

PredictionChart::PredictionChart(QWidget* parent) : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Predictions on validation data"));
    m_target = new QLineSeries(chart);
    m_target->setName(tr("target"));
    m_prediction = new QLineSeries(chart);
    m_prediction->setName(tr("prediction (one step ahead)"));
    m_freeRun = new QLineSeries(chart);
    m_freeRun->setName(tr("free-running (fed its own outputs)"));
    m_x = new QValueAxis(chart);
    m_x->setTitleText(tr("timestep"));
    m_x->setLabelFormat("%d");
    m_y = new QValueAxis(chart);
    m_y->setTitleText(tr("value"));
    m_y->setLabelFormat("%g");
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries* series : {m_target, m_prediction, m_freeRun}) {
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    setChart(chart);
    ChartStyle::apply(chart, {m_target, m_prediction, m_freeRun});
    QPen dashed = m_freeRun->pen();
    dashed.setStyle(Qt::DashLine);
    m_freeRun->setPen(dashed);
}

void PredictionChart::showSnapshot(const TrainingSnapshot& snapshot)
{
    // Smooth lines for a paused picture; while training runs, plain lines draw in half the time.
    setRenderHint(QPainter::Antialiasing, !snapshot.running);
    m_target->replace(snapshot.targets);
    m_prediction->replace(snapshot.predictions);
    m_freeRun->replace(snapshot.freeRun);
    double low = 0, high = 0, last = 1;
    bool first = true;
    for (const QList<QPointF>* series : {&snapshot.targets, &snapshot.predictions})
        for (const QPointF& p : *series) {
            low = first ? p.y() : std::min(low, p.y());
            high = first ? p.y() : std::max(high, p.y());
            last = std::max(last, p.x());
            first = false;
        }
    // The free run may wander off; the axis follows the targets so the picture stays readable.
    const double margin = std::max(1e-6, 0.1 * (high - low));
    m_x->setRange(0, last);
    m_x->applyNiceNumbers();
    m_y->setRange(low - margin, high + margin);
    m_y->applyNiceNumbers();
    chart()->setTitle(snapshot.regression ? tr("Predictions on validation data")
                                          : tr("Predictions: not a curve for classification data"));
}
