#include "data/tasks/ContinualReber.h"

#include "data/BatchShape.h"
#include "data/tasks/ReberGrammar.h"

#include <stdexcept>
#include <vector>

namespace lstm {

namespace {

// Fills every sequence of `out` (already sized) with a fresh stream read from its start.
void drawStreams(Random& random, SequenceBatch<double>& out)
{
    std::vector<int> stream;
    for (int b = 0; b < out.batch; ++b) {
        stream.clear();
        while (int(stream.size()) <= out.steps) {
            const std::vector<int> string = reber::drawString(random);
            stream.insert(stream.end(), string.begin(), string.end());
        }
        for (int t = 0; t < out.steps; ++t) {
            const auto column = size_t(batchColumn(out, t, b));
            out.symbols[column] = stream[size_t(t)];
            out.classes[column] = stream[size_t(t + 1)];
        }
    }
}

} // namespace

ContinualReber::ContinualReber(const ContinualReberOptions& options) : m_options(options)
{
    if (options.length < 1 || options.validationLength < 1 || options.validationStreams < 1)
        throw std::invalid_argument("continual Reber needs streams of at least one step and a validation stream");
    Random random(options.seed);
    resizeBatch(shape(), options.validationLength, options.validationStreams, m_validation);
    drawStreams(random, m_validation);
}

DataShape ContinualReber::shape() const
{
    return reber::nextSymbolShape();
}

void ContinualReber::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    resizeBatch(shape(), m_options.length, batch, out);
    drawStreams(random, out);
}

std::optional<TaskScore> ContinualReber::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    long predicted = 0;
    for (int b = 0; b < data.batch; ++b)
        predicted += reber::stepsPredicted(data, outputs, b, data.steps);
    const long steps = long(data.steps) * data.batch;
    const double share = steps > 0 ? double(predicted) / double(steps) : 0;
    return TaskScore{"symbols predicted", share, predicted == steps,
                     "every step of every validation stream has all its legal next symbols above every other "
                     "symbol, as for embedded Reber, over unbroken streams (Gers, Schmidhuber & Cummins 2000 "
                     "judge a net by how long it predicts a never-reset stream without error)"};
}

} // namespace lstm
