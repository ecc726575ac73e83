// Predictions against targets over the validation part, in the user's units, plus the
// model running free on its own outputs in a third colour. For regression data; shows a
// short note for data without a curve to draw.
#pragma once

#include "TrainingSnapshot.h"

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

private:
    QLineSeries* m_target = nullptr;
    QLineSeries* m_prediction = nullptr;
    QLineSeries* m_freeRun = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
};
