// A user's CSV series as a Dataset: at every timestep read the input columns and predict the
// target columns `horizon` rows later (regression at every step). Training sequences are
// windows of the training part, starting every `stride` rows; the validation set is the
// later part cut into consecutive windows, each validation row scored once. Not the import
// (CsvImport.h) nor the choice of columns and scaling (SeriesPreparation.h).
//
// Size legend: I = inputs, O = targets, T = sequence length, B = batch.
#pragma once

#include "data/Dataset.h"
#include "series/SeriesPreparation.h"

namespace lstm {

struct CsvDatasetOptions {
    SeriesOptions series;
    int sequenceLength = 32; // T
    int stride = 1;          // rows between the starts of two training windows
    int horizon = 1;         // predict the targets this many rows ahead
};

// Rows per sequence when the user sets none: the validation part holds two sequences, so
// there is a free run to show, and never more than 32 rows. Air passengers (144 monthly
// rows, 29 validating) gets 14.
int defaultSequenceLength(const PreparedSeries& series, int horizon);

class CsvDataset final : public Dataset {
public:
    // Throws std::invalid_argument when the columns do not fit (SeriesPreparation) or either
    // part is too short for one window of T + horizon rows.
    CsvDataset(const CsvTable& table, const CsvDatasetOptions& options);

    DataShape shape() const override;
    int sequenceLength() const override { return m_options.sequenceLength; }
    void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const override;
    const SequenceBatch<double>& validationSet() const override { return m_validation; }
    double toUserUnits(int output, double value) const override; // the target's scaling, inverted
    long trainingTimesteps() const override { return m_series.trainRows; }

    const PreparedSeries& series() const { return m_series; }
    int trainWindows() const { return m_trainWindows; } // the windows training batches are drawn from

private:
    void resize(int batch, SequenceBatch<double>& out) const;
    void fillSequence(int start, int column, SequenceBatch<double>& out) const;
    SequenceBatch<double> makeValidationSet() const;

    CsvDatasetOptions m_options;
    PreparedSeries m_series;
    int m_trainWindows = 0;
    SequenceBatch<double> m_validation;
};

} // namespace lstm
