#include "training/TrainingOptions.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <stdexcept>

namespace lstm {

namespace {

double number(const std::string& key, const std::string& value, double low, double high)
{
    double result = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() || result < low || result > high)
    {
        std::ostringstream message;
        message << key << " takes a number from " << low << " to " << high << ", not \"" << value << "\"";
        throw std::invalid_argument(message.str());
    }
    return result;
}

long integer(const std::string& key, const std::string& value, long low, long high)
{
    const double result = number(key, value, double(low), double(high));
    if (result != double(long(result)))
        throw std::invalid_argument(key + " takes a whole number, not \"" + value + "\"");
    return long(result);
}

std::optional<double> bias(const std::string& key, const std::string& value)
{
    if (value == "random")
        return std::nullopt;
    return number(key, value, -10, 10);
}

} // namespace

const std::vector<std::string>& trainingOptionKeys()
{
    static const std::vector<std::string> keys{"cell",  "hidden",      "layers",      "optimizer",   "lr",
                                               "clip",  "batch",       "truncation",  "input-bias",  "forget-bias",
                                               "output-bias", "seed",  "steps",       "eval-every",  "patience",
                                               "until-solved"};
    return keys;
}

bool isTrainingOption(const std::string& key)
{
    const auto& keys = trainingOptionKeys();
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void setTrainingOption(Recommendation& settings, const std::string& key, const std::string& value)
{
    if (key == "cell") {
        const auto cell = parseCellKind(value);
        if (!cell)
            throw std::invalid_argument("cell takes lstm, lstm-peephole, lstm-1997, gru or rnn, not \"" + value + "\"");
        settings.model.cell = *cell;
    } else if (key == "hidden") {
        settings.model.hiddenSize = int(integer(key, value, 1, 512));
    } else if (key == "layers") {
        settings.model.layers = int(integer(key, value, 1, 4));
    } else if (key == "optimizer") {
        const auto optimizer = parseOptimizerKind(value);
        if (!optimizer)
            throw std::invalid_argument("optimizer takes sgd, momentum, rmsprop or adam, not \"" + value + "\"");
        settings.train.optimizer = *optimizer;
    } else if (key == "lr") {
        settings.train.learningRate = number(key, value, 0, 10);
    } else if (key == "clip") {
        settings.train.clipNorm = number(key, value, 0, 1000);
    } else if (key == "batch") {
        settings.train.batchSize = int(integer(key, value, 1, 1024));
    } else if (key == "truncation") {
        settings.train.truncation = int(integer(key, value, 0, 10000));
    } else if (key == "input-bias") {
        settings.train.gateBiases.input = bias(key, value);
    } else if (key == "forget-bias") {
        settings.train.gateBiases.forget = bias(key, value);
    } else if (key == "output-bias") {
        settings.train.gateBiases.output = bias(key, value);
    } else if (key == "seed") {
        settings.train.seed = std::uint64_t(integer(key, value, 0, 1'000'000'000));
    } else if (key == "steps") {
        settings.stop.maxSteps = integer(key, value, 1, 100'000'000);
    } else if (key == "eval-every") {
        settings.evalEvery = int(integer(key, value, 1, 1'000'000));
    } else if (key == "patience") {
        settings.stop.patience = int(integer(key, value, 0, 10'000));
    } else if (key == "until-solved") {
        if (value != "yes" && value != "no")
            throw std::invalid_argument("until-solved takes yes or no, not \"" + value + "\"");
        settings.stop.untilSolved = value == "yes";
    } else {
        throw std::invalid_argument("\"" + key + "\" is not a training setting");
    }
}

} // namespace lstm
