// Imports a user's CSV file faithfully or refuses it with a precise reason: the file, line,
// column and text of the first thing wrong (CsvImportError), never a silent zero. Streams
// the file a chunk at a time with progress and cancellation. The table keeps every column
// as it was; choosing inputs and targets and scaling them is SeriesPreparation's work.
//
// What a file may hold: RFC 4180 quoting; UTF-8 with or without a byte order mark; LF, CRLF
// or CR line ends; a detected or given delimiter, header and decimal mark (CsvDetection.h);
// number, date-time (TimeColumn.h) and text columns. Missing cells (empty, NA, N/A, NaN,
// null, -) are counted and then filled or dropped by the chosen policy (MissingValues.h).
// Empty lines are skipped, except between the values of a one-column file, where they are
// missing values. Rows out of time order are sorted by time, stably, and the table says so.
#pragma once

#include "csv/CsvTable.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

namespace lstm {

struct CsvImportOptions {
    CsvOverrides overrides;
    MissingPolicy missing = MissingPolicy::Interpolate;
    // Called with the share of the bytes read, about every MiB and once at the end. Returning
    // false stops the import, which then throws CsvCancelled.
    std::function<bool(double fraction)> progress;
};

// Throws CsvImportError for a file that cannot be opened or read faithfully, CsvCancelled.
CsvTable importCsvFile(const std::string& path, const CsvImportOptions& options = {});
// The same from a stream: `name` is what errors call it, `size` its bytes (0 when unknown).
CsvTable importCsv(std::istream& in, const std::string& name, std::uint64_t size, const CsvImportOptions& options = {});

} // namespace lstm
