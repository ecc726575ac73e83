#include "data/tasks/EmbeddedReber.h"

#include "data/BatchShape.h"
#include "data/tasks/ReberGrammar.h"

#include <algorithm>
#include <stdexcept>

namespace lstm {

namespace {

using String = std::vector<int>;

std::vector<String> drawStrings(Random& random, int count)
{
    std::vector<String> strings(static_cast<size_t>(count));
    for (String& s : strings)
        s = reber::drawString(random);
    return strings;
}

// Sequence b reads string[t] and predicts string[t + 1]; past the final E it reads and predicts E.
void writeString(const String& string, int b, SequenceBatch<double>& out)
{
    const int steps = int(string.size()) - 1;
    for (int t = 0; t < out.steps; ++t) {
        const auto column = size_t(batchColumn(out, t, b));
        out.symbols[column] = t < steps ? string[size_t(t)] : reber::E;
        out.classes[column] = t < steps ? string[size_t(t + 1)] : reber::E;
    }
}

// The strings as one batch, as long as the longest of them.
void writePadded(const std::vector<const String*>& strings, SequenceBatch<double>& out)
{
    size_t longest = 0;
    for (const String* s : strings)
        longest = std::max(longest, s->size());
    resizeBatch(reber::nextSymbolShape(), int(longest) - 1, int(strings.size()), out);
    for (size_t b = 0; b < strings.size(); ++b)
        writeString(*strings[b], int(b), out);
}

// The string's steps before its padding: up to the one that predicts its final E.
int stringSteps(const SequenceBatch<double>& data, int b)
{
    reber::Automaton automaton;
    for (int t = 0; t < data.steps; ++t) {
        automaton.advance(data.symbols[size_t(batchColumn(data, t, b))]);
        if (automaton.awaitsFinalE())
            return t + 1;
    }
    return data.steps;
}

} // namespace

EmbeddedReber::EmbeddedReber(const EmbeddedReberOptions& options)
{
    if (options.trainingStrings < 1 || options.validationStrings < 1)
        throw std::invalid_argument("embedded Reber needs at least one training and one validation string");
    Random random(options.seed);
    m_training = drawStrings(random, options.trainingStrings);
    const std::vector<String> validation = drawStrings(random, options.validationStrings);
    std::vector<const String*> pointers;
    for (const String& s : validation)
        pointers.push_back(&s);
    writePadded(pointers, m_validation);
}

DataShape EmbeddedReber::shape() const
{
    return reber::nextSymbolShape();
}

int EmbeddedReber::sequenceLength() const
{
    return m_validation.steps;
}

void EmbeddedReber::sampleTrainBatch(Random& random, int batch, SequenceBatch<double>& out) const
{
    std::vector<const String*> picked(static_cast<size_t>(batch));
    for (const String*& s : picked)
        s = &m_training[size_t(random.integer(int(m_training.size())))];
    writePadded(picked, out);
}

std::optional<TaskScore> EmbeddedReber::score(const SequenceBatch<double>& data, const Eigen::MatrixXd& outputs) const
{
    int solved = 0;
    for (int b = 0; b < data.batch; ++b) {
        const int steps = stringSteps(data, b);
        solved += reber::stepsPredicted(data, outputs, b, steps) == steps;
    }
    const double share = data.batch > 0 ? double(solved) / data.batch : 0;
    return TaskScore{"strings predicted", share, solved == data.batch,
                     "every step of every validation string has all its legal next symbols above every other "
                     "symbol: the criterion of Hochreiter & Schmidhuber 1997 (the units of the possible next "
                     "symbols are the most active), which they also ask of the training strings"};
}

} // namespace lstm
