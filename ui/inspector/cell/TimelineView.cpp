#include "inspector/cell/TimelineView.h"

#include "style/NumberFormat.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace {

constexpr int labelWidth = 84;   // room for "dL/dh" at projector font sizes
constexpr double minWidthForText = 46;
const QColor correctColor(0x00, 0x9e, 0x73); // Okabe-Ito bluish green
const QColor wrongColor(0xd5, 0x5e, 0x00);   // Okabe-Ito vermillion

} // namespace

TimelineView::TimelineView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setToolTip(tr("The recorded sequence unrolled over time for the selected unit. Click or drag to move the "
                  "playhead; ← and → step through time."));
    // Rows and colour ranges are worked out when next drawn: a hidden timeline does nothing.
    auto stale = [this](bool rows) {
        m_rows.markStale(rows);
        update();
    };
    connect(model, &InspectorModel::traceChanged, this, [this] {
        m_rows.markStale(true);
        if (isVisible())
            m_repaint.request();
    });
    connect(model, &InspectorModel::selectionChanged, this, [stale] { stale(false); }); // the layer may move
    connect(model, &InspectorModel::revealChanged, this, [stale] { stale(false); });
    connect(model, &InspectorModel::showGradientsChanged, this, [stale] { stale(true); });
}

void TimelineView::setVocabulary(std::vector<std::string> vocabulary)
{
    m_rows.setVocabulary(std::move(vocabulary));
    update();
}

QSize TimelineView::sizeHint() const
{
    return {900, 260};
}

QSize TimelineView::minimumSizeHint() const
{
    return {300, 160};
}

int TimelineView::rowCount() const
{
    return m_rows.count();
}

QString TimelineView::rowName(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.row(row).name : QString();
}

QRectF TimelineView::stripArea() const
{
    const QFontMetrics metrics(font());
    return QRectF(labelWidth, metrics.height() + 8, width() - labelWidth - 8, height() - metrics.height() - 14);
}

double TimelineView::columnWidth() const
{
    const int steps = m_model->steps();
    return steps > 0 ? stripArea().width() / steps : 0;
}

QRectF TimelineView::cellRect(int row, int timestep) const
{
    if (row < 0 || row >= rowCount() || timestep < 0 || timestep >= m_model->steps())
        return {};
    const QRectF area = stripArea();
    const double rowHeight = area.height() / rowCount();
    const double column = columnWidth();
    const double gap = column >= 8 ? 2 : 0;
    return QRectF(area.left() + timestep * column + gap / 2, area.top() + row * rowHeight + 1, column - gap, rowHeight - 2);
}

QColor TimelineView::cellColor(int row, int timestep) const
{
    if (!m_model->trace() || row < 0 || row >= rowCount() || timestep < 0 || timestep >= m_model->steps())
        return {};
    if (!m_rows.shown(row, timestep))
        return {};
    const double value = m_rows.value(row, timestep);
    if (m_rows.isCellQuantity(row))
        return QColor::fromRgb(m_rows.color(row, value)); // grey when not finite
    if (std::isnan(value))
        return {};
    if (m_rows.holdsSymbols(row)) {
        if (m_rows.row(row).kind == TimelineRows::Kind::Output)
            return m_rows.value(rowCount() - 1, timestep) == value ? correctColor : wrongColor;
        return palette().color(QPalette::AlternateBase);
    }
    return QColor::fromRgb(m_rows.color(row, value));
}

// The cell's number as written elsewhere when it fits, shorter when not ("−1×10⁻⁹"), and
// nothing rather than a cut-off number: the colour still tells, and the hover the value.
QString TimelineView::fittingText(int row, int timestep, double width) const
{
    const QFontMetricsF metrics(font());
    const QString full = m_rows.valueText(row, timestep);
    if (metrics.horizontalAdvance(full) <= width)
        return full;
    if (m_rows.holdsSymbols(row))
        return {};
    const QString shorter = formatCompact(m_rows.value(row, timestep));
    return metrics.horizontalAdvance(shorter) <= width ? shorter : QString();
}

QString TimelineView::cellText(int row, int timestep) const
{
    if (!cellColor(row, timestep).isValid())
        return {};
    const TimelineRows::Row& info = m_rows.row(row);
    QString text = tr("%1 at t = %2: %3").arg(info.name).arg(timestep).arg(m_rows.valueText(row, timestep));
    if (m_rows.isCellQuantity(row))
        text += tr(" (unit %1)").arg(m_model->unit());
    return text;
}

