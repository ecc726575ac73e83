#include "import/CsvImportCheck.h"

#include "series/CsvDataset.h"

#include <exception>

CsvImportCheck CsvImportCheck::of(const CsvPreview& preview, const CsvSource& chosen)
{
    if (!preview.ok())
        return {preview.error, tr("Change how the file is read above, or correct the file and choose it again.")};
    if (chosen.inputs.isEmpty() || chosen.targets.isEmpty())
        return {tr("Choose at least one input column and one target column (Role, in the list of columns)."), {}};
    if (!preview.table)
        return {{}, tr("A large file: the preview shows its start (%1 rows in the first MiB). Import reads the "
                       "whole file.")
                        .arg(preview.rowsRead)};
    try {
        const lstm::CsvDataset data(*preview.table, chosen.datasetOptions());
        const int rows = data.series().rows(), train = data.series().trainRows;
        return {{}, tr("The whole file: %1 rows. The first %2 train the model, the last %3 check it (%4 sequences "
                       "of %5 steps).")
                        .arg(rows)
                        .arg(train)
                        .arg(rows - train)
                        .arg(data.validationSet().batch)
                        .arg(chosen.sequenceLength)};
    } catch (const std::exception& error) {
        return {sentence(QString::fromUtf8(error.what())), {}};
    }
}
