#include "lessons/ClaimCheck.h"

#include "data/Generators.h"
#include "lessons/LessonSetup.h"
#include "training/TrainingRun.h"

#include <limits>
#include <sstream>

namespace lstm {

namespace {

using Kind = ClaimExpectation::Kind;

std::string figures(const std::string& name, double best, long bestStep, long steps)
{
    std::ostringstream text;
    text << "best " << name << " " << best << " at step " << bestStep << " of " << steps;
    return text.str();
}

// Trains every step of the budget and records the last one: the share of the error signal
// that reaches the first timestep.
ClaimResult gradientClaim(const Recommendation& settings, const Dataset& data, const ClaimExpectation& expected)
{
    StopConditions stop = settings.stop;
    stop.untilSolved = false;
    TrainingRun<double> run(data, modelFor(data.shape(), settings.model), settings.train, stop);
    run.advance(stop.maxSteps - 1);
    run.trainer().setRecording(true);
    run.advance(1);
    if (run.reason() == StopReason::Diverged)
        return {false, "diverged at step " + std::to_string(run.steps() + 1)};
    const Eigen::VectorXd& norms = run.trainer().trace().layers.front().dHiddenNorm;
    const double ratio = norms(norms.size() - 1) > 0 ? norms(0) / norms(norms.size() - 1) : 0;
    std::ostringstream text;
    text << "||dL/dh_0|| / ||dL/dh_" << norms.size() - 1 << "|| = " << ratio << " at step " << run.steps();
    const bool passed = expected.kind == Kind::GradientRatioAtLeast ? ratio >= expected.threshold
                                                                     : ratio <= expected.threshold;
    return {passed, text.str()};
}

} // namespace

ClaimResult checkClaim(const Claim& claim)
{
    const Recommendation settings = settingsFor(claim.setup);
    const std::unique_ptr<Dataset> data = makeGenerator(claim.setup.dataset, claim.setup.parameters, settings.train.seed);
    const ClaimExpectation& expected = claim.expectation;
    if (expected.kind == Kind::GradientRatioAtLeast || expected.kind == Kind::GradientRatioAtMost)
        return gradientClaim(settings, *data, expected);
    const bool byLoss = expected.kind == Kind::LossAtMost;
    StopConditions stop = settings.stop;
    stop.untilSolved = !byLoss; // solving answers every question about the score
    TrainingRun<float> run(*data, modelFor(data->shape(), settings.model), settings.train, stop);
    double bestScore = -std::numeric_limits<double>::infinity();
    double bestLoss = std::numeric_limits<double>::infinity();
    long bestStep = 0;
    std::string scoreName = "validation loss";
    while (!run.stopped()) {
        run.advance(settings.evalEvery - run.steps() % settings.evalEvery);
        if (run.reason() == StopReason::Diverged)
            return {false, "diverged at step " + std::to_string(run.steps() + 1)};
        const Evaluation& evaluation = run.evaluate();
        if (byLoss) {
            if (evaluation.validationLoss < bestLoss) {
                bestLoss = evaluation.validationLoss;
                bestStep = evaluation.step;
            }
            if (bestLoss <= expected.threshold)
                break;
            continue;
        }
        if (!evaluation.score)
            return {false, claim.setup.dataset + " has no task score to judge by"};
        scoreName = evaluation.score->name;
        if (evaluation.score->value > bestScore) {
            bestScore = evaluation.score->value;
            bestStep = evaluation.step;
        }
        if (expected.kind == Kind::ScoreAtLeast && bestScore >= expected.threshold)
            break;
    }
    const std::optional<long> solved = run.solvedAt();
    const std::string bestText = figures(scoreName, byLoss ? bestLoss : bestScore, bestStep, run.steps());
    switch (expected.kind) {
    case Kind::Solved:
        return {solved.has_value(), solved ? "solved at step " + std::to_string(*solved) : "not solved; " + bestText};
    case Kind::NotSolved:
        return {!solved, solved ? "solved at step " + std::to_string(*solved) : "not solved; " + bestText};
    case Kind::ScoreAtLeast:
        return {bestScore >= expected.threshold, bestText};
    case Kind::ScoreAtMost:
        return {bestScore <= expected.threshold, bestText};
    case Kind::LossAtMost:
        return {bestLoss <= expected.threshold, bestText};
    case Kind::GradientRatioAtLeast:
    case Kind::GradientRatioAtMost:
        break; // gradientClaim
    }
    return {};
}

} // namespace lstm
