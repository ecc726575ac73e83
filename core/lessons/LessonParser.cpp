#include "lessons/LessonParser.h"

#include "lessons/LessonActions.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace lstm {

LessonError::LessonError(const std::string& file, int line, const std::string& message)
    : std::runtime_error(file + ", line " + std::to_string(line) + ": " + message), m_line(line)
{
}

namespace {

std::string trimmed(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

// "k=v k=v" into a map; every word must have its "=".
std::map<std::string, std::string> keyValues(const std::string& text)
{
    std::map<std::string, std::string> values;
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        const size_t equals = word.find('=');
        if (equals == std::string::npos || equals == 0)
            throw std::invalid_argument("\"" + word + "\" should be KEY=VALUE");
        if (!values.emplace(word.substr(0, equals), word.substr(equals + 1)).second)
            throw std::invalid_argument(word.substr(0, equals) + " is given twice");
    }
    return values;
}

LessonAction readAction(const std::string& target, int line)
{
    LessonAction action;
    const std::string text = trimmed(target);
    const size_t space = text.find(' ');
    action.verb = text.substr(0, space);
    action.arguments = keyValues(space == std::string::npos ? std::string() : text.substr(space + 1));
    action.line = line;
    checkLessonAction(action);
    return action;
}

ClaimExpectation readExpectation(const std::string& text)
{
    if (text == "solved")
        return {ClaimExpectation::Kind::Solved, 0};
    if (text == "not-solved")
        return {ClaimExpectation::Kind::NotSolved, 0};
    for (const auto& [prefix, kind] : {std::pair{"score>=", ClaimExpectation::Kind::ScoreAtLeast},
                                       std::pair{"score<=", ClaimExpectation::Kind::ScoreAtMost},
                                       std::pair{"loss<=", ClaimExpectation::Kind::LossAtMost},
                                       std::pair{"gradient-ratio>=", ClaimExpectation::Kind::GradientRatioAtLeast},
                                       std::pair{"gradient-ratio<=", ClaimExpectation::Kind::GradientRatioAtMost}}) {
        const std::string start = prefix;
        if (!startsWith(text, start))
            continue;
        double threshold = 0;
        const char* first = text.data() + start.size();
        const auto [end, error] = std::from_chars(first, text.data() + text.size(), threshold);
        if (error == std::errc() && end == text.data() + text.size() && end != first)
            return {kind, threshold};
    }
    throw std::invalid_argument("expect takes solved, not-solved, score>=X, score<=X, loss<=X, gradient-ratio>=X or "
                                "gradient-ratio<=X, not \"" + text + "\"");
}

Claim readClaim(const std::string& text, int line)
{
    Claim claim;
    claim.text = trimmed(text);
    claim.line = line;
    const std::map<std::string, std::string> arguments = keyValues(text);
    if (!arguments.count("dataset"))
        throw std::invalid_argument("a claim names its data set: dataset=NAME");
    if (!arguments.count("expect"))
        throw std::invalid_argument("a claim says what it expects: expect=solved, not-solved, score>=X, score<=X, "
                                    "loss<=X, gradient-ratio>=X or gradient-ratio<=X");
    claim.setup = readLessonSetup(arguments, {"expect"});
    if (!claim.setup.cells.empty())
        throw std::invalid_argument("a claim trains one model: use cell=, not cells=");
    claim.expectation = readExpectation(arguments.at("expect"));
    return claim;
}

// Inline markup of one paragraph: [label](action), **bold**, *italic* and `code`.
class InlineReader {
public:
    InlineReader(LessonStep& step, int line) : m_step(step), m_line(line) {}

    Paragraph read(const std::string& text)
    {
        for (size_t k = 0; k < text.size();) {
            if (m_style != TextSpan::Style::Code && text[k] == '[' && link(text, k))
                continue;
            if (text[k] == '`' && m_style != TextSpan::Style::Bold && m_style != TextSpan::Style::Italic) {
                toggle(TextSpan::Style::Code);
                ++k;
            } else if (m_style != TextSpan::Style::Code && text.compare(k, 2, "**") == 0) {
                toggle(TextSpan::Style::Bold);
                k += 2;
            } else if (m_style != TextSpan::Style::Code && text[k] == '*') {
                toggle(TextSpan::Style::Italic);
                ++k;
            } else {
                m_text += text[k++];
            }
        }
        if (m_style != TextSpan::Style::Plain)
            throw std::invalid_argument(std::string(m_style == TextSpan::Style::Code ? "`" : m_style == TextSpan::Style::Bold ? "**" : "*") +
                                        " is opened and not closed in this paragraph");
        flush();
        return m_paragraph;
    }

private:
    // At a '[': a link when "](...)" follows; then its span is added and k moves past it.
    bool link(const std::string& text, size_t& k)
    {
        const size_t middle = text.find("](", k);
        const size_t close = middle == std::string::npos ? middle : text.find(')', middle);
        if (close == std::string::npos || text.find('[', k + 1) < middle)
            return false;
        flush();
        m_step.actions.push_back(readAction(text.substr(middle + 2, close - middle - 2), m_line));
        m_paragraph.push_back({text.substr(k + 1, middle - k - 1), m_style, int(m_step.actions.size()) - 1});
        k = close + 1;
        return true;
    }
    void toggle(TextSpan::Style style)
    {
        flush();
        m_style = m_style == style ? TextSpan::Style::Plain : style;
    }
    void flush()
    {
        if (!m_text.empty())
            m_paragraph.push_back({m_text, m_style, -1});
        m_text.clear();
    }

