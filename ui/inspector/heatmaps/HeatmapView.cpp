#include "inspector/heatmaps/HeatmapView.h"

#include "charts/ChartStyle.h"
#include "style/ColorMap.h"
#include "inspector/heatmaps/HeatmapImage.h"
#include "inspector/heatmaps/HeatmapGrid.h"
#include "inspector/InspectorModel.h"
#include "style/NumberFormat.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

using namespace heatmapgrid;

// Fills a frame `width` pixels wide just outside `inner`, leaving inner itself untouched.
void paintRing(QPainter& painter, const QRect& inner, int width, const QColor& colour)
{
    const int left = inner.left() - width;
    const int outerWidth = inner.width() + 2 * width;
    painter.fillRect(QRect(left, inner.top() - width, outerWidth, width), colour);
    painter.fillRect(QRect(left, inner.bottom() + 1, outerWidth, width), colour);
    painter.fillRect(QRect(left, inner.top(), width, inner.height()), colour);
    painter.fillRect(QRect(inner.right() + 1, inner.top(), width, inner.height()), colour);
}

// A whole-number tick spacing of 1, 2 or 5 times a power of ten, at least `rough`.
int tickStep(double rough)
{
    return std::max(1, int(std::lround(ChartStyle::niceStep(rough))));
}

const QImage& colourBar(const ColorMap* map)
{
    static const QImage sequential = colourBarImage(ColorMap::sequential());
    static const QImage diverging = colourBarImage(ColorMap::diverging());
    return map == &ColorMap::sequential() ? sequential : diverging;
}

} // namespace

HeatmapView::HeatmapView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_model, &InspectorModel::traceChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::revealChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::showGradientsChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::selectionChanged, this, &HeatmapView::markStaleIfLayerMoved);
}

QSize HeatmapView::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 24, line * 16};
}

QSize HeatmapView::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 64, line * 36};
}

std::vector<Quantity> HeatmapView::quantities() const
{
    m_refresh.ensureCurrent();
    std::vector<Quantity> shown;
    for (const HeatmapPanel& panel : m_panels)
        shown.push_back(panel.quantity);
    return shown;
}

ValueScale HeatmapView::scale(Quantity quantity) const
{
    m_refresh.ensureCurrent();
    for (const HeatmapPanel& panel : m_panels)
        if (panel.quantity == quantity)
            return panel.scale;
    return {};
}

QRectF HeatmapView::cellRect(Quantity quantity, int unit, int timestep) const
{
    m_refresh.ensureCurrent();
    const HeatmapGrid geometry = layout();
    for (size_t k = 0; k < m_panels.size(); ++k) {
        const QRect& plot = geometry.plots[k];
        if (!(m_panels[k].quantity == quantity) || plot.isEmpty() || unit < 0 || unit >= m_units ||
            timestep < 0 || timestep >= m_steps)
            continue;
        const double width = double(plot.width()) / m_steps;
        const double height = double(plot.height()) / m_units;
        return {plot.left() + timestep * width, plot.top() + unit * height, width, height};
    }
    return {};
}

void HeatmapView::markStaleIfLayerMoved()
{
    if (m_model->layer() != m_layer)
        m_refresh.markStale();
    update(); // at least the selection outline moved
}

void HeatmapView::rebuild()
{
    m_panels.clear();
    m_images.clear();
    m_trace = m_model->trace();
    m_layer = m_model->layer();
    m_units = m_model->hiddenSize();
    m_steps = m_model->steps();
    if (!m_trace || m_units == 0 || m_steps == 0)
        return;

    const bool gradients = m_model->showGradients();
    const Reveal reveal = m_model->reveal();
    m_panels = heatmapPanels(*m_trace, m_layer, gradients, reveal);
    std::vector<bool> shown(static_cast<size_t>(m_steps));
    for (int t = 0; t < m_steps; ++t)
        shown[size_t(t)] = reveal.done(t, gradients);
    for (const HeatmapPanel& panel : m_panels)
        m_images.push_back(panel.values ? heatmapImage(*panel.values, panel.scale, shown) : QImage());
    ++m_imageBuilds;
}

