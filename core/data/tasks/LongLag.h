// Noise-free long time lags (Hochreiter & Schmidhuber 1997, task 2a): one of the two
// sequences (x, a1, ..., a_{p-1}) and (y, a1, ..., a_{p-1}), each with probability 0.5,
// after which the model must name the sequence's final element, which equals its first
// (x or y). The middle never changes, so only a memory of the first step helps.
//
// Not the paper's every-step prediction: only the final element is asked for (the others
// are fixed), as a class: 0 = x, 1 = y, the same ids the two have as input symbols.
#pragma once

#include "data/tasks/IndependentSequences.h"

namespace lstm {

struct LongLagOptions {
    int lag = 20; // p: steps from the first element to the one that repeats it; the paper's is 100
};

class LongLag final : public IndependentSequences {
public:
    enum Symbol : int { SymbolX, SymbolY }; // then a1 ... a_{p-1} as 2 ... p

    explicit LongLag(const LongLagOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.lag; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

private:
    void drawSequence(Random& random, int b, SequenceBatch<double>& out) const override;
    void writeSequence(int first, int b, SequenceBatch<double>& out) const;

    LongLagOptions m_options;
};

} // namespace lstm
