// `lstm-lab-cli lessons list` and `lstm-lab-cli lessons check [NAME|FILE]`: the guided
// lessons that ship with the app, and their claims run headless. check ends with the line
// "N passed, M failed" and exits 0 only when none failed; a lesson file that does not read
// counts as one failure, with its line.
#include "Arguments.h"
#include "Commands.h"

#include "lessons/ClaimCheck.h"
#include "lessons/LessonLibrary.h"
#include "lessons/LessonParser.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace cli {

namespace {

std::string programFolder()
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : self.parent_path().string();
}

const char* const lessonsUsage =
    "usage: lstm-lab-cli lessons list\n"
    "       lstm-lab-cli lessons check [NAME|FILE]\n\n"
    "list names every lesson that ships with the app. check reads every lesson (or one, by name or file), runs\n"
    "each of its claims headless (each trains a model) and ends with \"N passed, M failed\".\n"
    "The lessons are read from LSTM_LAB_LESSONS when set, else from the app's lessons folder.\n";

std::vector<std::string> chosenFiles(const Words& words, const std::string& folder)
{
    if (words.size() > 2)
        throw UsageError("lessons check takes at most one lesson, got " + std::to_string(words.size() - 1));
    if (words.size() == 2) {
        const std::string file = lstm::findLesson(words[1], folder);
        if (file.empty())
            throw UsageError("no lesson \"" + words[1] + "\" (not a file, nor a lesson in " +
                             (folder.empty() ? std::string("any lessons folder") : folder) + ")");
        return {file};
    }
    if (folder.empty())
        throw UsageError("no lessons folder found (set LSTM_LAB_LESSONS)");
    return lstm::lessonFiles(folder);
}

int list(const std::string& folder)
{
    for (const std::string& file : lstm::lessonFiles(folder)) {
        try {
            const lstm::Lesson lesson = lstm::readLessonFile(file);
            // The name first and alone, so that a script can take it for `lessons check NAME`.
            std::printf("%s  %s (%zu steps, %zu claims)\n", lesson.name.c_str(), lesson.title.c_str(),
                        lesson.steps.size(), lesson.claims.size());
        } catch (const std::runtime_error& error) {
            std::printf("%s  does not read: %s\n", file.c_str(), error.what());
        }
    }
    return 0;
}

int check(const Words& words, const std::string& folder)
{
    int passed = 0;
    int failed = 0;
    for (const std::string& file : chosenFiles(words, folder)) {
        lstm::Lesson lesson;
        try {
            lesson = lstm::readLessonFile(file);
        } catch (const std::runtime_error& error) {
            std::printf("failed  %s\n", error.what());
            ++failed;
            continue;
        }
        for (const lstm::Claim& claim : lesson.claims) {
            const lstm::ClaimResult result = lstm::checkClaim(claim);
            std::printf("%s  %s, line %d: %s (%s)\n", result.passed ? "passed" : "failed", lesson.name.c_str(),
                        claim.line, claim.text.c_str(), result.measured.c_str());
            std::fflush(stdout);
            ++(result.passed ? passed : failed);
        }
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

} // namespace

int lessonsCommand(const Words& words)
{
    if (words.empty() || words[0] == "--help" || words[0] == "-h") {
        std::cout << lessonsUsage;
        return words.empty() ? 2 : 0;
    }
    const std::string folder = lstm::lessonsFolder(programFolder());
    if (words[0] == "list") {
        if (words.size() > 1)
            throw UsageError("lessons list takes nothing more, got \"" + words[1] + "\"");
        return list(folder);
    }
    if (words[0] == "check")
        return check(words, folder);
    throw UsageError("lessons takes list or check, got \"" + words[0] + "\" (see lstm-lab-cli lessons --help)");
}

} // namespace cli
