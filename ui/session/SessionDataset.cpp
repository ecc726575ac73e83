#include "session/SessionDataset.h"

#include "series/CsvDataset.h"
#include "csv/CsvImport.h"
#include "text/TextDataset.h"

std::unique_ptr<lstm::Dataset> makeSessionDataset(const SessionSettings& settings)
{
    switch (settings.source) {
    case DataSource::Text: {
        lstm::TextDatasetOptions options;
        options.sequenceLength = settings.text.sequenceLength;
        return std::make_unique<lstm::TextDataset>(lstm::loadTextFile(settings.text.path.toStdString()), options);
    }
    case DataSource::Csv: {
        const CsvSource& csv = settings.csv;
        if (csv.table)
            return std::make_unique<lstm::CsvDataset>(*csv.table, csv.datasetOptions());
        const lstm::CsvTable table = lstm::importCsvFile(csv.path.toStdString(), csv.importOptions());
        return std::make_unique<lstm::CsvDataset>(table, csv.datasetOptions());
    }
    case DataSource::Generator:
        break;
    }
    return lstm::makeGenerator(settings.dataset.toStdString(), settings.data, settings.train.seed);
}
