// What the window shows of training at one moment, as one immutable value copied out of
// the worker thread: progress, loss histories, predictions in the user's units, the task's
// score, the latest recorded trace and, for text, the latest text the model wrote. Views draw
// it and never reach into the engine.
#pragma once

#include "worker/ParameterHistory.h"
#include "session/SessionSettings.h"

#include "data/Dataset.h"
#include "nn/ModelConfig.h"
#include "trace/Trace.h"

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

// What a character model wrote after the prompt at one step of training.
struct TextSample {
    long step = 0;
    double temperature = 1;
    QString prompt;  // the user's prompt, empty when the model started a line
    QString text;    // the characters written after it
    QString error;   // why no text could be written (a prompt character the text never uses)
};

struct TrainingSnapshot {
    long step = 0;                     // optimizer steps done
    bool running = false;
    bool diverged = false;
    QString message;                   // why training stopped, when it did on its own
    double stepsPerSecond = 0;
    double epoch = qQNaN();            // training data seen, in passes; NaN for endless generated data
    double trainLoss = qQNaN();        // mean of the steps since the last snapshot
    double validationLoss = qQNaN();
    long lastGoodStep = -1;            // the weights restoreLastGood() would bring back
    QList<QPointF> trainLossHistory;   // (step, loss), at most a few thousand points
    QList<QPointF> validationLossHistory;
    bool regression = true;
    QList<QPointF> targets;            // (timestep, value) over the validation part
    QList<QPointF> predictions;        // the model's one-step-ahead predictions there
    QList<QPointF> freeRun;            // the model fed its own outputs after a primer
    std::optional<lstm::TaskScore> score;
    QList<QPointF> scoreHistory;       // (step, score value in [0, 1]) when the data has a score
    lstm::ModelConfig model;
    std::shared_ptr<const lstm::StepTrace> trace; // the last recorded step, if any
    // Per parameter group, gradient norm and update ratio of every step so far, decimated.
    std::shared_ptr<const ParameterCurves> parameterCurves;
    std::optional<TextSample> textSample; // for text data: the newest sample
    SessionSettings session;           // what the running model was built from, live changes included
};

using SnapshotPointer = std::shared_ptr<const TrainingSnapshot>;
Q_DECLARE_METATYPE(SnapshotPointer)
