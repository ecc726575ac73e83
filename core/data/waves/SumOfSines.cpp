#include "data/waves/SumOfSines.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lstm {

namespace {

const SumOfSinesOptions& checked(const SumOfSinesOptions& options)
{
    if (std::all_of(options.components.begin(), options.components.end(),
                    [](const SineComponent& c) { return c.amplitude == 0; }))
        throw std::invalid_argument("a sum of sines needs at least one sine with a non-zero amplitude");
    return options;
}

double sumAt(const SumOfSinesOptions& options, int t)
{
    double sum = 0;
    for (const SineComponent& c : options.components)
        sum += c.amplitude * std::sin(2 * std::numbers::pi * c.frequency * t);
    return sum;
}

} // namespace

SumOfSines::SumOfSines(const SumOfSinesOptions& options)
    : SeriesForecast([&options = checked(options)](int t) { return sumAt(options, t); }, options.forecast)
{
}

} // namespace lstm
