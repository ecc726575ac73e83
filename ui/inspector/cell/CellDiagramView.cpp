#include "inspector/cell/CellDiagramView.h"

#include "inspector/cell/CellDiagramPainter.h"
#include "inspector/cell/CellDiagramText.h"
#include "inspector/InspectorModel.h"
#include "inspector/UiNames.h"

#include <QEasingCurve>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVariantAnimation>

#include <cmath>

namespace {

constexpr int easingMilliseconds = 200;

} // namespace

CellDiagramView::CellDiagramView(InspectorModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_easing(new QVariantAnimation(this))
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_easing->setStartValue(0.0);
    m_easing->setEndValue(1.0);
    m_easing->setDuration(easingMilliseconds);
    m_easing->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_easing, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& value) { easeTo(value.toDouble()); });
    connect(m_easing, &QVariantAnimation::finished, this, [this] { easeTo(1.0); });

    connect(m_model, &InspectorModel::traceChanged, this, &CellDiagramView::refresh);
    connect(m_model, &InspectorModel::selectionChanged, this, &CellDiagramView::refresh);
    connect(m_model, &InspectorModel::revealChanged, this, &CellDiagramView::refresh);
    connect(m_model, &InspectorModel::showGradientsChanged, this, &CellDiagramView::refresh);
    refresh();
}

CellDiagramView::~CellDiagramView() = default;

void CellDiagramView::setCellKind(lstm::CellKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    refresh();
}

void CellDiagramView::setAnimated(bool animated)
{
    m_animated = animated;
    if (!animated && m_easing->state() == QAbstractAnimation::Running) {
        m_easing->stop();
        easeTo(1.0);
    }
}

bool CellDiagramView::isEasing() const
{
    return m_easing->state() == QAbstractAnimation::Running;
}

// A new snapshot, selection, reveal or mode: ease from what is drawn now toward it, or jump
// when the two pictures do not match (another cell type, size or mode). Hidden, the view
// only notes it is out of date and catches up, without easing, when shown or asked.
void CellDiagramView::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const lstm::StepTrace* trace = m_model->trace().get();
    const lstm::CellKind kind = trace ? trace->cell : m_kind;
    if (kind != m_layout.kind || m_layout.boxes.empty())
        m_layout = CellDiagramLayout::forKind(kind);
    DiagramValues target = diagramValues(trace, kind, selection());
    m_easing->stop();
    if (m_animated && m_shown.sameShape(target)) {
        m_from = m_shown;
        m_target = std::move(target);
        m_easing->start();
    } else {
        m_target = std::move(target);
        m_from = m_target;
        m_shown = m_target;
    }
    update();
}

void CellDiagramView::ensureCurrent() const
{
    if (!m_stale)
        return;
    auto* self = const_cast<CellDiagramView*>(this); // the values are a cache of the model
    self->m_stale = false;
    self->m_easing->stop(); // no easing from a picture never drawn
    const lstm::StepTrace* trace = m_model->trace().get();
    const lstm::CellKind kind = trace ? trace->cell : m_kind;
    if (kind != m_layout.kind || m_layout.boxes.empty())
        self->m_layout = CellDiagramLayout::forKind(kind);
    self->m_target = diagramValues(trace, kind, selection());
    self->m_from = m_target;
    self->m_shown = m_target;
}

DiagramSelection CellDiagramView::selection() const
{
    return {m_model->layer(), m_model->unit(), m_model->timestep(), m_model->reveal(), m_model->showGradients()};
}

void CellDiagramView::showEvent(QShowEvent* event)
{
    ensureCurrent();
    QWidget::showEvent(event);
}

void CellDiagramView::easeTo(double progress)
{
    m_shown = interpolate(m_from, m_target, progress);
    update();
}

double CellDiagramView::canvasScale() const
{
    return std::max(0.01, std::min(width() / CellDiagramLayout::width, height() / CellDiagramLayout::height));
}

QPointF CellDiagramView::mapFromCanvas(QPointF canvasPoint) const
{
    const double s = canvasScale();
    const QPointF offset((width() - CellDiagramLayout::width * s) / 2,
                         (height() - CellDiagramLayout::height * s) / 2);
    return offset + canvasPoint * s;
}

