// Turns an imported table into model-ready series: which number columns are inputs and which
// are targets (one or more; the others are ignored, a time column is only the axis), the
// chronological split into a training part and a later validation part, and the scaling
// fitted on the training part alone. Not the windowing into sequences (CsvDataset.h).
//
// Size legend: N = rows, I = input columns, O = target columns.
#pragma once

#include "csv/CsvTable.h"
#include "series/Normalisation.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace lstm {

struct SeriesOptions {
    std::vector<std::string> inputs;  // column names; empty: every number column not ignored
    std::vector<std::string> targets; // column names; empty: the last number column not ignored
    std::vector<std::string> ignored; // column names left out of the defaults above
    Normalisation normalisation = Normalisation::ZScore;
    double validationFraction = 0.2;  // the last rows in time order: above 0, at most 0.9
};

struct PreparedSeries {
    std::vector<std::string> inputNames, targetNames;
    Eigen::MatrixXd inputs;              // (I, N) scaled; column t is row t of the file
    Eigen::MatrixXd targets;             // (O, N) scaled, not yet shifted by the horizon
    std::vector<Scaling> inputScaling;   // (I) fitted on rows [0, trainRows)
    std::vector<Scaling> targetScaling;  // (O) fitted on rows [0, trainRows)
    int trainRows = 0;                   // rows [0, trainRows) train, the rest validate
    std::vector<double> time;            // (N) seconds since 1970 UTC, empty without a time axis

    int rows() const { return int(inputs.cols()); }
};

// Throws std::invalid_argument naming a column that does not exist, is not numeric or still
// has missing values.
PreparedSeries prepareSeries(const CsvTable& table, const SeriesOptions& options);

} // namespace lstm
