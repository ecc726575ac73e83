// The unrolled network: the recorded window as a strip of cells over time, one column per
// timestep. Rows give, for the selected unit, the input, every gate, c and h (or their
// gradients), and the output against its target. A playhead marks the selected timestep;
// drag it or move it with the arrow keys. Reads the shared InspectorModel.
#pragma once

#include "inspector/InspectorModel.h"
#include "inspector/cell/TimelineRows.h"
#include "style/DeferredRedraw.h"

#include <QWidget>

#include <string>
#include <vector>

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(InspectorModel* model, QWidget* parent = nullptr);

    // Names of the input symbols (the model's vocabulary), so symbol input reads as text.
    void setVocabulary(std::vector<std::string> vocabulary);

    int rowCount() const;
    QString rowName(int row) const;
    // The rectangle of one value, in widget coordinates; empty when out of range.
    QRectF cellRect(int row, int timestep) const;
    // The value's colour as drawn, or no value (invalid QColor) when it is not shown.
    QColor cellColor(int row, int timestep) const;
    QString cellText(int row, int timestep) const; // what a hover tooltip says
    // What a cell shows of its number in `width` pixels: never cut, shortened or left out.
    QString fittingText(int row, int timestep, double width) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    QRectF stripArea() const;
    double columnWidth() const;
    int timestepAt(double x) const;
    void drawColumnFrames(QPainter& painter) const;
    void drawRowLabels(QPainter& painter) const;
    void drawPlayhead(QPainter& painter) const;

    InspectorModel* m_model;
    TimelineRows m_rows{m_model};
    // A new step repaints on a turn of its own, not in the same paint as the cell diagram
    // and the equations beside it: the three together took up to 16 ms.
    DeferredRedraw m_repaint{[this] { update(); }};
};
