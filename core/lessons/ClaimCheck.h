// Runs a lesson's claim headless: trains the one model it describes, evaluating as the
// recommendation says, and tells whether what the lesson says happened, with the figures.
// `lstm-lab-cli lessons check` prints these; the CTest tests labelled `lessons` run it.
#pragma once

#include "lessons/Lesson.h"

#include <string>

namespace lstm {

struct ClaimResult {
    bool passed = false;
    std::string measured; // e.g. "solved at step 300", "best accuracy 0.27 in 3000 steps"
};

ClaimResult checkClaim(const Claim& claim);

} // namespace lstm
