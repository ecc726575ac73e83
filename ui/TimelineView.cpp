#include "TimelineView.h"

#include "ColorMap.h"
#include "NumberFormat.h"
#include "UiNames.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace {

constexpr int labelWidth = 84;   // room for "dL/dh" at projector font sizes
constexpr int maxDenseInputs = 3; // more input features would crowd out the cell's rows
constexpr double minWidthForText = 46;
const QColor correctColor(0x00, 0x9e, 0x73); // Okabe-Ito bluish green
const QColor wrongColor(0xd5, 0x5e, 0x00);   // Okabe-Ito vermillion

double symmetricRange(const Eigen::MatrixXd& matrix, double atLeast)
{
    return matrix.size() ? std::max(atLeast, matrix.cwiseAbs().maxCoeff()) : atLeast;
}

int argmax(const Eigen::MatrixXd& outputs, int column)
{
    Eigen::Index best = 0;
    outputs.col(column).maxCoeff(&best);
    return int(best);
}

} // namespace

TimelineView::TimelineView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setToolTip(tr("The recorded sequence unrolled over time for the selected unit. Click or drag to move the "
                  "playhead; ← and → step through time."));
    // Rows and colour ranges are worked out when next drawn: a hidden timeline does nothing.
    auto stale = [this](bool rows) {
        m_rowsStale = m_rowsStale || rows;
        m_scalesStale = true;
        update();
    };
    connect(model, &InspectorModel::traceChanged, this, [this] {
        m_rowsStale = true;
        m_scalesStale = true;
        if (isVisible())
            m_repaint.request();
    });
    connect(model, &InspectorModel::selectionChanged, this, [stale] { stale(false); }); // the layer may move
    connect(model, &InspectorModel::revealChanged, this, [stale] { stale(false); });
    connect(model, &InspectorModel::showGradientsChanged, this, [stale] { stale(true); });
}

void TimelineView::setVocabulary(std::vector<std::string> vocabulary)
{
    m_vocabulary = std::move(vocabulary);
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
    ensureRows();
    return int(m_rows.size());
}

void TimelineView::ensureRows() const
{
    if (m_rowsStale)
        const_cast<TimelineView*>(this)->rebuildRows(); // a cache of what the model says
}

void TimelineView::rebuildRows()
{
    m_rowsStale = false;
    m_scalesStale = true;
    m_rows.clear();
    const TracePointer& trace = m_model->trace();
    if (!trace || trace->layers.empty())
        return;
    const bool gradients = m_model->showGradients();
    if (!trace->symbols.empty()) {
        m_rows.push_back({RowKind::Input, -1, tr("x")});
    } else {
        const int inputs = std::min(maxDenseInputs, int(trace->layers[0].input.rows()));
        for (int k = 0; k < inputs; ++k)
            m_rows.push_back({RowKind::Input, k, inputs == 1 ? tr("x") : tr("x%1").arg(k + 1)});
    }
    for (int g = 0; g < int(trace->gateNames.size()); ++g) {
        const QString name = QString::fromStdString(trace->gateNames[size_t(g)]);
        m_rows.push_back({RowKind::Gate, g, gradients ? tr("dL/d%1").arg(name) : name});
    }
    if (lstm::hasCellState(trace->cell))
        m_rows.push_back({RowKind::Cell, -1, gradients ? tr("dL/dc") : tr("c")});
    m_rows.push_back({RowKind::Hidden, -1, gradients ? tr("dL/dh") : tr("h")});
    m_rows.push_back({RowKind::Output, -1, tr("output")});
    m_rows.push_back({RowKind::Target, -1, tr("target")});
}

QString TimelineView::rowName(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].name : QString();
}

bool TimelineView::rowIsGradient(const Row& row) const
{
    return m_model->showGradients() &&
           (row.kind == RowKind::Gate || row.kind == RowKind::Cell || row.kind == RowKind::Hidden);
}

std::optional<Quantity> TimelineView::rowQuantity(const Row& row)
{
    switch (row.kind) {
    case RowKind::Gate: return Quantity{Quantity::Gate, row.gate};
    case RowKind::Cell: return Quantity{Quantity::Cell, 0};
    case RowKind::Hidden: return Quantity{Quantity::Hidden, 0};
    default: return std::nullopt;
    }
}

const Eigen::MatrixXd* TimelineView::rowMatrix(const Row& row) const
{
    const lstm::LayerTrace* layer = m_model->selectedLayer();
    const std::optional<Quantity> quantity = rowQuantity(row);
    return layer && quantity ? valuesOf(*layer, *quantity, rowIsGradient(row)) : nullptr;
}

