// The words of the cell diagram: each part's name, the symbol of its value, the one plain
// sentence on what it does (or what its gradient means), and the hover text built from them.
// Text only: no geometry, no painting.
#pragma once

#include "inspector/cell/CellDiagramValues.h"
#include "style/NumberFormat.h"

#include <QString>

// A value as the diagram draws it, in NumberFormat's formats: "0.70", "−0.35"; gradients with
// `digits` significant digits ("−0.00123"); "?" while not computed. Hover text uses formatPrecise.
QString diagramNumber(double value, bool gradient, int digits = 3);

// "Forget gate f", "Cell state", "×  (pointwise product)".
QString partTitle(lstm::CellKind kind, DiagramPart part);
// The value's symbol as rich text, e.g. "f", "c<sub>t−1</sub>", "dL/dc<sub>t</sub>".
QString partSymbol(lstm::CellKind kind, DiagramPart part, bool gradients);
// One plain sentence on what the part does, or what its gradient says.
QString partSentence(lstm::CellKind kind, DiagramPart part, bool gradients, int layer);

// The full hover text for a part (rich text). `hoveredUnit` >= 0 adds that unit's value
// when the pointer is over a gate's strip of bars.
QString diagramToolTip(const DiagramValues& values, DiagramPart part, int hoveredUnit = -1);
