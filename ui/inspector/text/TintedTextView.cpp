#include "inspector/text/TintedTextView.h"

#include "style/ScaledFont.h"
#include "style/NumberFormat.h"
#include "inspector/UiNames.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace {
constexpr int margin = 8;
} // namespace

TintedTextView::TintedTextView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    for (auto signal : {&InspectorModel::traceChanged, &InspectorModel::selectionChanged, &InspectorModel::revealChanged})
        connect(model, signal, this, [this] {
            m_scaleStale = true;
            update();
        });
    keepScaledFont(this, 1.4); // text to be read from the back row
}

void TintedTextView::setVocabulary(std::vector<std::string> vocabulary)
{
    m_vocabulary = std::move(vocabulary);
    update();
}

void TintedTextView::setQuantity(Quantity quantity)
{
    m_quantity = quantity;
    m_scaleStale = true;
    update();
}

const Eigen::MatrixXd* TintedTextView::quantityMatrix() const
{
    const lstm::LayerTrace* layer = m_model->selectedLayer();
    return layer ? valuesOf(*layer, m_quantity, false) : nullptr;
}

ValueScale TintedTextView::scale() const
{
    if (m_scaleStale) {
        const lstm::LayerTrace* layer = m_model->selectedLayer();
        m_scale = layer ? scaleFor(*layer, m_model->trace()->cell, m_quantity, false, m_model->reveal()) : ValueScale();
        m_scaleStale = false;
    }
    return m_scale;
}

double TintedTextView::valueAt(int timestep) const
{
    const Eigen::MatrixXd* matrix = quantityMatrix();
    if (!matrix || timestep < 0 || timestep >= matrix->cols() || m_model->unit() >= matrix->rows() ||
        !m_model->reveal().done(timestep, false))
        return qQNaN();
    return (*matrix)(m_model->unit(), timestep);
}

QColor TintedTextView::tileColor(int timestep) const
{
    const Eigen::MatrixXd* matrix = quantityMatrix();
    if (!matrix || timestep < 0 || timestep >= matrix->cols() || m_model->unit() >= matrix->rows() ||
        !m_model->reveal().done(timestep, false))
        return {};
    return scale().color((*matrix)(m_model->unit(), timestep)); // grey when not finite
}

QString TintedTextView::symbolText(int timestep) const
{
    const TracePointer& trace = m_model->trace();
    if (!trace || timestep >= int(trace->symbols.size()))
        return {};
    const int symbol = trace->symbols[size_t(timestep)];
    if (symbol < 0 || symbol >= int(m_vocabulary.size()))
        return QString::number(symbol);
    return symbolLabel(m_vocabulary[size_t(symbol)]);
}

QSize TintedTextView::tileSize() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QLatin1Char('W')) + 8, metrics.height() + 10};
}

int TintedTextView::columnsFor(int width) const
{
    return std::max(1, (width - 2 * margin) / tileSize().width());
}

int TintedTextView::heightForWidth(int width) const
{
    const int steps = std::max(1, m_model->steps());
    const int rows = (steps + columnsFor(width) - 1) / columnsFor(width);
    return 2 * margin + rows * tileSize().height();
}

QRectF TintedTextView::tileRect(int timestep) const
{
    if (timestep < 0 || timestep >= m_model->steps())
        return {};
    const int columns = columnsFor(width());
    const QSize tile = tileSize();
    return QRectF(margin + (timestep % columns) * tile.width(), margin + (timestep / columns) * tile.height(),
                  tile.width() - 2, tile.height() - 2);
}

int TintedTextView::timestepAt(const QPointF& point) const
{
    const QSize tile = tileSize();
    const int column = int((point.x() - margin) / tile.width());
    const int row = int((point.y() - margin) / tile.height());
    const int columns = columnsFor(width());
    if (point.x() < margin || point.y() < margin || column >= columns)
        return -1;
    const int timestep = row * columns + column;
    return timestep < m_model->steps() ? timestep : -1;
}

void TintedTextView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const TracePointer& trace = m_model->trace();
    if (!trace || trace->symbols.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         trace ? tr("This data is not made of symbols: the text view needs text or another symbol task")
                               : tr("Press Step or Play to record a training step"));
        return;
    }
    for (int t = 0; t < m_model->steps(); ++t) {
        const QRectF tile = tileRect(t);
        const QColor color = tileColor(t);
        painter.fillRect(tile, color.isValid() ? color : palette().color(QPalette::AlternateBase));
        painter.setPen(color.isValid() && qGray(color.rgb()) < 128 ? Qt::white
                       : color.isValid()                          ? Qt::black
                                                                  : palette().color(QPalette::Text));
        painter.drawText(tile, Qt::AlignCenter, symbolText(t));
        if (t == m_model->timestep()) {
            painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
            painter.drawRect(tile.adjusted(-1, -1, 1, 1));
        }
    }
}

void TintedTextView::mousePressEvent(QMouseEvent* event)
{
    const int timestep = timestepAt(event->position());
    if (timestep >= 0)
        m_model->setTimestep(timestep);
}

bool TintedTextView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const int timestep = timestepAt(help->pos());
    const double value = valueAt(timestep);
    if (timestep < 0 || std::isnan(value)) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(help->globalPos(),
                       tr("'%1' at t = %2: unit %3 = %4").arg(symbolText(timestep)).arg(timestep).arg(m_model->unit())
                           .arg(formatPrecise(value)),
                       this);
    return true;
}
