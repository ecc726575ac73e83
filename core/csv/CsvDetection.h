// Guesses how a CSV file is written from its first records: the delimiter (comma, semicolon,
// tab or pipe), whether the first row is a header, the decimal mark, each column's type and
// the order of day/month dates. Every guess can be overridden. Not the import itself.
#pragma once

#include "csv/TimeColumn.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lstm {

enum class ColumnType {
    Number,
    Time,  // dates or date-times (TimeColumn.h)
    Text,  // words: imported as a name only, never as data
    Empty, // not one value in the whole file
};
const char* columnTypeName(ColumnType type);

// What the user may decide instead of the detection.
struct CsvOverrides {
    std::optional<char> delimiter; // ',', ';', '\t' or '|'
    std::optional<bool> header;
    std::optional<char> decimal;   // '.' or ','
    std::optional<DateOrder> dateOrder;
    std::optional<std::string> timeColumn; // a column's name, or "" for no time axis
};

struct CsvDialect {
    char delimiter = ',';
    bool header = true;
    char decimal = '.';
    DateOrder dateOrder = DateOrder::DayFirst;
    bool dayMonthDates = false;      // some sampled date was written day/month or month/day
    bool dateOrderAmbiguous = false; // dates like 01/02/2020 were read day first by default
    bool delimiterGiven = false, headerGiven = false, decimalGiven = false, dateOrderGiven = false;
};

struct CsvLayout {
    CsvDialect dialect;
    std::vector<std::string> names; // the header's cells, or "column 1", "column 2", ...
    std::vector<ColumnType> types;  // as the sample shows them
    int timeColumn = -1;            // the time axis, -1 for none
};

// sample: the file's first bytes; complete: the sample is the whole file. No columns when the
// sample holds no record. Throws CsvImportError when an override cannot apply (an unknown
// delimiter, a time column that does not exist) or when the first record cannot be read.
CsvLayout detectLayout(const std::string& file, std::string_view sample, bool complete, const CsvOverrides& overrides);

// "," ";" "tab" "|"
std::string delimiterName(char delimiter);

} // namespace lstm
