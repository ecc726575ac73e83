// A real recorded training step for the view tests: one step of a small network on seeded
// random data, recorded by the engine, so views are tested on what they will really show.
#pragma once

#include "cells/CellKind.h"
#include "trace/Trace.h"

#include <memory>

class QWidget;

namespace testing {

struct TraceShape {
    lstm::CellKind cell = lstm::CellKind::Lstm;
    int hidden = 4;
    int steps = 6;
    int layers = 1;
    int inputSize = 2;
    unsigned seed = 7;
};

std::shared_ptr<const lstm::StepTrace> recordedTrace(const TraceShape& shape = {});

// Saves a picture of the widget as NAME.png in the folder $LSTM_LAB_VIEW_SHOTS, when that is
// set, so a person can look at what a view test drew. Does nothing otherwise.
void saveShot(QWidget& widget, const char* name);

} // namespace testing
