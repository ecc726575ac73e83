// The embedded Reber grammar (Hochreiter & Schmidhuber 1997, experiment 1, after
// Cleeremans et al. and Fahlman) as an automaton: which symbols may come next, stepping
// through strings, drawing strings, and judging a model's next-symbol logits against it.
// Shared by EmbeddedReber and ContinualReber; not a data set itself.
//
// An embedded string is B, T or P, a Reber string (B ... E), the same T or P again, E.
// After the final E the automaton expects the next string's B, so it reads a stream too.
#pragma once

#include "data/Dataset.h"
#include "nn/Random.h"

#include <Eigen/Core>

#include <vector>

namespace lstm::reber {

enum Symbol : int { B, T, P, S, X, V, E };
constexpr int symbolCount = 7;

// Seven symbols in, the next of them out as a class, at every step.
DataShape nextSymbolShape();

class Automaton {
public:
    unsigned successors() const; // bit s is set when symbol s may come next
    void advance(int symbol);    // throws std::invalid_argument for a symbol that may not come next
    bool atStart() const { return m_phase == Phase::Start; } // before a B, after a final E
    bool awaitsFinalE() const { return m_phase == Phase::End; } // the string's last symbol comes next

private:
    enum class Phase {
        Start,      // expects the outer B
        Branch,     // the outer T or P
        InnerStart, // the inner B
        Inner,      // inside the Reber graph, at m_node
        Repeat,     // the outer T or P again
        End,        // the final E
    };
    Phase m_phase = Phase::Start;
    int m_node = 0;   // Reber graph node, while Inner
    int m_branch = T; // the outer T or P, to repeat
};

// One embedded Reber string, B ... E, each of two possible next symbols taken with probability 0.5.
std::vector<int> drawString(Random& random);

// The paper's "correct" step: the logits of all legal next symbols are higher than any other's.
bool predictsSuccessors(unsigned successors, const Eigen::Ref<const Eigen::VectorXd>& logits);

// How many of the first `steps` steps of sequence b of next-symbol data have their legal
// successors predicted, walking the grammar from a string's start.
int stepsPredicted(const SequenceBatch<double>& data, const Eigen::MatrixXd& logits, int b, int steps);

} // namespace lstm::reber
