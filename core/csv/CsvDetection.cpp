#include "csv/CsvDetection.h"

#include "csv/CsvError.h"
#include "csv/CsvNumber.h"
#include "csv/CsvReader.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace lstm {

namespace {

constexpr size_t sampleRecords = 200;
// Ties go to the earliest: a semicolon file with decimal commas often splits evenly on commas too.
constexpr char delimiterCandidates[] = {'\t', ';', '|', ','};

struct SampleRow {
    std::vector<std::string> cells;
    int line = 0;
};
using Sample = std::vector<SampleRow>;

// The sample's non-blank records read with this delimiter, up to the first one the reader
// refuses: the import meets that record again and reports it where it is.
Sample readSample(const std::string& file, std::string_view sample, bool complete, char delimiter)
{
    if (!complete) { // the last line may be cut short
        const size_t lastBreak = sample.find_last_of("\r\n");
        if (lastBreak != std::string_view::npos)
            sample = sample.substr(0, lastBreak + 1);
    }
    CsvReader reader({file, std::string(sample), nullptr}, delimiter);
    Sample rows;
    CsvRecord record;
    try {
        while (rows.size() < sampleRecords && reader.next(record))
            if (!record.blank)
                rows.push_back({std::vector<std::string>(record.fields.begin(), record.fields.end()), record.line});
    } catch (const CsvImportError&) {
    }
    return rows;
}

// Share of the rows that have as many fields as the first, 0 when the first has only one.
double consistency(const Sample& rows)
{
    if (rows.empty() || rows.front().cells.size() < 2)
        return 0;
    const auto fits = std::count_if(rows.begin(), rows.end(),
                                    [&](const SampleRow& row) { return row.cells.size() == rows.front().cells.size(); });
    return double(fits) / double(rows.size());
}

// `decimal`: a decimal mark the user gave, which cannot also be the delimiter.
char chooseDelimiter(const std::string& file, std::string_view sample, bool complete, std::optional<char> decimal)
{
    char best = 0;
    double bestScore = 0;
    for (const char candidate : delimiterCandidates) {
        if (candidate == decimal)
            continue;
        const double score = consistency(readSample(file, sample, complete, candidate));
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    if (best)
        return best;
    // One column: any delimiter that splits nothing, so that "1,5" stays one cell.
    for (const char candidate : {',', ';', '\t', '|'}) {
        if (candidate == decimal)
            continue;
        const Sample rows = readSample(file, sample, complete, candidate);
        if (std::all_of(rows.begin(), rows.end(), [](const SampleRow& row) { return row.cells.size() == 1; }))
            return candidate;
    }
    return decimal == ',' ? ';' : ',';
}

char chooseDecimal(const Sample& rows, char delimiter)
{
    if (delimiter == ',')
        return '.'; // a decimal comma in a comma-separated file would need quotes everywhere
    int commas = 0, points = 0;
    for (const SampleRow& row : rows)
        for (const std::string& cell : row.cells) {
            commas += cell.find(',') != std::string::npos && readNumber(cell, ',').status == NumberStatus::Ok;
            points += cell.find('.') != std::string::npos && readNumber(cell, '.').status == NumberStatus::Ok;
        }
    return commas > points ? ',' : '.';
}

bool readsAs(ColumnType type, const std::string& cell, char decimal)
{
    if (type == ColumnType::Number) // "4.5" with a decimal comma is still a number, written wrongly
        return readNumber(cell, decimal).status != NumberStatus::NotANumber;
    if (type == ColumnType::Time)
        return dateOrderEvidence(cell).isTime();
    return true;
}

std::vector<ColumnType> columnTypes(const Sample& rows, size_t from, size_t columns, char decimal)
{
    std::vector<ColumnType> types(columns, ColumnType::Number);
    for (size_t j = 0; j < columns; ++j) {
        int numbers = 0, times = 0, present = 0;
        for (size_t r = from; r < rows.size(); ++r) {
            if (j >= rows[r].cells.size() || isMissingMarker(rows[r].cells[j]))
                continue;
            ++present;
            numbers += readsAs(ColumnType::Number, rows[r].cells[j], decimal);
            times += readsAs(ColumnType::Time, rows[r].cells[j], decimal);
        }
        // A column is what most of its values are; the odd one out is then an error in place.
        if (present == 0 || 2 * numbers > present)
            types[j] = ColumnType::Number;
        else if (2 * times > present)
            types[j] = ColumnType::Time;
        else
            types[j] = ColumnType::Text;
    }
    return types;
}

bool looksLikeHeader(const Sample& rows, const std::vector<ColumnType>& types, char decimal)
{
    const std::vector<std::string>& first = rows.front().cells;
    if (rows.size() == 1)
        return std::any_of(first.begin(), first.end(), [&](const std::string& cell) {
            return !isMissingMarker(cell) && !readsAs(ColumnType::Number, cell, decimal) &&
                   !readsAs(ColumnType::Time, cell, decimal);
        });
    if (std::all_of(types.begin(), types.end(), [](ColumnType t) { return t == ColumnType::Text; }))
        return true; // words only: the first row may as well name them
    for (size_t j = 0; j < first.size() && j < types.size(); ++j)
        if (types[j] != ColumnType::Text && !isMissingMarker(first[j]) && !readsAs(types[j], first[j], decimal))
            return true;
    return false;
}

void chooseDateOrder(const Sample& rows, size_t from, CsvLayout& layout)
{
    bool onlyDayFirst = false, onlyMonthFirst = false, ambiguous = false;
    for (size_t j = 0; j < layout.types.size(); ++j) {
        if (layout.types[j] != ColumnType::Time)
            continue;
        for (size_t r = from; r < rows.size(); ++r) {
            if (j >= rows[r].cells.size())
                continue;
            const std::string& cell = rows[r].cells[j];
            const DateOrderEvidence evidence = dateOrderEvidence(cell);
            onlyDayFirst |= evidence.dayFirst && !evidence.monthFirst;
            onlyMonthFirst |= evidence.monthFirst && !evidence.dayFirst;
            ambiguous |= evidence.dayFirst && evidence.monthFirst &&
                         readTime(cell, DateOrder::DayFirst)->seconds != readTime(cell, DateOrder::MonthFirst)->seconds;
        }
    }
    layout.dialect.dateOrder = onlyMonthFirst && !onlyDayFirst ? DateOrder::MonthFirst : DateOrder::DayFirst;
    layout.dialect.dayMonthDates = ambiguous || onlyDayFirst || onlyMonthFirst;
    layout.dialect.dateOrderAmbiguous = ambiguous && !onlyDayFirst && !onlyMonthFirst;
}

std::vector<std::string> columnNames(const std::vector<std::string>& first, bool header)
{
    std::vector<std::string> names(first.size());
    for (size_t j = 0; j < first.size(); ++j) {
        names[j] = header ? std::string(trimSpaces(first[j])) : std::string();
        if (names[j].empty())
            names[j] = "column " + std::to_string(j + 1);
    }
    return names;
}

int chooseTimeColumn(const std::string& file, const CsvOverrides& overrides, CsvLayout& layout)
{
    if (!overrides.timeColumn) {
        const auto time = std::find(layout.types.begin(), layout.types.end(), ColumnType::Time);
        return time == layout.types.end() ? -1 : int(time - layout.types.begin());
    }
    if (overrides.timeColumn->empty())
        return -1;
    const auto named = std::find(layout.names.begin(), layout.names.end(), *overrides.timeColumn);
    if (named == layout.names.end())
        throw CsvImportError(file, 0, 0, *overrides.timeColumn, "is not a column of this file (asked for as the time)");
    const int column = int(named - layout.names.begin());
    layout.types[size_t(column)] = ColumnType::Time;
    return column;
}

void checkOverrides(const CsvOverrides& overrides)
{
    if (overrides.delimiter && std::string_view(",;\t|").find(*overrides.delimiter) == std::string_view::npos)
        throw std::invalid_argument("a CSV delimiter must be a comma, a semicolon, a tab or a pipe");
    if (overrides.decimal && *overrides.decimal != '.' && *overrides.decimal != ',')
        throw std::invalid_argument("a decimal mark must be a point or a comma");
}

} // namespace

CsvLayout detectLayout(const std::string& file, std::string_view sample, bool complete, const CsvOverrides& overrides)
{
    checkOverrides(overrides);
    CsvLayout layout;
    CsvDialect& dialect = layout.dialect;
    dialect.delimiter = overrides.delimiter ? *overrides.delimiter : chooseDelimiter(file, sample, complete, overrides.decimal);
    const Sample rows = readSample(file, sample, complete, dialect.delimiter);
    if (rows.empty())
        return layout;
    dialect.decimal = overrides.decimal.value_or(chooseDecimal(rows, dialect.delimiter));
    if (dialect.decimal == dialect.delimiter)
        throw std::invalid_argument("the decimal mark cannot also be the delimiter");
    const size_t columns = rows.front().cells.size();
    layout.types = columnTypes(rows, rows.size() > 1 ? 1 : 0, columns, dialect.decimal);
    dialect.header = overrides.header.value_or(looksLikeHeader(rows, layout.types, dialect.decimal));
    if (!dialect.header)
        layout.types = columnTypes(rows, 0, columns, dialect.decimal);
    layout.names = columnNames(rows.front().cells, dialect.header);
    layout.timeColumn = chooseTimeColumn(file, overrides, layout);
    chooseDateOrder(rows, dialect.header ? 1 : 0, layout);
    if (overrides.dateOrder) {
        dialect.dateOrder = *overrides.dateOrder;
        dialect.dateOrderAmbiguous = false;
    }
    dialect.delimiterGiven = overrides.delimiter.has_value();
    dialect.headerGiven = overrides.header.has_value();
    dialect.decimalGiven = overrides.decimal.has_value();
    dialect.dateOrderGiven = overrides.dateOrder.has_value();
    return layout;
}

const char* columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Number:
        return "number";
    case ColumnType::Time:
        return "time";
    case ColumnType::Text:
        return "text";
    case ColumnType::Empty:
        break;
    }
    return "empty";
}

std::string delimiterName(char delimiter)
{
    return delimiter == '\t' ? "tab" : std::string(1, delimiter);
}

} // namespace lstm
