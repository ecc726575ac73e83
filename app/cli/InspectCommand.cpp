// `lstm-lab-cli inspect`: what the CSV import makes of a file (dialect, columns with their
// types and missing values, rows, time range), or the exact place it is wrong (exit 2).
#include "Arguments.h"
#include "Commands.h"
#include "CsvArguments.h"

#include "csv/CsvImport.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace cli {

namespace {

const char* how(bool given)
{
    return given ? "given" : "detected";
}

void printDialect(const lstm::CsvTable& table)
{
    const lstm::CsvDialect& d = table.dialect;
    std::printf("delimiter  %s (%s)\n", lstm::delimiterName(d.delimiter).c_str(), how(d.delimiterGiven));
    std::printf("header     %s (%s)\n", d.header ? "yes" : "no", how(d.headerGiven));
    std::printf("decimal    %c (%s)\n", d.decimal, how(d.decimalGiven));
    std::printf("encoding   UTF-8%s, %s line ends\n", table.byteOrderMark ? " with byte order mark" : "",
                table.lineEnds.c_str());
}

void printRows(const lstm::CsvTable& table)
{
    std::printf("rows       %zu", table.rows);
    if (table.rows != table.fileRows)
        std::printf(" of %zu (%zu dropped for missing values)", table.fileRows, table.fileRows - table.rows);
    if (table.blankLines)
        std::printf(", %zu empty lines skipped", table.blankLines);
    std::printf("\n");
}

void printTime(const lstm::CsvTable& table)
{
    if (table.timeColumn < 0) {
        std::printf("time       none: rows are in file order\n");
        return;
    }
    const lstm::CsvColumn& time = table.columns[size_t(table.timeColumn)];
    const lstm::CsvDialect& d = table.dialect;
    std::printf("time       column %d \"%s\"", table.timeColumn + 1, time.name.c_str());
    if (!time.values.empty())
        std::printf(": %s to %s", lstm::formatTime(time.values.front(), time.hasTimeOfDay).c_str(),
                    lstm::formatTime(time.values.back(), time.hasTimeOfDay).c_str());
    std::printf("\n");
    if (d.dayMonthDates || d.dateOrderGiven)
        std::printf("           dates read %s (%s%s)\n", lstm::dateOrderName(d.dateOrder), how(d.dateOrderGiven),
                    d.dateOrderAmbiguous ? "; ambiguous, no day above 12: day first assumed, see --date-order" : "");
    if (table.sortedByTime)
        std::printf("           the rows were out of time order and have been sorted by time\n");
    if (table.repeatedTimes)
        std::printf("           %zu rows repeat the time of the row before\n", table.repeatedTimes);
}

void printColumns(const lstm::CsvTable& table)
{
    std::printf("missing    %s\ncolumns\n", lstm::missingPolicyName(table.missingPolicy));
    size_t width = 4;
    for (const lstm::CsvColumn& column : table.columns)
        width = std::max(width, column.name.size());
    std::printf("  %3s  %-*s  %-6s  %7s  %7s  %7s\n", "#", int(width), "name", "type", "missing", "filled", "dropped");
    for (size_t j = 0; j < table.columns.size(); ++j) {
        const lstm::CsvColumn& c = table.columns[j];
        const bool data = c.type == lstm::ColumnType::Number || c.type == lstm::ColumnType::Empty;
        std::printf("  %3zu  %-*s  %-6s  %7s  %7s  %7s\n", j + 1, int(width), c.name.c_str(), lstm::columnTypeName(c.type),
                    c.type == lstm::ColumnType::Text ? "-" : std::to_string(c.missing).c_str(),
                    data ? std::to_string(c.filled).c_str() : "-", data ? std::to_string(c.dropped).c_str() : "-");
    }
}

} // namespace

int inspectCommand(const Words& words)
{
    Arguments args("inspect");
    declareCsvOptions(args);
    Words options = words;
    std::string file; // the first word, as in `inspect FILE.csv [options]`
    if (!options.empty() && options.front().rfind('-', 0) != 0) {
        file = options.front();
        options.erase(options.begin());
    }
    args.parse(options);
    if (args.helpRequested()) {
        std::cout << "usage: lstm-lab-cli inspect FILE.csv [options]\n\n"
                     "Prints what the import detects in a CSV file: delimiter, header, decimal mark, each column's\n"
                     "type and missing values, the rows and the time range; or where the file is wrong.\n\n"
                  << args.usage();
        return 0;
    }
    if (file.empty())
        throw UsageError("inspect needs a CSV file first: lstm-lab-cli inspect FILE.csv [options]");
    const lstm::CsvTable table = lstm::importCsvFile(file, csvImportOptions(args));
    std::printf("file       %s\n", table.file.c_str());
    printRows(table);
    printDialect(table);
    printTime(table);
    printColumns(table);
    return 0;
}

} // namespace cli
