#include "data/Generators.h"

#include "data/tasks/AddingProblem.h"
#include "data/tasks/ContinualReber.h"
#include "data/waves/DampedOscillation.h"
#include "data/tasks/EmbeddedReber.h"
#include "data/tasks/LongLag.h"
#include "data/tasks/RememberFirst.h"
#include "data/waves/SawtoothWave.h"
#include "data/waves/SineWave.h"
#include "data/waves/SquareWave.h"
#include "data/waves/SumOfSines.h"
#include "data/tasks/TemporalOrder.h"

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

// The parameters every wave shares after its own: how the series is sampled and windowed.
std::vector<GeneratorParameter> withForecast(std::vector<GeneratorParameter> parameters)
{
    parameters.insert(parameters.end(), {
        {"noise", "Noise", "Standard deviation of Gaussian noise added to every sample.", 0, 0, 10},
        {"length", "Series length", "Samples in the whole series; the last 20% validate.", 2000, 200, 1000000, true},
        {"sequence_length", "Sequence length", "Timesteps in each training sequence.", 32, 2, 1000, true},
        {"horizon", "Horizon", "How many steps ahead to predict.", 1, 1, 100, true},
    });
    return parameters;
}

GeneratorParameter frequencyParameter(double value)
{
    return {"frequency", "Frequency", "Cycles per timestep.", value, 0.001, 0.5};
}

GeneratorParameter amplitudeParameter()
{
    return {"amplitude", "Amplitude", "Peak value of the wave.", 1, 0.01, 100};
}

ForecastOptions readForecast(const Values& v, std::uint64_t seed)
{
    ForecastOptions options;
    options.noise = v.at("noise");
    options.length = int(v.at("length"));
    options.sequenceLength = int(v.at("sequence_length"));
    options.horizon = int(v.at("horizon"));
    options.seed = seed;
    return options;
}

WaveOptions readWave(const Values& v, std::uint64_t seed)
{
    return WaveOptions{v.at("amplitude"), v.at("frequency"), readForecast(v, seed)};
}

std::unique_ptr<Dataset> makeSine(const Values& v, std::uint64_t seed)
{
    return std::make_unique<SineWave>(SineWaveOptions{readWave(v, seed), v.at("phase")});
}

std::vector<GeneratorParameter> sineComponentParameters()
{
    std::vector<GeneratorParameter> parameters;
    const SumOfSinesOptions defaults;
    for (size_t k = 0; k < defaults.components.size(); ++k) {
        const std::string n = std::to_string(k + 1);
        parameters.push_back({"amplitude" + n, "Amplitude " + n, "Peak value of sine " + n + "; 0 switches it off.",
                              defaults.components[k].amplitude, 0, 100});
        parameters.push_back({"frequency" + n, "Frequency " + n, "Cycles per timestep of sine " + n + ".",
                              defaults.components[k].frequency, 0.001, 0.5});
    }
    return parameters;
}

std::unique_ptr<Dataset> makeSumOfSines(const Values& v, std::uint64_t seed)
{
    SumOfSinesOptions options;
    for (size_t k = 0; k < options.components.size(); ++k) {
        const std::string n = std::to_string(k + 1);
        options.components[k] = {v.at("amplitude" + n), v.at("frequency" + n)};
    }
    options.forecast = readForecast(v, seed);
    return std::make_unique<SumOfSines>(options);
}

std::unique_ptr<Dataset> makeSquare(const Values& v, std::uint64_t seed)
{
    return std::make_unique<SquareWave>(readWave(v, seed));
}

std::unique_ptr<Dataset> makeSawtooth(const Values& v, std::uint64_t seed)
{
    return std::make_unique<SawtoothWave>(readWave(v, seed));
}

std::unique_ptr<Dataset> makeDamped(const Values& v, std::uint64_t seed)
{
    return std::make_unique<DampedOscillation>(
        DampedOscillationOptions{readWave(v, seed), v.at("decay"), int(v.at("period"))});
}

std::unique_ptr<Dataset> makeEmbeddedReber(const Values& v, std::uint64_t seed)
{
    EmbeddedReberOptions options;
    options.trainingStrings = int(v.at("training_strings"));
    options.seed = seed;
    return std::make_unique<EmbeddedReber>(options);
}

std::unique_ptr<Dataset> makeLongLag(const Values& v, std::uint64_t)
{
    return std::make_unique<LongLag>(LongLagOptions{int(v.at("lag"))});
}

std::unique_ptr<Dataset> makeAdding(const Values& v, std::uint64_t seed)
{
    AddingProblemOptions options;
    options.length = int(v.at("length"));
    options.seed = seed;
    return std::make_unique<AddingProblem>(options);
}

