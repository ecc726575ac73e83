#include "worker/TrainingWorker.h"

#include "nn/Inference.h"
#include "io/ModelFile.h"
#include "session/SessionDataset.h"
#include "worker/StopMessage.h"

#include <QScopeGuard>

#include <cmath>

namespace {
constexpr int publishIntervalMs = 33;     // about 30 snapshots a second at most
constexpr int evaluationIntervalMs = 150; // validation loss at least this often
constexpr int predictionIntervalMs = 100; // predictions and free run at most this often while running
constexpr int sliceMs = 8;                // training time before commands get a turn
constexpr long fixedStepEvery = 25;       // reproducible mode: evaluate, record and publish this often
// Evaluating runs the whole validation set forward. On a large set (a book of text) that
// costs several training steps, so it waits at least this many times its own last cost:
// it then takes at most about a ninth of the worker's time.
constexpr qint64 evaluationCostRatio = 8;
constexpr int historyBuckets = 600;      // up to 1200 points: about one per pixel column
// Up to 500 points per tensor group: that chart has up to six lines in half the width, and
// Qt Charts re-strokes each line's hover outline whenever its points change.
constexpr int parameterBuckets = 250;
} // namespace

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &TrainingWorker::runSlice);
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::rebuild(const SessionSettings& settings)
{
    try {
        auto data = makeSessionDataset(settings);
        auto trainer = std::make_unique<lstm::Trainer<float>>(lstm::modelFor(data->shape(), settings.model), settings.train);
        trainer->setTensorStatistics(true); // the per-tensor chart shows every step
        m_data = std::move(data);
        m_trainer = std::move(trainer);
    } catch (const std::exception& error) {
        emit rebuildFailed(QString::fromUtf8(error.what()));
        return;
    }
    m_settings = settings;
    startFresh();
}

void TrainingWorker::setStopConditions(const lstm::StopConditions& stop)
{
    m_settings.stop = stop;
    m_stopRule.setConditions(stop);
}

// A stop rule's verdict: pause and say why; early stopping brings back the best weights.
void TrainingWorker::stopByRule(lstm::StopReason reason)
{
    m_running = false;
    m_tick.stop();
    m_message = stopMessage(reason, m_trainer->steps(), m_stopRule, m_score);
    if (reason == lstm::StopReason::NoImprovement) {
        m_trainer->setParameters(m_stopRule.bestWeights());
        m_stopRule.restartEarlyStopping(); // Play goes on with a fresh count
        evaluate();
    }
}

// After each step while running: the step limit, and for a validation not yet judged, the
// task's criterion and early stopping.
void TrainingWorker::applyStopRules()
{
    if (!m_running)
        return;
    if (m_stopRule.limitReached(m_trainer->steps())) {
        stopByRule(lstm::StopReason::StepLimit);
        return;
    }
    if (m_lastEvaluatedStep == m_judgedStep)
        return;
    m_judgedStep = m_lastEvaluatedStep;
    const lstm::StopReason verdict = m_stopRule.afterEvaluation(m_lastEvaluatedStep, m_validationLoss, m_score, m_lastGood);
    if (verdict != lstm::StopReason::None)
        stopByRule(verdict);
}

// The training loss shown: the mean of the steps since it was last taken.
void TrainingWorker::takeTrainLoss()
{
    if (m_lossCount > 0)
        m_trainLoss = m_lossSum / m_lossCount;
    m_lossSum = 0;
    m_lossCount = 0;
}

bool TrainingWorker::fixedStepDue(long steps) const
{
    return steps % fixedStepEvery == 0 || m_stopRule.limitReached(steps);
}

void TrainingWorker::startFresh()
{
    m_sampler = lstm::Random(m_settings.train.seed + 1);
    m_stopRule.setConditions(m_settings.stop);
    m_judgedStep = -1;
    m_running = false;
    m_diverged = false;
    m_message.clear();
    m_trainHistory.clear();
    m_validationHistory.clear();
    m_scoreHistory.clear();
    m_parameterHistory.clear();
    takeTrainLoss(); // forgets the old model's losses
    m_trainLoss = qQNaN();
    m_sequencesDrawn = 0;
    m_trace.reset();
    m_lastGoodStep = -1; // never restore weights of a model that is gone
    m_lastEvaluatedStep = 0;
    m_tick.stop();
    m_textSamples.reset(m_settings.sampling, m_settings.train.seed, m_settings.source == DataSource::Text);
    m_textSamples.update(m_trainer->network(), m_trainer->steps()); // what the untrained model writes
    evaluate();
    publish();
}

void TrainingWorker::play()
{
    if (!m_trainer || m_running)
        return;
    if (m_stopRule.limitReached(m_trainer->steps())) {
        stopByRule(lstm::StopReason::StepLimit); // says why nothing happens
        publish();
        return;
    }
    m_running = true;
    m_diverged = false;
    m_message.clear();
    m_rateClock.start();
    m_rateSteps = 0;
    schedule();
    publish();
}

