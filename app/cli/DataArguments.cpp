#include "DataArguments.h"

#include "training/Recommended.h"
#include "CsvArguments.h"

#include "series/CsvDataset.h"
#include "csv/CsvImport.h"
#include "data/Generators.h"
#include "text/TextDataset.h"

#include <charconv>
#include <sstream>
#include <vector>

namespace cli {

namespace {

// Options that only mean something for one kind of data, and that kind's source option.
const std::vector<std::pair<std::string, std::string>> ownedOptions{
    {"params", "dataset"}, {"inputs", "csv"},     {"targets", "csv"},    {"horizon", "csv"},
    {"delimiter", "csv"},  {"decimal", "csv"},    {"header", "csv"},     {"no-header", "csv"},
    {"date-order", "csv"}, {"time-column", "csv"}, {"missing", "csv"},
};


std::vector<std::string> columnNames(const std::string& text)
{
    std::vector<std::string> names;
    std::istringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ','))
        names.push_back(name);
    return names;
}

// The one source given (dataset when none is), after refusing options meant for another.
std::string chooseSource(const Arguments& args)
{
    std::string source;
    for (const char* name : {"dataset", "csv", "text"}) {
        if (!args.has(name))
            continue;
        if (!source.empty())
            throw UsageError("--" + source + " and --" + name + " cannot be combined: train on one data set");
        source = name;
    }
    if (source.empty())
        source = "dataset";
    for (const auto& [option, owner] : ownedOptions)
        if (args.has(option) && owner != source)
            throw UsageError("--" + option + " applies only with --" + owner);
    if (args.has("seq-len") && source == "dataset")
        throw UsageError("--seq-len applies only with --csv or --text (built-in data sets take it in --params)");
    return source;
}

std::unique_ptr<lstm::Dataset> csvDataset(const Arguments& args)
{
    lstm::CsvDatasetOptions options;
    options.series.inputs = columnNames(args.text("inputs"));
    options.series.targets = columnNames(args.text("targets"));
    options.horizon = args.integer("horizon", 1, 100'000);
    const lstm::CsvTable table = lstm::importCsvFile(args.requiredText("csv"), csvImportOptions(args));
    options.sequenceLength = args.has("seq-len") ? args.integer("seq-len", 1, 100'000)
                                                 : lstm::defaultSequenceLength(lstm::prepareSeries(table, options.series),
                                                                               options.horizon);
    return std::make_unique<lstm::CsvDataset>(table, options);
}

std::unique_ptr<lstm::Dataset> textDataset(const Arguments& args)
{
    lstm::TextDatasetOptions options;
    options.sequenceLength = args.has("seq-len") ? args.integer("seq-len", 1, 100'000) : 64;
    return std::make_unique<lstm::TextDataset>(lstm::loadTextFile(args.requiredText("text")), options);
}

} // namespace

void declareDataOptions(Arguments& args)
{
    args.option("dataset", "NAME", "sine", "a built-in data set (listed below)")
        .option("params", "K=V,...", "", "the data set's parameters, e.g. frequency=0.05,noise=0.1")
        .option("csv", "FILE", "", "train on a CSV series instead: predict the targets from the inputs")
        .option("inputs", "A,B,...", "", "--csv input columns (default: every number column)")
        .option("targets", "A,B,...", "", "--csv target columns (default: the last number column)")
        .option("horizon", "N", "1", "--csv: predict the targets N rows ahead")
        .option("text", "FILE", "", "train on a UTF-8 text instead: predict the next character")
        .option("seq-len", "N", "", "--csv or --text: timesteps per sequence (default for --csv: the validation part holds two, at most "
                "32; for --text 64)");
    declareCsvOptions(args);
}

std::unique_ptr<lstm::Dataset> makeDataset(const Arguments& args, std::uint64_t seed)
{
    const std::string source = chooseSource(args);
    if (source == "csv")
        return csvDataset(args);
    if (source == "text")
        return textDataset(args);
    const std::string name = args.text("dataset");
    if (!lstm::findGenerator(name))
        throw UsageError("--dataset \"" + name + "\" is not a built-in data set (see train --help)");
    try {
        return lstm::makeGenerator(name, parseParams(args.text("params")), seed);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
}

std::optional<std::string> builtinDataset(const Arguments& args)
{
    if (args.has("csv") || args.has("text"))
        return std::nullopt;
    return args.text("dataset");
}

std::string dataHelp()
{
    std::ostringstream out;
    out << "\ndata sets (--dataset NAME --params KEY=VALUE,...), each with the settings it recommends; an option given "
           "on the command line replaces the recommended value:\n";
    for (const lstm::GeneratorInfo& info : lstm::builtinGenerators()) {
        out << "  " << info.name << ": " << info.description << "\n      recommended: "
            << lstm::recommendedSettings(info.name).why << "\n";
        for (const lstm::GeneratorParameter& p : info.parameters)
            out << "      " << p.key << " (" << p.minimum << " to " << p.maximum << ", default " << p.value
                << "): " << p.help << "\n";
    }
    return out.str();
}

lstm::GeneratorSettings parseParams(const std::string& text)
{
    lstm::GeneratorSettings settings;
    std::istringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        const auto equals = item.find('=');
        double value = 0;
        const char* end = item.data() + item.size();
        if (equals == std::string::npos ||
            std::from_chars(item.data() + equals + 1, end, value).ptr != end || equals + 1 == item.size())
            throw UsageError("--params takes KEY=NUMBER pairs separated by commas, got \"" + item + "\"");
        settings[item.substr(0, equals)] = value;
    }
    return settings;
}

} // namespace cli
