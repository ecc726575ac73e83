// The errors of the CSV import: CsvImportError says where a user's file is wrong (file,
// line, column, the offending text) like a compiler does; CsvCancelled says the user
// stopped the import. Not for programming errors (those stay std::invalid_argument).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace lstm {

class CsvImportError : public std::runtime_error {
public:
    // what() reads `data.csv:17:3: "12,5x" is not a number`; the line is left out when 0,
    // the column when 0, the quoted text when `quote` is false.
    CsvImportError(std::string file, int line, int column, std::string text, const std::string& reason,
                   bool quote = true);

    std::string file;
    int line = 0;    // 1-based physical line where the record starts, 0 for the whole file
    int column = 0;  // 1-based field number, 0 for the whole line
    std::string text; // the offending cell as read (raw bytes, possibly invalid UTF-8)
    std::string reason;
};

class CsvCancelled : public std::runtime_error {
public:
    explicit CsvCancelled(const std::string& file) : std::runtime_error(file + ": the import was cancelled") {}
};

// Text as safe to print: control characters and invalid UTF-8 as \xNN, quotes and backslashes
// escaped, cut to `limit` bytes with "..." so that one garbage cell cannot flood a terminal.
std::string printable(std::string_view text, size_t limit = 60);

} // namespace lstm
