// A source of training sequences: the shape of its inputs and targets, training batches on
// demand, a fixed validation set, and for the classic tasks the paper's own success
// criterion. Generators, text and CSV data all come through this interface; the trainer,
// the CLI and the window only ever see a Dataset. Not the model (ModelConfig).
#pragma once

#include "nn/ModelConfig.h"
#include "nn/Random.h"
#include "data/SequenceBatch.h"

#include <optional>
#include <string>
#include <vector>

namespace lstm {

struct DataShape {
    int inputSize = 1;          // features per timestep, or symbols in the vocabulary
    bool symbols = false;       // inputs are symbol ids, fed one-hot or through an embedding
    int outputSize = 1;         // regression outputs, or classes
    OutputKind output = OutputKind::Regression;
    OutputAt outputAt = OutputAt::EveryStep;
    std::vector<std::string> vocabulary; // a name per symbol, when symbols
};

struct TaskScore {
    std::string name;      // e.g. "accuracy", "sequences solved"
    double value = 0;      // in [0, 1]
    bool solved = false;   // the task's success criterion is met
    std::string criterion; // one sentence: what counts as solved, and whose criterion it is
};

class Dataset {
public:
    virtual ~Dataset() = default;

    virtual DataShape shape() const = 0;
    virtual int sequenceLength() const = 0;
    // Fills out with `batch` training sequences; the same Random state gives the same batch.
    virtual void sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const = 0;
    virtual const SequenceBatch<double>& validationSet() const = 0;

    // The task's measure of outputs a model gave for `data` ((O, T*B) or (O, B)). The
    // default is accuracy for classification and nothing for regression.
    virtual std::optional<TaskScore> score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const;
    // A regression value in the user's own units (identity unless the data was normalised).
    virtual double toUserUnits(int output, double value) const;
    // Timesteps in the training part, for counting epochs; 0 when every batch is freshly
    // generated (the long-lag tasks), which has no epochs.
    virtual long trainingTimesteps() const { return 0; }
};

// Share of the targets whose class has the highest logit: every target of every-step data.
double classificationAccuracy(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs);

// How symbols enter the model when the data has them.
struct ModelChoices {
    CellKind cell = CellKind::Lstm;
    int hiddenSize = 16;
    int layers = 1;
    InputKind symbolInput = InputKind::OneHot; // OneHot or Embedding
    int embeddingSize = 16;

    bool operator==(const ModelChoices&) const = default;
};

// The model configuration that fits a data set.
ModelConfig modelFor(const DataShape& shape, const ModelChoices& choices);
// Why a model cannot train on data of this shape, as a clause ("the model reads 3 inputs
// per step, the data has 1 inputs"); empty when it can.
std::string modelMismatch(const ModelConfig& model, const DataShape& data);

} // namespace lstm
