#include "inspector/cell/CellDiagramCanvas.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

DiagramCanvas::DiagramCanvas(QPainter& painter, const QFont& smallest, double scale)
    : p(painter), m_smallest(smallest), m_minimumPixels(std::max(1, QFontInfo(smallest).pixelSize())),
      m_scale(std::max(0.05, scale))
{
}

QFont DiagramCanvas::font(double size, bool bold, bool italic) const
{
    QFont f(m_smallest);
    f.setPixelSize(std::max(m_minimumPixels, int(std::lround(size * m_scale))));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

QFont DiagramCanvas::fitted(const QString& text, double size, double width) const
{
    QFont f = font(size, true);
    const double natural = advance(f, text);
    if (natural > width)
        f.setPixelSize(std::max(m_minimumPixels, int(std::floor(f.pixelSize() * width / natural))));
    return f;
}

double DiagramCanvas::advance(const QFont& f, const QString& text) const
{
    return QFontMetricsF(f).horizontalAdvance(text) / m_scale;
}

double DiagramCanvas::ascent(const QFont& f) const
{
    return QFontMetricsF(f).ascent() / m_scale;
}

double DiagramCanvas::lineHeight(const QFont& f) const
{
    return QFontMetricsF(f).height() / m_scale;
}

QString DiagramCanvas::elided(const QFont& f, const QString& text, double width) const
{
    return QFontMetricsF(f).elidedText(text, Qt::ElideRight, width * m_scale);
}

void DiagramCanvas::drawText(QPointF baseline, const QString& text, const QFont& f)
{
    const QTransform canvas = p.transform();
    p.save();
    p.resetTransform();
    p.setFont(f);
    p.drawText(canvas.map(baseline), text);
    p.restore();
}

void DiagramCanvas::drawText(const QRectF& rect, int flags, const QString& text, const QFont& f)
{
    const QTransform canvas = p.transform();
    p.save();
    p.resetTransform();
    p.setFont(f);
    p.drawText(canvas.mapRect(rect), flags, text);
    p.restore();
}

void DiagramCanvas::drawArrowHead(QPointF tip, QPointF from, const QColor& color, double grow)
{
    QLineF back(tip, from);
    if (back.length() <= 0)
        return;
    back.setLength(headLength + grow);
    const QPointF baseCentre = back.p2();
    const QPointF normal(-(baseCentre - tip).y(), (baseCentre - tip).x());
    const QPointF side = normal / QLineF(QPointF(0, 0), normal).length() * (headHalfWidth + grow / 2);
    const QPolygonF head{tip, baseCentre + side, baseCentre - side};
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(head);
}
