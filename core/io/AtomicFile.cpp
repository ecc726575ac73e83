#include "io/AtomicFile.h"

#include <filesystem>
#include <fstream>

namespace lstm {

void writeFileAtomically(const std::string& path, const std::string& text)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temporary = target.string() + ".saving";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write \"" + temporary.string() + "\"");
        out << text;
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw std::runtime_error("writing \"" + path + "\" failed (disk full?); the old file is unchanged");
        }
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw std::runtime_error("cannot replace \"" + path + "\": " + error.message());
    }
}

} // namespace lstm
