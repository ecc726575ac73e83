// Where a recorded step is worth looking first: the unit of the first layer whose cell
// state (h, for cells without one) moves most over the window, at the timestep where it
// moves most. Unit 0 at t = 0 is often the dullest place: its c_{t-1} and h_{t-1} are zero,
// and in a trained sine model unit 0 can be saturated. Plain logic on a trace.
#pragma once

#include "trace/Trace.h"

struct Focus {
    int unit = 0;
    int timestep = 0;
};

Focus tellingFocus(const lstm::StepTrace& trace);
