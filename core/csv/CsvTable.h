// A user's CSV file as imported: one typed column per CSV column, every row the file had (or
// what the missing-value policy left), and how the file was read. Plain data, filled by
// importCsv (CsvImport.h); not yet inputs or targets (SeriesPreparation.h).
#pragma once

#include "csv/CsvDetection.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lstm {

enum class MissingPolicy {
    Interpolate, // linear between the neighbouring values (in time when there is a time axis)
    ForwardFill, // the last value before
    DropRow,     // remove the row
    Keep,        // leave NaN, for the caller to decide
};
const char* missingPolicyName(MissingPolicy policy);

struct CsvColumn {
    std::string name;
    ColumnType type = ColumnType::Number;
    std::vector<double> values; // (rows) numbers, or seconds since 1970 UTC for time; NaN = missing; empty for text
    std::size_t missing = 0;    // cells missing in the file (empty, NA, NaN, null, -)
    std::size_t filled = 0;     // of those, filled in by the policy
    std::size_t dropped = 0;    // rows dropped because this column was missing there
    bool hasTimeOfDay = false;  // a time column with times, not only dates
};

struct CsvTable {
    std::string file;
    CsvDialect dialect;
    bool byteOrderMark = false;
    std::string lineEnds;      // "LF", "CRLF", "CR", or a mixture like "LF+CRLF"
    std::vector<CsvColumn> columns;
    int timeColumn = -1;       // the time axis, -1 for none
    std::size_t rows = 0;      // data rows in every column's values
    std::size_t fileRows = 0;  // data rows in the file, before any was dropped
    std::size_t blankLines = 0;     // empty lines, skipped
    bool sortedByTime = false;      // the rows were out of time order and were sorted (stably)
    std::size_t repeatedTimes = 0;  // rows whose time equals the row before's
    MissingPolicy missingPolicy = MissingPolicy::Keep;
};

} // namespace lstm