bool HeatmapView::revealed(const HeatmapPanel& panel, int timestep) const
{
    return m_model->reveal().done(timestep, panel.gradient);
}

HeatmapGrid HeatmapView::layout() const
{
    return HeatmapGrid::lay(rect(), font(), m_panels, m_units, m_steps, m_trace && m_trace->layers.size() > 1);
}

HeatmapView::Hit HeatmapView::hitTest(QPointF position) const
{
    return layout().cellAt(position, m_units, m_steps);
}

QString HeatmapView::toolTipText(const Hit& hit) const
{
    const HeatmapPanel& panel = m_panels[size_t(hit.panel)];
    const QString where = tr("%1, unit %2, t = %3").arg(panel.symbol).arg(hit.unit).arg(hit.timestep);
    if (!panel.values)
        return tr("%1: not recorded").arg(where);
    if (!revealed(panel, hit.timestep))
        return tr("%1: not computed yet").arg(where);
    return tr("%1: %2").arg(where, formatPrecise((*panel.values)(hit.unit, hit.timestep)));
}

bool HeatmapView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    m_refresh.ensureCurrent();
    const auto* help = static_cast<QHelpEvent*>(event);
    const Hit hit = hitTest(help->pos());
    if (hit.panel < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const QRect cell = cellRect(m_panels[size_t(hit.panel)].quantity, hit.unit, hit.timestep).toAlignedRect();
    QToolTip::showText(help->globalPos(), toolTipText(hit), this, cell);
    return true;
}

void HeatmapView::mousePressEvent(QMouseEvent* event)
{
    m_refresh.ensureCurrent();
    const Hit hit = event->button() == Qt::LeftButton ? hitTest(event->position()) : Hit{};
    if (hit.panel < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_model->select(m_layer, hit.unit, hit.timestep);
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    m_refresh.ensureCurrent();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    if (m_panels.empty()) {
        paintHint(painter);
        return;
    }
    const HeatmapGrid geometry = layout();
    if (!geometry.header.isEmpty()) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(geometry.header, Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Layer %1 (layers 0 to %2)").arg(m_layer).arg(m_trace->layers.size() - 1));
    }
    for (size_t k = 0; k < m_panels.size(); ++k)
        paintPanel(painter, k, geometry.plots[k], geometry.boxes[k]);
}

void HeatmapView::paintHint(QPainter& painter) const
{
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    painter.setFont(larger);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Press Step or Play to record a training step"));
}

void HeatmapView::paintPanel(QPainter& painter, size_t index, const QRect& plot, const QRect& box) const
{
    const HeatmapPanel& panel = m_panels[index];
    const QColor text = palette().color(QPalette::WindowText);
    const QFont plain = titleFont(font());
    QFont bold = plain;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold), plainMetrics(plain);
    const QRect title(box.left(), box.top(), box.width(), boldMetrics.height());
    painter.setPen(text);
    painter.setFont(bold);
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, panel.symbol);
    const int indent = boldMetrics.horizontalAdvance(panel.symbol) + plainMetrics.horizontalAdvance(QStringLiteral("  "));
    painter.setFont(plain);
    painter.drawText(title.adjusted(indent, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     plainMetrics.elidedText(panel.meaning, Qt::ElideRight, title.width() - indent));
    if (plot.isEmpty())
        return;

    paintRing(painter, plot, 1, palette().color(QPalette::Mid));
    if (!m_images[index].isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(QRectF(plot), m_images[index]);
    }
    paintSelection(painter, plot);
    paintAxes(painter, plot, box);
    paintLegend(painter, panel, plot);
}

// The selected unit's row and timestep's column, outlined in the text colour with a halo of
// the background colour outside it, so the outline shows on dark and light cells alike.
void HeatmapView::paintSelection(QPainter& painter, const QRect& plot) const
{
    const int unit = m_model->unit();
    const int timestep = m_model->timestep();
    if (unit >= m_units || timestep >= m_steps)
        return;
    auto span = [](int start, int length, int index, int cells) {
        const int from = start + int(std::lround(double(index) * length / cells));
        const int to = start + int(std::lround(double(index + 1) * length / cells));
        return std::pair{from, std::max(1, to - from)};
    };
    const auto [rowTop, rowHeight] = span(plot.top(), plot.height(), unit, m_units);
    const auto [columnLeft, columnWidth] = span(plot.left(), plot.width(), timestep, m_steps);
    const QRect row(plot.left(), rowTop, plot.width(), rowHeight);
    const QRect column(columnLeft, plot.top(), columnWidth, plot.height());
    for (const QRect& band : {row, column})
        paintRing(painter, band, 2, palette().color(QPalette::Window));
    for (const QRect& band : {row, column})
        paintRing(painter, band, 1, palette().color(QPalette::WindowText));
}

