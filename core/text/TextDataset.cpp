#include "text/TextDataset.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace lstm {

TextDataset::TextDataset(TextCorpus corpus, const TextDatasetOptions& options)
    : m_corpus(std::move(corpus)), m_options(options)
{
    const int T = options.sequenceLength;
    if (T < 1 || T > 100'000)
        throw std::invalid_argument("sequence length must be between 1 and 100000, got " + std::to_string(T));
    if (!(options.validationFraction > 0 && options.validationFraction < 1))
        throw std::invalid_argument("validation fraction must be above 0 and below 1, got " +
                                    std::to_string(options.validationFraction));
    const int N = m_corpus.length();
    m_trainLength = static_cast<int>(std::lround(N * (1 - options.validationFraction)));
    // Each part needs T inputs plus the target after the last one.
    if (m_trainLength < T + 1 || N - m_trainLength < T + 1)
        throw std::invalid_argument("a text of " + std::to_string(N) + " characters split " +
                                    std::to_string(m_trainLength) + " / " + std::to_string(N - m_trainLength) +
                                    " is too short for sequences of " + std::to_string(T) +
                                    " characters: each part needs at least " + std::to_string(T + 1));

    const int batch = (N - m_trainLength - 1) / T;
    m_validation.steps = T;
    m_validation.batch = batch;
    m_validation.symbols.resize(size_t(T * batch));
    m_validation.classes.resize(size_t(T * batch));
    for (int b = 0; b < batch; ++b)
        fillSequence(m_trainLength + b * T, b, m_validation);
}

DataShape TextDataset::shape() const
{
    DataShape shape;
    shape.inputSize = m_corpus.vocabulary().size();
    shape.symbols = true;
    shape.outputSize = m_corpus.vocabulary().size();
    shape.output = OutputKind::Classification;
    shape.outputAt = OutputAt::EveryStep;
    shape.vocabulary = m_corpus.vocabulary().names();
    return shape;
}

void TextDataset::fillSequence(int start, int column, SequenceBatch<double>& out) const
{
    const std::vector<int>& text = m_corpus.symbols();
    for (int t = 0; t < out.steps; ++t) {
        const size_t k = size_t(t * out.batch + column);
        out.symbols[k] = text[size_t(start + t)];
        out.classes[k] = text[size_t(start + t + 1)];
    }
}

void TextDataset::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    const int T = m_options.sequenceLength;
    out.steps = T;
    out.batch = batch;
    out.inputs.resize(0, 0);
    out.targets.resize(0, 0);
    out.symbols.resize(size_t(T * batch));
    out.classes.resize(size_t(T * batch));
    const int starts = m_trainLength - T; // the last target, at start + T, stays below trainLength
    for (int b = 0; b < batch; ++b)
        fillSequence(random.integer(starts), b, out);
}

std::optional<TaskScore> TextDataset::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    const double accuracy = classificationAccuracy(data, outputs);
    return TaskScore{"next-character accuracy", accuracy, accuracy == 1.0,
                     "every next character of the validation text predicted (reachable only for repetitive text)"};
}

} // namespace lstm
