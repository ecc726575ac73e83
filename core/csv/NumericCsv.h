// A strict reader for plain numeric CSV matrices (rows = timesteps, columns = features),
// as the CLI's run and grad commands take them. An optional first header line is
// skipped when it is not numeric. Any other non-number is an error that names the file,
// line and column. Not the forgiving importer for users' data sets.
#pragma once

#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace lstm {

class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// (rows, columns) of the file, in double. Throws CsvError.
Eigen::MatrixXd readNumericCsv(const std::string& path);
// Writes with full round-trip precision; through a temporary file and a rename.
void writeNumericCsv(const std::string& path, const Eigen::MatrixXd& rows, const std::string& header = {});

} // namespace lstm
