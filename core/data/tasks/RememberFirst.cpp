#include "data/tasks/RememberFirst.h"

#include "data/BatchShape.h"

#include <stdexcept>
#include <string>

namespace lstm {

RememberFirst::RememberFirst(const RememberFirstOptions& options) : m_options(options)
{
    if (options.lag < 1 || options.classes < 2 || options.classes > maximumSymbols || options.distractors < 1 ||
        options.distractors > maximumSymbols || options.validationSequences < 1)
        throw std::invalid_argument("remember-first needs a lag of at least 1, 2 to 26 classes, 1 to 26 distractors "
                                    "and a validation sequence");
    drawValidationSet(options.seed, options.validationSequences);
}

DataShape RememberFirst::shape() const
{
    DataShape shape;
    shape.inputSize = m_options.classes + m_options.distractors;
    shape.symbols = true;
    shape.outputSize = m_options.classes;
    shape.output = OutputKind::Classification;
    shape.outputAt = OutputAt::LastStep;
    for (int k = 0; k < m_options.classes; ++k)
        shape.vocabulary.push_back(std::string(1, char('A' + k)));
    for (int k = 0; k < m_options.distractors; ++k)
        shape.vocabulary.push_back(std::string(1, char('a' + k)));
    return shape;
}

void RememberFirst::drawSequence(Random& random, int b, SequenceBatch<double>& out) const
{
    const int first = random.integer(m_options.classes);
    out.symbols[size_t(batchColumn(out, 0, b))] = first;
    for (int t = 1; t <= m_options.lag; ++t)
        out.symbols[size_t(batchColumn(out, t, b))] = m_options.classes + random.integer(m_options.distractors);
    out.classes[size_t(b)] = first;
}

std::optional<TaskScore> RememberFirst::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    const double accuracy = classificationAccuracy(data, outputs);
    return TaskScore{"accuracy", accuracy, accuracy == 1.0,
                     "the first symbol of every validation sequence named by the highest logit (this lab's "
                     "criterion; the task is not from a paper)"};
}

} // namespace lstm
