#include "data/tasks/ReberGrammar.h"

#include "data/BatchShape.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <stdexcept>
#include <string>

namespace lstm::reber {

namespace {

// The Reber graph: from each node, two (symbol, next node) edges, each taken with
// probability 0.5. Node 5's only way on is the inner E (next -1: the Reber string ends).
struct Edge {
    int symbol;
    int next;
};
constexpr std::array<std::array<Edge, 2>, 6> graph{{
    {{{T, 1}, {P, 2}}},
    {{{S, 1}, {X, 3}}},
    {{{T, 2}, {V, 4}}},
    {{{X, 2}, {S, 5}}},
    {{{P, 3}, {V, 5}}},
    {{{E, -1}, {E, -1}}},
}};

constexpr unsigned bit(int symbol)
{
    return 1u << symbol;
}

// The k-th (from 0) symbol whose bit is set.
int nthSymbol(unsigned set, int k)
{
    for (; k > 0; --k)
        set &= set - 1; // drop the lowest set bit
    return std::countr_zero(set);
}

} // namespace

DataShape nextSymbolShape()
{
    DataShape shape;
    shape.inputSize = symbolCount;
    shape.symbols = true;
    shape.outputSize = symbolCount;
    shape.output = OutputKind::Classification;
    shape.vocabulary = {"B", "T", "P", "S", "X", "V", "E"};
    return shape;
}

unsigned Automaton::successors() const
{
    switch (m_phase) {
    case Phase::Start:
    case Phase::InnerStart:
        return bit(B);
    case Phase::Branch:
        return bit(T) | bit(P);
    case Phase::Inner:
        return bit(graph[size_t(m_node)][0].symbol) | bit(graph[size_t(m_node)][1].symbol);
    case Phase::Repeat:
        return bit(m_branch);
    case Phase::End:
        return bit(E);
    }
    return 0;
}

void Automaton::advance(int symbol)
{
    if (symbol < 0 || symbol >= symbolCount || !(successors() & bit(symbol)))
        throw std::invalid_argument("symbol " + std::to_string(symbol) + " cannot come next in an embedded Reber string");
    switch (m_phase) {
    case Phase::Start:
        m_phase = Phase::Branch;
        break;
    case Phase::Branch:
        m_branch = symbol;
        m_phase = Phase::InnerStart;
        break;
    case Phase::InnerStart:
        m_node = 0;
        m_phase = Phase::Inner;
        break;
    case Phase::Inner:
        m_node = graph[size_t(m_node)][graph[size_t(m_node)][0].symbol == symbol ? 0 : 1].next;
        if (m_node < 0)
            m_phase = Phase::Repeat;
        break;
    case Phase::Repeat:
        m_phase = Phase::End;
        break;
    case Phase::End:
        m_phase = Phase::Start;
        break;
    }
}

std::vector<int> drawString(Random& random)
{
    Automaton automaton;
    std::vector<int> string;
    do {
        const unsigned next = automaton.successors();
        const int symbol = nthSymbol(next, random.integer(std::popcount(next)));
        automaton.advance(symbol);
        string.push_back(symbol);
    } while (!automaton.atStart());
    return string;
}

bool predictsSuccessors(unsigned successors, const Eigen::Ref<const Eigen::VectorXd>& logits)
{
    double lowestLegal = std::numeric_limits<double>::infinity();
    double highestOther = -std::numeric_limits<double>::infinity();
    for (int s = 0; s < symbolCount; ++s) {
        if (successors & bit(s))
            lowestLegal = std::min(lowestLegal, logits(s));
        else
            highestOther = std::max(highestOther, logits(s));
    }
    return lowestLegal > highestOther;
}

int stepsPredicted(const SequenceBatch<double>& data, const Eigen::MatrixXd& logits, int b, int steps)
{
    Automaton automaton;
    int predicted = 0;
    for (int t = 0; t < steps; ++t) {
        const int column = batchColumn(data, t, b);
        automaton.advance(data.symbols[size_t(column)]);
        predicted += predictsSuccessors(automaton.successors(), logits.col(column));
    }
    return predicted;
}

} // namespace lstm::reber
