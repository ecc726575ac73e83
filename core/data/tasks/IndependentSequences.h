// The base of the tasks whose sequences are drawn independently of each other (adding,
// temporal order, long lag, remember first): a training batch is fresh draws, the
// validation set is draws from the data set's own seed, made once. Not a task itself.
#pragma once

#include "data/Dataset.h"

#include <cstdint>

namespace lstm {

class IndependentSequences : public Dataset {
public:
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const final;
    const SequenceBatch<double>& validationSet() const final { return m_validation; }

protected:
    // For the subclass's constructor, once shape() and sequenceLength() work. Draws at most
    // `maximum` sequences: fewer when they are long, to keep the set near 100,000 timesteps
    // (a quick evaluation, a modest memory), but never fewer than 100.
    void drawValidationSet(std::uint64_t seed, int maximum);
    void setValidationSet(SequenceBatch<double> validation) { m_validation = std::move(validation); }

    // Writes one sequence and its target into sequence b of a batch sized for shape().
    virtual void drawSequence(Random& random, int b, SequenceBatch<double>& out) const = 0;

private:
    SequenceBatch<double> m_validation;
};

} // namespace lstm
