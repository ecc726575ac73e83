// `lstm-lab-cli bench-csv`: writes a temporary CSV file (a date-time column and columns of
// numbers) and times how long the import takes to load it. A measurement, not a test.
#include "Arguments.h"
#include "Commands.h"

#include "csv/CsvImport.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace cli {

namespace {

// Removes the file when the command ends, however it ends.
struct TemporaryFile {
    std::filesystem::path path;
    ~TemporaryFile()
    {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

// A header, then rows of one date-time a minute apart and `cols - 1` random walks.
void writeBenchFile(const std::filesystem::path& path, int rows, int cols)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw UsageError("cannot write the temporary file " + path.string());
    out << "time";
    for (int c = 1; c < cols; ++c)
        out << ",x" << c;
    out << '\n';
    std::vector<double> walk(size_t(cols), 0.0);
    std::uint64_t state = 88172645463325252ull; // xorshift64: any fixed numbers will do
    std::string line;
    char number[32];
    for (int r = 0; r < rows; ++r) {
        line = lstm::formatTime(1577836800.0 + 60.0 * r, true);
        for (int c = 1; c < cols; ++c) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            walk[size_t(c)] += double(state % 2001) / 1000.0 - 1.0;
            const auto end = std::to_chars(number, number + sizeof number, walk[size_t(c)], std::chars_format::fixed, 6).ptr;
            line += ',';
            line.append(number, end);
        }
        line += '\n';
        out << line;
    }
    if (!out.flush())
        throw UsageError("cannot write the temporary file " + path.string());
}

} // namespace

int benchCsvCommand(const Words& words)
{
    Arguments args("bench-csv");
    args.option("rows", "N", "1000000", "data rows in the generated file")
        .option("cols", "M", "10", "columns: one date-time and M-1 numbers");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Generates a temporary CSV file and times importing it (detection, parsing, the default\n"
                     "missing-value policy) on one core.\n\n"
                  << args.usage();
        return 0;
    }
    const int rows = args.integer("rows", 1, 100'000'000);
    const int cols = args.integer("cols", 2, 1000);
    const TemporaryFile file{std::filesystem::temp_directory_path() /
                             ("lstm-lab-bench-" + std::to_string(getpid()) + ".csv")};
    writeBenchFile(file.path, rows, cols);
    const double megabytes = double(std::filesystem::file_size(file.path)) / 1e6;
    const auto start = std::chrono::steady_clock::now();
    const lstm::CsvTable table = lstm::importCsvFile(file.path.string());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("bench-csv: %zu rows x %zu columns (1 date-time, %d numbers), %.1f MB, loaded in %.3f s (%.0f MB/s)\n",
                table.rows, table.columns.size(), cols - 1, megabytes, seconds, megabytes / seconds);
    return 0;
}

} // namespace cli
