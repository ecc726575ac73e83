#include "training/TrainConfig.h"

#include <array>
#include <utility>

namespace lstm {

namespace {
constexpr std::array<std::pair<OptimizerKind, std::string_view>, 4> optimizerNames{{
    {OptimizerKind::Sgd, "sgd"},
    {OptimizerKind::Momentum, "momentum"},
    {OptimizerKind::RmsProp, "rmsprop"},
    {OptimizerKind::Adam, "adam"},
}};
} // namespace

std::string_view optimizerName(OptimizerKind kind)
{
    for (const auto& [k, name] : optimizerNames)
        if (k == kind)
            return name;
    return "adam";
}

std::optional<OptimizerKind> parseOptimizerKind(std::string_view name)
{
    for (const auto& [kind, n] : optimizerNames)
        if (n == name)
            return kind;
    return std::nullopt;
}

} // namespace lstm
