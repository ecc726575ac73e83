#include "style/ToolIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <functional>

namespace ToolIcons {

namespace {

// Drawn on a 24-unit square at several sizes, so that it stays sharp when zoomed.
QIcon drawn(const QPalette& palette, const std::function<void(QPainter&)>& draw)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 24.0, size / 24.0);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette.color(QPalette::WindowText));
        draw(painter);
        icon.addPixmap(pixmap);
    }
    return icon;
}

QPainterPath triangle(double left, double right)
{
    QPainterPath path;
    path.moveTo(left, 4);
    path.lineTo(right, 12);
    path.lineTo(left, 20);
    path.closeSubpath();
    return path;
}

} // namespace

QIcon play(const QPalette& palette)
{
    return drawn(palette, [](QPainter& p) { p.drawPath(triangle(6, 20)); });
}

QIcon pause(const QPalette& palette)
{
    return drawn(palette, [](QPainter& p) {
        p.drawRect(QRectF(6, 4, 4, 16));
        p.drawRect(QRectF(14, 4, 4, 16));
    });
}

QIcon step(const QPalette& palette)
{
    return drawn(palette, [](QPainter& p) {
        p.drawPath(triangle(4, 16));
        p.drawRect(QRectF(17, 4, 3, 16));
    });
}

QIcon reset(const QPalette& palette)
{
    return drawn(palette, [&palette](QPainter& p) {
        QPen pen(palette.color(QPalette::WindowText), 2.6, Qt::SolidLine, Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(5, 5, 14, 14), 90 * 16, 270 * 16); // from the top, round to the right
        p.setPen(Qt::NoPen);
        p.setBrush(palette.color(QPalette::WindowText));
        QPainterPath head; // the arrow's head at the arc's open end, pointing right
        head.moveTo(11, 1.5);
        head.lineTo(17, 5);
        head.lineTo(11, 8.5);
        head.closeSubpath();
        p.drawPath(head);
    });
}

} // namespace ToolIcons
