// Text and arrow heads on the cell diagram's canvas: the painter is mapped to canvas units,
// but text is drawn in device pixels, so what is measured is what is drawn and no text is
// smaller than the given font on screen. Sizes and metrics are in canvas units.
// Not the diagram: CellDiagramPainter says what goes where.
#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;

class DiagramCanvas {
public:
    static constexpr double headLength = 11; // an arrow head's, in canvas units
    static constexpr double headHalfWidth = 6;

    // `scale`: device pixels per canvas unit; `smallest`: the smallest font allowed.
    DiagramCanvas(QPainter& painter, const QFont& smallest, double scale);

    // A font `size` canvas units high on screen, never smaller than the smallest allowed.
    QFont font(double size, bool bold = false, bool italic = false) const;
    // A bold font up to `size` high that fits `text` into `width`, if the smallest allowed can.
    QFont fitted(const QString& text, double size, double width) const;

    double advance(const QFont& f, const QString& text) const;
    double ascent(const QFont& f) const;
    double lineHeight(const QFont& f) const;
    QString elided(const QFont& f, const QString& text, double width) const;

    void drawText(QPointF baseline, const QString& text, const QFont& f);
    void drawText(const QRectF& rect, int flags, const QString& text, const QFont& f);
    // A filled arrow head at `tip`, pointing away from `from`; `grow` enlarges it.
    void drawArrowHead(QPointF tip, QPointF from, const QColor& color, double grow = 0);

protected:
    QPainter& p;

private:
    QFont m_smallest;
    int m_minimumPixels = 12;
    double m_scale = 1;
};
