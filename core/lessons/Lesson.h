// A guided lesson as the lesson file describes it: a title, claims that tests prove, and
// short steps of text with action links and "predict, then run" questions. Plain data; the
// file format is docs/lessons.md, read by LessonParser; the window acts on the links
// (ui/lessons) and `lstm-lab-cli lessons check` runs the claims (ClaimCheck).
#pragma once

#include "lessons/LessonSetup.h"
#include "lessons/LiveCondition.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lstm {

// What a link does to the app, e.g. {"setup", {{"dataset", "remember-first"}, {"lag", "50"}}}.
struct LessonAction {
    std::string verb;
    std::map<std::string, std::string> arguments;
    int line = 0; // in the lesson file, for messages
};

// A run of text in one style; a link's text is its label and it names its action.
struct TextSpan {
    enum class Style { Plain, Bold, Italic, Code };
    std::string text;
    Style style = Style::Plain;
    int action = -1; // index into LessonStep::actions, or -1 for plain text
};
using Paragraph = std::vector<TextSpan>;

struct Choice {
    std::string text;
    std::optional<LiveCondition> condition; // right when it holds after the run; none: never right
};

// Asked before a run: the student picks a choice, runs, and the live values say who was right.
struct Question {
    std::string prompt;
    std::vector<Choice> choices;
    int line = 0;
    int position = 0; // how many of the step's paragraphs come before it
};

struct LessonStep {
    std::string title;
    std::vector<Paragraph> paragraphs;
    std::vector<LessonAction> actions; // every link of the step, in reading order
    std::optional<Question> question;
    int line = 0;
};

// What a claim expects of a model trained within its step budget.
struct ClaimExpectation {
    // The gradient ratio is ||dL/dh_0|| / ||dL/dh_{T-1}|| of the first layer in the last of
    // the claim's steps: how much of the error signal reaches the first timestep.
    enum class Kind { Solved, NotSolved, ScoreAtLeast, ScoreAtMost, LossAtMost, GradientRatioAtLeast, GradientRatioAtMost };
    Kind kind = Kind::Solved;
    double threshold = 0; // for the score, loss and gradient kinds
};

// "claim: dataset=remember-first lag=50 cell=rnn steps=3000 expect=not-solved": one model
// trained on a built-in data set with its recommended settings, changed where it says so.
struct Claim {
    std::string text; // the line as written, after "claim:"
    LessonSetup setup;
    ClaimExpectation expectation;
    int line = 0;
};

struct Lesson {
    std::string name;    // the file's base name, e.g. "why-rnns-forget"
    std::string title;
    std::string summary;
    std::vector<Claim> claims;
    std::vector<LessonStep> steps;
};

} // namespace lstm
