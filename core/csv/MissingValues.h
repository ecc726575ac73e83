// The missing-value policies on an imported table's number columns: interpolate, forward-fill
// or drop the row, each counting per column what it filled or dropped. Values before the
// first known one (which nothing precedes) take the first known value and count as filled.
// Not the detection of what is missing (CsvNumber.h).
#pragma once

#include "csv/CsvTable.h"

namespace lstm {

void applyMissingPolicy(CsvTable& table, MissingPolicy policy);

} // namespace lstm