void HeatmapView::paintAxes(QPainter& painter, const QRect& plot, const QRect& box) const
{
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::WindowText));

    // Unit numbers at the middle of their rows, at least a line and a half apart.
    const double rowHeight = double(plot.height()) / m_units;
    const int labelRight = plot.left() - 3 - tickLength - labelGap;
    for (int unit = 0; unit < m_units; unit += tickStep(1.5 * line / rowHeight)) {
        const int y = plot.top() + int((unit + 0.5) * rowHeight);
        painter.drawLine(plot.left() - 2 - tickLength, y, plot.left() - 3, y);
        painter.drawText(QRect(box.left(), y - line / 2, labelRight - box.left(), line), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(unit));
    }
    painter.save();
    painter.translate(box.left(), plot.top() + plot.height() / 2);
    painter.rotate(-90);
    painter.drawText(QRect(-plot.height() / 2, 0, plot.height(), line), Qt::AlignCenter, tr("unit"));
    painter.restore();

    // Timestep numbers under the middle of their columns, spaced by the widest number.
    const double columnWidth = double(plot.width()) / m_steps;
    const int labelWidth = metrics.horizontalAdvance(QString::number(m_steps - 1)) + line;
    const int labelTop = plot.bottom() + 3 + tickLength;
    for (int t = 0; t < m_steps; t += tickStep(labelWidth / columnWidth)) {
        const int x = plot.left() + int((t + 0.5) * columnWidth);
        painter.drawLine(x, plot.bottom() + 3, x, plot.bottom() + 2 + tickLength);
        painter.drawText(QRect(x - labelWidth / 2, labelTop, labelWidth, line), Qt::AlignHCenter | Qt::AlignTop,
                         QString::number(t));
    }
    painter.drawText(QRect(box.left(), labelTop, labelRight - box.left() - metrics.horizontalAdvance(QStringLiteral("0")), line),
                     Qt::AlignRight | Qt::AlignTop, tr("t"));
}

// A colour bar as tall as the plot with its top, middle and bottom values beside it.
void HeatmapView::paintLegend(QPainter& painter, const HeatmapPanel& panel, const QRect& plot) const
{
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    const QRect bar(plot.right() + 1 + padding(metrics), plot.top(), legendBarWidth(metrics), plot.height());
    painter.drawImage(QRectF(bar), colourBar(panel.scale.map));
    paintRing(painter, bar, 1, palette().color(QPalette::Mid));

    const QStringList labels = legendLabels(panel.scale);
    const int left = bar.right() + 2 + tickLength + labelGap;
    const int width = metrics.horizontalAdvance(labels[0]) + metrics.horizontalAdvance(labels[2]) + line;
    painter.setPen(palette().color(QPalette::WindowText));
    const int tickEnd = bar.right() + 1 + tickLength;
    painter.drawLine(bar.right() + 2, bar.top(), tickEnd, bar.top());
    painter.drawText(QRect(left, bar.top(), width, line), Qt::AlignLeft | Qt::AlignTop, labels[0]);
    painter.drawLine(bar.right() + 2, bar.bottom(), tickEnd, bar.bottom());
    painter.drawText(QRect(left, bar.bottom() + 1 - line, width, line), Qt::AlignLeft | Qt::AlignBottom, labels[2]);
    if (bar.height() >= 4 * line) {
        const int middle = bar.top() + bar.height() / 2;
        painter.drawLine(bar.right() + 2, middle, tickEnd, middle);
        painter.drawText(QRect(left, middle - line / 2, width, line), Qt::AlignLeft | Qt::AlignVCenter, labels[1]);
    }
}
