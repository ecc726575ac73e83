#include "data/Dataset.h"

namespace lstm {

std::optional<TaskScore> Dataset::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    if (shape().output != OutputKind::Classification)
        return std::nullopt;
    const double accuracy = classificationAccuracy(data, outputs);
    return TaskScore{"accuracy", accuracy, accuracy == 1.0, "every target class predicted correctly"};
}

double Dataset::toUserUnits(int, double value) const
{
    return value;
}

double classificationAccuracy(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs)
{
    if (data.classes.empty())
        return 0;
    int correct = 0;
    for (size_t k = 0; k < data.classes.size(); ++k) {
        Eigen::Index predicted = 0;
        outputs.col(Eigen::Index(k)).maxCoeff(&predicted);
        correct += predicted == data.classes[k];
    }
    return double(correct) / double(data.classes.size());
}

ModelConfig modelFor(const DataShape& shape, const ModelChoices& choices)
{
    ModelConfig config;
    config.cell = choices.cell;
    config.hiddenSize = choices.hiddenSize;
    config.layers = choices.layers;
    config.inputSize = shape.inputSize;
    config.outputSize = shape.outputSize;
    config.output = shape.output;
    config.outputAt = shape.outputAt;
    if (shape.symbols) {
        config.input = choices.symbolInput;
        config.embeddingSize = choices.symbolInput == InputKind::Embedding ? choices.embeddingSize : 0;
        config.vocabulary = shape.vocabulary;
    }
    return config;
}

std::string modelMismatch(const ModelConfig& model, const DataShape& data)
{
    const auto count = [](int n, bool symbols) { return std::to_string(n) + (symbols ? " symbols" : " inputs"); };
    if (model.symbolInput() != data.symbols || model.inputSize != data.inputSize)
        return "the model reads " + count(model.inputSize, model.symbolInput()) + " per step, the data has " +
               count(data.inputSize, data.symbols);
    if (model.outputSize != data.outputSize || model.output != data.output || model.outputAt != data.outputAt) {
        const auto output = [](int size, OutputKind kind, OutputAt at) {
            return std::to_string(size) + " " + std::string(outputKindName(kind)) + " at " + std::string(outputAtName(at));
        };
        return "the model's output (" + output(model.outputSize, model.output, model.outputAt) +
               ") does not fit the data's (" + output(data.outputSize, data.output, data.outputAt) + ")";
    }
    return {};
}

} // namespace lstm
