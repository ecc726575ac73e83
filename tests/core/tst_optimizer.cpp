// The optimizers and gradient clipping against torch.optim and torch.nn.utils.clip_grad_norm_
// (tests/fixtures/torch/optimizers.json, made in double): SGD, SGD with momentum, RMSprop and
// Adam agree with PyTorch after each of four steps to 1e-12, clipping returns torch's total
// norm and scales like torch. Small hand-worked steps pin the update rules independently of
// the fixture; reset() really forgets the state, setLearningRate() acts on the next step, and
// Optimizer<float> follows the double results to float precision.
#include "TestSupport.h"

#include "training/Optimizer.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace lstm;
using nlohmann::json;

namespace {

constexpr double torchTolerance = 1e-12;
constexpr double floatTolerance = 1e-6;

const json& optimizerFixture()
{
    static const json fixture = testing::readJson(testing::fixturePath("torch/optimizers.json"));
    return fixture;
}

Eigen::VectorXd vectorFromJson(const json& value)
{
    return testing::matrixFromJson(value); // a flat array reads as an (n, 1) matrix
}

Eigen::VectorXd vec(std::initializer_list<double> values)
{
    Eigen::VectorXd out(Eigen::Index(values.size()));
    Eigen::Index i = 0;
    for (double v : values)
        out(i++) = v;
    return out;
}

// The engine's TrainConfig for one run of the fixture. torch.optim.SGD is plain SGD with
// momentum 0 and heavy-ball momentum otherwise; fields a run does not list keep their defaults.
TrainConfig configFromRun(const json& run)
{
    TrainConfig config;
    const std::string name = run["optimizer"].get<std::string>();
    if (name == "sgd")
        config.optimizer = run.value("momentum", 0.0) > 0 ? OptimizerKind::Momentum : OptimizerKind::Sgd;
    else if (name == "rmsprop")
        config.optimizer = OptimizerKind::RmsProp;
    else if (name == "adam")
        config.optimizer = OptimizerKind::Adam;
    else
        throw std::runtime_error("unknown optimizer in fixture: " + name);
    config.learningRate = run["lr"].get<double>();
    config.momentum = run.value("momentum", config.momentum);
    config.rmsAlpha = run.value("alpha", config.rmsAlpha);
    config.beta1 = run.value("beta1", config.beta1);
    config.beta2 = run.value("beta2", config.beta2);
    config.epsilon = run.value("eps", config.epsilon);
    return config;
}

TrainConfig makeConfig(OptimizerKind kind, double rate)
{
    TrainConfig config;
    config.optimizer = kind;
    config.learningRate = rate;
    return config;
}

// A step worked out by hand: start at params0, apply grads one after the other.
struct HandStep {
    TrainConfig config;
    Eigen::VectorXd params0;
    std::vector<Eigen::VectorXd> grads;
    Eigen::VectorXd expected;
    double tolerance = 0;
};

} // namespace

Q_DECLARE_METATYPE(HandStep)

class OptimizerTest : public QObject {
    Q_OBJECT
private slots:
    void matchesTorch_data();
    void matchesTorch();
    void floatMatchesDouble_data();
    void floatMatchesDouble();
    void clipMatchesTorch_data();
    void clipMatchesTorch();
    void clipByHand_data();
    void clipByHand();
    void handComputedSteps_data();
    void handComputedSteps();
    void adamFirstStepIsRateTimesSign();
    void resetForgetsState_data();
    void resetForgetsState();
    void learningRateChangeActsOnNextStep_data();
    void learningRateChangeActsOnNextStep();
};

void OptimizerTest::matchesTorch_data()
{
    QTest::addColumn<int>("run");
    const json& runs = optimizerFixture()["runs"];
    QVERIFY2(runs.size() == 4, "expected the sgd, sgd-momentum, rmsprop and adam runs in optimizers.json");
    for (size_t i = 0; i < runs.size(); ++i)
        QTest::newRow(runs[i]["name"].get<std::string>().c_str()) << int(i);
}

