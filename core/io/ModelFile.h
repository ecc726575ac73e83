// Reading and writing models as versioned JSON ("format": "lstm-lab-model", "version": 1),
// tensors under PyTorch state_dict names, 2-D tensors as arrays of rows. See
// docs/model-format.md. Loading validates every field and names the offending one;
// saving writes a temporary file and renames it, so a failed save never leaves a
// half-written file behind.
#pragma once

#include "nn/ModelConfig.h"
#include "nn/ParameterSet.h"

#include <stdexcept>
#include <string>

namespace lstm {

class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Model {
    ModelConfig config;
    ParameterSet<double> parameters;
};

// The tensor layout a configuration implies (the same as Network<S>(config).layout()).
ParameterLayout layoutFor(const ModelConfig& config);

std::string modelToJson(const Model& model);
Model modelFromJson(const std::string& text); // throws ModelFileError

void saveModel(const std::string& path, const Model& model); // throws ModelFileError
Model loadModel(const std::string& path);                    // throws ModelFileError

} // namespace lstm