int TimelineView::timestepAt(double x) const
{
    const double column = columnWidth();
    if (column <= 0)
        return -1;
    return std::clamp(int((x - stripArea().left()) / column), 0, m_model->steps() - 1);
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_model->trace() || rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Press Step or Play to record a training step"));
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    drawColumnFrames(painter);
    const bool roomForText = columnWidth() >= minWidthForText;
    for (int row = 0; row < rowCount(); ++row)
        for (int t = 0; t < m_model->steps(); ++t) {
            const QColor color = cellColor(row, t);
            if (!color.isValid())
                continue;
            const QRectF cell = cellRect(row, t);
            painter.fillRect(cell, color);
            if (!roomForText && m_model->trace()->symbols.empty())
                continue;
            painter.setPen(qGray(color.rgb()) < 128 ? Qt::white : Qt::black);
            painter.drawText(cell, Qt::AlignCenter, fittingText(row, t, cell.width() - 2));
        }
    drawRowLabels(painter);
    drawPlayhead(painter);
}

// A faint frame around each timestep's cell rows: one copy of the cell per timestep.
void TimelineView::drawColumnFrames(QPainter& painter) const
{
    const double column = columnWidth();
    if (column < 12)
        return;
    int first = -1, last = -1;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_rows.isCellQuantity(row)) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    QColor frame = palette().color(QPalette::Text);
    frame.setAlphaF(0.25);
    painter.setPen(QPen(frame, 1));
    painter.setBrush(Qt::NoBrush);
    QPainterPath frames; // one path, stroked once: a hundred separate rounded rectangles cost milliseconds
    for (int t = 0; t < m_model->steps(); ++t)
        frames.addRoundedRect(cellRect(first, t).united(cellRect(last, t)).adjusted(-1, -2, 1, 2), 4, 4);
    painter.drawPath(frames);
}

void TimelineView::drawRowLabels(QPainter& painter) const
{
    painter.setPen(palette().color(QPalette::Text));
    for (int row = 0; row < rowCount(); ++row) {
        const QRectF cell = cellRect(row, 0);
        painter.drawText(QRectF(4, cell.top(), labelWidth - 10, cell.height()), Qt::AlignRight | Qt::AlignVCenter,
                         m_rows.row(row).name);
    }
    const QFontMetrics metrics(font());
    const int steps = m_model->steps();
    // Timestep numbers along the top, as many as fit without touching.
    const int every = std::max(1, int(std::ceil(metrics.horizontalAdvance(QStringLiteral("000 ")) / columnWidth())));
    for (int t = 0; t < steps; t += every)
        painter.drawText(QRectF(cellRect(0, t).left(), 2, columnWidth() * every, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, QString::number(t));
    painter.drawText(QRectF(4, 2, labelWidth - 10, metrics.height()), Qt::AlignRight | Qt::AlignVCenter, tr("t"));
}

void TimelineView::drawPlayhead(QPainter& painter) const
{
    const int t = m_model->timestep();
    const QRectF column = cellRect(0, t).united(cellRect(rowCount() - 1, t)).adjusted(-2, -3, 2, 3);
    QPen pen(palette().color(QPalette::Highlight), 3);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(column, 3, 3);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    setFocus();
    if (event->button() == Qt::LeftButton && m_model->trace())
        m_model->setTimestep(timestepAt(event->position().x()));
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) && m_model->trace())
        m_model->setTimestep(timestepAt(event->position().x()));
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const int t = m_model->timestep();
    switch (event->key()) {
    case Qt::Key_Left: m_model->setTimestep(t - 1); break;
    case Qt::Key_Right: m_model->setTimestep(t + 1); break;
    case Qt::Key_Home: m_model->setTimestep(0); break;
    case Qt::Key_End: m_model->setTimestep(m_model->steps() - 1); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool TimelineView::event(QEvent* event)
{
    // The arrow keys move the playhead here, not the window's shortcuts (Right is "Step").
    if (event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Home || key == Qt::Key_End) {
            event->accept();
            return true;
        }
    }
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QRectF area = stripArea();
    QString text;
    if (m_model->trace() && area.contains(help->pos())) {
        const int row = int((help->pos().y() - area.top()) / (area.height() / rowCount()));
        text = cellText(row, timestepAt(help->pos().x()));
    }
    QToolTip::showText(help->globalPos(), text.isEmpty() ? toolTip() : text, this);
    return true;
}