// Four steps with the fixture's four gradients; the parameters must match after every step.
void OptimizerTest::matchesTorch()
{
    QFETCH(int, run);
    const json& fixture = optimizerFixture();
    const json& description = fixture["runs"][size_t(run)];
    const json& grads = fixture["grads"];
    const json& after = description["after"];
    QCOMPARE(int(grads.size()), 4);
    QCOMPARE(int(after.size()), 4);

    Eigen::VectorXd params = vectorFromJson(fixture["params0"]);
    Optimizer<double> optimizer(configFromRun(description), params.size());
    for (int step = 0; step < 4; ++step) {
        optimizer.step(params, vectorFromJson(grads[size_t(step)]));
        QCOMPARE(optimizer.steps(), long(step + 1));
        const QString problem = testing::compareMatrices(params, vectorFromJson(after[size_t(step)]), torchTolerance);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("after step %1: ").arg(step + 1) + problem));
    }
}

void OptimizerTest::floatMatchesDouble_data()
{
    matchesTorch_data();
}

// The same four steps in float: Optimizer<float> is the same algorithm, so it stays within
// float rounding of torch's double trajectory.
void OptimizerTest::floatMatchesDouble()
{
    QFETCH(int, run);
    const json& fixture = optimizerFixture();
    const json& description = fixture["runs"][size_t(run)];
    Vector<float> params = vectorFromJson(fixture["params0"]).cast<float>();
    Optimizer<float> optimizer(configFromRun(description), params.size());
    for (int step = 0; step < 4; ++step) {
        const Vector<float> grads = vectorFromJson(fixture["grads"][size_t(step)]).cast<float>();
        optimizer.step(params, grads);
        const Eigen::VectorXd expected = vectorFromJson(description["after"][size_t(step)]);
        const QString problem = testing::compareMatrices(params.cast<double>(), expected, floatTolerance);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("after step %1: ").arg(step + 1) + problem));
    }
}

void OptimizerTest::clipMatchesTorch_data()
{
    QTest::addColumn<int>("example");
    const json& clip = optimizerFixture()["clip"];
    QVERIFY2(clip.size() == 2, "expected two clipping examples in optimizers.json");
    for (size_t i = 0; i < clip.size(); ++i) {
        const double maxNorm = clip[i]["max_norm"].get<double>();
        const double total = clip[i]["total_norm"].get<double>();
        const std::string name = total > maxNorm ? "norm above max_norm (scaled)" : "norm below max_norm (unchanged)";
        QTest::newRow(name.c_str()) << int(i);
    }
}

void OptimizerTest::clipMatchesTorch()
{
    QFETCH(int, example);
    const json& clip = optimizerFixture()["clip"][size_t(example)];
    Eigen::VectorXd grads = vectorFromJson(clip["grads"]);
    const double norm = clipGradientNorm<double>(grads, clip["max_norm"].get<double>());
    QVERIFY2(std::abs(norm - clip["total_norm"].get<double>()) <= torchTolerance,
             qPrintable(QStringLiteral("total norm %1, torch %2").arg(norm, 0, 'g', 17)
                            .arg(clip["total_norm"].get<double>(), 0, 'g', 17)));
    LSTM_COMPARE_MATRICES(grads, vectorFromJson(clip["clipped"]), torchTolerance);

    // Float follows the same rule.
    Vector<float> grads32 = vectorFromJson(clip["grads"]).cast<float>();
    const float norm32 = clipGradientNorm<float>(grads32, clip["max_norm"].get<float>());
    QVERIFY(std::abs(double(norm32) - clip["total_norm"].get<double>()) <= floatTolerance * 4);
    LSTM_COMPARE_MATRICES(grads32.cast<double>(), vectorFromJson(clip["clipped"]), floatTolerance);
}

