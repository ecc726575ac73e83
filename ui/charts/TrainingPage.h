// The window's first page: the notice banner, the loss chart with its axis and smoothing
// options, the predictions, and for text the samples the model writes. Holds the widgets;
// the window feeds them snapshots.
#pragma once

#include <QWidget>

class LossChart;
class NoticeBanner;
class PredictionChart;
class TextSamplePanel;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget* parent = nullptr);

    NoticeBanner* banner() const { return m_banner; }
    LossChart* lossChart() const { return m_loss; }
    PredictionChart* predictionChart() const { return m_predictions; }
    TextSamplePanel* textSamples() const { return m_textSamples; }

private:
    QLayout* buildLossOptions();

    NoticeBanner* m_banner = nullptr;
    LossChart* m_loss = nullptr;
    PredictionChart* m_predictions = nullptr;
    TextSamplePanel* m_textSamples = nullptr;
};
