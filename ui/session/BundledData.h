// Where the data shipped with LSTM Lab (datasets/: real series and a public-domain text) is
// found at run time: beside the executable when installed, else the source tree the build
// came from. Not the data itself (datasets/README.md).
#pragma once

#include <QString>

// The datasets/ folder, or an empty string when neither place has it.
QString bundledDataFolder();
// datasets/text/pride_and_prejudice.txt, or an empty string when it cannot be found.
QString bundledTextCorpus();
