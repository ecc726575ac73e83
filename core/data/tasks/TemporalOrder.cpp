#include "data/tasks/TemporalOrder.h"

#include "data/BatchShape.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace lstm {

namespace {

constexpr int distractors = 4;

// A position drawn from [from T, to T], rounded: the paper's ranges at T = 100, scaled.
int scaledPosition(Random& random, int length, double from, double to)
{
    const int low = int(std::lround(from * length));
    const int high = int(std::lround(to * length));
    return low + random.integer(high - low + 1);
}

} // namespace

TemporalOrder::TemporalOrder(const TemporalOrderOptions& options) : m_options(options)
{
    // From 10 on, t1's range starts after E and t2's ends before B.
    if (options.length < 10)
        throw std::invalid_argument("the temporal order task needs sequences of at least 10 symbols, got " +
                                    std::to_string(options.length));
    if (options.validationSequences < 1)
        throw std::invalid_argument("the temporal order task needs at least one validation sequence");
    drawValidationSet(options.seed, options.validationSequences);
}

DataShape TemporalOrder::shape() const
{
    DataShape shape;
    shape.inputSize = 8;
    shape.symbols = true;
    shape.outputSize = 4;
    shape.output = OutputKind::Classification;
    shape.outputAt = OutputAt::LastStep;
    shape.vocabulary = {"a", "b", "c", "d", "X", "Y", "E", "B"};
    return shape;
}

void TemporalOrder::drawSequence(Random& random, int b, SequenceBatch<double>& out) const
{
    const int length = m_options.length;
    out.symbols[size_t(batchColumn(out, 0, b))] = StartE;
    for (int t = 1; t < length - 1; ++t)
        out.symbols[size_t(batchColumn(out, t, b))] = DistractorA + random.integer(distractors);
    out.symbols[size_t(batchColumn(out, length - 1, b))] = TriggerB;
    const int t1 = scaledPosition(random, length, 0.1, 0.2);
    const int t2 = scaledPosition(random, length, 0.5, 0.6);
    const bool firstY = random.integer(2) == 1;
    const bool secondY = random.integer(2) == 1;
    out.symbols[size_t(batchColumn(out, t1, b))] = firstY ? SymbolY : SymbolX;
    out.symbols[size_t(batchColumn(out, t2, b))] = secondY ? SymbolY : SymbolX;
    out.classes[size_t(b)] = 2 * int(firstY) + int(secondY); // Q, R, S, U in the order XX, XY, YX, YY
}

std::optional<TaskScore> TemporalOrder::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    const double accuracy = classificationAccuracy(data, outputs);
    return TaskScore{"accuracy", accuracy, accuracy == 1.0,
                     "every validation sequence given the right class by its highest logit (Hochreiter & "
                     "Schmidhuber 1997 ask every output to be within 0.3 of its target, for the 2000 most "
                     "recent training sequences, and test on 2560)"};
}

} // namespace lstm
