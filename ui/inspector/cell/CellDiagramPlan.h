// Where each part of the classic cell diagram goes, per cell kind: the gate boxes, pointwise
// operations, wires, the state line, terminals and captions on the fixed 1000 x 580 canvas.
// Fills a CellDiagramLayout; finding parts in it is CellDiagramLayout's.
#pragma once

#include "inspector/cell/CellDiagramLayout.h"

// Adds every part of `layout.kind`'s diagram to `layout`.
void planCellDiagram(CellDiagramLayout& layout);
