// The sentence the banner shows when training stopped by itself: which rule stopped it, at
// which step, and what to do to go on. Words only; the decision is StopRule's.
#pragma once

#include "training/StopRule.h"

#include <QString>

#include <optional>

QString stopMessage(lstm::StopReason reason, long step, const lstm::StopRule<float>& rule,
                    const std::optional<lstm::TaskScore>& score);