// Outputs come once per window when the model answers at the last step only.
double TimelineView::rowValue(const Row& row, int timestep) const
{
    const lstm::StepTrace& trace = *m_model->trace();
    const int outputColumn = trace.output.cols() == trace.steps ? timestep : timestep == trace.steps - 1 ? 0 : -1;
    switch (row.kind) {
    case RowKind::Input:
        return trace.symbols.empty() ? trace.layers[0].input(row.gate, timestep) : double(trace.symbols[size_t(timestep)]);
    case RowKind::Output:
        if (outputColumn < 0)
            return qQNaN();
        return trace.classTargets.empty() ? trace.output(0, outputColumn) : double(argmax(trace.output, outputColumn));
    case RowKind::Target:
        if (outputColumn < 0)
            return qQNaN();
        return trace.classTargets.empty() ? trace.target(0, outputColumn) : double(trace.classTargets[size_t(outputColumn)]);
    default: {
        const Eigen::MatrixXd* values = rowMatrix(row);
        const int unit = m_model->unit();
        return values && unit < values->rows() && timestep < values->cols() ? (*values)(unit, timestep) : qQNaN();
    }
    }
}

bool TimelineView::rowShown(const Row& row, int timestep) const
{
    const Reveal reveal = m_model->reveal();
    if (row.kind == RowKind::Input || row.kind == RowKind::Target)
        return true; // the data is known before the step starts
    return reveal.done(timestep, rowIsGradient(row));
}

// The cell's quantities through scaleFor(), as every view colours them; the data rows
// (input, output, target) over their own ±max.
ValueScale TimelineView::rowScale(int row) const
{
    if (m_scalesStale) {
        m_scales.clear();
        const lstm::LayerTrace* layer = m_model->selectedLayer();
        for (const Row& each : m_rows) {
            const std::optional<Quantity> quantity = rowQuantity(each);
            m_scales.push_back(layer && quantity ? scaleFor(*layer, m_model->trace()->cell, *quantity,
                                                            rowIsGradient(each), m_model->reveal())
                                                 : ValueScale());
        }
        m_scalesStale = false;
    }
    return m_scales[size_t(row)];
}

QRgb TimelineView::rowColor(int rowIndex, double value) const
{
    const lstm::StepTrace& trace = *m_model->trace();
    const ColorMap& diverging = ColorMap::diverging();
    const Row& row = m_rows[size_t(rowIndex)];
    if (rowQuantity(row))
        return rowScale(rowIndex).rgb(value);
    if (row.kind == RowKind::Input) {
        const double range = symmetricRange(trace.layers[0].input.row(row.gate), 1e-12);
        return diverging.rgb(value, -range, range);
    }
    const double range = std::max(symmetricRange(trace.output.row(0), 1e-12), symmetricRange(trace.target.row(0), 1e-12));
    return diverging.rgb(value, -range, range);
}

// Symbol input and class outputs hold symbol ids: shown as text, not as colours.
bool TimelineView::rowHoldsSymbols(const Row& row) const
{
    const lstm::StepTrace& trace = *m_model->trace();
    if (row.kind == RowKind::Input)
        return !trace.symbols.empty();
    return (row.kind == RowKind::Output || row.kind == RowKind::Target) && !trace.classTargets.empty();
}

QString TimelineView::valueText(const Row& row, int timestep) const
{
    const double value = rowValue(row, timestep);
    if (std::isnan(value))
        return {};
    if (!rowHoldsSymbols(row))
        return rowIsGradient(row) ? formatSignificant(value, 2) : formatFixed(value, std::abs(value) >= 10 ? 1 : 2);
    const int symbol = int(value);
    if (symbol >= 0 && symbol < int(m_vocabulary.size()))
        return symbolLabel(m_vocabulary[size_t(symbol)]);
    return QString::number(symbol);
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
    const Row& info = m_rows[size_t(row)];
    if (!rowShown(info, timestep))
        return {};
    const double value = rowValue(info, timestep);
    if (rowQuantity(info))
        return QColor::fromRgb(rowColor(row, value)); // grey when not finite
    if (std::isnan(value))
        return {};
    if (rowHoldsSymbols(info)) {
        if (info.kind == RowKind::Output)
            return rowValue(m_rows.back(), timestep) == value ? correctColor : wrongColor;
        return palette().color(QPalette::AlternateBase);
    }
    return QColor::fromRgb(rowColor(row, value));
}

QString TimelineView::cellText(int row, int timestep) const
{
    if (!cellColor(row, timestep).isValid())
        return {};
    const Row& info = m_rows[size_t(row)];
    QString text = tr("%1 at t = %2: %3").arg(info.name).arg(timestep).arg(valueText(info, timestep));
    if (info.kind == RowKind::Gate || info.kind == RowKind::Cell || info.kind == RowKind::Hidden)
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
    ensureRows();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_model->trace() || m_rows.empty()) {
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
            painter.drawText(cell, Qt::AlignCenter, valueText(m_rows[size_t(row)], t));
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
        const RowKind kind = m_rows[size_t(row)].kind;
        if (kind == RowKind::Gate || kind == RowKind::Cell || kind == RowKind::Hidden) {
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
                         m_rows[size_t(row)].name);
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
