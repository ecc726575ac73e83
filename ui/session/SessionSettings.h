// Everything a user sets up before training, the seed included: which data (a built-in
// generator, a text file or a CSV file with how to read it), which model, how to train, and
// how text samples are written. One value, so a run can be rebuilt, saved with QSettings and
// given on the command line. Not the trained weights.
#pragma once

#include "csv/CsvImport.h"
#include "series/CsvDataset.h"
#include "data/Dataset.h"
#include "data/Generators.h"
#include "training/Recommended.h"
#include "training/StopRule.h"
#include "training/TrainConfig.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

enum class DataSource { Generator, Text, Csv };

// Whether a model can train on a table read with `policy`: every policy but Keep, which leaves
// NaN in the number columns, and the core's series preparation refuses a column with NaN
// (prepareSeries in core/SeriesPreparation.h). Keep is for looking at a file, not training.
constexpr bool trainsWith(lstm::MissingPolicy policy)
{
    return policy != lstm::MissingPolicy::Keep;
}

// A UTF-8 text as data: predict the next character.
struct TextSource {
    QString path;
    int sequenceLength = 64; // characters per training sequence
    bool operator==(const TextSource&) const = default;
};

// A user's CSV series as data: how to read the file (unset = as detected), which columns are
// inputs and targets, and how the series is cut into sequences.
struct CsvSource {
    QString path;
    std::optional<char> delimiter;              // ',', ';', '\t' or '|'
    std::optional<bool> header;
    std::optional<char> decimal;                // '.' or ','
    std::optional<lstm::DateOrder> dateOrder;
    std::optional<QString> timeColumn;          // a column's name, "" for no time axis
    lstm::MissingPolicy missing = lstm::MissingPolicy::Interpolate; // one trainsWith() accepts
    QStringList inputs;                         // empty: every number column
    QStringList targets;                        // empty: the last number column
    int sequenceLength = 32;
    int horizon = 1;                            // predict the targets this many rows ahead
    // The table the import dialog already read with these options, handed to the worker so
    // that the file is not read twice (and Reset does not read it again). Neither saved nor
    // compared: a session loaded from disk reads the file anew.
    std::shared_ptr<const lstm::CsvTable> table;

    bool operator==(const CsvSource& other) const; // everything but the table
    lstm::CsvImportOptions importOptions() const;  // without progress
    lstm::CsvDatasetOptions datasetOptions() const;
};

// How the window shows what a character model writes; applies live, without a rebuild.
struct TextSampling {
    int every = 100;          // steps between samples
    double temperature = 0.8; // > 0: below 1 safer, above 1 wilder
    QString prompt;           // primes the sampler; empty: the start of a line
    bool operator==(const TextSampling&) const = default;
};

struct SessionSettings {
    DataSource source = DataSource::Generator;
    QString dataset = QStringLiteral("sine"); // the generator, when source is Generator
    lstm::GeneratorSettings data;       // parameters left out take their defaults
    TextSource text;
    CsvSource csv;
    TextSampling sampling;
    lstm::ModelChoices model;
    lstm::TrainConfig train;
    lstm::StopConditions stop; // applies live, without a rebuild
    bool operator==(const SessionSettings&) const = default;

    static constexpr long long maxStopSteps = 100'000'000; // the panel's ranges
    static constexpr int maxPatience = 10'000;

    // The demo a fresh start shows: the sine wave and a 16-unit LSTM, as the sine recommends.
    static SessionSettings demo();
    // The model size, training settings and stop conditions a built-in data set recommends;
    // the cell, the seed and the data stay.
    void applyRecommendation(const lstm::Recommendation& recommended);

    void save(QSettings& settings) const;
    static SessionSettings load(const QSettings& settings); // missing keys keep demo values

    // When the data file of a text or CSV session is gone, the session becomes the demo and
    // the sentence to show says why; otherwise nothing changes and the sentence is empty.
    QString fallBackWhenFileIsGone();
    QString dataFile() const; // the text or CSV file in use, or empty for a generator

    // --dataset NAME --params k=v,... | --text FILE | --csv FILE (--inputs A,B --targets C
    // --horizon N --delimiter X --decimal X --header|--no-header --date-order dmy|mdy
    // --time-column NAME|none --missing POLICY), --seq-len N, --temperature X
    // --sample-every N --prompt TEXT, --cell NAME --hidden N --layers N --lr X --seed N
    QStringList toArguments() const;
    // Reads the same options; returns an error sentence or an empty string. Both are in
    // SessionArguments.cpp.
    QString applyArguments(const QStringList& arguments);
};
