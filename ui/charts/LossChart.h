// The loss curve: training loss (optionally smoothed) and validation loss against the step,
// on a linear or logarithmic axis. Draws whatever snapshot it is given; one replace() per
// series per frame.
#pragma once

#include "worker/TrainingSnapshot.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

class LossChart : public QChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);

    void showSnapshot(const TrainingSnapshot& snapshot);
    void setLogarithmic(bool logarithmic);
    bool logarithmic() const { return m_logarithmic; }
    // 0 = raw, up to 0.99 = heavily smoothed (exponential moving average).
    void setSmoothing(double smoothing);

    const QLineSeries* trainSeries() const { return m_train; }
    const QLineSeries* validationSeries() const { return m_validation; }

private:
    void redraw();
    void attachAxis(bool logarithmic);

    QLineSeries* m_train = nullptr;
    QLineSeries* m_validation = nullptr;
    QValueAxis* m_steps = nullptr;
    QValueAxis* m_linear = nullptr;
    QLogValueAxis* m_log = nullptr;
    bool m_logarithmic = true;
    double m_smoothing = 0.6;
    QList<QPointF> m_rawTrain;
    QList<QPointF> m_rawValidation;
};
