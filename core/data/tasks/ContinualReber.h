// Continual embedded Reber (Gers, Schmidhuber & Cummins 2000): embedded Reber strings
// back to back with no reset and no marker between them, one symbol per step; predict the
// next symbol at every step. The net must learn to clear its own memory after each string,
// which is what the forget gate is for.
//
// Every sequence is a stream that starts at a string's B (as each of Gers et al.'s
// streams does) and runs on through as many strings as fit. With --truncation the trainer
// cuts a training stream into windows and carries the state across them.
#pragma once

#include "data/Dataset.h"

#include <cstdint>

namespace lstm {

struct ContinualReberOptions {
    int length = 100;           // steps per training stream (about 8 strings)
    int validationLength = 1000; // steps per validation stream: longer than training on purpose
    int validationStreams = 8;
    std::uint64_t seed = 1;
};

class ContinualReber final : public Dataset {
public:
    explicit ContinualReber(const ContinualReberOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.length; }
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const override;
    const SequenceBatch<double>& validationSet() const override { return m_validation; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

private:
    ContinualReberOptions m_options;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