std::unique_ptr<Dataset> makeTemporalOrder(const Values& v, std::uint64_t seed)
{
    TemporalOrderOptions options;
    options.length = int(v.at("length"));
    options.seed = seed;
    return std::make_unique<TemporalOrder>(options);
}

std::unique_ptr<Dataset> makeContinualReber(const Values& v, std::uint64_t seed)
{
    ContinualReberOptions options;
    options.length = int(v.at("length"));
    options.validationLength = int(v.at("validation_length"));
    options.seed = seed;
    return std::make_unique<ContinualReber>(options);
}

std::unique_ptr<Dataset> makeRememberFirst(const Values& v, std::uint64_t seed)
{
    RememberFirstOptions options;
    options.lag = int(v.at("lag"));
    options.classes = int(v.at("classes"));
    options.distractors = int(v.at("distractors"));
    options.seed = seed;
    return std::make_unique<RememberFirst>(options);
}

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> table{
        {{"sine", "Sine wave", "Predict a sampled sine wave a few steps ahead.",
          withForecast({frequencyParameter(0.04), amplitudeParameter(),
                        {"phase", "Phase", "Shift of the wave in radians.", 0, 0, 6.2832}})},
         makeSine},
        {{"sum-of-sines", "Sum of sines", "Predict up to three superposed sines a few steps ahead.",
          withForecast(sineComponentParameters())},
         makeSumOfSines},
        {{"square", "Square wave",
          "Predict a square wave a few steps ahead; a jump is foreseen by counting from the last, so a sequence's first never is.",
          withForecast({frequencyParameter(0.05), amplitudeParameter()})},
         makeSquare},
        {{"sawtooth", "Sawtooth wave",
          "Predict a rising sawtooth a few steps ahead; the drop needs the cycle's length remembered.",
          withForecast({frequencyParameter(0.05), amplitudeParameter()})},
         makeSawtooth},
        {{"damped", "Damped oscillation",
          "Predict A e^(-decay t) sin(2 pi f t) a few steps ahead; it restarts every period samples so the series never dies out.",
          withForecast({frequencyParameter(0.05), amplitudeParameter(),
                        {"decay", "Decay", "Damping rate per timestep (lambda).", 0.03, 0, 1},
                        {"period", "Period", "Samples from one restart to the next.", 100, 2, 100000, true}})},
         makeDamped},
        {{"embedded-reber", "Embedded Reber grammar",
          "Predict the next symbol of embedded Reber strings (LSTM 1997, exp. 1); the second-last must repeat the second.",
          {{"training_strings", "Training strings", "Strings in the fixed training set (the paper uses 256).", 256, 1, 100000, true}}},
         makeEmbeddedReber},
        {{"long-lag", "Long time lag",
          "Name the last of (x or y, a1 ... a(p-1), x or y), which repeats the first (LSTM 1997, task 2a, noise-free).",
          {{"lag", "Lag p", "Steps from the first symbol to the one that repeats it; the paper uses 100, 20 trains in seconds.", 20, 2, 1000, true}}},
         makeLongLag},
        {{"adding", "Adding problem",
          "Output 0.5 + (X1 + X2)/4 at the end, the scaled sum of the two marked values (LSTM 1997, exp. 4).",
          {{"length", "Length T", "Value-marker pairs per sequence; the paper uses 100 to 1000, 30 trains in seconds.", 30, 11, 1000, true}}},
         makeAdding},
        {{"temporal-order", "Temporal order",
          "Classify by the order of the X and Y hidden far apart among distractors (LSTM 1997, exp. 6a).",
          {{"length", "Length T", "Symbols per sequence; the paper uses 100 to 110, 50 trains faster.", 50, 10, 1000, true}}},
         makeTemporalOrder},
        {{"continual-reber", "Continual embedded Reber",
          "Predict the next symbol of embedded Reber strings streamed back to back without resets (Gers et al. 2000).",
          {{"length", "Stream length", "Timesteps in each training stream.", 100, 10, 2000, true},
           {"validation_length", "Validation stream length", "Timesteps in each of the 8 validation streams.", 1000, 10, 20000, true}}},
         makeContinualReber},
        {{"remember-first", "Remember the first symbol",
          "Name the first symbol after a lag of random distractors; raise the lag to watch a plain RNN fail before an LSTM.",
          {{"lag", "Lag", "Distractor steps between the first symbol and the question.", 20, 1, 1000, true},
           {"classes", "Classes", "Symbols the first one is drawn from.", 4, 2, 26, true},
           {"distractors", "Distractors", "Symbols the lag is drawn from.", 4, 1, 26, true}}},
         makeRememberFirst},
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
        const std::string& name = key; // clang 14 cannot capture a structured binding
        const auto found = std::find_if(info.parameters.begin(), info.parameters.end(),
                                        [&name](const GeneratorParameter& p) { return p.key == name; });
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
