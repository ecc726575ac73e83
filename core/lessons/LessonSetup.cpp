#include "lessons/LessonSetup.h"

#include "training/TrainingOptions.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <stdexcept>

namespace lstm {

namespace {

double parameterValue(const GeneratorParameter& parameter, const std::string& value)
{
    double result = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
    const bool whole = !parameter.integer || result == double(long(result));
    if (value.empty() || error != std::errc() || end != value.data() + value.size() || !whole ||
        result < parameter.minimum || result > parameter.maximum) {
        std::ostringstream message;
        message << parameter.key << " takes " << (parameter.integer ? "a whole number" : "a number") << " from "
                << parameter.minimum << " to " << parameter.maximum << ", not \"" << value << "\"";
        throw std::invalid_argument(message.str());
    }
    return result;
}

std::vector<CellKind> cellList(const std::string& text)
{
    std::vector<CellKind> cells;
    std::istringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ',')) {
        const auto cell = parseCellKind(name);
        if (!cell)
            throw std::invalid_argument("cells takes cell names separated by commas (lstm, lstm-peephole, lstm-1997, "
                                        "gru, rnn), not \"" + name + "\"");
        cells.push_back(*cell);
    }
    if (cells.size() < 2 || cells.size() > 4)
        throw std::invalid_argument("cells takes 2 to 4 cells, not " + std::to_string(cells.size()));
    return cells;
}

// A file of datasets/, named relative to it: a .csv series or a .txt text, never outside.
std::string shippedFile(const std::string& name)
{
    const auto endsWith = [&](const std::string& end) {
        return name.size() > end.size() && name.compare(name.size() - end.size(), end.size(), end) == 0;
    };
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos || name.find('\\') != std::string::npos)
        throw std::invalid_argument("file= names a file of the app's datasets folder, as \"text/book.txt\", not \"" +
                                    name + "\"");
    if (!endsWith(".csv") && !endsWith(".txt"))
        throw std::invalid_argument("file= takes a .csv series or a .txt text, not \"" + name + "\"");
    return name;
}

} // namespace

LessonSetup readLessonSetup(const std::map<std::string, std::string>& arguments, const std::vector<std::string>& ignored)
{
    LessonSetup setup;
    const GeneratorInfo* data = nullptr;
    if (const auto dataset = arguments.find("dataset"); dataset != arguments.end()) {
        data = findGenerator(dataset->second);
        if (!data)
            throw std::invalid_argument("\"" + dataset->second + "\" is not a built-in data set");
        setup.dataset = dataset->second;
    }
    Recommendation check = data ? recommendedSettings(setup.dataset) : Recommendation{};
    for (const auto& [key, value] : arguments) {
        if (key == "dataset" || std::find(ignored.begin(), ignored.end(), key) != ignored.end())
            continue;
        if (key == "file") {
            setup.file = shippedFile(value);
            if (data)
                throw std::invalid_argument("dataset= and file= cannot be combined: one data source");
        } else if (key == "cells") {
            setup.cells = cellList(value);
        } else if (isTrainingOption(key)) {
            setTrainingOption(check, key, value); // throws for a bad value
            setup.options.emplace_back(key, value);
        } else {
            const GeneratorParameter* parameter = nullptr;
            if (data)
                for (const GeneratorParameter& candidate : data->parameters)
                    if (candidate.key == key)
                        parameter = &candidate;
            if (!parameter)
                throw std::invalid_argument("\"" + key + "\" is neither a training setting nor a parameter of " +
                                            (data ? setup.dataset : std::string("a data set (name one with dataset=)")));
            setup.parameters[key] = parameterValue(*parameter, value);
        }
    }
    return setup;
}

Recommendation settingsFor(const LessonSetup& setup)
{
    Recommendation settings = recommendedSettings(setup.dataset);
    for (const auto& [key, value] : setup.options)
        setTrainingOption(settings, key, value);
    return settings;
}

} // namespace lstm