    LessonStep& m_step;
    int m_line;
    Paragraph m_paragraph;
    std::string m_text;
    TextSpan::Style m_style = TextSpan::Style::Plain;
};

class Parser {
public:
    Parser(std::string name, std::string file) : m_file(std::move(file)) { m_lesson.name = std::move(name); }

    Lesson parse(const std::string& text)
    {
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) {
            ++m_line;
            if (m_line == 1 && startsWith(line, "\xEF\xBB\xBF"))
                line.erase(0, 3); // a byte order mark, as some editors write
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            try {
                take(line);
            } catch (const std::invalid_argument& error) {
                throw LessonError(m_file, m_errorLine ? m_errorLine : m_line, error.what());
            }
        }
        ++m_line;
        try {
            finishParagraph();
        } catch (const std::invalid_argument& error) {
            throw LessonError(m_file, m_errorLine, error.what());
        }
        finishQuestion();
        if (m_lesson.title.empty())
            throw LessonError(m_file, m_line, "the file is empty: a lesson starts with its title, \"# Title\"");
        if (m_lesson.steps.empty())
            throw LessonError(m_file, m_line, "the lesson has no steps: each starts with \"## Step title\"");
        return m_lesson;
    }

private:
    void take(const std::string& raw)
    {
        const std::string line = trimmed(raw);
        if (m_lesson.title.empty()) {
            if (line.empty())
                return;
            if (!startsWith(line, "# "))
                throw std::invalid_argument("a lesson starts with its title: \"# Title\"");
            m_lesson.title = trimmed(line.substr(2));
            return;
        }
        if (line.empty()) {
            finishParagraph();
            m_choosing = false;
            return;
        }
        if (startsWith(line, "## ")) {
            finishParagraph();
            finishQuestion();
            m_lesson.steps.push_back({trimmed(line.substr(3)), {}, {}, {}, m_line});
            return;
        }
        if (m_lesson.steps.empty())
            return header(line);
        LessonStep& step = m_lesson.steps.back();
        if (startsWith(line, "? ")) {
            finishParagraph();
            if (step.question)
                throw std::invalid_argument("a step asks one question; this one already asks one at line " +
                                            std::to_string(step.question->line));
            step.question = Question{trimmed(line.substr(2)), {}, m_line, int(step.paragraphs.size())};
            m_choosing = true;
        } else if (startsWith(line, "- ") && m_choosing) {
            choice(step, line.substr(2));
        } else {
            if (m_paragraph.empty())
                m_paragraphLine = m_line;
            m_paragraph += (m_paragraph.empty() ? "" : " ") + line;
            m_choosing = false;
        }
    }

    void header(const std::string& line)
    {
        if (startsWith(line, "summary:"))
            m_lesson.summary = trimmed(line.substr(8));
        else if (startsWith(line, "claim:"))
            m_lesson.claims.push_back(readClaim(line.substr(6), m_line));
        else
            throw std::invalid_argument("before the first step (\"## Step title\") only \"summary:\" and \"claim:\" "
                                        "lines belong");
    }

    void choice(LessonStep& step, const std::string& text)
    {
        Choice choice;
        const size_t bar = text.find('|');
        choice.text = trimmed(text.substr(0, bar));
        if (choice.text.empty())
            throw std::invalid_argument("a choice needs its text before the \"|\"");
        if (bar != std::string::npos)
            choice.condition = parseLiveCondition(text.substr(bar + 1));
        step.question->choices.push_back(choice);
    }

    void finishParagraph()
    {
        if (m_paragraph.empty())
            return;
        m_errorLine = m_paragraphLine; // inline mistakes are reported at the paragraph's first line
        LessonStep& step = m_lesson.steps.back();
        step.paragraphs.push_back(InlineReader(step, m_paragraphLine).read(m_paragraph));
        m_paragraph.clear();
        m_errorLine = 0;
    }

    void finishQuestion()
    {
        if (m_lesson.steps.empty() || !m_lesson.steps.back().question)
            return;
        const Question& question = *m_lesson.steps.back().question;
        int answers = 0;
        for (const Choice& choice : question.choices)
            answers += choice.condition.has_value();
        if (question.choices.size() < 2 || answers == 0)
            throw LessonError(m_file, question.line,
                              "a question needs at least two choices (\"- text | condition\"), one with a condition");
    }

    std::string m_file;
    Lesson m_lesson;
    int m_line = 0;
    int m_errorLine = 0;
    std::string m_paragraph;
    int m_paragraphLine = 0;
    bool m_choosing = false;
};

} // namespace

Lesson parseLesson(const std::string& text, const std::string& name, const std::string& file)
{
    return Parser(name, file).parse(text);
}

Lesson readLessonFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    std::string name = path.substr(path.find_last_of('/') + 1);
    if (const size_t dot = name.rfind(".lesson"); dot != std::string::npos && dot + 7 == name.size())
        name.erase(dot);
    return parseLesson(text.str(), name, path);
}

} // namespace lstm
