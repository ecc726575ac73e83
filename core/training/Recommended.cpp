#include "training/Recommended.h"

#include "data/Generators.h"

#include <stdexcept>

namespace lstm {

namespace {

// Smooth waves: PyTorch's Adam default is too timid for 16 units, 0.01 bends the curve
// within a few hundred steps; 3,000 steps take half a minute at the classroom speed.
Recommendation forWaves()
{
    Recommendation r;
    r.stop.maxSteps = 3000;
    r.classroomSpeed = 100;
    r.why = "Adam at 0.01 fits the curve within a few hundred steps; 3,000 steps run for half a minute at 100 a "
            "second.";
    return r;
}

// The long-time-lag tasks. With the default forget-gate bias (random, near 0) an LSTM's
// forget gate starts half shut, so an error signal shrinks by about half per step and the
// tasks sit at chance (remember-first, lag 50: 27% after 20,000 steps at Adam 0.003). A
// forget-gate bias of 3 (sigmoid 0.95) keeps the carousel running from the first step;
// Adam at 0.001 with the gradient clipped to norm 1 then solves every task here.
Recommendation forLongLags(long budget, double speed, const std::string& why)
{
    Recommendation r;
    r.train.learningRate = 0.001;
    r.train.clipNorm = 1;
    r.train.gateBiases.forget = 3.0;
    r.stop = {budget, true, 0};
    r.evalEvery = 100;
    r.classroomSpeed = speed;
    r.why = "Adam at 0.001, clipping at norm 1 and a forget-gate bias of 3, which keeps the cell's memory open "
            "from the first step. " + why;
    return r;
}

} // namespace

Recommendation recommendedSettings(const std::string& dataset)
{
    if (!findGenerator(dataset))
        throw std::invalid_argument("no built-in data set is called \"" + dataset + "\"");
    if (dataset == "remember-first")
        return forLongLags(3000, 50, "An LSTM solves lag 50 within a few hundred steps; a plain RNN stays at chance "
                                     "for all 3,000.");
    if (dataset == "long-lag")
        return forLongLags(5000, 100, "An LSTM solves lag 100 within about 1,500 steps.");
    if (dataset == "adding")
        return forLongLags(40000, 1000, "An LSTM solves T = 100 by the paper's criterion within about 25,000 steps; "
                                        "a plain RNN stays near 15% within 0.04.");
    if (dataset == "temporal-order")
        return forLongLags(10000, 200, "An LSTM solves T = 100 within about 2,000 steps.");
    if (dataset == "embedded-reber")
        return forLongLags(10000, 200, "An LSTM predicts every validation string within about 2,500 steps.");
    if (dataset == "continual-reber") {
        Recommendation r;
        r.train.learningRate = 0.003;
        r.stop = {10000, true, 0};
        r.evalEvery = 250;
        r.classroomSpeed = 200;
        r.why = "Adam at 0.003: an LSTM predicts every symbol of eight 1,000-step streams within about 2,000 steps.";
        return r;
    }
    return forWaves();
}

} // namespace lstm
