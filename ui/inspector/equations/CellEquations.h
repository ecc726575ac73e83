// The numbers behind one unit's equations at one timestep of a recorded step: each gate's
// pre-activation split into its parts (recomputed in double from the weights the step used),
// the engine's recorded activations and states, the backward terms, and the change of the
// unit's weights. Plain arithmetic on a StepTrace; no Qt and no typesetting (EquationsView).
//
// Size legend: I = layer input size, H = hidden size, G = gates, T = timesteps; j = the unit.
// Row g*H + j of weight_ih / weight_hh / the biases belongs to gate g of unit j (PyTorch).
#pragma once

#include "trace/Trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace equations {

struct Where {
    int layer = 0;
    int unit = 0;     // j
    int timestep = 0; // t, inside the window [0, T)
};

// One gate of unit j at t: pre = input + recurrent + bias (+ peephole), except the GRU's
// candidate n, whose pre = input + bias + reset * (recurrent + hiddenBias).
struct GateTerms {
    std::string name;          // "i", "f", "g", "o", "r", "z", "n" or "h" (the plain RNN)
    bool sigmoid = true;       // else tanh
    double input = 0;          // W_g[j,:] x_t, from weight_ih
    double recurrent = 0;      // U_g[j,:] h_{t-1}, from weight_hh
    double bias = 0;           // b_ih + b_hh; the GRU's n: b_in alone
    double hiddenBias = 0;     // the GRU's n: b_hn, inside the reset product; else 0
    double reset = 1;          // the GRU's n: r_t (recorded); else 1
    bool hasPeephole = false;  // i, f and o of the peephole cell
    double peepholeWeight = 0; // p_g[j]
    double peepholeState = 0;  // c_{t-1} for i and f, c_t for o (recorded)
    double preActivation = 0;  // the sum of the parts above, computed here
    double activation = 0;     // the engine's recorded value
    double peephole() const { return peepholeWeight * peepholeState; }
};

struct Forward {
    lstm::CellKind cell = lstm::CellKind::Lstm;
    bool hasCell = false;
    double hPrev = 0;  // h_{t-1}[j] (h_0 of the window at t = 0), recorded
    double cPrev = 0;  // c_{t-1}[j], recorded; 0 without a cell state
    double c = 0;      // c_t[j], recorded
    double tanhC = 0;  // tanh(c_t[j])
    double h = 0;      // h_t[j], recorded
    std::vector<GateTerms> gates; // in gate order
    const GateTerms* gate(std::string_view name) const;
};

Forward forwardTerms(const lstm::StepTrace& trace, const Where& where);

// dL/d(pre-activation) of one gate: the chain rule from the shown numbers, and the engine's.
struct GateGradient {
    std::string name;
    double computed = 0;
    double recorded = 0;
};

// The backward pass at unit j and timestep t, as the engine (core/*Layer.cpp) runs it.
struct Backward {
    double dh = 0;            // dL/dh_t, recorded: the total of the two parts below
    double dhFromAbove = 0;   // from the layer above at t, or from the head on the top layer
    bool aboveComputed = false; // below the top: W_ih^(l+1)[:,j] . delta^(l+1)_t, computed;
                                // the top layer: dh - dhFromNext (the head's part is not recorded)
    bool hasNext = false;     // t + 1 is inside the window; the last timestep gets nothing from later
    double dhFromNext = 0;    // from t+1: dhThroughWeights (+ dhNext * keepNext for the GRU)
    double dhThroughWeights = 0; // sum_k U[k,j] delta_{k,t+1}, over every gate row k
    double dhNext = 0;        // GRU: dL/dh_{t+1} (recorded) ...
    double keepNext = 0;      // ... times z_{t+1}, the direct path h_t -> h_{t+1}

    // Cells with a cell state. dL/dc_t = dcFromNext + dcFromH + dcFromO.
    double dcNext = 0;        // dL/dc_{t+1} (recorded); 0 at the last timestep
    double carryGate = 0;     // f_{t+1}; 1 for the 1997 cell (the constant error carousel)
    double carryPeephole = 0; // peephole: p_i delta_i,t+1 + p_f delta_f,t+1
    double dcFromNext = 0;    // dcNext * carryGate + carryPeephole
    double dcFromH = 0;       // dh * o_t * (1 - tanh^2 c_t)
    double dcFromO = 0;       // peephole: p_o * delta_o,t (o sees c_t)
    double dc = 0;            // the sum, computed here
    double dcRecorded = 0;    // the engine's total dL/dc_t

    std::vector<GateGradient> gates; // in gate order
    const GateGradient* gate(std::string_view name) const;
};

Backward backwardTerms(const lstm::StepTrace& trace, const Where& where);

// One of the unit's parameters before and after the optimizer step.
struct ParameterChange {
    enum class Kind { InputWeight, RecurrentWeight, Bias, InputBias, HiddenBias, Peephole };
    Kind kind = Kind::Bias;
    int index = -1; // the input (InputWeight) or hidden unit (RecurrentWeight) it multiplies
    double before = 0;
    double after = 0;
    double change() const { return after - before; }
};

struct GateUpdate {
    std::string gate;
    // The bias first (b_ih + b_hh; the GRU's n: b_in and b_hn), then its peephole weight,
    // then the `largest` weights of the gate's two rows with the largest change.
    std::vector<ParameterChange> changes;
};

std::vector<GateUpdate> updateTerms(const lstm::StepTrace& trace, const Where& where, int largest = 2);

} // namespace equations