void TrainingWorker::pause()
{
    if (!m_trainer)
        return;
    m_running = false;
    m_tick.stop();
    evaluate();
    publish();
}

void TrainingWorker::stepOnce()
{
    if (!m_trainer)
        return;
    m_running = false;
    m_tick.stop();
    m_recordNext = true; // a single step is always inspected
    trainOneStep();
    m_textSamples.update(m_trainer->network(), m_trainer->steps());
    evaluate();
    publish();
}

void TrainingWorker::setStepsPerSecond(double stepsPerSecond)
{
    m_stepsPerSecond = std::max(0.0, stepsPerSecond);
    if (m_running)
        schedule();
}

void TrainingWorker::setLearningRate(double rate)
{
    m_settings.train.learningRate = rate;
    if (m_trainer)
        m_trainer->setLearningRate(rate);
}

void TrainingWorker::setClipNorm(double norm)
{
    m_settings.train.clipNorm = norm;
    if (m_trainer)
        m_trainer->setClipNorm(norm);
}

void TrainingWorker::setTextSampling(const TextSampling& sampling)
{
    m_settings.sampling = sampling;
    m_textSamples.setSampling(sampling);
    if (m_trainer && m_textSamples.update(m_trainer->network(), m_trainer->steps()))
        publish();
}

void TrainingWorker::restoreLastGood()
{
    if (!m_trainer || m_lastGoodStep < 0)
        return;
    m_trainer->setParameters(m_lastGood);
    m_diverged = false;
    m_message = tr("Restored the weights of step %1.").arg(m_lastGoodStep);
    evaluate();
    publish();
}

// Through the engine's temp-and-rename save, so a failed save leaves the old file intact.
void TrainingWorker::saveModel(const QString& path)
{
    if (!m_trainer)
        return;
    try {
        lstm::saveModel(path.toStdString(), lstm::modelFromNetwork(m_trainer->network()));
        emit modelSaved(path, QString());
    } catch (const std::exception& error) {
        emit modelSaved(path, QString::fromUtf8(error.what()));
    }
}

void TrainingWorker::loadModel(const QString& path)
{
    if (!m_data)
        return;
    try {
        const lstm::Model model = lstm::loadModel(path.toStdString());
        if (const std::string problem = lstm::modelMismatch(model.config, m_data->shape()); !problem.empty()) {
            emit modelLoaded(path, tr("This model does not fit the current data: %1.").arg(QString::fromStdString(problem)));
            return;
        }
        auto trainer = std::make_unique<lstm::Trainer<float>>(model.config, m_settings.train);
        trainer->setParameters(model.parameters.values().cast<float>());
        trainer->setTensorStatistics(true);
        m_trainer = std::move(trainer);
    } catch (const std::exception& error) {
        emit modelLoaded(path, QString::fromUtf8(error.what()));
        return;
    }
    startFresh();
    emit modelLoaded(path, QString());
}

void TrainingWorker::schedule()
{
    m_tick.start(m_stepsPerSecond > 0 ? int(std::lround(1000.0 / m_stepsPerSecond)) : 0);
}

bool TrainingWorker::trainOneStep()
{
    if (m_reproducible)
        m_recordNext = fixedStepDue(m_trainer->steps() + 1);
    m_trainer->setRecording(m_recordNext);
    const lstm::StepResult result =
        m_trainer->step([this](lstm::SequenceBatch<double>& out) {
            m_data->sampleTrainBatch(m_sampler, m_settings.train.batchSize, out);
            m_sequencesDrawn += m_settings.train.batchSize;
        });
    if (m_recordNext) {
        m_trace = std::make_shared<const lstm::StepTrace>(m_trainer->trace());
        m_recordNext = false;
    }
    if (result.diverged) {
        m_running = false;
        m_diverged = true;
        m_message = tr("Training diverged at step %1: the loss became %2. The learning rate (%3) is probably "
                       "too high for this model. Lower it, or restore the last good weights.")
                        .arg(result.step + 1)
                        .arg(std::isnan(result.loss) ? QStringLiteral("NaN") : QStringLiteral("infinite"))
                        .arg(m_settings.train.learningRate);
        return false;
    }
    m_trainHistory.append(double(result.step), result.loss);
    m_parameterHistory.add(double(result.step), m_trainer->tensorStatistics());
    m_lossSum += result.loss;
    ++m_lossCount;
    ++m_rateSteps;
    return true;
}

