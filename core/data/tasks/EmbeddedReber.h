// Next-symbol prediction on embedded Reber strings (Hochreiter & Schmidhuber 1997,
// experiment 1): at every step read a symbol and predict the next. The hard step is the
// second-last, which must repeat the T or P seen right after the first B.
//
// Like the paper, a fixed set of training strings (256 by default) and 256 validation
// strings. Strings differ in length; a batch is as long as its longest string, and shorter
// strings are padded with E in, E out after their final E. Scores skip the padding; the
// loss includes it (a padded step is soon learnt and then costs next to nothing).
#pragma once

#include "data/Dataset.h"

#include <cstdint>
#include <vector>

namespace lstm {

struct EmbeddedReberOptions {
    int trainingStrings = 256;
    int validationStrings = 256;
    std::uint64_t seed = 1;
};

class EmbeddedReber final : public Dataset {
public:
    explicit EmbeddedReber(const EmbeddedReberOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override; // the longest validation string's steps; batches vary
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const override;
    const SequenceBatch<double>& validationSet() const override { return m_validation; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

    const std::vector<std::vector<int>>& trainingStrings() const { return m_training; }

private:
    std::vector<std::vector<int>> m_training;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
