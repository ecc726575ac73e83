#include "worker/StopMessage.h"

#include <QCoreApplication>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StopMessage", text);
}

} // namespace

QString stopMessage(lstm::StopReason reason, long step, const lstm::StopRule<float>& rule,
                    const std::optional<lstm::TaskScore>& score)
{
    switch (reason) {
    case lstm::StopReason::StepLimit:
        return tr("Stopped at step %1, the limit set under Training (Stop after). Raise it, or set it to never, "
                  "to go on.")
            .arg(step);
    case lstm::StopReason::Solved:
        return tr("Solved at step %1: %2.").arg(step).arg(score ? QString::fromStdString(score->criterion) : QString());
    case lstm::StopReason::NoImprovement:
        return tr("Stopped early at step %1: %2 validations in a row brought no better loss. The weights of step %3 "
                  "(validation loss %4), the best, are back.")
            .arg(step)
            .arg(rule.conditions().patience)
            .arg(rule.earlyStopping().bestStep())
            .arg(rule.earlyStopping().bestLoss(), 0, 'g', 4);
    default: return {};
    }
}
