// Sizing a SequenceBatch for a data shape: the one place that knows which fields each kind
// of data fills (dense inputs or symbol ids; target values or classes; every step or last).
// Not a data set; the contents are left to the caller.
#pragma once

#include "data/Dataset.h"

namespace lstm {

// Sets steps and batch, sizes the used fields (contents unspecified) and empties the rest.
void resizeBatch(const DataShape& shape, int steps, int batch, SequenceBatch<double>& out);

// The column of timestep t of sequence b: SequenceBatch's t*B + b layout.
inline int batchColumn(const SequenceBatch<double>& data, int t, int b) { return t * data.batch + b; }

} // namespace lstm
