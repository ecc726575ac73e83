// libFuzzer target: any bytes through the CSV import and, when they import, through the
// series preparation and windowing. A CsvImportError or std::invalid_argument is a correct
// answer to bad input; a crash, a sanitizer report or any other exception is a bug.
// The first byte chooses the overrides and the missing-value policy, the rest is the file.
#include "series/CsvDataset.h"
#include "csv/CsvError.h"
#include "csv/CsvImport.h"

#include <cstdint>
#include <sstream>
#include <string>

namespace {

lstm::CsvImportOptions optionsFrom(std::uint8_t choice)
{
    lstm::CsvImportOptions options;
    options.missing = static_cast<lstm::MissingPolicy>(choice & 3);
    if (const int header = (choice >> 2) & 3; header != 0)
        options.overrides.header = header == 1;
    if (const int delimiter = (choice >> 4) & 3; delimiter != 0)
        options.overrides.delimiter = ",;\t"[delimiter - 1];
    if (choice & 64)
        options.overrides.decimal = ',';
    if (choice & 128)
        options.overrides.dateOrder = lstm::DateOrder::MonthFirst;
    return options;
}

void prepare(const lstm::CsvTable& table)
{
    lstm::CsvDatasetOptions options;
    options.sequenceLength = 2;
    options.series.validationFraction = 0.5;
    const lstm::CsvDataset data(table, options);
    lstm::Random random(1);
    lstm::SequenceBatch<double> batch;
    data.sampleTrainBatch(random, 3, batch);
    data.toUserUnits(0, batch.targets(0, 0));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::istringstream in(bytes);
    try {
        prepare(lstm::importCsv(in, "fuzz.csv", bytes.size(), optionsFrom(data[0])));
    } catch (const lstm::CsvImportError&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
