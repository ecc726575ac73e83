#include "data/tasks/IndependentSequences.h"

#include "data/BatchShape.h"

#include <algorithm>

namespace lstm {

void IndependentSequences::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    resizeBatch(shape(), sequenceLength(), batch, out);
    for (int b = 0; b < batch; ++b)
        drawSequence(random, b, out);
}

void IndependentSequences::drawValidationSet(std::uint64_t seed, int maximum)
{
    constexpr int timesteps = 100'000;
    constexpr int fewest = 100;
    const int count = std::min(maximum, std::max(fewest, timesteps / sequenceLength()));
    Random random(seed);
    sampleTrainBatch(random, count, m_validation);
}

} // namespace lstm