// grads (3, 4) have norm 5. torch scales by max_norm / (norm + 1e-6) only when that is below 1.
void OptimizerTest::clipByHand_data()
{
    QTest::addColumn<Eigen::VectorXd>("grads");
    QTest::addColumn<double>("maxNorm");
    QTest::addColumn<double>("expectedNorm");
    QTest::addColumn<Eigen::VectorXd>("expected");

    // 1 / (5 + 1e-6) = 0.19999996000000800..., so (3, 4) becomes (0.599999880..., 0.799999840...).
    const double scale = 1.0 / (5.0 + 1e-6);
    QTest::newRow("norm 5 clipped to 1") << vec({3, 4}) << 1.0 << 5.0 << vec({3 * scale, 4 * scale});
    QTest::newRow("norm 5 clipped to 2.5 (halved)") << vec({3, -4}) << 2.5 << 5.0
                                                   << vec({3 * 2.5 / (5 + 1e-6), -4 * 2.5 / (5 + 1e-6)});
    // max_norm 5: the scale 5 / (5 + 1e-6) is just below 1, so torch still scales (by 0.9999998).
    QTest::newRow("norm exactly max_norm is scaled by 5/(5+1e-6)") << vec({3, 4}) << 5.0 << 5.0
                                                                 << vec({3 * 5 / (5 + 1e-6), 4 * 5 / (5 + 1e-6)});
    QTest::newRow("norm below max_norm unchanged") << vec({3, 4}) << 6.0 << 5.0 << vec({3, 4});
    QTest::newRow("max_norm 0 means off") << vec({30, 40}) << 0.0 << 50.0 << vec({30, 40});
    QTest::newRow("negative max_norm means off") << vec({30, 40}) << -1.0 << 50.0 << vec({30, 40});
    // A zero gradient: the scale 1 / 1e-6 is above 1, so nothing changes and nothing divides by zero.
    QTest::newRow("zero gradient") << vec({0, 0, 0}) << 1.0 << 0.0 << vec({0, 0, 0});
}

void OptimizerTest::clipByHand()
{
    QFETCH(Eigen::VectorXd, grads);
    QFETCH(double, maxNorm);
    QFETCH(double, expectedNorm);
    QFETCH(Eigen::VectorXd, expected);
    const double norm = clipGradientNorm<double>(grads, maxNorm);
    QVERIFY2(std::abs(norm - expectedNorm) <= 1e-15 * std::max(1.0, expectedNorm),
             qPrintable(QStringLiteral("returned norm %1, expected %2").arg(norm, 0, 'g', 17).arg(expectedNorm)));
    LSTM_COMPARE_MATRICES(grads, expected, 1e-15);
    QVERIFY(grads.allFinite());
}

