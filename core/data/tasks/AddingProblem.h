// The adding problem (Hochreiter & Schmidhuber 1997, experiment 4): each step is a pair
// (value in [-1, 1], marker); two pairs are marked with 1 and at the last step the model
// must output 0.5 + (X1 + X2)/4, the scaled sum of the two marked values. Not the paper's
// variable lengths: every sequence has exactly `length` pairs, so a batch is rectangular.
//
// Marking, as in the paper: X1 is one of the first ten pairs; X2 one of the first
// length/2 - 1 pairs still unmarked; the first and last pairs carry marker -1 unless
// marked; a marked first pair has its value set to 0 (the paper's rule for X1, applied to
// either mark).
#pragma once

#include "data/tasks/IndependentSequences.h"

namespace lstm {

struct AddingProblemOptions {
    int length = 30;               // pairs per sequence, T; the paper's runs use 100, 500 and 1000
    int validationSequences = 1000; // at most, fewer when long; the paper tests on 2560
    std::uint64_t seed = 1;
};

class AddingProblem final : public IndependentSequences {
public:
    static constexpr double tolerance = 0.04; // the paper's "processed correctly"

    explicit AddingProblem(const AddingProblemOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.length; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

private:
    void drawSequence(Random& random, int b, SequenceBatch<double>& out) const override;

    AddingProblemOptions m_options;
};

} // namespace lstm
