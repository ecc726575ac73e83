// The equations page as HTML: the selected cell type's equations typeset with one unit's
// numbers at one timestep substituted (forward, backward, and the update in its phase), "?"
// where the step-through has not reached. Typesetting only: no widget (EquationsView shows
// it) and no arithmetic (CellEquations does that).
#pragma once

#include "inspector/equations/CellEquations.h"
#include "inspector/StepThrough.h"

#include <QString>

struct EquationsRequest {
    equations::Where where;
    Reveal reveal;
    bool gradients = false; // the backward page instead of the forward one
};

// The whole page, "<html><body>…</body></html>"; a hint without a trace.
QString equationsPage(const lstm::StepTrace* trace, const EquationsRequest& request);
