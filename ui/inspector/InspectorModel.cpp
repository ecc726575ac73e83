#include "inspector/InspectorModel.h"

#include "inspector/TellingFocus.h"

#include <algorithm>

InspectorModel::InspectorModel(QObject* parent) : QObject(parent) {}

void InspectorModel::setTrace(TracePointer trace)
{
    m_trace = std::move(trace);
    m_stepThrough.reset(steps());
    if (!m_trace) {
        m_chosen = false; // a fresh model gets a fresh first look
    } else if (!m_chosen) { // nobody chose a place yet: open where the most happens
        const Focus focus = tellingFocus(*m_trace);
        m_layer = 0;
        m_unit = focus.unit;
        m_timestep = focus.timestep;
    }
    m_layer = std::clamp(m_layer, 0, std::max(0, m_trace ? int(m_trace->layers.size()) - 1 : 0));
    m_unit = std::clamp(m_unit, 0, std::max(0, hiddenSize() - 1));
    m_timestep = std::clamp(m_timestep, 0, std::max(0, steps() - 1));
    emit traceChanged();
}

void InspectorModel::select(int layer, int unit, int timestep)
{
    if (!m_trace)
        return;
    m_chosen = true;
    const int newLayer = layer < 0 ? m_layer : std::clamp(layer, 0, int(m_trace->layers.size()) - 1);
    const int layerWidth = int(m_trace->layers[size_t(newLayer)].hidden.rows());
    const int newUnit = std::clamp(unit < 0 ? m_unit : unit, 0, std::max(0, layerWidth - 1));
    const int newTimestep = std::clamp(timestep < 0 ? m_timestep : timestep, 0, std::max(0, steps() - 1));
    if (newLayer == m_layer && newUnit == m_unit && newTimestep == m_timestep)
        return;
    m_layer = newLayer;
    m_unit = newUnit;
    m_timestep = newTimestep;
    emit selectionChanged();
}

const lstm::LayerTrace* InspectorModel::selectedLayer() const
{
    return m_trace && !m_trace->layers.empty() ? &m_trace->layers[size_t(m_layer)] : nullptr;
}

int InspectorModel::hiddenSize() const
{
    const lstm::LayerTrace* layer = selectedLayer();
    return layer ? int(layer->hidden.rows()) : 0;
}

int InspectorModel::steps() const
{
    return m_trace ? m_trace->steps : 0;
}

void InspectorModel::nextInStep()
{
    afterStepThroughMove(m_stepThrough.next());
}

void InspectorModel::previousInStep()
{
    afterStepThroughMove(m_stepThrough.previous());
}

void InspectorModel::startBackward()
{
    afterStepThroughMove(m_stepThrough.startBackward());
}

void InspectorModel::applyUpdate()
{
    afterStepThroughMove(m_stepThrough.applyUpdate());
}

void InspectorModel::finishStepThrough()
{
    afterStepThroughMove(m_stepThrough.finish());
}

// The playhead carries the selection with it, so every view looks at the timestep being
// computed. The gradient toggle follows the phase: the backward pass is about gradients.
void InspectorModel::afterStepThroughMove(bool moved)
{
    if (!moved)
        return;
    const Reveal now = m_stepThrough.reveal();
    if (now.phase == StepPhase::Forward || now.phase == StepPhase::Backward) {
        setTimestep(now.timestep);
        setShowGradients(now.phase == StepPhase::Backward);
    }
    emit revealChanged();
}

void InspectorModel::setShowGradients(bool show)
{
    if (show == m_showGradients)
        return;
    m_showGradients = show;
    emit showGradientsChanged(show);
}

void InspectorModel::setParameterCurves(ParameterCurvesPointer curves)
{
    m_parameterCurves = std::move(curves);
    emit parameterCurvesChanged();
}
