// Where the lessons that ship with the app are, and finding one by name or path. The
// folder is the installed one (share/lstm-lab/lessons beside the program's bin/) or, in a
// build tree, resources/lessons of the sources; LSTM_LAB_LESSONS overrides both.
#pragma once

#include <string>
#include <vector>

namespace lstm {

// The lessons folder for a program in `programFolder`; "" when none is found.
std::string lessonsFolder(const std::string& programFolder);
// The .lesson files of the folder, sorted by name.
std::vector<std::string> lessonFiles(const std::string& folder);
// A path to an existing file, or the name of a lesson in the folder ("why-rnns-forget");
// "" when neither.
std::string findLesson(const std::string& nameOrPath, const std::string& folder);

} // namespace lstm
