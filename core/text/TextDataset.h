// Character-level language modelling on a text: the input at every step is one character
// (a symbol id), the target is the next character (classification over the vocabulary).
// The first part of the text trains, the rest validates (a chronological split, so the
// validation text is never seen in training). Not the text handling itself (TextCorpus).
//
// Size legend: V = vocabulary size, N = characters in the text, T = timesteps, B = batch.
#pragma once

#include "data/Dataset.h"
#include "text/TextCorpus.h"

namespace lstm {

struct TextDatasetOptions {
    int sequenceLength = 64;         // T: characters per training sequence
    double validationFraction = 0.1; // the last share of the text, in (0, 1)
};

class TextDataset final : public Dataset {
public:
    // Throws std::invalid_argument when the options are out of range or either part of the
    // text is too short for one sequence of T inputs and their T next-character targets.
    TextDataset(TextCorpus corpus, const TextDatasetOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.sequenceLength; }
    // B windows of T characters starting at uniformly drawn positions in the training part.
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const override;
    // The validation part cut into consecutive, non-overlapping windows of T characters.
    const SequenceBatch<double>& validationSet() const override { return m_validation; }
    std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const override;

    const TextCorpus& corpus() const { return m_corpus; }
    const TextDatasetOptions& options() const { return m_options; }
    // Characters [0, trainLength) train: every training input and target lies there.
    int trainLength() const { return m_trainLength; }
    long trainingTimesteps() const override { return m_trainLength; }

private:
    void fillSequence(int start, int column, SequenceBatch<double>& out) const;

    TextCorpus m_corpus;
    TextDatasetOptions m_options;
    int m_trainLength = 0;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
