#include "window/TrainingToolBar.h"

#include "style/ToolIcons.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QSlider>

#include <cmath>

namespace {
// The speed slider's stops, in steps per second; the last means as fast as possible.
const QList<double> speeds{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 0};
} // namespace

TrainingToolBar::TrainingToolBar(QWidget* parent) : QToolBar(tr("Training"), parent)
{
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setMovable(false);
    m_play = addAction(tr("Play"));
    m_play->setShortcut(Qt::Key_Space);
    m_play->setToolTip(tr("Start or pause training (Space)"));
    m_step = addAction(tr("Step"));
    m_step->setShortcuts({QKeySequence(Qt::Key_S), QKeySequence(Qt::Key_Right)});
    m_step->setToolTip(tr("Pause and make exactly one optimizer step (S or Right)"));
    m_reset = addAction(tr("Reset"));
    drawIcons();
    m_reset->setShortcut(Qt::Key_R);
    m_reset->setToolTip(tr("Start again from fresh random weights with the same seed (R)"));
    addSeparator();
    addWidget(new QLabel(tr(" Speed ")));
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(0, int(speeds.size()) - 1);
    m_speed->setPageStep(1);
    m_speed->setFixedWidth(160);
    m_speed->setToolTip(tr("From one step per second, to watch each step, to as fast as possible"));
    addWidget(m_speed);
    m_speedLabel = new QLabel;
    m_speedLabel->setMinimumWidth(110);
    addWidget(m_speedLabel);
    connect(m_speed, &QSlider::valueChanged, this, [this] {
        const double value = stepsPerSecond();
        m_speedLabel->setText(value > 0 ? tr(" %1 steps/s").arg(value) : tr(" as fast as possible"));
        emit stepsPerSecondChanged(value);
    });
    setStepsPerSecond(0);
}

double TrainingToolBar::stepsPerSecond() const
{
    return speeds[m_speed->value()];
}

void TrainingToolBar::setStepsPerSecond(double wanted)
{
    int index = int(speeds.size()) - 1; // as fast as possible
    if (wanted > 0) {
        const auto distance = [&](int k) { return std::abs(std::log(speeds[k] / wanted)); };
        index = 0;
        for (int k = 1; k + 1 < int(speeds.size()); ++k)
            if (distance(k) < distance(index))
                index = k;
    }
    m_speed->setValue(index);
    m_speedLabel->setText(stepsPerSecond() > 0 ? tr(" %1 steps/s").arg(stepsPerSecond()) : tr(" as fast as possible"));
}

void TrainingToolBar::setRunning(bool running)
{
    m_running = running;
    m_play->setText(running ? tr("Pause") : tr("Play"));
    m_play->setIcon(running ? ToolIcons::pause(palette()) : ToolIcons::play(palette()));
}

void TrainingToolBar::drawIcons()
{
    setRunning(m_running);
    m_step->setIcon(ToolIcons::step(palette()));
    m_reset->setIcon(ToolIcons::reset(palette()));
}

// Icons in the text colour of the palette in use: a dark palette gets light icons.
void TrainingToolBar::changeEvent(QEvent* event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        drawIcons();
}
