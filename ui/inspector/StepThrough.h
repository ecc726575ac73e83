// Where the step-through of one recorded training step stands. A step is replayed as a
// line of positions: the forward pass one timestep at a time (t = 0 .. T-1), then the
// backward pass from the last timestep to the first, then the optimizer update. Outside a
// step-through (Complete) every value of the step is shown. Plain value logic, no Qt.
#pragma once

enum class StepPhase { Complete, Forward, Backward, Update };

// What a view may show of a recorded step at the current step-through position.
struct Reveal {
    StepPhase phase = StepPhase::Complete;
    int timestep = 0; // the timestep being computed, in Forward and Backward

    // Forward values (gates, c, h, outputs) of timestep t have been computed.
    bool forwardDone(int t) const { return phase != StepPhase::Forward || t <= timestep; }
    // Gradients of timestep t have been computed; the backward pass runs from T-1 down to 0.
    bool backwardDone(int t) const
    {
        return phase == StepPhase::Complete || phase == StepPhase::Update ||
               (phase == StepPhase::Backward && t >= timestep);
    }
    // forwardDone(t) for a forward value, backwardDone(t) for a gradient.
    bool done(int t, bool gradient) const { return gradient ? backwardDone(t) : forwardDone(t); }
    bool updateDone() const { return phase == StepPhase::Complete || phase == StepPhase::Update; }
    bool operator==(const Reveal&) const = default;
};

class StepThrough {
public:
    // Restarts for a step of `steps` timesteps, leaving any step-through.
    void reset(int steps);

    bool active() const { return m_position >= 0; }
    Reveal reveal() const;

    // Each returns whether the position changed.
    bool next();          // T: one timestep on; from Complete, starts at forward t = 0
    bool previous();      // Shift+T: one back; before forward t = 0 there is nothing
    bool startBackward(); // B: the backward pass at its first position, t = T-1
    bool applyUpdate();   // U: the optimizer update
    bool finish();        // leave the step-through: everything shown

private:
    int lastPosition() const { return 2 * m_steps; } // the update
    bool moveTo(int position);

    int m_steps = 0;
    int m_position = -1; // -1: Complete; [0, T): forward; [T, 2T): backward; 2T: update
};
