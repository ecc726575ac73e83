#include "text/TextSampler.h"

#include "text/TextCorpus.h"

#include <cmath>
#include <stdexcept>

namespace lstm {

namespace {

bool hasCharacterVocabulary(const ModelConfig& config)
{
    if (static_cast<int>(config.vocabulary.size()) != config.inputSize)
        return false;
    try {
        Vocabulary::fromNames(config.vocabulary);
        return true;
    } catch (const TextError&) {
        return false;
    }
}

} // namespace

template <typename S>
bool canSampleText(const Network<S>& network)
{
    const ModelConfig& config = network.config();
    return config.symbolInput() && config.output == OutputKind::Classification &&
           config.outputSize == config.inputSize && hasCharacterVocabulary(config);
}

int sampleSymbol(const Eigen::Ref<const Eigen::VectorXd>& logits, double temperature, Random& random)
{
    if (!(temperature > 0) || !std::isfinite(temperature))
        throw std::invalid_argument("temperature must be above 0 and finite, got " + std::to_string(temperature));
    if (logits.size() == 0 || !logits.allFinite())
        throw std::invalid_argument("the model's logits are empty or not finite");
    // Shifting by the maximum keeps every exponent <= 0: no overflow, and the most likely
    // symbol keeps weight 1 however small the temperature.
    const Eigen::VectorXd weights = ((logits.array() - logits.maxCoeff()) / temperature).exp().matrix(); // (V)
    const double draw = random.uniform() * weights.sum();
    double cumulative = 0;
    Eigen::Index last = 0;
    for (Eigen::Index k = 0; k < weights.size(); ++k) {
        if (weights[k] == 0)
            continue;
        cumulative += weights[k];
        last = k;
        if (draw < cumulative)
            return static_cast<int>(k);
    }
    return static_cast<int>(last); // draw landed on the sum through rounding
}

template <typename S>
std::string sampleText(const Network<S>& network, const SampleOptions& options, Random& random)
{
    if (!canSampleText(network))
        throw std::invalid_argument("this model does not read and predict characters: it needs symbol input, "
                                    "classification over the same symbols and a vocabulary of single characters");
    if (options.length < 0)
        throw std::invalid_argument("sample length must be 0 or more, got " + std::to_string(options.length));
    if (!(options.temperature > 0) || !std::isfinite(options.temperature))
        throw std::invalid_argument("temperature must be above 0 and finite, got " +
                                    std::to_string(options.temperature));
    const Vocabulary vocabulary = Vocabulary::fromNames(network.config().vocabulary);
    const std::u32string prompt = decodeUtf8(options.prompt);
    if (prompt.empty())
        throw TextError("the prompt is empty: give at least one character to start from");
    const std::vector<int> promptIds = vocabulary.encode(prompt, "the prompt");

    Network<S> model(network.config()); // a private copy: forward() overwrites a network's buffers
    model.parameters().values() = network.parameters().values();
    RecurrentState<S> state;
    state.setZero(model.config(), 1);
    SequenceBatch<S> input;
    input.batch = 1;
    input.steps = static_cast<int>(promptIds.size());
    input.symbols = promptIds;

    std::vector<int> written;
    written.reserve(size_t(options.length));
    model.forward(input, 0, input.steps, state); // the whole prompt in one pass
    input.steps = 1;
    input.symbols.resize(1);
    for (int k = 0; k < options.length; ++k) {
        model.copyFinalState(state);
        const Eigen::VectorXd logits = model.outputs().rightCols(1).template cast<double>(); // (V) after the last character read
        const int next = sampleSymbol(logits, options.temperature, random);
        written.push_back(next);
        input.symbols[0] = next;
        if (k + 1 < options.length)
            model.forward(input, 0, 1, state);
    }
    return vocabulary.decode(written);
}

template bool canSampleText(const Network<float>&);
template bool canSampleText(const Network<double>&);
template std::string sampleText(const Network<float>&, const SampleOptions&, Random&);
template std::string sampleText(const Network<double>&, const SampleOptions&, Random&);

} // namespace lstm
