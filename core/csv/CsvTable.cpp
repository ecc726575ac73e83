#include "csv/CsvTable.h"

namespace lstm {

const char* missingPolicyName(MissingPolicy policy)
{
    switch (policy) {
    case MissingPolicy::Interpolate:
        return "interpolate";
    case MissingPolicy::ForwardFill:
        return "forward-fill";
    case MissingPolicy::DropRow:
        return "drop";
    case MissingPolicy::Keep:
        break;
    }
    return "keep";
}

} // namespace lstm
