#include "nn/GateBiasInit.h"

namespace lstm {

std::vector<GateBiasValue> gateBiasValues(const GateBiasInit& init, CellKind cell)
{
    std::vector<GateBiasValue> values;
    if (!hasCellState(cell))
        return values;
    const std::pair<const char*, const std::optional<double>*> wanted[] = {
        {"i", &init.input}, {"f", &init.forget}, {"o", &init.output}};
    for (const auto& gate : gateNames(cell))
        for (const auto& [name, value] : wanted)
            if (gate == name && value->has_value())
                values.push_back({gate, **value});
    return values;
}

} // namespace lstm
