// Carries out a lesson's links on the window: sets up data and model, plays, pauses, steps,
// sets the speed, steps through a recorded step, selects a unit, opens a page. Also reads
// the live values a question's answer is checked against. What each verb means is listed
// in core/lessons/LessonActions.h; here it only acts, through the window's public controls.
#pragma once

#include "lessons/Lesson.h"
#include "lessons/LessonSetup.h"
#include "session/SessionSettings.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string>

class MainWindow;

class LessonDriver : public QObject {
    Q_OBJECT
public:
    explicit LessonDriver(MainWindow* window);

    // Does what the link says; returns a sentence saying why it could not, or "" when done.
    QString run(const lstm::LessonAction& action);

    // A live value of the model in view (score, loss, train-loss, step), or nothing when
    // there is none yet or the model asked for is not the one in view.
    std::optional<double> liveValue(const std::string& quantity, const std::string& model) const;

signals:
    // Training stopped after running: a time to check a question's answer.
    void runFinished();

private:
    QString setup(const lstm::LessonSetup& setup);
    QString compare(lstm::LessonSetup setup);
    QString stepThrough(int timestep, bool backward);
    void play(bool on);

    MainWindow* m_window;
    bool m_wasRunning = false;
    bool m_comparisonWasRunning = false;
};
