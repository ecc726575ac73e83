// The start of a CSV file as the import dialog shows it before reading it all: how it is
// written (delimiter, header, decimal mark, column types and time axis, as detected or as the
// user overrides them), its first rows as written, the missing cells in the part read, and
// the first thing wrong there with its line and column. Reads at most previewBytes, on the
// calling thread. Not the import of a whole large file (CsvLoader).
#pragma once

#include "csv/CsvError.h"
#include "csv/CsvImport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct CsvPreview {
    static constexpr qint64 previewBytes = qint64(1) << 20;

    QString path;
    lstm::CsvLayout layout;            // no names when the file could not be read at all
    // What the detection alone finds, to show beside each override: the delimiter without
    // any override, the rest with the user's delimiter (they depend on it).
    std::optional<lstm::CsvDialect> detected;
    QList<QStringList> rows;           // the first data rows, cells as written (header excluded)
    QList<int> rowLines;               // the line in the file where each of those rows starts
    std::vector<std::size_t> missing;  // per column, missing cells in the part read
    std::size_t rowsRead = 0;          // data rows in the part read
    bool wholeFile = false;            // the part read is the whole file
    std::shared_ptr<const lstm::CsvTable> table; // the finished import, when the whole file read without error
    QString error;                     // the first thing wrong, as one sentence; empty when none
    int errorLine = 0;                 // where it is (0 when not one line)
    int errorColumn = 0;               // 1-based field (0 when not one field)

    bool ok() const { return error.isEmpty(); }
};

CsvPreview previewCsv(const QString& path, const lstm::CsvImportOptions& options, int maxRows = 50);

// A message from the core as the dialog shows it: a capital first letter, a full stop at the end.
QString sentence(QString text);

// A CSV error as the dialog says it: `Line 17, column 3 ("b"): "12,5x" is not a number.`
// `names` are the file's column names, to name the column when known.
QString describeCsvError(const lstm::CsvImportError& error, const std::vector<std::string>& names);
