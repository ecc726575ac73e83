// One chart of the Compare page: a curve per model in that model's colour (the same in every
// chart), on a linear or logarithmic value axis, and optionally a reference curve drawn in
// grey beneath them (the targets the predictions follow).
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QStringList>

class QAbstractAxis;
class QLineSeries;
class QValueAxis;

class ModelCurvesChart : public QChartView {
    Q_OBJECT
public:
    ModelCurvesChart(const QString& title, const QString& xTitle, const QString& yTitle, bool logarithmic,
                     QWidget* parent = nullptr);

    void setCurves(const QStringList& names, const QList<QList<QPointF>>& curves,
                   const QList<QPointF>& reference = {}, const QString& referenceName = {});
    int curveCount() const { return int(m_curves.size()); }
    const QLineSeries* curve(int k) const { return m_curves[k]; }
    const QLineSeries* reference() const { return m_reference; }
    // A line under the title, e.g. why the chart is empty.
    void setNote(const QString& note);
    void setAxisTitles(const QString& x, const QString& y);
    // While training runs, lines are drawn without antialiasing: several times faster, and
    // the picture changes too often for the difference to show.
    void setRunning(bool running) { setRenderHint(QPainter::Antialiasing, !running); }
    // Marks every point, for curves of a few points each (a sweep's).
    void setPointsVisible(bool visible);

private:
    void makeSeries(int count);
    void fitAxes();

    QString m_title;
    bool m_logarithmic;
    bool m_pointsVisible = false;
    QStringList m_shownNames; // what setCurves() drew last (implicitly shared copies)
    QList<QList<QPointF>> m_shownCurves;
    QList<QPointF> m_shownReference;
    QList<QLineSeries*> m_curves;
    QLineSeries* m_reference = nullptr;
    QValueAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr;
};
