// Reads a lesson file (format: docs/lessons.md) into a Lesson, checking every link, claim
// and question as it goes: a mistake throws LessonError naming the file and the line.
#pragma once

#include "lessons/Lesson.h"

#include <stdexcept>
#include <string>

namespace lstm {

class LessonError : public std::runtime_error {
public:
    LessonError(const std::string& file, int line, const std::string& message);
    int line() const { return m_line; }

private:
    int m_line;
};

// `name` is the lesson's name (the file's base name) and `file` how messages call the file.
Lesson parseLesson(const std::string& text, const std::string& name, const std::string& file);
// Reads the file; its base name without ".lesson" is the lesson's name. Throws
// std::runtime_error when the file cannot be read.
Lesson readLessonFile(const std::string& path);

} // namespace lstm
