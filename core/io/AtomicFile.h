// Writing a whole file so that a failure loses nothing: the text goes to PATH.saving, which
// is renamed over PATH only once it is complete. A failed write or rename removes the
// partial file and leaves the old PATH as it was. Not a general file API.
#pragma once

#include <stdexcept>
#include <string>

namespace lstm {

// Throws std::runtime_error saying what failed; the old file is then unchanged.
void writeFileAtomically(const std::string& path, const std::string& text);

} // namespace lstm
