// What the Compare page draws, copied out of a lock-step comparison on its worker thread:
// per model its curves over training (validation loss, task score), its predictions on the
// validation series, and ||dL/dh_t|| over the timesteps of its latest recorded step, with
// that step itself for the inspector. Immutable once published.
#pragma once

#include "inspector/InspectorModel.h"

#include "data/Dataset.h"
#include "nn/ModelConfig.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct ComparedModel {
    QString label;                  // e.g. "LSTM, 16 units"
    lstm::ModelConfig model;
    QString stopped;                // why it stopped, in a few words; empty while it trains
    QList<QPointF> validationLoss;  // (step, loss) at every evaluation
    QList<QPointF> score;           // (step, score in [0, 1]) when the data has a score
    std::optional<lstm::TaskScore> lastScore;
    QList<QPointF> predictions;     // regression: the validation series as this model predicts it
    QList<QPointF> gradientNorms;   // (t, ||dL/dh_t||) of the first layer in the latest recorded step
    TracePointer trace;             // that step
};

struct ComparisonSnapshot {
    std::vector<ComparedModel> models;
    QList<QPointF> targets; // the validation series the predictions follow; empty for classification
    QString scoreName;      // "accuracy", ...; empty when the data has no score
    long step = 0;          // every model's step: they train in lock-step (a stopped one stays behind)
    bool running = false;
    bool finished = false;  // every model stopped by itself (solved, step limit, ...)
};

using ComparisonPointer = std::shared_ptr<const ComparisonSnapshot>;
