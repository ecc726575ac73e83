#include "charts/LossChart.h"

#include "charts/ChartStyle.h"

#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

namespace {

QList<QPointF> smoothed(const QList<QPointF>& points, double smoothing)
{
    if (smoothing <= 0)
        return points;
    QList<QPointF> out;
    out.reserve(points.size());
    double average = points.isEmpty() ? 0 : points.first().y();
    for (const QPointF& p : points) {
        average = smoothing * average + (1 - smoothing) * p.y();
        out.append({p.x(), average});
    }
    return out;
}

// A log axis cannot show zero or negative values; losses are positive but can round to 0.
QList<QPointF> positive(QList<QPointF> points)
{
    for (QPointF& p : points)
        p.setY(std::max(p.y(), 1e-12));
    return points;
}

} // namespace

LossChart::LossChart(QWidget* parent) : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Loss"));
    m_train = new QLineSeries(chart);
    m_train->setName(tr("training"));
    m_validation = new QLineSeries(chart);
    m_validation->setName(tr("validation"));
    chart->addSeries(m_train);
    chart->addSeries(m_validation);
    m_steps = new QValueAxis(chart);
    m_steps->setTitleText(tr("optimizer step"));
    m_steps->setLabelFormat("%d");
    m_steps->setTickType(QValueAxis::TicksDynamic);
    m_steps->setTickAnchor(0);
    chart->addAxis(m_steps, Qt::AlignBottom);
    m_train->attachAxis(m_steps);
    m_validation->attachAxis(m_steps);
    m_linear = new QValueAxis(chart);
    m_linear->setLabelFormat("%g");
    m_log = new QLogValueAxis(chart);
    m_log->setLabelFormat("%.0e");
    m_log->setBase(10);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_linear), static_cast<QAbstractAxis*>(m_log)})
        axis->setTitleText(tr("loss"));
    setChart(chart);
    ChartStyle::apply(chart, {m_train, m_validation});
    ChartStyle::followApplicationFont(this);
    attachAxis(m_logarithmic);
}

void LossChart::attachAxis(bool logarithmic)
{
    QChart* chart = this->chart();
    QAbstractAxis* oldAxis = logarithmic ? static_cast<QAbstractAxis*>(m_linear) : m_log;
    QAbstractAxis* newAxis = logarithmic ? static_cast<QAbstractAxis*>(m_log) : m_linear;
    if (chart->axes(Qt::Vertical).contains(oldAxis)) {
        m_train->detachAxis(oldAxis);
        m_validation->detachAxis(oldAxis);
        chart->removeAxis(oldAxis);
    }
    if (!chart->axes(Qt::Vertical).contains(newAxis)) {
        chart->addAxis(newAxis, Qt::AlignLeft);
        m_train->attachAxis(newAxis);
        m_validation->attachAxis(newAxis);
    }
    ChartStyle::styleAxis(newAxis);
}

void LossChart::setLogarithmic(bool logarithmic)
{
    if (logarithmic == m_logarithmic)
        return;
    m_logarithmic = logarithmic;
    attachAxis(logarithmic);
    redraw();
}

void LossChart::setSmoothing(double smoothing)
{
    m_smoothing = std::clamp(smoothing, 0.0, 0.99);
    redraw();
}

void LossChart::showSnapshot(const TrainingSnapshot& snapshot)
{
    // Smooth lines for a paused picture; while training runs, plain lines draw in half the time.
    setRenderHint(QPainter::Antialiasing, !snapshot.running);
    m_rawTrain = snapshot.trainLossHistory;
    m_rawValidation = snapshot.validationLossHistory;
    redraw();
}

void LossChart::redraw()
{
    QList<QPointF> train = smoothed(m_rawTrain, m_smoothing);
    QList<QPointF> validation = m_rawValidation;
    if (m_logarithmic) {
        train = positive(train);
        validation = positive(validation);
    }
    m_train->replace(train);
    m_validation->replace(validation);

    double lastStep = 10, low = 1e300, high = -1e300; // at least 10 steps wide, so ticks are whole
    for (const QList<QPointF>* series : {&train, &validation})
        for (const QPointF& p : *series) {
            lastStep = std::max(lastStep, p.x());
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    // The axis ends at the last step; ticks fall on round numbers of steps.
    m_steps->setRange(0, lastStep);
    m_steps->setTickInterval(ChartStyle::niceStep(lastStep / 6));
    if (low > high) {
        low = 1e-3;
        high = 1;
    }
    if (m_logarithmic) {
        m_log->setRange(std::pow(10, std::floor(std::log10(low))), std::pow(10, std::ceil(std::log10(high))));
    } else {
        ChartStyle::setNiceRange(m_linear, 0, high * 1.05);
    }
}
