#include "cells/CellKind.h"

#include <array>

namespace lstm {

namespace {

struct CellInfo {
    CellKind kind;
    std::string_view name;
    std::vector<std::string> gates;
};

const std::array<CellInfo, 5>& cellTable()
{
    static const std::array<CellInfo, 5> table{{
        {CellKind::Lstm, "lstm", {"i", "f", "g", "o"}},
        {CellKind::LstmPeephole, "lstm-peephole", {"i", "f", "g", "o"}},
        {CellKind::Lstm1997, "lstm-1997", {"i", "g", "o"}},
        {CellKind::Gru, "gru", {"r", "z", "n"}},
        {CellKind::Rnn, "rnn", {"h"}},
    }};
    return table;
}

const CellInfo& info(CellKind kind)
{
    return cellTable()[static_cast<size_t>(kind)];
}

} // namespace

std::string_view cellName(CellKind kind) { return info(kind).name; }

std::optional<CellKind> parseCellKind(std::string_view name)
{
    for (const CellInfo& cell : cellTable())
        if (cell.name == name)
            return cell.kind;
    return std::nullopt;
}

std::vector<CellKind> allCellKinds()
{
    std::vector<CellKind> kinds;
    for (const CellInfo& cell : cellTable())
        kinds.push_back(cell.kind);
    return kinds;
}

const std::vector<std::string>& gateNames(CellKind kind) { return info(kind).gates; }
int gateCount(CellKind kind) { return static_cast<int>(info(kind).gates.size()); }

bool isSigmoidGate(CellKind kind, int gate)
{
    const std::string& name = gateNames(kind).at(size_t(gate));
    return name != "g" && name != "n" && name != "h";
}

bool hasCellState(CellKind kind)
{
    return kind == CellKind::Lstm || kind == CellKind::LstmPeephole || kind == CellKind::Lstm1997;
}

bool hasPeepholes(CellKind kind) { return kind == CellKind::LstmPeephole; }

} // namespace lstm
