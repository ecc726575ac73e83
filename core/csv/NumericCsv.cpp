#include "csv/NumericCsv.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <vector>

namespace lstm {

namespace {

std::vector<std::string> splitFields(const std::string& line)
{
    std::vector<std::string> fields;
    std::string field;
    std::istringstream stream(line);
    while (std::getline(stream, field, ','))
        fields.push_back(field);
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

bool parseNumber(const std::string& text, double& value)
{
    const std::string field = trimmed(text);
    if (field.empty())
        return false;
    const char* end = field.data() + field.size();
    const auto [ptr, error] = std::from_chars(field.data(), end, value);
    return error == std::errc() && ptr == end;
}

} // namespace

Eigen::MatrixXd readNumericCsv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CsvError(path + ": cannot open the file");
    std::vector<std::vector<double>> rows;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (trimmed(line).empty())
            continue;
        const std::vector<std::string> fields = splitFields(line);
        std::vector<double> row(fields.size());
        for (size_t c = 0; c < fields.size(); ++c) {
            if (parseNumber(fields[c], row[c]))
                continue;
            if (rows.empty() && lineNumber == 1) { // a header line
                row.clear();
                break;
            }
            throw CsvError(path + ":" + std::to_string(lineNumber) + ": column " + std::to_string(c + 1) +
                           ": \"" + trimmed(fields[c]) + "\" is not a number");
        }
        if (row.empty())
            continue;
        if (!rows.empty() && row.size() != rows.front().size())
            throw CsvError(path + ":" + std::to_string(lineNumber) + ": has " + std::to_string(row.size()) +
                           " columns, the rows before have " + std::to_string(rows.front().size()));
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        throw CsvError(path + ": no numeric rows");
    Eigen::MatrixXd out(Eigen::Index(rows.size()), Eigen::Index(rows.front().size()));
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            out(Eigen::Index(r), Eigen::Index(c)) = rows[r][c];
    return out;
}

void writeNumericCsv(const std::string& path, const Eigen::MatrixXd& rows, const std::string& header)
{
    const std::string temporary = path + ".saving";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw CsvError(path + ": cannot write");
        out << std::setprecision(std::numeric_limits<double>::max_digits10);
        if (!header.empty())
            out << header << '\n';
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            for (Eigen::Index c = 0; c < rows.cols(); ++c)
                out << (c ? "," : "") << rows(r, c);
            out << '\n';
        }
        if (!out.flush())
            throw CsvError(path + ": writing failed");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        throw CsvError(path + ": cannot replace: " + error.message());
}

} // namespace lstm
