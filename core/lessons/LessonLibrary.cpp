#include "lessons/LessonLibrary.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace lstm {

namespace fs = std::filesystem;

std::string lessonsFolder(const std::string& programFolder)
{
    if (const char* chosen = std::getenv("LSTM_LAB_LESSONS"); chosen && *chosen)
        return chosen;
    std::error_code error;
    for (const fs::path& candidate : {fs::path(programFolder) / "../share/lstm-lab/lessons",
                                      fs::path(LSTM_LAB_SOURCE_LESSONS)})
        if (fs::is_directory(candidate, error))
            return fs::weakly_canonical(candidate, error).string();
    return {};
}

std::vector<std::string> lessonFiles(const std::string& folder)
{
    std::vector<std::string> files;
    std::error_code error;
    if (folder.empty() || !fs::is_directory(folder, error))
        return files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".lesson")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string findLesson(const std::string& nameOrPath, const std::string& folder)
{
    std::error_code error;
    if (fs::is_regular_file(nameOrPath, error))
        return nameOrPath;
    if (!folder.empty()) {
        const fs::path named = fs::path(folder) / (nameOrPath + ".lesson");
        if (fs::is_regular_file(named, error))
            return named.string();
    }
    return {};
}

} // namespace lstm
