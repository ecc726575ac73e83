// Names the inside-the-cell views share, so each is written once: a cell type's title and
// how an input symbol is shown (gates by name: GateIndex.h). Words only.
#pragma once

#include "cells/CellKind.h"
#include "inspector/GateIndex.h"

#include <QString>

#include <string>

// "LSTM cell", "Peephole LSTM cell", "GRU cell", ...
QString cellTitle(lstm::CellKind kind);
// "LSTM", "Peephole LSTM", "GRU", ...: for longer titles.
QString cellShortTitle(lstm::CellKind kind);

// A symbol of the vocabulary as drawn: a space as "␣", a newline as "↵", a tab as "⇥".
QString symbolLabel(const std::string& symbol);
