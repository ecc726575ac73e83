// The one selection every inside-the-cell view shares: which recorded step is inspected,
// which layer, unit and timestep are selected, how far the step-through has revealed the
// step, and whether views show values or gradients. Views read it, draw, and call select()
// on a click; they repaint on its signals. Lives on the UI thread.
#pragma once

#include "worker/ParameterHistory.h"
#include "inspector/StepThrough.h"

#include "trace/Trace.h"

#include <QObject>

#include <memory>

using TracePointer = std::shared_ptr<const lstm::StepTrace>;
using ParameterCurvesPointer = std::shared_ptr<const ParameterCurves>;

class InspectorModel : public QObject {
    Q_OBJECT
public:
    explicit InspectorModel(QObject* parent = nullptr);

    const TracePointer& trace() const { return m_trace; }
    // Shows another recorded step. The selection is kept where it still fits, and a
    // step-through starts over. Until something is selected, a step opens where the most
    // happens (TellingFocus); nullptr (a fresh model) forgets the selection was chosen.
    void setTrace(TracePointer trace);

    int layer() const { return m_layer; }
    int unit() const { return m_unit; }
    int timestep() const { return m_timestep; }
    // Clamped to the trace; -1 keeps a coordinate as it is.
    void select(int layer, int unit, int timestep);
    void setLayer(int layer) { select(layer, -1, -1); }
    void setUnit(int unit) { select(-1, unit, -1); }
    void setTimestep(int timestep) { select(-1, -1, timestep); }

    // The selected layer's recorded values, or nullptr without a trace.
    const lstm::LayerTrace* selectedLayer() const;
    int hiddenSize() const;  // of the selected layer; 0 without a trace
    int steps() const;       // T of the trace; 0 without one

    Reveal reveal() const { return m_stepThrough.reveal(); }
    bool steppingThrough() const { return m_stepThrough.active(); }
    // The step-through commands; the selected timestep follows the playhead.
    void nextInStep();
    void previousInStep();
    void startBackward();
    void applyUpdate();
    void finishStepThrough();

    bool showGradients() const { return m_showGradients; }
    void setShowGradients(bool show);

    // Per parameter group, its gradient norm and update ratio over training, from every
    // step of the run (not only the recorded ones); nullptr before the first snapshot.
    const ParameterCurvesPointer& parameterCurves() const { return m_parameterCurves; }
    void setParameterCurves(ParameterCurvesPointer curves);

signals:
    void traceChanged();     // a new step to show; selection and reveal may have moved too
    void selectionChanged(); // layer, unit or timestep
    void revealChanged();    // the step-through moved
    void showGradientsChanged(bool show);
    void parameterCurvesChanged();

private:
    void afterStepThroughMove(bool moved);

    TracePointer m_trace;
    int m_layer = 0;
    int m_unit = 0;
    int m_timestep = 0;
    bool m_chosen = false; // a place was selected (by a click, a key, a lesson)
    StepThrough m_stepThrough;
    bool m_showGradients = false;
    ParameterCurvesPointer m_parameterCurves;
};