// Each row is worked out by hand below; the engine must agree to rounding.
void OptimizerTest::handComputedSteps_data()
{
    QTest::addColumn<HandStep>("hand");

    // SGD, lr 0.1: p - lr * g = (1 - 0.1*0.5, -2 - 0.1*0.25, 0.5 - 0.1*(-3)) = (0.95, -2.025, 0.8).
    QTest::newRow("sgd one step")
        << HandStep{makeConfig(OptimizerKind::Sgd, 0.1), vec({1, -2, 0.5}), {vec({0.5, 0.25, -3})},
                    vec({0.95, -2.025, 0.8}), 1e-15};

    // Adam, first step, lr 0.01, betas (0.9, 0.999), eps 1e-8, p = 0:
    //   m = 0.1 g, v = 0.001 g^2, m_hat = m / (1 - 0.9) = g, v_hat = v / (1 - 0.999) = g^2,
    //   p -= lr * m_hat / (sqrt(v_hat) + eps) = lr * g / (|g| + eps) = lr * sign(g) * |g| / (|g| + eps).
    //   g = 0.5  -> -0.01 * 0.5 / 0.50000001 = -0.0099999998000000040
    //   g = -4   -> +0.01 * 4 / 4.00000001   = +0.0099999999750000001
    //   g = 2e-3 -> -0.01 * 2e-3 / 0.00200001 = -0.0099999500002499988 (eps shows here)
    //   g = 0    -> 0 / (0 + eps) = 0: a zero gradient does not move the parameter.
    // So the first Adam step is lr * sign(g) up to eps / |g|.
    QTest::newRow("adam first step is lr*sign(g)")
        << HandStep{makeConfig(OptimizerKind::Adam, 0.01), vec({0, 0, 0, 0}), {vec({0.5, -4, 2e-3, 0})},
                    vec({-0.0099999998000000040, 0.0099999999750000001, -0.0099999500002499988, 0}), 1e-15};

    // SGD with momentum 0.9, lr 0.1, p = 0. Step 1 copies g1 into the buffer (torch does not
    // damp it): buf = (1, -2), p = (-0.1, 0.2). Step 2: buf = 0.9 * (1, -2) + (0.5, 0.5) =
    // (1.4, -1.3), p = (-0.1 - 0.14, 0.2 + 0.13) = (-0.24, 0.33).
    QTest::newRow("momentum second step")
        << HandStep{makeConfig(OptimizerKind::Momentum, 0.1), vec({0, 0}), {vec({1, -2}), vec({0.5, 0.5})},
                    vec({-0.24, 0.33}), 1e-15};

    // RMSprop, first step, lr 0.01, alpha 0.99, eps 1e-8, p = 0: v = 0.01 g^2, sqrt(v) = 0.1 |g|,
    // p -= lr * g / (0.1 |g| + eps). For g = 2: 0.01 * 2 / 0.20000001 = 0.099999995000000250,
    // for g = -0.5: 0.01 * 0.5 / 0.05000001 = 0.099999980000004000: about 10 * lr * sign(g).
    QTest::newRow("rmsprop first step is about 10*lr*sign(g)")
        << HandStep{makeConfig(OptimizerKind::RmsProp, 0.01), vec({0, 0}), {vec({2, -0.5})},
                    vec({-0.099999995000000250, 0.099999980000004000}), 1e-15};

    // Adam, two steps of the same gradient g = 1, lr 0.1, p = 0. Step 1 moves by lr * 1/(1 + eps).
    // Step 2: m = 0.9*0.1 + 0.1 = 0.19, v = 0.999*0.001 + 0.001 = 0.001999, m_hat = 0.19/0.19 = 1,
    // v_hat = 0.001999/0.001999 = 1: another lr / (1 + eps). p = -0.2 / (1 + 1e-8).
    QTest::newRow("adam constant gradient moves lr per step")
        << HandStep{makeConfig(OptimizerKind::Adam, 0.1), vec({0}), {vec({1}), vec({1})},
                    vec({-0.2 / (1 + 1e-8)}), 1e-15};
}

void OptimizerTest::handComputedSteps()
{
    QFETCH(HandStep, hand);
    Eigen::VectorXd params = hand.params0;
    Optimizer<double> optimizer(hand.config, params.size());
    for (const Eigen::VectorXd& grads : hand.grads)
        optimizer.step(params, grads);
    QCOMPARE(optimizer.steps(), long(hand.grads.size()));
    LSTM_COMPARE_MATRICES(params, hand.expected, hand.tolerance);
}

// The row above, as a property over many gradients: the first Adam update of each element is
// lr * sign(g) * |g| / (|g| + eps), so it differs from lr * sign(g) by at most lr * eps / |g|,
// whatever the gradient's scale.
void OptimizerTest::adamFirstStepIsRateTimesSign()
{
    Eigen::VectorXd grads(12);
    grads << 1e-3, -1e-3, 0.05, -0.7, 1, -1, 3.5, -12, 250, -4e3, 1e6, -2.5e-2;
    Eigen::VectorXd params = Eigen::VectorXd::LinSpaced(grads.size(), -1, 1);
    const Eigen::VectorXd before = params;
    TrainConfig config = makeConfig(OptimizerKind::Adam, 0.003);
    Optimizer<double> optimizer(config, params.size());
    optimizer.step(params, grads);
    for (Eigen::Index i = 0; i < grads.size(); ++i) {
        const double update = before(i) - params(i);
        const double expected = grads(i) > 0 ? 0.003 : -0.003;
        const double bound = 0.003 * config.epsilon / std::abs(grads(i)) + 1e-15; // + rounding of params near 1
        QVERIFY2(std::abs(update - expected) <= bound,
                 qPrintable(QStringLiteral("g = %1: update %2, expected %3 within %4")
                                .arg(grads(i)).arg(update, 0, 'g', 17).arg(expected).arg(bound, 0, 'g', 3)));
    }
}

