// The temporal order task (Hochreiter & Schmidhuber 1997, experiment 6a): a sequence of
// distractors a, b, c, d framed by E (first) and B (last, the "trigger"), with an X or Y at
// two far-apart positions; at the last step classify the order: XX → Q, XY → R, YX → S,
// YY → U (classes 0 to 3). The paper starts with E and ends with B, and so does this.
//
// Not the paper's variable lengths (100 to 110): every sequence has `length` symbols and
// the relevant positions scale with it, t1 in [0.1 T, 0.2 T] and t2 in [0.5 T, 0.6 T]
// (the paper's [10, 20] and [50, 60] at T = 100).
#pragma once

#include "data/tasks/IndependentSequences.h"

namespace lstm {

struct TemporalOrderOptions {
    int length = 50;                // symbols per sequence, T; the paper's are 100 to 110
    int validationSequences = 1000; // at most, fewer when long; the paper tests on 2560
    std::uint64_t seed = 1;
};

class TemporalOrder final : public IndependentSequences {
public:
    // The vocabulary a b c d X Y E B, in this order; the four distractors come first.
    enum Symbol : int { DistractorA, DistractorB, DistractorC, DistractorD, SymbolX, SymbolY, StartE, TriggerB };

    explicit TemporalOrder(const TemporalOrderOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.length; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

private:
    void drawSequence(Random& random, int b, SequenceBatch<double>& out) const override;

    TemporalOrderOptions m_options;
};

} // namespace lstm