void TrainingWorker::runSlice()
{
    if (!m_running)
        return;
    QElapsedTimer slice;
    slice.start();
    const bool flatOut = m_stepsPerSecond <= 0;
    bool published = false; // the last step's snapshot is out already
    do {
        published = false;
        if (!trainOneStep())
            break;
        m_textSamples.update(m_trainer->network(), m_trainer->steps());
        if (m_reproducible && fixedStepDue(m_trainer->steps())) {
            // The same evaluations and snapshots at the same steps, every run.
            takeTrainLoss();
            evaluate();
            applyStopRules();
            publish();
            published = true;
            continue;
        }
        if (!m_reproducible && validationDue())
            evaluateLoss();
        applyStopRules();
    } while (m_running && flatOut && slice.elapsed() < sliceMs);

    if (!published && (!m_running || (!m_reproducible && m_sincePublish.elapsed() >= publishIntervalMs))) {
        // Predictions and the free run cost a pass over the validation data; ten a second
        // keep the curves moving, and the snapshots between share the last ones.
        if (!m_reproducible &&
            (!m_running || !m_sincePredictions.isValid() ||
             m_sincePredictions.elapsed() >= std::max<qint64>(predictionIntervalMs, evaluationCostRatio * m_predictionCostMs))) {
            evaluate();
            applyStopRules();
        }
        publish();
    }
    if (m_running)
        schedule();
}

// Validation loss at least every few steps early on (every 10, then every 5% of the steps
// so far), so the curve has its shape however fast training runs, and every 150 ms anyway;
// but never so often that evaluating slows training by more than about a ninth.
bool TrainingWorker::validationDue() const
{
    const long sinceLast = m_trainer->steps() - m_lastEvaluatedStep;
    const qint64 sinceEvaluation = m_sinceEvaluation.elapsed();
    const bool wanted = sinceLast >= std::max(10L, m_trainer->steps() / 20) || sinceEvaluation >= evaluationIntervalMs;
    return wanted && sinceEvaluation >= evaluationCostRatio * m_evaluationCostMs;
}

void TrainingWorker::evaluateLoss(Eigen::MatrixXd* outputs)
{
    m_sinceEvaluation.start();
    const auto measured = qScopeGuard([this] { m_evaluationCostMs = m_sinceEvaluation.elapsed(); });
    m_lastEvaluatedStep = m_trainer->steps();
    m_validationLoss = m_trainer->evaluate(m_data->validationSet(), outputs);
    if (!std::isfinite(m_validationLoss))
        return;
    m_validationHistory.append(double(m_trainer->steps()), m_validationLoss);
    if (!m_diverged) { // the weights that just diverged are not the ones to come back to
        m_lastGood = m_trainer->network().parameters().values();
        m_lastGoodStep = m_trainer->steps();
    }

}

void TrainingWorker::evaluate()
{
    m_sincePredictions.start();
    const auto measured = qScopeGuard([this] { m_predictionCostMs = m_sincePredictions.elapsed(); });
    Eigen::MatrixXd outputs;
    evaluateLoss(&outputs); // the loss and the outputs from one pass over the validation set
    const lstm::SequenceBatch<double>& validation = m_data->validationSet();
    m_score = m_data->score(validation, outputs);
    if (m_score)
        m_scoreHistory.append(double(m_trainer->steps()), m_score->value);

    m_curves = PredictionCurves::of(*m_data, m_trainer->network(), outputs);
}

void TrainingWorker::publish()
{
    m_sincePublish.start();
    m_recordNext = true; // the next snapshot carries a trace at most one publish interval old
    if (!m_reproducible)
        takeTrainLoss();
    if (m_running && m_rateClock.elapsed() > 250) {
        m_stepsPerSecondMeasured = 1000.0 * double(m_rateSteps) / double(m_rateClock.elapsed());
        m_rateClock.start();
        m_rateSteps = 0;
    }
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->step = m_trainer->steps();
    snapshot->running = m_running;
    snapshot->diverged = m_diverged;
    snapshot->message = m_message;
    snapshot->stepsPerSecond = m_running ? m_stepsPerSecondMeasured : 0;
    if (const long timesteps = m_data->trainingTimesteps(); timesteps > 0)
        snapshot->epoch = double(m_sequencesDrawn) * m_data->sequenceLength() / double(timesteps);
    snapshot->trainLoss = m_trainLoss;
    snapshot->validationLoss = m_validationLoss;
    snapshot->lastGoodStep = m_lastGoodStep;
    snapshot->trainLossHistory = m_trainHistory.decimated(historyBuckets);
    snapshot->validationLossHistory = m_validationHistory.decimated(historyBuckets);
    snapshot->regression = m_trainer->network().config().output == lstm::OutputKind::Regression;
    snapshot->targets = m_curves.targets;
    snapshot->predictions = m_curves.predictions;
    snapshot->freeRun = m_curves.freeRun;
    snapshot->score = m_score;
    snapshot->scoreHistory = m_scoreHistory.decimated(historyBuckets);
    snapshot->model = m_trainer->network().config();
    snapshot->trace = m_trace;
    snapshot->parameterCurves = std::make_shared<const ParameterCurves>(m_parameterHistory.curves(parameterBuckets));
    snapshot->textSample = m_textSamples.latest();
    snapshot->session = m_settings;
    emit snapshotReady(std::move(snapshot));
}
