// The command-line options that steer a CSV import (--delimiter, --decimal, --header,
// --no-header, --date-order, --time-column, --missing), declared once for every command
// that reads a user's CSV file. Not the import itself (core/CsvImport.h).
#pragma once

#include "Arguments.h"

#include "csv/CsvImport.h"

namespace cli {

void declareCsvOptions(Arguments& args);
lstm::CsvImportOptions csvImportOptions(const Arguments& args); // throws UsageError

} // namespace cli
