#include "inspector/StepGuide.h"

#include "inspector/InspectorModel.h"
#include "style/ScaledFont.h"

StepGuidance stepGuidance(const Reveal& reveal, int steps, bool lastStepOutput)
{
    const auto tr = [](const char* text) { return QLabel::tr(text); };
    if (steps <= 0)
        return {tr("Nothing recorded yet"), tr("Train a step (S) to record one."), QString()};
    const int t = reveal.timestep;
    const QString of = tr(" of %1").arg(steps);
    switch (reveal.phase) {
    case StepPhase::Forward: {
        const bool last = t == steps - 1;
        const bool withOutput = !lastStepOutput || last;
        QString happened = tr("Computed the gates, c and h at t = %1 from x_%1 and h at t = %2")
                               .arg(t)
                               .arg(t - 1);
        if (withOutput)
            happened += last ? tr(", then the output, and the loss of the step") : tr(", then the output at t = %1").arg(t);
        return {tr("Forward pass: timestep %1").arg(t + 1) + of, happened + QLatin1Char('.'),
                last ? tr("T or B: start the backward pass from ∂L/∂y · Shift+T: back · Esc: leave")
                     : tr("T: the next timestep · B: jump to the backward pass · Esc: leave")};
    }
    case StepPhase::Backward: {
        const QString happened = t == steps - 1
                                     ? tr("The loss's gradient ∂L/∂y entered at the last timestep; computed ∂L/∂h, "
                                          "∂L/∂c and each gate's gradient at t = %1.")
                                           .arg(t)
                                     : tr("Computed ∂L/∂h, ∂L/∂c and each gate's gradient at t = %1, from what "
                                          "flowed back from t = %2.")
                                           .arg(t)
                                           .arg(t + 1);
        return {tr("Backward pass: timestep %1").arg(steps - t) + of, happened,
                t > 0 ? tr("T: one timestep further back · U: apply the update · Esc: leave")
                      : tr("T or U: apply the update · Esc: leave")};
    }
    case StepPhase::Update:
        return {tr("Update applied"),
                tr("The optimizer moved every weight against its gradient, summed over all timesteps."),
                tr("Esc: the whole step · S: train one more step and record it")};
    case StepPhase::Complete:
        break;
    }
    return {tr("The whole step"), tr("Every value of the recorded step is shown."),
            tr("T: step through its forward pass, one timestep at a time")};
}

StepGuide::StepGuide(InspectorModel* model, QWidget* parent) : QLabel(parent), m_model(model)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    keepScaledFont(this, 1.1); // the one line a student reads first
    connect(model, &InspectorModel::traceChanged, this, &StepGuide::refresh);
    connect(model, &InspectorModel::revealChanged, this, &StepGuide::refresh);
    refresh();
}

void StepGuide::refresh()
{
    const TracePointer& trace = m_model->trace();
    const bool lastStepOutput = trace && trace->output.cols() == 1 && trace->steps > 1;
    const StepGuidance guidance = stepGuidance(m_model->reveal(), trace ? trace->steps : 0, lastStepOutput);
    QString text = QStringLiteral("<b>%1.</b> %2").arg(guidance.progress.toHtmlEscaped(), guidance.happened.toHtmlEscaped());
    if (!guidance.next.isEmpty())
        text += QStringLiteral(" &nbsp;<i>%1</i>").arg(guidance.next.toHtmlEscaped());
    setText(text);
}
