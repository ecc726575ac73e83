#include "lessons/LiveCondition.h"

#include "cells/CellKind.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <vector>

namespace lstm {

namespace {

struct ComparisonSymbol {
    const char* symbol;
    LiveCondition::Comparison comparison;
};
// Two-character symbols first, so that ">=" is not read as ">".
constexpr ComparisonSymbol comparisonSymbols[] = {{">=", LiveCondition::Comparison::GreaterOrEqual},
                                                  {"<=", LiveCondition::Comparison::LessOrEqual},
                                                  {">", LiveCondition::Comparison::Greater},
                                                  {"<", LiveCondition::Comparison::Less}};

std::string trimmed(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

const std::vector<std::string>& liveQuantities()
{
    static const std::vector<std::string> quantities{"score", "loss", "train-loss", "step", "overfit"};
    return quantities;
}

LiveCondition parseLiveCondition(const std::string& text)
{
    LiveCondition condition;
    size_t at = std::string::npos;
    const char* symbol = nullptr;
    for (const ComparisonSymbol& candidate : comparisonSymbols) {
        at = text.find(candidate.symbol);
        if (at != std::string::npos) {
            symbol = candidate.symbol;
            condition.comparison = candidate.comparison;
            break;
        }
    }
    if (!symbol)
        throw std::invalid_argument("\"" + text + "\" compares nothing: write it as QUANTITY >= NUMBER");
    std::string left = trimmed(text.substr(0, at));
    const std::string right = trimmed(text.substr(at + std::char_traits<char>::length(symbol)));
    if (const size_t model = left.find('@'); model != std::string::npos) {
        condition.model = left.substr(model + 1);
        left = left.substr(0, model);
        if (!parseCellKind(condition.model))
            throw std::invalid_argument("\"" + condition.model + "\" after @ is not a cell (lstm, gru, rnn, ...)");
    }
    condition.quantity = left;
    const auto& known = liveQuantities();
    if (std::find(known.begin(), known.end(), left) == known.end())
        throw std::invalid_argument("\"" + left + "\" is not a live value: use score, loss, train-loss, step or overfit");
    const auto [end, error] = std::from_chars(right.data(), right.data() + right.size(), condition.threshold);
    if (error != std::errc() || end != right.data() + right.size() || right.empty())
        throw std::invalid_argument("\"" + right + "\" is not a number");
    return condition;
}

bool LiveCondition::holds(
    const std::function<std::optional<double>(const std::string& quantity, const std::string& model)>& lookup) const
{
    const std::optional<double> value = lookup(quantity, model);
    if (!value)
        return false;
    switch (comparison) {
    case Comparison::Less:
        return *value < threshold;
    case Comparison::LessOrEqual:
        return *value <= threshold;
    case Comparison::Greater:
        return *value > threshold;
    case Comparison::GreaterOrEqual:
        return *value >= threshold;
    }
    return false;
}

std::string LiveCondition::text() const
{
    std::string symbol;
    for (const ComparisonSymbol& candidate : comparisonSymbols)
        if (candidate.comparison == comparison)
            symbol = candidate.symbol;
    std::string number = std::to_string(threshold);
    number.erase(number.find_last_not_of('0') + 1);
    if (!number.empty() && number.back() == '.')
        number.pop_back();
    return quantity + (model.empty() ? "" : "@" + model) + " " + symbol + " " + number;
}

} // namespace lstm
