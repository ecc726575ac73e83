#include "lessons/LessonActions.h"

#include "lessons/LessonSetup.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace lstm {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

void onlyKeys(const LessonAction& action, const std::vector<std::string>& allowed)
{
    std::string takes;
    for (const std::string& key : allowed)
        takes += (takes.empty() ? "" : ", ") + key + "=";
    for (const auto& [key, value] : action.arguments)
        if (!contains(allowed, key))
            throw std::invalid_argument(action.verb + " does not take \"" + key + "\"" +
                                        (takes.empty() ? std::string(": it takes nothing") : ": it takes " + takes));
}

void needKey(const LessonAction& action, const std::string& key)
{
    if (!action.arguments.count(key))
        throw std::invalid_argument(action.verb + " needs " + key + "=");
}

void wholeNumber(const LessonAction& action, const std::string& key, long low)
{
    const auto found = action.arguments.find(key);
    if (found == action.arguments.end())
        return;
    const std::string& text = found->second;
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < low)
        throw std::invalid_argument(action.verb + ": " + key + " takes a whole number from " + std::to_string(low) +
                                    ", not \"" + text + "\"");
}

void oneOf(const LessonAction& action, const std::string& key, const std::vector<std::string>& values)
{
    const auto found = action.arguments.find(key);
    if (found != action.arguments.end() && !contains(values, found->second))
        throw std::invalid_argument(action.verb + ": \"" + found->second + "\" is not one of the " + key + " values");
}

} // namespace

const std::vector<std::string>& lessonVerbs()
{
    static const std::vector<std::string> verbs{"setup", "compare", "play", "pause", "step", "reset",
                                                "speed", "trace",   "unit", "page"};
    return verbs;
}

const std::vector<std::string>& lessonPages()
{
    static const std::vector<std::string> pages{"training", "cell", "heatmaps", "gradients", "text", "compare"};
    return pages;
}

void checkLessonAction(const LessonAction& action)
{
    const std::string& verb = action.verb;
    if (!contains(lessonVerbs(), verb))
        throw std::invalid_argument("\"" + verb + "\" is not an action (setup, compare, play, pause, step, reset, "
                                    "speed, trace, unit or page)");
    if (verb == "setup" || verb == "compare") {
        const LessonSetup setup = readLessonSetup(action.arguments);
        if (verb == "compare" && setup.cells.empty())
            throw std::invalid_argument("compare needs cells=, e.g. cells=rnn,lstm");
        if (verb == "setup" && !setup.cells.empty())
            throw std::invalid_argument("setup takes one model: use cell=, or compare for cells=");
    } else if (verb == "play") {
        onlyKeys(action, {"until"});
        wholeNumber(action, "until", 1);
    } else if (verb == "speed") {
        onlyKeys(action, {"value"});
        needKey(action, "value");
        if (action.arguments.at("value") != "max")
            wholeNumber(action, "value", 1);
    } else if (verb == "trace") {
        onlyKeys(action, {"t", "phase"});
        needKey(action, "t");
        wholeNumber(action, "t", 0);
        oneOf(action, "phase", {"forward", "backward"});
    } else if (verb == "unit") {
        onlyKeys(action, {"u", "layer"});
        needKey(action, "u");
        wholeNumber(action, "u", 0);
        wholeNumber(action, "layer", 0);
    } else if (verb == "page") {
        onlyKeys(action, {"name"});
        needKey(action, "name");
        oneOf(action, "name", lessonPages());
    } else {
        onlyKeys(action, {}); // pause, step, reset
    }
}

} // namespace lstm
