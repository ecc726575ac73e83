#include "data/tasks/LongLag.h"

#include "data/BatchShape.h"

#include <stdexcept>
#include <string>

namespace lstm {

LongLag::LongLag(const LongLagOptions& options) : m_options(options)
{
    if (options.lag < 2)
        throw std::invalid_argument("the long-lag task needs a lag of at least 2, got " + std::to_string(options.lag));
    // Both sequences there are, once each: nothing to draw.
    SequenceBatch<double> validation;
    resizeBatch(shape(), sequenceLength(), 2, validation);
    writeSequence(SymbolX, 0, validation);
    writeSequence(SymbolY, 1, validation);
    setValidationSet(std::move(validation));
}

DataShape LongLag::shape() const
{
    DataShape shape;
    shape.inputSize = m_options.lag + 1;
    shape.symbols = true;
    shape.outputSize = 2;
    shape.output = OutputKind::Classification;
    shape.outputAt = OutputAt::LastStep;
    shape.vocabulary = {"x", "y"};
    for (int i = 1; i < m_options.lag; ++i)
        shape.vocabulary.push_back("a" + std::to_string(i));
    return shape;
}

void LongLag::writeSequence(int first, int b, SequenceBatch<double>& out) const
{
    out.symbols[size_t(batchColumn(out, 0, b))] = first;
    for (int t = 1; t < m_options.lag; ++t)
        out.symbols[size_t(batchColumn(out, t, b))] = 1 + t; // a_t
    out.classes[size_t(b)] = first;
}

void LongLag::drawSequence(Random& random, int b, SequenceBatch<double>& out) const
{
    writeSequence(random.integer(2), b, out);
}

std::optional<TaskScore> LongLag::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    const double accuracy = classificationAccuracy(data, outputs);
    return TaskScore{"accuracy", accuracy, accuracy == 1.0,
                     "the final element of both sequences predicted by the highest logit (the task of "
                     "Hochreiter & Schmidhuber 1997, 2a, which uses p = 100)"};
}

} // namespace lstm
