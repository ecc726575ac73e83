// The prediction chart's curves from one evaluation, in the user's units: the validation
// targets and the model's predictions laid end to end along the series, and the model
// running free on its own outputs after a primer. Empty for classification or last-step
// models, which have no such curves. Computed on the worker thread; plain points.
#pragma once

#include "data/Dataset.h"
#include "training/Trainer.h"

#include <QList>
#include <QPointF>

struct PredictionCurves {
    QList<QPointF> targets, predictions, freeRun;

    // `outputs` are the trainer's outputs for the validation set; the free run uses the
    // network's state, so it is not const. Without `freeRun` (the Compare page draws none)
    // that costly run is skipped.
    static PredictionCurves of(const lstm::Dataset& data, lstm::Network<float>& network,
                               const Eigen::MatrixXd& outputs, bool freeRun = true);
};
