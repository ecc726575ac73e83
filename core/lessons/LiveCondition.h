// A test on the values the app shows live, e.g. "score@lstm >= 0.99" or "loss < 0.01": the
// answer key of a lesson's question. Parsed from the lesson file; evaluated by the window
// on its latest snapshot, which looks each value up. Not a general expression language.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace lstm {

struct LiveCondition {
    enum class Comparison { Less, LessOrEqual, Greater, GreaterOrEqual };

    std::string quantity; // one of liveQuantities()
    std::string model;    // a cell name in a comparison ("lstm"), or "" for the model in view
    Comparison comparison = Comparison::GreaterOrEqual;
    double threshold = 0;

    // `lookup` gives the value of a quantity for a model, or nothing when the app has none
    // (then the condition does not hold).
    bool holds(const std::function<std::optional<double>(const std::string& quantity, const std::string& model)>&
                   lookup) const;
    std::string text() const; // as written: "score@lstm >= 0.99"
};

// "score" (the task's score, 0 to 1), "loss" (validation), "train-loss", "step", and
// "overfit": the validation loss now over the lowest it has been (1 while it still falls).
const std::vector<std::string>& liveQuantities();

// Throws std::invalid_argument with a sentence naming what is wrong.
LiveCondition parseLiveCondition(const std::string& text);

} // namespace lstm
