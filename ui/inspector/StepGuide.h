// The line above "Inside the cell" that guides a student through a recorded step: how far
// the step-through has got ("Forward pass: timestep 8 of 20"), what that position computed,
// in plain words, and what the next key does (T, B, U, Esc). Follows the shared
// InspectorModel; the words come from stepGuidance(), plain logic that tests read.
#pragma once

#include "inspector/StepThrough.h"

#include <QLabel>

class InspectorModel;

struct StepGuidance {
    QString progress; // "Forward pass: timestep 8 of 20"
    QString happened; // what this position computed
    QString next;     // what the next key does
};

// `steps` is T of the recorded step, 0 when there is none; `lastStepOutput` whether only the
// last timestep has an output (and so the loss).
StepGuidance stepGuidance(const Reveal& reveal, int steps, bool lastStepOutput);

class StepGuide : public QLabel {
    Q_OBJECT
public:
    explicit StepGuide(InspectorModel* model, QWidget* parent = nullptr);

private:
    void refresh();

    InspectorModel* m_model;
};
