#include "inspector/TellingFocus.h"

#include <cmath>

Focus tellingFocus(const lstm::StepTrace& trace)
{
    Focus focus;
    if (trace.layers.empty() || trace.steps <= 0)
        return focus;
    const lstm::LayerTrace& layer = trace.layers.front();
    const bool cell = layer.cell.size() > 0;
    const Eigen::MatrixXd& state = cell ? layer.cell : layer.hidden;
    const Eigen::VectorXd& initial = cell ? layer.initialCell : layer.initialHidden;
    double most = -1;
    for (Eigen::Index u = 0; u < state.rows(); ++u) {
        double moved = 0;
        double largest = -1;
        int at = 0;
        for (Eigen::Index t = 0; t < state.cols(); ++t) {
            const double before = t > 0 ? state(u, t - 1) : (u < initial.size() ? initial(u) : 0.0);
            const double step = std::abs(state(u, t) - before);
            moved += step;
            if (step > largest) {
                largest = step;
                at = int(t);
            }
        }
        if (moved > most) {
            most = moved;
            focus = {int(u), at};
        }
    }
    return focus;
}
