// Paints one cell diagram (a CellDiagramLayout filled with DiagramValues) onto a painter
// already mapped to the layout's canvas units. Colours of values come from their ValueScale, every
// other colour from the palette; no text is smaller than the given font on screen.
// Not a widget: CellDiagramView owns the widget, the easing and the hover.
#pragma once

#include "inspector/cell/CellDiagramLayout.h"
#include "inspector/cell/CellDiagramValues.h"

#include <QFont>
#include <QPalette>
#include <QString>

class QPainter;

struct DiagramPaintOptions {
    QPalette palette;
    QFont font;        // the smallest text allowed, usually the application font
    double scale = 1;  // device pixels per canvas unit, to keep text at least font-sized
    DiagramPart hovered = DiagramPart::None;
    QString title;
    QString hint;      // drawn in the middle, over a faded diagram, when not empty
    std::vector<std::string> vocabulary; // a name per input symbol, to show x_t as its symbol
};

void paintCellDiagram(QPainter& painter, const CellDiagramLayout& layout, const DiagramValues& values,
                      const DiagramPaintOptions& options);

// The colour for the state line's stretch, terminal swatch or gate band showing `part`;
// an invalid QColor when the value is not shown.
QColor diagramValueColor(const DiagramValues& values, DiagramPart part);
