// Predictions against targets over the validation part, in the user's units, plus the
// model running free on its own outputs in a third colour. For data without such a curve
// (classification, last-step targets) it shows the task's score over training instead.
#pragma once

#include "worker/TrainingSnapshot.h"

#include <QChartView>

class QLineSeries;
class QValueAxis;

class PredictionChart : public QChartView {
    Q_OBJECT
public:
    explicit PredictionChart(QWidget* parent = nullptr);

    void showSnapshot(const TrainingSnapshot& snapshot);

    const QLineSeries* targetSeries() const { return m_target; }
    const QLineSeries* predictionSeries() const { return m_prediction; }
    const QLineSeries* freeRunSeries() const { return m_freeRun; }
    const QLineSeries* scoreSeries() const { return m_score; }

private:
    void showCurves(const TrainingSnapshot& snapshot);
    void showScore(const TrainingSnapshot& snapshot);

    QLineSeries* m_target = nullptr;
    QLineSeries* m_prediction = nullptr;
    QLineSeries* m_freeRun = nullptr;
    QLineSeries* m_score = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    // The lists last drawn. Snapshots share an unchanged list with the one before (implicit
    // sharing), so the same data pointer means nothing to redraw.
    QList<QPointF> m_drawnPredictions, m_drawnFreeRun;
};
