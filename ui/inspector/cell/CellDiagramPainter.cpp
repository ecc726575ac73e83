#include "inspector/cell/CellDiagramPainter.h"

#include "inspector/cell/CellDiagramCanvas.h"
#include "inspector/cell/CellDiagramStrips.h"
#include "inspector/cell/CellDiagramText.h"
#include "inspector/UiNames.h"
#include "style/ColorMap.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

QColor blend(const QColor& a, const QColor& b, double weight)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * weight),
                            float(a.greenF() + (b.greenF() - a.greenF()) * weight),
                            float(a.blueF() + (b.blueF() - a.blueF()) * weight));
}

QColor readableOn(const QColor& background)
{
    return qGray(background.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

// Draws through a DiagramCanvas, whose text and arrow heads it uses as its own.
class DiagramPainter : private DiagramCanvas {
public:
    DiagramPainter(QPainter& painter, const CellDiagramLayout& layout, const DiagramValues& values,
                   const DiagramPaintOptions& options)
        : DiagramCanvas(painter, options.font, options.scale), m_layout(layout), m_values(values), m_options(options)
    {
    }

    void paint()
    {
        const bool faded = !m_options.hint.isEmpty();
        p.save();
        if (faded)
            p.setOpacity(0.45);
        drawBody();
        drawWires();
        drawState();
        drawJunctions();
        drawOps();
        for (const DiagramBox& box : m_layout.boxes)
            drawBox(box);
        drawTerminals();
        drawCaption();
        drawKey();
        p.restore();
        drawTitle();
        if (faded)
            drawHint();
    }

private:
    QColor ink() const { return m_options.palette.color(QPalette::WindowText); }
    QColor base() const { return m_options.palette.color(QPalette::Base); }
    QColor highlight() const { return m_options.palette.color(QPalette::Highlight); }
    QColor wireColor() const { return blend(base(), ink(), 0.8); }
    QColor muted() const { return blend(base(), ink(), 0.62); }
    QColor neutral() const { return blend(base(), ink(), 0.25); } // a value not shown
    bool hovered(DiagramPart part) const { return part != DiagramPart::None && part == m_options.hovered; }

    void drawBody()
    {
        p.setPen(QPen(blend(base(), ink(), 0.3), 1.5));
        p.setBrush(base());
        p.drawRoundedRect(m_layout.body, 18, 18);
    }

    void drawWires()
    {
        for (const DiagramWire& w : m_layout.wires) {
            if (w.points.size() < 2)
                continue;
            const bool hover = hovered(w.part);
            const QColor color = hover ? highlight() : w.dashed ? muted() : wireColor();
            std::vector<QPointF> points = w.points;
            const bool forwardHead = !m_values.gradients && w.head;
            const bool backHead = m_values.gradients && w.backHead;
            // Stop the line where the head starts, so the head has a sharp tip.
            if (forwardHead) {
                QLineF last(points.back(), points[points.size() - 2]);
                last.setLength(std::min(headLength, last.length()));
                points.back() = last.p2();
            }
            if (backHead) {
                QLineF first(points.front(), points[1]);
                first.setLength(std::min(headLength, first.length()));
                points.front() = first.p2();
            }
            QPen pen(color, hover ? 3.2 : 2.2, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
            if (w.dashed)
                pen.setDashPattern({3.5, 2.5});
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(points.data(), int(points.size()));
            if (forwardHead)
                drawArrowHead(w.points.back(), w.points[w.points.size() - 2], color);
            if (backHead)
                drawArrowHead(w.points.front(), w.points[1], color);
        }
    }

    void drawJunctions()
    {
        p.setPen(Qt::NoPen);
        p.setBrush(wireColor());
        for (const QPointF& at : m_layout.junctions)
            p.drawEllipse(at, 4.2, 4.2);
    }

    void drawState()
    {
        if (m_layout.state.empty())
            return;
        const bool hover = hovered(m_layout.statePart);
        double endWidth = 5;
        for (size_t k = 0; k < m_layout.state.size(); ++k) {
            const StateSegment& s = m_layout.state[k];
            const QColor value = diagramValueColor(m_values, s.value);
            const double strength =
                value.isValid() ? m_values.scaleOf(s.value).strength(m_values.value(s.value)) : 0.0;
            const double width = 5 + 10 * strength;
            QPointF from = s.from, to = s.to;
            if (k + 1 == m_layout.state.size() && !m_values.gradients)
                to.rx() -= headLength;
            if (k == 0 && m_values.gradients)
                from.rx() += headLength;
            p.setPen(QPen(hover ? highlight() : ink(), width + (hover ? 4 : 2.4), Qt::SolidLine, Qt::FlatCap));
            p.drawLine(from, to);
            p.setPen(QPen(value.isValid() ? value : neutral(), width, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(from, to);
            if ((k + 1 == m_layout.state.size()) != m_values.gradients)
                endWidth = width;
            if (m_layout.state.size() == 1)
                endWidth = width;
        }
        const StateSegment& first = m_layout.state.front();
        const StateSegment& last = m_layout.state.back();
        if (m_values.gradients)
            drawArrowHead(first.from, first.to, hover ? highlight() : ink(), endWidth * 0.6);
        else
            drawArrowHead(last.to, last.from, hover ? highlight() : ink(), endWidth * 0.6);
    }

    void drawOps()
    {
        for (const DiagramOp& op : m_layout.ops) {
            const bool hover = hovered(op.part);
            p.setPen(QPen(hover ? highlight() : ink(), hover ? 3 : 1.8));
            p.setBrush(base());
            const double rx = op.symbol == DiagramOp::Tanh ? op.radius * 1.7 : op.radius;
            p.drawEllipse(op.centre, rx, op.radius);
            const double r = op.radius;
            p.setPen(QPen(ink(), 2.2, Qt::SolidLine, Qt::RoundCap));
            switch (op.symbol) {
            case DiagramOp::Times: {
                const double d = r * 0.42;
                p.drawLine(op.centre + QPointF(-d, -d), op.centre + QPointF(d, d));
                p.drawLine(op.centre + QPointF(-d, d), op.centre + QPointF(d, -d));
                break;
            }
            case DiagramOp::Plus: {
                const double d = r * 0.55;
                p.drawLine(op.centre + QPointF(-d, 0), op.centre + QPointF(d, 0));
                p.drawLine(op.centre + QPointF(0, -d), op.centre + QPointF(0, d));
                break;
            }
            case DiagramOp::OneMinus:
            case DiagramOp::Tanh: {
                const QString text = op.symbol == DiagramOp::Tanh ? QStringLiteral("tanh")
                                                                  : QStringLiteral("1\u2212");
                drawText(QRectF(op.centre.x() - rx - 20, op.centre.y() - r - 10, 2 * rx + 40, 2 * r + 20),
                         Qt::AlignCenter, text, font(15, op.symbol == DiagramOp::OneMinus));
                break;
            }
            }
        }
    }

    void drawBox(const DiagramBox& box)
    {
        const QRectF rect = box.rect;
        const bool hover = hovered(box.part);
        const double value = m_values.value(box.part);
        const QColor band = diagramValueColor(m_values, box.part);
        const QColor bandFill = band.isValid() ? band : neutral();

        p.setPen(Qt::NoPen);
        p.setBrush(base());
        p.drawRoundedRect(rect, 7, 7);
        p.save();
        p.setClipRect(boxBand(rect));
        p.setBrush(bandFill);
        p.drawRoundedRect(rect, 7, 7);
        p.restore();

        // Name on the left of the band, its squashing function on the right.
        const QRectF text = boxBand(rect).adjusted(9, 0, -8, 0);
        const auto& names = lstm::gateNames(m_values.cell);
        const QString letter = box.gate < int(names.size()) ? QString::fromStdString(names[size_t(box.gate)])
                                                            : QString();
        const bool sigmoid = lstm::isSigmoidGate(m_values.cell, box.gate);
        p.setPen(readableOn(bandFill));
        drawText(text, Qt::AlignLeft | Qt::AlignVCenter, letter, font(20, true));
        drawText(text, Qt::AlignRight | Qt::AlignVCenter, sigmoid ? QStringLiteral("σ") : QStringLiteral("tanh"),
                 font(16));

        p.setPen(QPen(hover ? highlight() : ink(), hover ? 3.2 : 1.8));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(rect, 7, 7);
        p.drawLine(boxBand(rect).bottomLeft(), boxBand(rect).bottomRight());

        if (!m_values.present)
            return;
        p.setPen(std::isfinite(value) ? ink() : muted());
        QString number = diagramNumber(value, m_values.gradients);
        QFont numberFont = fitted(number, 25, rect.width() - 10);
        if (advance(numberFont, number) > rect.width() - 6) {
            number = diagramNumber(value, m_values.gradients, 2);
            numberFont = fitted(number, 25, rect.width() - 10);
        }
        drawText(boxValueRect(rect), Qt::AlignCenter, number, numberFont);
        if (box.gate < int(m_values.gates.size())) {
            const std::vector<double>& units = m_values.gates[size_t(box.gate)];
            const ValueScale scale = m_values.scaleOf(box.part);
            const StripStyle style{ink(), muted(), blend(base(), ink(), 0.35)};
            if (int(units.size()) <= maxBars)
                paintUnitBars(p, boxStrip(rect), {units, scale, m_values.unit}, style);
            else
                paintUnitHistogram(p, boxStrip(rect), {units, scale, m_values.unit}, style);
        }
    }

    // Draws base with a lowered subscript; returns the width. Draws nothing when `measure`.
    double drawSubscripted(QPointF baseline, const QString& text, const QString& subscript, double size,
                           bool measure)
    {
        const QFont main = font(size, true);
        const QFont small = font(size * 0.72);
        const double mainWidth = advance(main, text);
        const double width = mainWidth + 1 + advance(small, subscript);
        if (!measure) {
            drawText(baseline, text, main);
            drawText(baseline + QPointF(mainWidth + 1, ascent(main) * 0.3), subscript, small);
        }
        return width;
    }

    void drawTerminals()
    {
        for (const DiagramTerminal& t : m_layout.terminals) {
            const bool hover = hovered(t.part);
            if (hover) {
                p.setPen(Qt::NoPen);
                QColor wash = highlight();
                wash.setAlphaF(0.22f);
                p.setBrush(wash);
                p.drawRoundedRect(t.rect.adjusted(-2, 0, 2, 0), 6, 6);
            }
            const QString name = m_values.gradients ? QStringLiteral("dL/d") + t.name : t.name;
            const QString subscript = QString(t.subscript).replace(QLatin1Char('-'), QStringLiteral("\u2212"));
            const double size = 19;
            const double nameWidth = drawSubscripted({}, name, subscript, size, true);
            const double nameHeight = lineHeight(font(size, true));
            const double x = t.alignRight ? t.rect.right() - 4 - nameWidth : t.rect.left() + 4;
            const double firstBaseline = t.rect.top() + ascent(font(size, true)) + 2;
            p.setPen(ink());
            drawSubscripted({x, firstBaseline}, name, subscript, size, false);
            if (!m_values.present)
                continue;

            QString text;
            QColor swatch;
            if (t.part == DiagramPart::InputX) {
                if (m_values.symbol >= 0) { // a one-hot vector reads as the symbol it stands for
                    const auto& names = m_options.vocabulary;
                    text = m_values.symbol < int(names.size())
                               ? QStringLiteral("%1 (#%2)").arg(symbolLabel(names[size_t(m_values.symbol)])).arg(m_values.symbol)
                               : QStringLiteral("#%1").arg(m_values.symbol);
                } else if (m_values.input.empty()) {
                    text = QStringLiteral("?");
                } else {
                    QStringList shown;
                    for (size_t k = 0; k < std::min<size_t>(3, m_values.input.size()); ++k)
                        shown << diagramNumber(m_values.input[k], false);
                    if (m_values.input.size() > 3)
                        shown << QStringLiteral("…");
                    text = shown.join(QStringLiteral("  "));
                }
            } else {
                const double v = m_values.value(t.part);
                text = diagramNumber(v, m_values.gradients);
                swatch = diagramValueColor(m_values, t.part);
            }
            const QFont valueFont = font(size);
            const double textWidth = advance(valueFont, text);
            const double box = 14;
            const double total = textWidth + (swatch.isValid() ? box + 6 : 0);
            double left = t.alignRight ? t.rect.right() - 4 - total : t.rect.left() + 4;
            const double baseline = firstBaseline + nameHeight + 2;
            if (swatch.isValid()) {
                p.setPen(QPen(ink(), 1));
                p.setBrush(swatch);
                p.drawRoundedRect(QRectF(left, baseline - box + 1, box, box), 3, 3);
                left += box + 6;
            }
            const bool quiet = text == QStringLiteral("?") || (t.part == DiagramPart::InputX && m_values.gradients);
            p.setPen(quiet ? muted() : ink());
            drawText(QPointF(left, baseline), text, valueFont);
        }
    }

    void drawCaption()
    {
        if (m_layout.stateCaption.isEmpty())
            return;
        const QFont f = font(15, false, true);
        p.setPen(muted());
        const double width = advance(f, m_layout.stateCaption);
        drawText(m_layout.stateCaptionAt - QPointF(width / 2, 0), m_layout.stateCaption, f);
    }

    // One line where it fits; else two, broken at the separator nearest the middle and
    // growing upwards (a large zoom), rather than cut off.
    void drawKey()
    {
        const QFont f = font(14);
        p.setPen(muted());
        QString key = m_layout.key;
        QRectF rect = m_layout.keyRect;
        if (advance(f, key) > rect.width()) {
            const QString separator = QStringLiteral(" · ");
            int best = -1;
            for (int at = key.indexOf(separator); at >= 0; at = key.indexOf(separator, at + 1))
                if (best < 0 || std::abs(at - key.size() / 2) < std::abs(best - key.size() / 2))
                    best = at;
            if (best >= 0) {
                key = key.left(best) + QLatin1Char('\n') + key.mid(best + separator.size());
                rect.setTop(rect.bottom() - 2 * lineHeight(f));
            }
        }
        QStringList lines = key.split(QLatin1Char('\n'));
        for (QString& line : lines)
            line = elided(f, line, rect.width()); // a single word longer than the line: the last resort
        drawText(rect, Qt::AlignRight | Qt::AlignBottom, lines.join(QLatin1Char('\n')), f);
    }

    void drawTitle()
    {
        const QFont f = font(19, true);
        p.setPen(ink());
        drawText(m_layout.titleRect, Qt::AlignLeft | Qt::AlignVCenter, elided(f, m_options.title, m_layout.titleRect.width()),
                 f);
    }

    void drawHint()
    {
        const QFont f = font(20);
        const double width = advance(f, m_options.hint) + 48;
        const double height = lineHeight(f) + 30;
        const QRectF box(m_layout.body.center() - QPointF(width / 2, height / 2), QSizeF(width, height));
        QColor fill = m_options.palette.color(QPalette::Window);
        fill.setAlphaF(0.94f);
        p.setPen(QPen(blend(base(), ink(), 0.35), 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(box, 12, 12);
        p.setPen(ink());
        drawText(box, Qt::AlignCenter, m_options.hint, f);
    }

    const CellDiagramLayout& m_layout;
    const DiagramValues& m_values;
    const DiagramPaintOptions& m_options;
};

} // namespace

QColor diagramValueColor(const DiagramValues& values, DiagramPart part)
{
    const double v = values.value(part);
    if (!values.present || !std::isfinite(v))
        return {};
    return QColor(values.scaleOf(part).rgb(v));
}

void paintCellDiagram(QPainter& painter, const CellDiagramLayout& layout, const DiagramValues& values,
                      const DiagramPaintOptions& options)
{
    DiagramPainter(painter, layout, values, options).paint();
}
