// libFuzzer target: any bytes through the model loader (lstm::modelFromJson). A
// ModelFileError is a correct answer to a bad file; a crash, a sanitizer report or any other
// exception is a bug.
#include "io/ModelFile.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    try {
        lstm::modelFromJson(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const lstm::ModelFileError&) {
    }
    return 0;
}
