#include "io/ModelFile.h"

#include "io/AtomicFile.h"
#include "nn/Inference.h"
#include "nn/Network.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace lstm {

using nlohmann::json;

namespace {

constexpr const char* formatName = "lstm-lab-model";
constexpr int formatVersion = 1;

[[noreturn]] void fail(const std::string& message) { throw ModelFileError(message); }

const json& field(const json& object, const std::string& name, const std::string& where)
{
    const auto it = object.find(name);
    if (it == object.end())
        fail("missing field \"" + where + name + "\"");
    return *it;
}

int integerField(const json& object, const std::string& name, const std::string& where = "")
{
    const json& value = field(object, name, where);
    if (!value.is_number_integer())
        fail("field \"" + where + name + "\" must be an integer");
    // Range-checked, so that 4294967298 is not read as 2.
    const bool fits = value.is_number_unsigned() ? value.get<std::uint64_t>() <= INT_MAX
                                                 : value.get<std::int64_t>() >= INT_MIN && value.get<std::int64_t>() <= INT_MAX;
    if (!fits)
        fail("field \"" + where + name + "\" is out of range: " + value.dump());
    return value.get<int>();
}

std::string stringField(const json& object, const std::string& name, const std::string& where = "")
{
    const json& value = field(object, name, where);
    if (!value.is_string())
        fail("field \"" + where + name + "\" must be a string");
    return value.get<std::string>();
}

double finiteNumber(const json& value, const std::string& where)
{
    if (!value.is_number())
        fail("\"" + where + "\" must be a number");
    const double number = value.get<double>();
    if (!std::isfinite(number))
        fail("\"" + where + "\" is not finite");
    return number;
}

ModelConfig configFromJson(const json& root)
{
    ModelConfig config;
    const std::string cell = stringField(root, "cell");
    const auto kind = parseCellKind(cell);
    if (!kind)
        fail("field \"cell\" has unknown value \"" + cell + "\"");
    config.cell = *kind;
    config.inputSize = integerField(root, "input_size");
    config.hiddenSize = integerField(root, "hidden_size");
    config.layers = integerField(root, "num_layers");
    config.outputSize = integerField(root, "output_size");

    const json& input = field(root, "input", "");
    if (!input.is_object())
        fail("field \"input\" must be an object such as {\"kind\": \"dense\"}");
    const std::string inputKind = stringField(input, "kind", "input.");
    if (inputKind == "dense")
        config.input = InputKind::Dense;
    else if (inputKind == "one-hot")
        config.input = InputKind::OneHot;
    else if (inputKind == "embedding") {
        config.input = InputKind::Embedding;
        config.embeddingSize = integerField(input, "embedding_size", "input.");
    } else
        fail("field \"input.kind\" has unknown value \"" + inputKind + "\"");

    const json& output = field(root, "output", "");
    if (!output.is_object())
        fail("field \"output\" must be an object such as {\"kind\": \"regression\", \"at\": \"every-step\"}");
    const std::string outputKind = stringField(output, "kind", "output.");
    if (outputKind != "regression" && outputKind != "classification")
        fail("field \"output.kind\" has unknown value \"" + outputKind + "\"");
    config.output = outputKind == "regression" ? OutputKind::Regression : OutputKind::Classification;
    const std::string at = stringField(output, "at", "output.");
    if (at != "every-step" && at != "last-step")
        fail("field \"output.at\" has unknown value \"" + at + "\"");
    config.outputAt = at == "every-step" ? OutputAt::EveryStep : OutputAt::LastStep;

    if (const auto it = root.find("vocabulary"); it != root.end()) {
        if (!it->is_array())
            fail("field \"vocabulary\" must be an array of strings");
        for (const json& symbol : *it) {
            if (!symbol.is_string())
                fail("field \"vocabulary\" must be an array of strings");
            config.vocabulary.push_back(symbol.get<std::string>());
        }
    }
    if (const std::string problem = config.validate(); !problem.empty())
        fail(problem);
    return config;
}

void readTensor(const json& value, const TensorInfo& info, ParameterSet<double>& params, int id)
{
    const std::string where = "tensors." + info.name;
    auto target = params.matrix(id);
    if (info.vector) {
        if (!value.is_array() || int(value.size()) != info.rows)
            fail("\"" + where + "\" must be an array of " + std::to_string(info.rows) + " numbers");
        for (int r = 0; r < info.rows; ++r)
            target(r, 0) = finiteNumber(value[size_t(r)], where + "[" + std::to_string(r) + "]");
        return;
    }
    const std::string shape = "(" + std::to_string(info.rows) + ", " + std::to_string(info.cols) + ")";
    if (!value.is_array() || int(value.size()) != info.rows)
        fail("\"" + where + "\" must have shape " + shape + " as an array of rows");
    for (int r = 0; r < info.rows; ++r) {
        const json& row = value[size_t(r)];
        if (!row.is_array() || int(row.size()) != info.cols)
            fail("\"" + where + "\" must have shape " + shape + "; row " + std::to_string(r) + " differs");
        for (int c = 0; c < info.cols; ++c)
            target(r, c) = finiteNumber(row[size_t(c)], where + "[" + std::to_string(r) + "][" + std::to_string(c) + "]");
    }
}

json tensorToJson(const ParameterSet<double>& params, int id)
{
    const TensorInfo& info = params.layout().tensor(id);
    const auto values = params.matrix(id);
    if (info.vector)
        return json(std::vector<double>(values.data(), values.data() + info.rows));
    json rows = json::array();
    for (int r = 0; r < info.rows; ++r) {
        std::vector<double> row(size_t(info.cols));
        for (int c = 0; c < info.cols; ++c)
            row[size_t(c)] = values(r, c);
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

ParameterLayout layoutFor(const ModelConfig& config)
{
    return Network<double>(config).layout();
}

std::string modelToJson(const Model& model)
{
    const ModelConfig& config = model.config;
    json root;
    root["format"] = formatName;
    root["version"] = formatVersion;
    root["cell"] = std::string(cellName(config.cell));
    root["input_size"] = config.inputSize;
    root["hidden_size"] = config.hiddenSize;
    root["num_layers"] = config.layers;
    root["output_size"] = config.outputSize;
    root["input"] = {{"kind", std::string(inputKindName(config.input))}};
    if (config.input == InputKind::Embedding)
        root["input"]["embedding_size"] = config.embeddingSize;
    root["output"] = {{"kind", std::string(outputKindName(config.output))},
                      {"at", std::string(outputAtName(config.outputAt))}};
    if (!config.vocabulary.empty())
        root["vocabulary"] = config.vocabulary;
    json tensors = json::object();
    for (int id = 0; id < int(model.parameters.layout().tensors().size()); ++id)
        tensors[model.parameters.layout().tensor(id).name] = tensorToJson(model.parameters, id);
    root["tensors"] = std::move(tensors);
    try {
        return root.dump(1);
    } catch (const json::type_error& error) { // JSON text must be UTF-8
        fail(std::string("cannot write the model: ") + error.what() + " (vocabulary entries must be UTF-8)");
    }
}

Model modelFromJson(const std::string& text)
{
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& error) { // syntax errors and numbers too large for a double
        fail(std::string("not valid JSON: ") + error.what());
    }
    if (!root.is_object())
        fail("not a model file: the top level is not a JSON object");
    if (stringField(root, "format") != formatName)
        fail("field \"format\" must be \"" + std::string(formatName) + "\"");
    if (const int version = integerField(root, "version"); version != formatVersion)
        fail("unsupported version " + std::to_string(version) + " (this build reads version 1)");

    const ModelConfig config = configFromJson(root);
    Model model{config, ParameterSet<double>(layoutFor(config))};
    const json& tensors = field(root, "tensors", "");
    if (!tensors.is_object())
        fail("field \"tensors\" must be an object");
    const ParameterLayout& layout = model.parameters.layout();
    for (int id = 0; id < int(layout.tensors().size()); ++id) {
        const TensorInfo& info = layout.tensor(id);
        readTensor(field(tensors, info.name, "tensors."), info, model.parameters, id);
    }
    for (const auto& [name, value] : tensors.items())
        if (layout.find(name) < 0)
            fail("unexpected tensor \"tensors." + name + "\" for a " + std::string(cellName(model.config.cell)) + " model");
    return model;
}

std::string gradientReportToJson(const GradientReport& report)
{
    json root;
    root["loss"] = report.loss;
    json outputs = json::array();
    for (Eigen::Index r = 0; r < report.outputs.rows(); ++r) {
        const Eigen::VectorXd row = report.outputs.row(r).transpose();
        outputs.push_back(std::vector<double>(row.data(), row.data() + row.size()));
    }
    root["outputs"] = std::move(outputs);
    json grads = json::object();
    for (int id = 0; id < int(report.gradients.layout().tensors().size()); ++id)
        grads[report.gradients.layout().tensor(id).name] = tensorToJson(report.gradients, id);
    root["grads"] = std::move(grads);
    return root.dump(1);
}

void saveModel(const std::string& path, const Model& model)
{
    const std::string text = modelToJson(model) + '\n'; // before any file is touched: it may throw
    try {
        writeFileAtomically(path, text);
    } catch (const std::runtime_error& error) {
        fail(error.what());
    }
}

Model loadModel(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("cannot open \"" + path + "\"");
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return modelFromJson(text.str());
    } catch (const ModelFileError& error) {
        fail(path + ": " + error.what());
    }
}

} // namespace lstm
