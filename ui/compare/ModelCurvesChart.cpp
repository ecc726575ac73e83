#include "compare/ModelCurvesChart.h"

#include "charts/ChartStyle.h"

#include <QApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPalette>
#include <QValueAxis>

#include <cmath>
#include <limits>

ModelCurvesChart::ModelCurvesChart(const QString& title, const QString& xTitle, const QString& yTitle,
                                   bool logarithmic, QWidget* parent)
    : QChartView(parent), m_title(title), m_logarithmic(logarithmic)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    m_x = new QValueAxis(chart);
    m_x->setTitleText(xTitle);
    m_x->setLabelFormat("%g");
    chart->addAxis(m_x, Qt::AlignBottom);
    if (logarithmic) {
        auto* log = new QLogValueAxis(chart);
        log->setBase(10);
        log->setLabelFormat("%.0e");
        m_y = log;
    } else {
        auto* linear = new QValueAxis(chart);
        linear->setLabelFormat("%g");
        m_y = linear;
    }
    m_y->setTitleText(yTitle);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_reference = new QLineSeries(chart);
    chart->addSeries(m_reference);
    m_reference->attachAxis(m_x);
    m_reference->attachAxis(m_y);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    makeSeries(0);
    ChartStyle::followApplicationFont(this);
}

void ModelCurvesChart::makeSeries(int count)
{
    while (m_curves.size() > count) {
        QLineSeries* gone = m_curves.takeLast();
        chart()->removeSeries(gone); // which hands it back to be deleted
        delete gone;
    }
    while (m_curves.size() < count) {
        auto* series = new QLineSeries(chart());
        chart()->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        series->setPointsVisible(m_pointsVisible);
        m_curves.append(series);
    }
    QList<QXYSeries*> styled(m_curves.begin(), m_curves.end());
    ChartStyle::apply(chart(), styled);
    QColor grey = QApplication::palette().color(QPalette::WindowText);
    grey.setAlphaF(0.45);
    QPen pen(grey);
    pen.setWidthF(2);
    m_reference->setPen(pen);
}

void ModelCurvesChart::setCurves(const QStringList& names, const QList<QList<QPointF>>& curves,
                                 const QList<QPointF>& reference, const QString& referenceName)
{
    // Most snapshots change one or two charts (predictions and gradients only move at an
    // evaluation): the others keep their layout.
    if (names == m_shownNames && curves == m_shownCurves && reference == m_shownReference)
        return;
    m_shownNames = names;
    m_shownCurves = curves;
    m_shownReference = reference;
    if (curves.size() != m_curves.size())
        makeSeries(int(curves.size()));
    for (qsizetype k = 0; k < curves.size(); ++k) {
        QList<QPointF> points = curves[k];
        if (m_logarithmic) // a log axis cannot show 0: such a point sits at the bottom
            for (QPointF& p : points)
                p.setY(std::max(p.y(), 1e-30));
        if (m_curves[k]->name() != names.value(k)) // a new name re-lays out the legend: only when it changes
            m_curves[k]->setName(names.value(k));
        m_curves[k]->replace(points);
    }
    m_reference->replace(reference);
    if (m_reference->name() != referenceName)
        m_reference->setName(referenceName);
    QLegendMarker* referenceMarker = chart()->legend()->markers(m_reference).value(0);
    if (referenceMarker && referenceMarker->isVisible() == reference.isEmpty())
        referenceMarker->setVisible(!reference.isEmpty());
    fitAxes();
}

void ModelCurvesChart::fitAxes()
{
    double xLow = std::numeric_limits<double>::infinity(), xHigh = -xLow, yLow = xLow, yHigh = -xLow;
    const auto take = [&](const QList<QPointF>& points) {
        for (const QPointF& p : points) {
            if (!std::isfinite(p.y()) || (m_logarithmic && p.y() <= 0))
                continue;
            xLow = std::min(xLow, p.x());
            xHigh = std::max(xHigh, p.x());
            yLow = std::min(yLow, p.y());
            yHigh = std::max(yHigh, p.y());
        }
    };
    for (const QLineSeries* series : m_curves)
        take(series->points());
    take(m_reference->points());
    if (!std::isfinite(xLow))
        return; // nothing to show yet
    ChartStyle::setNiceRange(m_x, xLow, std::max(xHigh, xLow + 1));
    if (m_logarithmic) {
        // A label every power of ten crowds a small chart over many decades (a plain RNN's
        // gradient spans ten): at most about six labels, whole decades apart.
        const double lowDecade = std::floor(std::log10(yLow));
        const double highDecade = std::max(std::ceil(std::log10(yHigh)), lowDecade + 1);
        const double stride = std::ceil((highDecade - lowDecade) / 6);
        auto* axis = static_cast<QLogValueAxis*>(m_y);
        const double base = std::pow(10.0, stride);
        const double low = std::pow(10.0, highDecade - stride * std::ceil((highDecade - lowDecade) / stride));
        const double high = std::pow(10.0, highDecade);
        // Each change re-lays out the chart: only when the decades shown change.
        if (axis->base() != base)
            axis->setBase(base);
        if (axis->min() != low || axis->max() != high)
            axis->setRange(low, high);
    } else {
        ChartStyle::setNiceRange(static_cast<QValueAxis*>(m_y), yLow, yHigh);
    }
}

void ModelCurvesChart::setAxisTitles(const QString& x, const QString& y)
{
    m_x->setTitleText(x);
    m_y->setTitleText(y);
}

void ModelCurvesChart::setPointsVisible(bool visible)
{
    m_pointsVisible = visible;
    for (QLineSeries* series : m_curves)
        series->setPointsVisible(visible);
}

void ModelCurvesChart::setNote(const QString& note)
{
    const QString title =
        note.isEmpty() ? m_title : m_title + QStringLiteral("<br><small>") + note + QStringLiteral("</small>");
    if (chart()->title() != title) // a new title re-lays out the chart
        chart()->setTitle(title);
}