QPointF CellDiagramView::toCanvas(QPointF widgetPoint) const
{
    const double s = canvasScale();
    const QPointF offset((width() - CellDiagramLayout::width * s) / 2,
                         (height() - CellDiagramLayout::height * s) / 2);
    return (widgetPoint - offset) / s;
}

const CellDiagramLayout& CellDiagramView::layout() const
{
    ensureCurrent();
    return m_layout;
}

const DiagramValues& CellDiagramView::targetValues() const
{
    ensureCurrent();
    return m_target;
}

DiagramPart CellDiagramView::partAt(QPointF position) const
{
    ensureCurrent();
    return m_layout.partAt(toCanvas(position));
}

int CellDiagramView::unitAt(QPointF position) const
{
    ensureCurrent();
    if (!m_target.present)
        return -1;
    const QPointF at = toCanvas(position);
    for (const DiagramBox& box : m_layout.boxes)
        if (box.rect.contains(at))
            return stripUnitAt(boxStrip(box.rect), m_target.hidden, at);
    return -1;
}

std::optional<QPointF> CellDiagramView::partPosition(DiagramPart part) const
{
    ensureCurrent();
    const std::optional<QPointF> at = m_layout.anchorOf(part);
    return at ? std::optional<QPointF>(mapFromCanvas(*at)) : std::nullopt;
}

QString CellDiagramView::toolTipAt(QPointF position) const
{
    ensureCurrent();
    return diagramToolTip(m_target, partAt(position), unitAt(position));
}

std::optional<double> CellDiagramView::shownValue(DiagramPart part) const
{
    ensureCurrent();
    const double v = m_shown.value(part);
    return m_shown.present && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

QString CellDiagramView::title() const
{
    ensureCurrent();
    const DiagramValues& v = m_target;
    QString text = v.gradients ? tr("Gradients flowing back (dL/d·) · %1").arg(cellShortTitle(m_layout.kind))
                               : cellTitle(m_layout.kind);
    if (!v.present)
        return text;
    if (m_model->trace() && m_model->trace()->layers.size() > 1)
        text += tr(" · layer %1").arg(v.layer);
    text += tr(" · unit %1 · t = %2").arg(v.unit).arg(v.timestep);
    const Reveal reveal = m_model->reveal();
    if (reveal.phase == StepPhase::Forward)
        text += tr(" · forward pass at t = %1").arg(reveal.timestep);
    else if (reveal.phase == StepPhase::Backward)
        text += tr(" · backward pass at t = %1").arg(reveal.timestep);
    return text;
}

QString CellDiagramView::hint() const
{
    ensureCurrent();
    return m_target.present ? QString() : tr("Press Step or Play to record a training step");
}

QSize CellDiagramView::sizeHint() const
{
    return {900, 520};
}

QSize CellDiagramView::minimumSizeHint() const
{
    return {480, 280};
}

bool CellDiagramView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void CellDiagramView::paintEvent(QPaintEvent*)
{
    ensureCurrent();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const double s = canvasScale();
    painter.translate(mapFromCanvas({0, 0}));
    painter.scale(s, s);
    DiagramPaintOptions options;
    options.palette = palette();
    options.font = font();
    options.scale = s;
    options.hovered = m_hovered;
    options.title = title();
    options.hint = hint();
    options.vocabulary = m_vocabulary;
    paintCellDiagram(painter, m_layout, m_shown, options);
}

void CellDiagramView::setVocabulary(std::vector<std::string> vocabulary)
{
    m_vocabulary = std::move(vocabulary);
    update();
}

void CellDiagramView::mouseMoveEvent(QMouseEvent* event)
{
    const DiagramPart part = partAt(event->position());
    if (part != m_hovered) {
        m_hovered = part;
        update();
    }
    setCursor(unitAt(event->position()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void CellDiagramView::mousePressEvent(QMouseEvent* event)
{
    const int unit = unitAt(event->position());
    if (event->button() == Qt::LeftButton && unit >= 0)
        m_model->setUnit(unit);
    QWidget::mousePressEvent(event);
}

void CellDiagramView::leaveEvent(QEvent* event)
{
    if (m_hovered != DiagramPart::None) {
        m_hovered = DiagramPart::None;
        update();
    }
    QWidget::leaveEvent(event);
}
