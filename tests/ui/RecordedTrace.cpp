#include "RecordedTrace.h"

#include "nn/Random.h"
#include "training/Trainer.h"

#include <QDir>
#include <QWidget>

namespace testing {

std::shared_ptr<const lstm::StepTrace> recordedTrace(const TraceShape& shape)
{
    lstm::ModelConfig model;
    model.cell = shape.cell;
    model.inputSize = shape.inputSize;
    model.hiddenSize = shape.hidden;
    model.layers = shape.layers;
    model.outputSize = 1;
    lstm::TrainConfig train;
    train.seed = shape.seed;
    lstm::Trainer<double> trainer(model, train);
    trainer.setRecording(true);
    lstm::Random random(shape.seed);
    const int batch = 2;
    trainer.step([&](lstm::SequenceBatch<double>& out) {
        out.steps = shape.steps;
        out.batch = batch;
        out.inputs.resize(shape.inputSize, shape.steps * batch);
        out.targets.resize(1, shape.steps * batch);
        for (Eigen::Index k = 0; k < out.inputs.size(); ++k)
            out.inputs.data()[k] = random.uniform(-1.5, 1.5);
        for (Eigen::Index k = 0; k < out.targets.size(); ++k)
            out.targets.data()[k] = random.uniform(-1, 1);
    });
    return std::make_shared<const lstm::StepTrace>(trainer.trace());
}

} // namespace testing

namespace testing {

void saveShot(QWidget& widget, const char* name)
{
    const QString folder = qEnvironmentVariable("LSTM_LAB_VIEW_SHOTS");
    if (!folder.isEmpty())
        widget.grab().save(QDir(folder).filePath(QString::fromUtf8(name) + QStringLiteral(".png")));
}

} // namespace testing
