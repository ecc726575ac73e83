#include "nn/ModelConfig.h"

namespace lstm {

int ModelConfig::layerInputSize(int layer) const
{
    if (layer > 0)
        return hiddenSize;
    return input == InputKind::Embedding ? embeddingSize : inputSize;
}

std::string ModelConfig::validate() const
{
    auto outOfRange = [](const char* field, int value, int low, int high) {
        return std::string(field) + " must be between " + std::to_string(low) + " and " +
               std::to_string(high) + ", got " + std::to_string(value);
    };
    if (inputSize < 1 || inputSize > 1'000'000)
        return outOfRange("input_size", inputSize, 1, 1'000'000);
    if (hiddenSize < 1 || hiddenSize > 4096)
        return outOfRange("hidden_size", hiddenSize, 1, 4096);
    if (layers < 1 || layers > 4)
        return outOfRange("num_layers", layers, 1, 4);
    if (outputSize < 1 || outputSize > 1'000'000)
        return outOfRange("output_size", outputSize, 1, 1'000'000);
    if (input == InputKind::Embedding && (embeddingSize < 1 || embeddingSize > 4096))
        return outOfRange("embedding_size", embeddingSize, 1, 4096);
    if (output == OutputKind::Classification && outputSize < 2)
        return "output_size must be at least 2 for classification";
    if (!vocabulary.empty() && static_cast<int>(vocabulary.size()) != inputSize)
        return "vocabulary has " + std::to_string(vocabulary.size()) + " entries but input_size is " +
               std::to_string(inputSize);
    return {};
}

std::string_view inputKindName(InputKind kind)
{
    switch (kind) {
    case InputKind::Dense: return "dense";
    case InputKind::OneHot: return "one-hot";
    case InputKind::Embedding: return "embedding";
    }
    return "dense";
}

std::string_view outputKindName(OutputKind kind)
{
    return kind == OutputKind::Regression ? "regression" : "classification";
}

std::string_view outputAtName(OutputAt at)
{
    return at == OutputAt::EveryStep ? "every-step" : "last-step";
}

} // namespace lstm
