#include "csv/CsvImport.h"

#include "csv/CsvError.h"
#include "csv/CsvNumber.h"
#include "csv/CsvReader.h"
#include "csv/MissingValues.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>

namespace lstm {

namespace {

constexpr size_t sampleBytes = size_t(256) << 10;
constexpr std::uint64_t progressEvery = std::uint64_t(1) << 20;
constexpr double missingValue = std::numeric_limits<double>::quiet_NaN();

class Importer {
public:
    Importer(std::istream& in, const std::string& name, std::uint64_t size, const CsvImportOptions& options)
        : m_in(in), m_name(name), m_size(size), m_options(options)
    {
    }

    CsvTable run();

private:
    void setUp(const CsvLayout& layout, std::string_view sample);
    void readRecords(CsvReader& reader);
    void addRow(const CsvRecord& record);
    void readNumberCell(CsvColumn& column, std::string_view cell, int line, int j);
    void readTimeCell(CsvColumn& column, std::string_view cell, int line, int j);
    void checkWidth(const CsvRecord& record) const;
    void refuseEmpty(CsvReader& reader, const CsvLayout& layout) const;
    void finish();
    void sortByTime();
    void reportProgress(double fraction) const; // throws CsvCancelled when the callback says stop

    std::istream& m_in;
    const std::string& m_name;
    std::uint64_t m_size = 0;
    const CsvImportOptions& m_options;
    CsvTable m_table;
    int m_headerLine = 0;
};

// The first bytes, for detection; complete when they are the whole input. One byte more than
// the announced size shows whether the input really ends there.
std::string readHead(std::istream& in, std::uint64_t size, bool& complete)
{
    const size_t wanted = size ? size_t(std::min<std::uint64_t>(sampleBytes, size + 1)) : sampleBytes;
    std::string head(wanted, '\0');
    in.read(head.data(), std::streamsize(wanted));
    head.resize(size_t(in.gcount()));
    complete = head.size() < wanted;
    return head;
}

CsvTable Importer::run()
{
    bool complete = false;
    std::string head = readHead(m_in, m_size, complete);
    const CsvLayout layout = detectLayout(m_name, head, complete, m_options.overrides);
    setUp(layout, head);
    CsvReader reader({m_name, std::move(head), complete ? nullptr : &m_in}, layout.dialect.delimiter);
    m_table.byteOrderMark = reader.hadByteOrderMark();
    if (layout.names.empty())
        refuseEmpty(reader, layout);
    readRecords(reader);
    m_table.lineEnds = reader.lineEnds();
    if (m_table.fileRows == 0)
        refuseEmpty(reader, layout);
    finish();
    reportProgress(1.0);
    return std::move(m_table);
}

void Importer::setUp(const CsvLayout& layout, std::string_view sample)
{
    m_table.file = m_name;
    m_table.dialect = layout.dialect;
    m_table.timeColumn = layout.timeColumn;
    // Reserve from the sample's line length, so that a million rows do not grow twenty times.
    const auto lines = std::max<std::uint64_t>(1, std::uint64_t(std::count(sample.begin(), sample.end(), '\n')));
    const auto expectedRows = size_t(std::min<std::uint64_t>(m_size / std::max<std::uint64_t>(1, sample.size() / lines) + 16,
                                                             std::uint64_t(1) << 26));
    for (size_t j = 0; j < layout.names.size(); ++j) {
        m_table.columns.push_back({layout.names[j], layout.types[j]});
        if (layout.types[j] != ColumnType::Text)
            m_table.columns.back().values.reserve(expectedRows);
    }
}

void Importer::readRecords(CsvReader& reader)
{
    CsvRecord record;
    std::vector<int> blankLines; // held until a row follows: only then may they be missing values
    bool headerToRead = m_table.dialect.header;
    std::uint64_t nextReport = progressEvery;
    while (reader.next(record)) {
        if (record.blank) {
            blankLines.push_back(record.line);
            continue;
        }
        if (m_table.columns.size() == 1 && m_table.fileRows > 0) {
            for (const int line : blankLines)
                addRow(CsvRecord{{std::string_view()}, line, true});
        } else {
            m_table.blankLines += blankLines.size();
        }
        blankLines.clear();
        if (headerToRead) {
            headerToRead = false;
            m_headerLine = record.line;
            continue;
        }
        checkWidth(record);
        addRow(record);
        if (reader.bytesConsumed() >= nextReport) {
            reportProgress(m_size ? std::min(1.0, double(reader.bytesConsumed()) / double(m_size)) : 0.0);
            nextReport += progressEvery;
        }
    }
    m_table.blankLines += blankLines.size();
}

void Importer::checkWidth(const CsvRecord& record) const
{
    const size_t width = m_table.columns.size();
    if (record.fields.size() == width)
        return;
    const std::string expected = (m_table.dialect.header ? "the header has " : "the first row has ") +
                                 std::to_string(width) + (width == 1 ? " column" : " columns");
    if (record.fields.size() > width)
        throw CsvImportError(m_name, record.line, int(width) + 1, std::string(record.fields[width]),
                             "is one field too many: " + expected);
    throw CsvImportError(m_name, record.line, int(record.fields.size()) + 1, {},
                         "the row has only " + std::to_string(record.fields.size()) + (record.fields.size() == 1 ? " field: " : " fields: ") + expected,
                         false);
}

void Importer::addRow(const CsvRecord& record)
{
    for (size_t j = 0; j < m_table.columns.size(); ++j) {
        CsvColumn& column = m_table.columns[j];
        if (column.type == ColumnType::Number)
            readNumberCell(column, record.fields[j], record.line, int(j));
        else if (column.type == ColumnType::Time)
            readTimeCell(column, record.fields[j], record.line, int(j));
    }
    ++m_table.fileRows;
}

void Importer::readNumberCell(CsvColumn& column, std::string_view cell, int line, int j)
{
    const NumberReading reading = readNumber(cell, m_table.dialect.decimal);
    if (reading.status == NumberStatus::Ok) {
        column.values.push_back(reading.value);
        return;
    }
    if (!isMissingMarker(cell))
        throw CsvImportError(m_name, line, j + 1, std::string(cell), numberProblem(reading.status, m_table.dialect.decimal));
    column.values.push_back(missingValue);
    ++column.missing;
}

void Importer::readTimeCell(CsvColumn& column, std::string_view cell, int line, int j)
{
    if (isMissingMarker(cell)) {
        if (j == m_table.timeColumn)
            throw CsvImportError(m_name, line, j + 1, std::string(cell),
                                 "is not a time: every row needs one, as this column is the time axis");
        column.values.push_back(missingValue);
        ++column.missing;
        return;
    }
    const DateOrder order = m_table.dialect.dateOrder;
    const std::optional<TimeReading> time = readTime(cell, order);
    if (!time) {
        const DateOrder other = order == DateOrder::DayFirst ? DateOrder::MonthFirst : DateOrder::DayFirst;
        throw CsvImportError(m_name, line, j + 1, std::string(cell),
                             readTime(cell, other) ? std::string("is not a valid ") + dateOrderName(order) +
                                                         " date, the order this file's dates are read in"
                                                   : "is not a date (such as 2020-12-31, 2020-12-31T23:59:59, "
                                                     "31/12/2020 or 31.12.2020)");
    }
    column.values.push_back(time->seconds);
    column.hasTimeOfDay |= time->hasTimeOfDay;
}

void Importer::refuseEmpty(CsvReader& reader, const CsvLayout& layout) const
{
    CsvRecord record;
    if (layout.names.empty() && reader.next(record) && !record.blank)
        throw CsvImportError(m_name, record.line, 0, {},
                             "starts a record longer than the 256 KiB read to detect the format: probably a quote "
                             "that is never closed",
                             false);
    if (m_headerLine > 0)
        throw CsvImportError(m_name, 0, 0, {},
                             "the file has a header (line " + std::to_string(m_headerLine) + ") but no data rows", false);
    if (reader.bytesConsumed() == 0 || (reader.hadByteOrderMark() && reader.bytesConsumed() <= 3))
        throw CsvImportError(m_name, 0, 0, {}, "the file is empty", false);
    throw CsvImportError(m_name, 0, 0, {}, "the file has no data, only empty lines", false);
}

void Importer::finish()
{
    m_table.rows = m_table.fileRows;
    for (CsvColumn& column : m_table.columns)
        if (column.type == ColumnType::Number && column.missing == m_table.rows) {
            column.type = ColumnType::Empty;
            column.values.clear();
        }
    sortByTime();
    applyMissingPolicy(m_table, m_options.missing);
}

void Importer::sortByTime()
{
    if (m_table.timeColumn < 0)
        return;
    const std::vector<double>& time = m_table.columns[size_t(m_table.timeColumn)].values;
    if (!std::is_sorted(time.begin(), time.end())) {
        std::vector<size_t> order(time.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return time[a] < time[b]; });
        for (CsvColumn& column : m_table.columns) {
            if (column.values.empty())
                continue;
            std::vector<double> sorted(column.values.size());
            for (size_t k = 0; k < order.size(); ++k)
                sorted[k] = column.values[order[k]];
            column.values = std::move(sorted); // `time` names the same vector, now sorted
        }
        m_table.sortedByTime = true;
    }
    for (size_t k = 1; k < time.size(); ++k)
        m_table.repeatedTimes += time[k] == time[k - 1];
}

void Importer::reportProgress(double fraction) const
{
    if (m_options.progress && !m_options.progress(fraction))
        throw CsvCancelled(m_name);
}

} // namespace

CsvTable importCsv(std::istream& in, const std::string& name, std::uint64_t size, const CsvImportOptions& options)
{
    return Importer(in, name, size, options).run();
}

CsvTable importCsvFile(const std::string& path, const CsvImportOptions& options)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw CsvImportError(path, 0, 0, {}, "is a directory, not a CSV file", false);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CsvImportError(path, 0, 0, {}, "cannot be opened", false);
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    return importCsv(in, path, error ? 0 : std::uint64_t(size), options);
}

} // namespace lstm
