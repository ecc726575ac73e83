// Remember the first symbol: one of `classes` class symbols, then `lag` random distractor
// symbols; at the last step name the first one. The plainest way to watch a tanh RNN's memory
// give out as the lag grows, well before an LSTM's does. Not from a paper; a teaching task.
#pragma once

#include "data/tasks/IndependentSequences.h"

namespace lstm {

struct RememberFirstOptions {
    int lag = 20;        // distractors between the first symbol and the question
    int classes = 4;     // class symbols A, B, ...: ids 0 .. classes-1, also the class ids
    int distractors = 4; // distractor symbols a, b, ...: ids classes .. classes+distractors-1
    int validationSequences = 500; // at most, fewer when long
    std::uint64_t seed = 1;
};

class RememberFirst final : public IndependentSequences {
public:
    static constexpr int maximumSymbols = 26; // per kind: named by one letter

    explicit RememberFirst(const RememberFirstOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.lag + 1; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

private:
    void drawSequence(Random& random, int b, SequenceBatch<double>& out) const override;

    RememberFirstOptions m_options;
};

} // namespace lstm
