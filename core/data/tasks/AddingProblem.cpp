#include "data/tasks/AddingProblem.h"

#include "data/BatchShape.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace lstm {

namespace {

constexpr int valueRow = 0;
constexpr int markerRow = 1;
constexpr int firstMarkRange = 10; // X1 is one of the first ten pairs

// The position of the k-th pair (from 0) that is not `skip`.
int unmarkedPosition(int k, int skip)
{
    return k < skip ? k : k + 1;
}

} // namespace

AddingProblem::AddingProblem(const AddingProblemOptions& options) : m_options(options)
{
    // X1 comes from the first ten pairs; an eleventh keeps the last pair, the one that asks, unmarked.
    if (options.length < firstMarkRange + 1)
        throw std::invalid_argument("the adding problem needs sequences of at least 11 pairs, got " +
                                    std::to_string(options.length));
    if (options.validationSequences < 1)
        throw std::invalid_argument("the adding problem needs at least one validation sequence");
    drawValidationSet(options.seed, options.validationSequences);
}

DataShape AddingProblem::shape() const
{
    DataShape shape;
    shape.inputSize = 2; // value, marker
    shape.outputAt = OutputAt::LastStep;
    return shape;
}

void AddingProblem::drawSequence(Random& random, int b, SequenceBatch<double>& out) const
{
    const int length = m_options.length;
    for (int t = 0; t < length; ++t) {
        out.inputs(valueRow, batchColumn(out, t, b)) = random.uniform(-1, 1);
        out.inputs(markerRow, batchColumn(out, t, b)) = 0;
    }
    out.inputs(markerRow, batchColumn(out, 0, b)) = -1;
    out.inputs(markerRow, batchColumn(out, length - 1, b)) = -1;
    const int first = random.integer(firstMarkRange);
    const int second = unmarkedPosition(random.integer(length / 2 - 1), first);
    double sum = 0;
    for (const int marked : {first, second}) {
        const int column = batchColumn(out, marked, b);
        out.inputs(markerRow, column) = 1;
        if (marked == 0)
            out.inputs(valueRow, column) = 0;
        sum += out.inputs(valueRow, column);
    }
    out.targets(0, b) = 0.5 + sum / 4;
}

std::optional<TaskScore> AddingProblem::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    const Eigen::ArrayXd error = (outputs.row(0) - data.targets.row(0)).array().abs().transpose();
    const auto within = (error < tolerance).count();
    const double share = data.batch > 0 ? double(within) / data.batch : 0;
    return TaskScore{"sequences within 0.04", share, within == data.batch,
                     "every validation sequence's final output within 0.04 of its target (Hochreiter & "
                     "Schmidhuber 1997 count these as processed correctly; they stop training once the "
                     "2000 most recent training sequences all were and the mean error is below 0.01)"};
}

} // namespace lstm