void OptimizerTest::resetForgetsState_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("adam") << int(OptimizerKind::Adam);
    QTest::newRow("momentum") << int(OptimizerKind::Momentum);
    QTest::newRow("rmsprop") << int(OptimizerKind::RmsProp);
}

// After two steps and reset(), the next step equals a brand-new optimizer's first step from
// the same parameters, bit for bit; without the reset it would differ.
void OptimizerTest::resetForgetsState()
{
    QFETCH(int, kind);
    const TrainConfig config = makeConfig(OptimizerKind(kind), 0.05);
    const Eigen::VectorXd g1 = vec({0.3, -1.2, 0.7});
    const Eigen::VectorXd g2 = vec({-0.8, 0.4, 0.9});
    const Eigen::VectorXd g3 = vec({0.6, 0.25, -1.5});

    Eigen::VectorXd used = vec({0.1, 0.2, -0.3});
    Optimizer<double> optimizer(config, used.size());
    optimizer.step(used, g1);
    optimizer.step(used, g2);
    const Eigen::VectorXd start = used;

    Eigen::VectorXd withoutReset = start;
    Optimizer<double> continued = optimizer; // same state, not reset
    continued.step(withoutReset, g3);

    optimizer.reset();
    QCOMPARE(optimizer.steps(), 0L);
    Eigen::VectorXd afterReset = start;
    optimizer.step(afterReset, g3);
    QCOMPARE(optimizer.steps(), 1L);

    Eigen::VectorXd fresh = start;
    Optimizer<double> brandNew(config, fresh.size());
    brandNew.step(fresh, g3);

    QVERIFY2(afterReset == fresh, qPrintable(testing::compareMatrices(afterReset, fresh, 0)));
    // The comparison above means something: the state would have changed this step.
    QVERIFY(testing::compareMatrices(withoutReset, fresh, 1e-6).size() > 0);
}

void OptimizerTest::learningRateChangeActsOnNextStep_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("sgd") << int(OptimizerKind::Sgd);
    QTest::newRow("momentum") << int(OptimizerKind::Momentum);
    QTest::newRow("rmsprop") << int(OptimizerKind::RmsProp);
    QTest::newRow("adam") << int(OptimizerKind::Adam);
}

// Every update is proportional to the learning rate and the state does not depend on it, so
// two optimizers that differ only in the rate given to the second step take the same first
// step and second steps in the ratio of the rates.
void OptimizerTest::learningRateChangeActsOnNextStep()
{
    QFETCH(int, kind);
    const Eigen::VectorXd g1 = vec({0.3, -1.2});
    const Eigen::VectorXd g2 = vec({-0.8, 0.4});

    Eigen::VectorXd changed = vec({1, 1});
    Optimizer<double> a(makeConfig(OptimizerKind(kind), 0.01), 2);
    Eigen::VectorXd kept = changed;
    Optimizer<double> b(makeConfig(OptimizerKind(kind), 0.01), 2);

    a.step(changed, g1);
    b.step(kept, g1);
    QVERIFY(changed == kept);
    const Eigen::VectorXd afterFirst = changed;

    a.setLearningRate(0.05);
    a.step(changed, g2);
    b.step(kept, g2);
    const Eigen::VectorXd deltaChanged = changed - afterFirst;
    const Eigen::VectorXd deltaKept = kept - afterFirst;
    QVERIFY(deltaKept.norm() > 1e-4);
    LSTM_COMPARE_MATRICES(deltaChanged, Eigen::VectorXd(5 * deltaKept), 1e-15);

    // For plain SGD the second step is exactly -0.05 * g2.
    if (OptimizerKind(kind) == OptimizerKind::Sgd)
        LSTM_COMPARE_MATRICES(deltaChanged, Eigen::VectorXd(-0.05 * g2), 1e-16);
}

QTEST_GUILESS_MAIN(OptimizerTest)
#include "tst_optimizer.moc"
