#include "charts/TrainingPage.h"

#include "charts/LossChart.h"
#include "charts/PredictionChart.h"
#include "panel/TextSamplePanel.h"
#include "window/NoticeBanner.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

TrainingPage::TrainingPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_banner = new NoticeBanner;
    layout->addWidget(m_banner);
    m_loss = new LossChart;
    m_predictions = new PredictionChart;
    layout->addWidget(m_loss, 1);
    layout->addLayout(buildLossOptions());
    layout->addWidget(m_predictions, 1);
    m_textSamples = new TextSamplePanel; // shown for text data only
    layout->addWidget(m_textSamples, 1);
}

QLayout* TrainingPage::buildLossOptions()
{
    auto* options = new QHBoxLayout;
    auto* logScale = new QCheckBox(tr("Logarithmic loss axis"));
    logScale->setChecked(m_loss->logarithmic());
    logScale->setToolTip(tr("A log axis shows the whole descent, from the first steps to the last digits"));
    auto* smoothing = new QSlider(Qt::Horizontal);
    smoothing->setRange(0, 99);
    smoothing->setValue(60);
    smoothing->setMaximumWidth(200);
    smoothing->setToolTip(tr("Smooth the noisy training loss (an exponential moving average)"));
    options->addWidget(logScale);
    options->addSpacing(24);
    options->addWidget(new QLabel(tr("Smoothing")));
    options->addWidget(smoothing);
    options->addStretch();
    connect(logScale, &QCheckBox::toggled, m_loss, &LossChart::setLogarithmic);
    connect(smoothing, &QSlider::valueChanged, m_loss, [this](int value) { m_loss->setSmoothing(value / 100.0); });
    return options;
}
