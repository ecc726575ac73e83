// The toolbar that drives training: Play/Pause, Step (exactly one optimizer step), Reset,
// and a speed control from one step per second to as fast as the machine allows.
#pragma once

#include <QToolBar>

class QAction;
class QLabel;
class QSlider;

class TrainingToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit TrainingToolBar(QWidget* parent = nullptr);

    void setRunning(bool running);
    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* resetAction() const { return m_reset; }
    // Steps per second the slider asks for; 0 = as fast as possible.
    double stepsPerSecond() const;
    // The slider's stop nearest to this speed; 0 for as fast as possible.
    void setStepsPerSecond(double stepsPerSecond);

signals:
    void stepsPerSecondChanged(double stepsPerSecond);

protected:
    void changeEvent(QEvent* event) override;

private:
    void drawIcons();

    bool m_running = false;
    QAction* m_play = nullptr;
    QAction* m_step = nullptr;
    QAction* m_reset = nullptr;
    QSlider* m_speed = nullptr;
    QLabel* m_speedLabel = nullptr;
};
