#include "Generators.h"

#include "SineWave.h"

#include <cmath>
#include <algorithm>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace lstm {

namespace {

using Values = std::map<std::string, double>;
using Factory = std::function<std::unique_ptr<Dataset>(const Values&, std::uint64_t seed)>;

struct Entry {
    GeneratorInfo info;
    Factory make;
};

std::unique_ptr<Dataset> makeSine(const Values& v, std::uint64_t seed)
{
    SineWaveOptions options;
    options.frequency = v.at("frequency");
    options.amplitude = v.at("amplitude");
    options.phase = v.at("phase");
    options.noise = v.at("noise");
    options.length = int(v.at("length"));
    options.sequenceLength = int(v.at("sequence_length"));
    options.horizon = int(v.at("horizon"));
    options.seed = seed;
    return std::make_unique<SineWave>(options);
}

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> table{
        {{"sine", "Sine wave", "Predict a sampled sine wave a few steps ahead.",
          {{"frequency", "Frequency", "Cycles per timestep.", 0.04, 0.001, 0.5},
           {"amplitude", "Amplitude", "Peak value of the wave.", 1, 0.01, 100},
           {"phase", "Phase", "Shift of the wave in radians.", 0, 0, 6.2832},
           {"noise", "Noise", "Standard deviation of Gaussian noise added to every sample.", 0, 0, 10},
           {"length", "Series length", "Samples in the whole series; the last 20% validate.", 2000, 200, 1000000, true},
           {"sequence_length", "Sequence length", "Timesteps in each training sequence.", 32, 2, 1000, true},
           {"horizon", "Horizon", "How many steps ahead to predict.", 1, 1, 100, true}}},
         makeSine},
    };
    return table;
}

const Entry& entry(const std::string& name)
{
    for (const Entry& e : entries())
        if (e.info.name == name)
            return e;
    std::string known;
    for (const Entry& e : entries())
        known += (known.empty() ? "" : ", ") + e.info.name;
    throw std::invalid_argument("unknown data set \"" + name + "\" (built in: " + known + ")");
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// Defaults filled in, every given value checked against its parameter's range.
Values resolve(const GeneratorInfo& info, const GeneratorSettings& settings)
{
    Values values;
    for (const GeneratorParameter& p : info.parameters)
        values[p.key] = p.value;
    for (const auto& [key, value] : settings) {
        const auto found = std::find_if(info.parameters.begin(), info.parameters.end(),
                                        [&](const GeneratorParameter& p) { return p.key == key; });
        if (found == info.parameters.end())
            throw std::invalid_argument("\"" + info.name + "\" has no parameter \"" + key + "\"");
        if (!(value >= found->minimum && value <= found->maximum) || (found->integer && value != std::floor(value)))
            throw std::invalid_argument(info.name + " " + key + " must be " + (found->integer ? "a whole number " : "") +
                                        "from " + formatNumber(found->minimum) + " to " + formatNumber(found->maximum) +
                                        ", got " + formatNumber(value));
        values[key] = value;
    }
    return values;
}

} // namespace

const std::vector<GeneratorInfo>& builtinGenerators()
{
    static const std::vector<GeneratorInfo> infos = [] {
        std::vector<GeneratorInfo> out;
        for (const Entry& e : entries())
            out.push_back(e.info);
        return out;
    }();
    return infos;
}

const GeneratorInfo* findGenerator(const std::string& name)
{
    for (const GeneratorInfo& info : builtinGenerators())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::unique_ptr<Dataset> makeGenerator(const std::string& name, const GeneratorSettings& settings,
                                       std::uint64_t seed)
{
    const Entry& e = entry(name);
    return e.make(resolve(e.info, settings), seed);
}

} // namespace lstm
