// One training run as the command line, a comparison, a sweep and a lesson check drive it:
// a Trainer on a data set with its own batch sampler (seeded from the run's seed, so two runs
// with the same seed see the same batches), trained some steps at a time and evaluated in
// between, stopping by itself (StopConditions). On early stopping the best weights come back.
// Not a thread: one run belongs to one thread at a time.
#pragma once

#include "data/Dataset.h"
#include "training/StopRule.h"
#include "training/Trainer.h"

#include <optional>

namespace lstm {

struct Evaluation {
    long step = 0;
    double trainLoss = 0;      // mean over the steps since the last evaluation; NaN before any
    double validationLoss = 0;
    std::optional<TaskScore> score;
};

template <typename S>
class TrainingRun {
public:
    TrainingRun(const Dataset& data, const ModelConfig& model, const TrainConfig& train, StopConditions stop = {});

    // Trains up to `steps` more steps; fewer when it diverges or reaches the step limit.
    // Returns the steps made.
    long advance(long steps);
    // The validation loss and the task's score now; decides on solving and early stopping.
    const Evaluation& evaluate();

    bool stopped() const { return m_reason != StopReason::None; }
    StopReason reason() const { return m_reason; }
    long steps() const { return m_trainer.steps(); }
    const Evaluation& last() const { return m_last; }
    // The model's outputs for the validation set at the last evaluation: (O, T*B) or (O, B).
    const Eigen::MatrixXd& lastOutputs() const { return m_outputs; }
    std::optional<long> solvedAt() const { return m_rule.solvedAt(); } // the first evaluated step that met the criterion
    const EarlyStopping& earlyStopping() const { return m_rule.earlyStopping(); }
    Trainer<S>& trainer() { return m_trainer; }
    const Trainer<S>& trainer() const { return m_trainer; }

private:
    const Dataset& m_data;
    TrainConfig m_train;
    StopRule<S> m_rule;
    Trainer<S> m_trainer;
    Random m_sampler;
    double m_lossSum = 0;
    long m_lossCount = 0;
    Evaluation m_last;
    Eigen::MatrixXd m_outputs;
    StopReason m_reason = StopReason::None;
};

} // namespace lstm
