#include "compare/ComparisonWorker.h"

#include "inspector/UiNames.h"
#include "session/SessionDataset.h"
#include "worker/PredictionCurves.h"

#include "training/Recommended.h"

#include <QThread>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 publishIntervalMs = 33; // at most ~30 snapshots a second
constexpr qint64 sliceMs = 20;           // flat out: the longest a command waits

// How often the models are validated: as the data set recommends, a series as its
// early stopping counts, a text every 100 steps (its validation is long).
int evaluationInterval(const SessionSettings& session)
{
    switch (session.source) {
    case DataSource::Generator:
        return lstm::recommendedSettings(session.dataset.toStdString()).evalEvery;
    case DataSource::Csv:
        return lstm::recommendedForSeries().evalEvery;
    case DataSource::Text:
        break;
    }
    return 100;
}

long furthest(const lstm::Comparison<float>& comparison)
{
    long step = 0;
    for (int k = 0; k < comparison.size(); ++k)
        step = std::max(step, comparison.run(k).steps());
    return step;
}

} // namespace

ComparisonWorker::ComparisonWorker(QObject* parent) : QObject(parent)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &ComparisonWorker::runSlice);
}

ComparisonWorker::~ComparisonWorker() = default;

void ComparisonWorker::start(const SessionSettings& session, const std::vector<lstm::ModelChoices>& models)
{
    m_tick.stop();
    m_running = false;
    try {
        m_data = makeSessionDataset(session);
    } catch (const std::exception& error) {
        emit failed(QString::fromUtf8(error.what()));
        return;
    }
    std::vector<lstm::ModelConfig> configs;
    m_state = std::make_shared<ComparisonSnapshot>();
    for (const lstm::ModelChoices& choices : models) {
        configs.push_back(lstm::modelFor(m_data->shape(), choices));
        ComparedModel compared;
        compared.model = configs.back();
        compared.label = tr("%1, %2 units").arg(cellShortTitle(choices.cell)).arg(choices.hiddenSize);
        m_state->models.push_back(compared);
    }
    m_comparison = std::make_unique<lstm::Comparison<float>>(*m_data, configs, session.train, session.stop,
                                                             QThread::idealThreadCount());
    m_evalEvery = evaluationInterval(session);
    for (int k = 0; k < m_comparison->size(); ++k)
        m_comparison->run(k).evaluate(); // where every model starts
    evaluate();
    publish();
}

void ComparisonWorker::play()
{
    if (!m_comparison || m_comparison->allStopped())
        return publish(); // nothing to train: say so by staying paused
    m_running = true;
    schedule();
}

void ComparisonWorker::pause()
{
    m_running = false;
    m_tick.stop();
    if (m_comparison)
        publish();
}

void ComparisonWorker::setStepsPerSecond(double stepsPerSecond)
{
    m_stepsPerSecond = std::max(0.0, stepsPerSecond);
    schedule();
}

void ComparisonWorker::schedule()
{
    if (m_running)
        m_tick.start(m_stepsPerSecond > 0 ? int(std::lround(1000.0 / m_stepsPerSecond)) : 0);
}

void ComparisonWorker::runSlice()
{
    if (!m_running || !m_comparison)
        return;
    if (m_stepsPerSecond > 0) {
        advance(1);
    } else {
        QElapsedTimer slice;
        slice.start();
        do
            advance(m_evalEvery);
        while (!m_comparison->allStopped() && slice.elapsed() < sliceMs);
    }
    if (m_comparison->allStopped()) {
        m_running = false;
        evaluate(); // the last state of the models that stopped between evaluations
    }
    if (!m_running || m_sincePublish.elapsed() >= publishIntervalMs)
        publish();
    schedule();
}

// Lock-step: every model makes the same steps. The last step before an evaluation is
// recorded, so that each evaluation comes with a step to inspect and its gradients.
void ComparisonWorker::advance(long steps)
{
    const long toEvaluation = m_evalEvery - furthest(*m_comparison) % m_evalEvery;
    if (steps < toEvaluation) {
        m_comparison->advance(steps, false);
        return;
    }
    if (toEvaluation > 1)
        m_comparison->advance(toEvaluation - 1, false);
    m_comparison->setRecording(true);
    m_comparison->advance(1, true);
    m_comparison->setRecording(false);
    evaluate();
}

void ComparisonWorker::evaluate()
{
    for (int k = 0; k < m_comparison->size(); ++k) {
        lstm::TrainingRun<float>& run = m_comparison->run(k);
        ComparedModel& model = m_state->models[size_t(k)];
        const lstm::Evaluation& last = run.last();
        model.stopped = QString::fromStdString(lstm::describe(run.reason()));
        if (!model.validationLoss.isEmpty() && model.validationLoss.last().x() >= double(last.step))
            continue; // nothing new since this model's last evaluation (it stopped)
        model.validationLoss.append({double(last.step), last.validationLoss});
        if (last.score) {
            model.score.append({double(last.step), last.score->value});
            model.lastScore = last.score;
            m_state->scoreName = QString::fromStdString(last.score->name);
        }
        const PredictionCurves curves =
            PredictionCurves::of(*m_data, run.trainer().network(), run.lastOutputs(), false);
        model.predictions = curves.predictions;
        m_state->targets = curves.targets;
        const lstm::StepTrace& trace = run.trainer().trace();
        if (trace.steps > 0 && !trace.layers.empty()) {
            model.trace = std::make_shared<const lstm::StepTrace>(trace);
            const Eigen::VectorXd& norms = trace.layers.front().dHiddenNorm;
            model.gradientNorms.clear();
            for (Eigen::Index t = 0; t < norms.size(); ++t)
                model.gradientNorms.append({double(t), norms(t)});
        }
    }
}

void ComparisonWorker::publish()
{
    auto snapshot = std::make_shared<ComparisonSnapshot>(*m_state);
    snapshot->step = furthest(*m_comparison);
    snapshot->running = m_running;
    snapshot->finished = m_comparison->allStopped();
    m_sincePublish.restart();
    emit snapshotReady(snapshot);
}
