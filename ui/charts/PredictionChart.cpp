#include "charts/PredictionChart.h"

#include "charts/ChartStyle.h"

#include <QLineSeries>
#include <QValueAxis>

namespace {

// What the curves measure: a CSV file's first target column (the one the chart draws), when
// the session names it; "value" for generated data and for the default target, whose name
// only the prepared data set knows.
QString curveTitle(const SessionSettings& session)
{
    if (session.source == DataSource::Csv && !session.csv.targets.isEmpty())
        return session.csv.targets.first();
    return PredictionChart::tr("value");
}

} // namespace

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
    m_score = new QLineSeries(chart);
    m_x = new QValueAxis(chart);
    m_x->setTitleText(tr("timestep"));
    m_x->setLabelFormat("%d");
    m_y = new QValueAxis(chart);
    m_y->setTitleText(tr("value"));
    m_y->setLabelFormat("%g");
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries* series : {m_target, m_prediction, m_freeRun, m_score}) {
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    setChart(chart);
    ChartStyle::apply(chart, {m_target, m_prediction, m_freeRun, m_score});
    ChartStyle::followApplicationFont(this);
    QPen dashed = m_freeRun->pen();
    dashed.setStyle(Qt::DashLine);
    m_freeRun->setPen(dashed);
}

void PredictionChart::showSnapshot(const TrainingSnapshot& snapshot)
{
    // Smooth lines for a paused picture; while training runs, plain lines draw in half the time.
    setRenderHint(QPainter::Antialiasing, !snapshot.running);
    const bool curves = !snapshot.targets.isEmpty();
    for (QLineSeries* series : {m_target, m_prediction, m_freeRun})
        series->setVisible(curves);
    m_score->setVisible(!curves);
    if (curves)
        showCurves(snapshot);
    else
        showScore(snapshot);
}

void PredictionChart::showCurves(const TrainingSnapshot& snapshot)
{
    if (snapshot.predictions.constData() == m_drawnPredictions.constData() &&
        snapshot.freeRun.constData() == m_drawnFreeRun.constData() && m_target->count() == snapshot.targets.size())
        return;
    m_drawnPredictions = snapshot.predictions;
    m_drawnFreeRun = snapshot.freeRun;
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
    m_x->setTitleText(tr("timestep"));
    ChartStyle::setNiceRange(m_x, 0, last);
    m_y->setTitleText(curveTitle(snapshot.session));
    ChartStyle::setNiceRange(m_y, low - margin, high + margin);
    chart()->setTitle(tr("Predictions on validation data"));
    setToolTip(tr("Blue: what should come next. Orange: what the model predicts one step ahead. "
                  "Green, dashed: the model fed its own predictions after the first sequence."));
}

void PredictionChart::showScore(const TrainingSnapshot& snapshot)
{
    m_score->replace(snapshot.scoreHistory);
    const QString name = snapshot.score ? QString::fromStdString(snapshot.score->name) : tr("score");
    m_score->setName(name);
    double last = 10;
    for (const QPointF& p : snapshot.scoreHistory)
        last = std::max(last, p.x());
    m_x->setTitleText(tr("optimizer step"));
    ChartStyle::setNiceRange(m_x, 0, last);
    m_y->setTitleText(name);
    ChartStyle::setNiceRange(m_y, 0, 1);
    chart()->setTitle(snapshot.score ? tr("Validation %1 during training").arg(name)
                                     : tr("No curve or score to show for this data"));
    setToolTip(snapshot.score ? tr("Solved when: %1").arg(QString::fromStdString(snapshot.score->criterion)) : QString());
}
