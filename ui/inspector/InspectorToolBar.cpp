#include "inspector/InspectorToolBar.h"

#include "inspector/Inspector.h"

#include <QAction>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>

InspectorToolBar::InspectorToolBar(Inspector* inspector, QWidget* parent)
    : QToolBar(tr("Inspect"), parent), m_inspector(inspector)
{
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setMovable(false);
    addSelectionControls();
    addSeparator();
    addStepThroughActions();
    addSeparator();
    addHistoryControls();

    InspectorModel* model = inspector->model();
    connect(model, &InspectorModel::traceChanged, this, [this] {
        showSelection();
        showPhase();
        showHistory();
    });
    connect(model, &InspectorModel::selectionChanged, this, &InspectorToolBar::showSelection);
    connect(model, &InspectorModel::revealChanged, this, &InspectorToolBar::showPhase);
    connect(model, &InspectorModel::showGradientsChanged, m_gradients, &QAction::setChecked);
    connect(inspector, &Inspector::historyChanged, this, &InspectorToolBar::showHistory);
    showSelection();
    showPhase();
    showHistory();
}

void InspectorToolBar::addSelectionControls()
{
    const auto addBox = [this](const QString& label, const QString& tip) {
        addWidget(new QLabel(label));
        auto* box = new QSpinBox;
        box->setToolTip(tip);
        box->setMinimumWidth(60);
        addWidget(box);
        return box;
    };
    m_layer = addBox(tr(" Layer "), tr("Which stacked layer the views show"));
    m_unit = addBox(tr(" Unit "), tr("Which hidden unit the diagram, timeline and equations follow; click a heatmap row to pick one"));
    m_timestep = addBox(tr(" t "), tr("Which timestep of the recorded sequence is shown; drag the timeline's playhead or use its arrow keys"));
    InspectorModel* model = m_inspector->model();
    connect(m_layer, &QSpinBox::valueChanged, model, &InspectorModel::setLayer);
    connect(m_unit, &QSpinBox::valueChanged, model, &InspectorModel::setUnit);
    connect(m_timestep, &QSpinBox::valueChanged, model, &InspectorModel::setTimestep);
    m_gradients = addAction(tr("Gradients"));
    m_gradients->setCheckable(true);
    m_gradients->setShortcut(Qt::Key_G);
    m_gradients->setToolTip(tr("Show the gradients of the backward pass instead of the forward values (G)"));
    connect(m_gradients, &QAction::toggled, model, &InspectorModel::setShowGradients);
}

void InspectorToolBar::addStepThroughActions()
{
    InspectorModel* model = m_inspector->model();
    const auto addStepAction = [&](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        QAction* action = addAction(text);
        action->setShortcut(key);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, [this, model, slot] {
            emit stepThroughStarted();
            (model->*slot)();
        });
        return action;
    };
    m_previous = addStepAction(tr("◀ t"), QKeySequence(Qt::SHIFT | Qt::Key_T),
                               tr("Step-through: one timestep back (Shift+T)"), &InspectorModel::previousInStep);
    m_next = addStepAction(tr("t ▶"), QKeySequence(Qt::Key_T),
                           tr("Step-through: compute the next timestep of the recorded step; after the forward pass "
                              "comes the backward pass, from the last timestep to the first (T)"),
                           &InspectorModel::nextInStep);
    m_backward = addStepAction(tr("Backward"), QKeySequence(Qt::Key_B),
                               tr("Step-through: jump to the start of the backward pass, at the last timestep (B)"),
                               &InspectorModel::startBackward);
    m_update = addStepAction(tr("Update"), QKeySequence(Qt::Key_U),
                             tr("Step-through: apply the optimizer update and see how the weights changed (U)"),
                             &InspectorModel::applyUpdate);
    m_finish = addAction(tr("Done"));
    m_finish->setShortcut(Qt::Key_Escape);
    m_finish->setToolTip(tr("Leave the step-through and show the whole step (Esc)"));
    connect(m_finish, &QAction::triggered, model, &InspectorModel::finishStepThrough);
    m_phase = new QLabel;
    m_phase->setMinimumWidth(180);
    addWidget(m_phase);
}

void InspectorToolBar::addHistoryControls()
{
    addWidget(new QLabel(tr(" History ")));
    m_history = new QSlider(Qt::Horizontal);
    m_history->setFixedWidth(110);
    m_history->setPageStep(1);
    m_history->setToolTip(tr("Reopen an earlier recorded training step; recent steps are kept densely, older ones "
                             "sparsely. The far right follows training."));
    addWidget(m_history);
    m_historyLabel = new QLabel;
    m_historyLabel->setMinimumWidth(120);
    addWidget(m_historyLabel);
    connect(m_history, &QSlider::valueChanged, m_inspector, &Inspector::openRecorded);
}

void InspectorToolBar::showSelection()
{
    const InspectorModel* model = m_inspector->model();
    const bool hasTrace = model->trace() != nullptr;
    const struct {
        QSpinBox* box;
        int maximum;
        int value;
    } boxes[] = {{m_layer, hasTrace ? int(model->trace()->layers.size()) - 1 : 0, model->layer()},
                 {m_unit, std::max(0, model->hiddenSize() - 1), model->unit()},
                 {m_timestep, std::max(0, model->steps() - 1), model->timestep()}};
    for (const auto& entry : boxes) {
        const QSignalBlocker quiet(entry.box);
        entry.box->setRange(0, entry.maximum);
        entry.box->setValue(entry.value);
        entry.box->setEnabled(hasTrace && entry.maximum > 0);
    }
}

QString InspectorToolBar::phaseText() const
{
    const InspectorModel* model = m_inspector->model();
    if (!model->trace())
        return tr("Nothing recorded yet");
    const Reveal reveal = model->reveal();
    switch (reveal.phase) {
    case StepPhase::Forward: return tr("Forward, t = %1 of %2").arg(reveal.timestep).arg(model->steps() - 1);
    case StepPhase::Backward: return tr("Backward, t = %1").arg(reveal.timestep);
    case StepPhase::Update: return tr("Update applied");
    case StepPhase::Complete: break;
    }
    return tr("Whole step");
}

void InspectorToolBar::showPhase()
{
    m_phase->setText(QStringLiteral(" ") + phaseText());
    const bool hasTrace = m_inspector->model()->trace() != nullptr;
    for (QAction* action : {m_previous, m_next, m_backward, m_update})
        action->setEnabled(hasTrace);
    m_finish->setEnabled(m_inspector->model()->steppingThrough());
}

void InspectorToolBar::showHistory()
{
    const auto& traces = m_inspector->history().traces();
    const int shown = m_inspector->history().indexOf(m_inspector->model()->trace());
    const QSignalBlocker quiet(m_history);
    m_history->setRange(0, std::max(0, int(traces.size()) - 1));
    m_history->setValue(shown < 0 ? m_history->maximum() : shown);
    m_history->setEnabled(traces.size() > 1);
    const TracePointer& trace = m_inspector->model()->trace();
    m_historyLabel->setText(!trace ? QString()
                            : m_inspector->followsNewest() ? tr(" step %1, newest").arg(trace->step + 1)
                                                           : tr(" step %1").arg(trace->step + 1));
}
