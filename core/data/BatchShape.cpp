#include "data/BatchShape.h"

namespace lstm {

void resizeBatch(const DataShape& shape, int steps, int batch, SequenceBatch<double>& out)
{
    out.steps = steps;
    out.batch = batch;
    const int columns = steps * batch;
    const int targetColumns = shape.outputAt == OutputAt::EveryStep ? columns : batch;
    if (shape.symbols) {
        out.inputs.resize(0, 0);
        out.symbols.assign(size_t(columns), 0);
    } else {
        out.inputs.resize(shape.inputSize, columns);
        out.symbols.clear();
    }
    if (shape.output == OutputKind::Classification) {
        out.targets.resize(0, 0);
        out.classes.assign(size_t(targetColumns), 0);
    } else {
        out.targets.resize(shape.outputSize, targetColumns);
        out.classes.clear();
    }
}

} // namespace lstm
