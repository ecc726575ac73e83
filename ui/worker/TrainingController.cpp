#include "worker/TrainingController.h"

#include "worker/TrainingWorker.h"

#include <Eigen/Core>

TrainingController::TrainingController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SnapshotPointer>();
    // Training gets one core and the window keeps the other: Eigen's OpenMP threads spin
    // while they wait, and on two cores they starved the UI thread (p50 timer lateness 75 ms).
    Eigen::setNbThreads(1);
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::snapshotReady, this, [this](SnapshotPointer snapshot) {
        m_latest = std::move(snapshot);
        if (m_latest->diverged)
            m_playRequested = false; // the worker paused itself
        emit snapshotChanged(m_latest);
    });
    // A failed rebuild or load leaves the old model running as it was: so is the play state.
    connect(m_worker, &TrainingWorker::rebuildFailed, this, [this](const QString& message) {
        m_playRequested = running();
        emit rebuildFailed(message);
    });
    connect(m_worker, &TrainingWorker::modelSaved, this, &TrainingController::modelSaved);
    connect(m_worker, &TrainingWorker::modelLoaded, this, [this](const QString& path, const QString& error) {
        if (!error.isEmpty())
            m_playRequested = running();
        emit modelLoaded(path, error);
    });
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainingController::~TrainingController()
{
    m_thread.quit();
    m_thread.wait();
}

template <typename Command>
void TrainingController::send(Command command)
{
    QMetaObject::invokeMethod(m_worker, std::move(command), Qt::QueuedConnection);
}

void TrainingController::rebuild(const SessionSettings& settings)
{
    m_playRequested = false;
    send([worker = m_worker, settings] { worker->rebuild(settings); });
}

void TrainingController::play()
{
    m_playRequested = true;
    send([worker = m_worker] { worker->play(); });
}

void TrainingController::pause()
{
    m_playRequested = false;
    send([worker = m_worker] { worker->pause(); });
}

// Uses the last request rather than the last snapshot, so two quick presses of Space
// cancel out even before the worker has answered the first.
void TrainingController::togglePlay()
{
    if (m_playRequested)
        pause();
    else
        play();
}

void TrainingController::step()
{
    m_playRequested = false;
    send([worker = m_worker] { worker->stepOnce(); });
}

void TrainingController::setStepsPerSecond(double stepsPerSecond)
{
    send([worker = m_worker, stepsPerSecond] { worker->setStepsPerSecond(stepsPerSecond); });
}

void TrainingController::setLearningRate(double rate)
{
    send([worker = m_worker, rate] { worker->setLearningRate(rate); });
}

void TrainingController::setClipNorm(double norm)
{
    send([worker = m_worker, norm] { worker->setClipNorm(norm); });
}

void TrainingController::setStopConditions(const lstm::StopConditions& stop)
{
    send([worker = m_worker, stop] { worker->setStopConditions(stop); });
}

void TrainingController::setReproducible(bool on)
{
    send([worker = m_worker, on] { worker->setReproducible(on); });
}

void TrainingController::setTextSampling(const TextSampling& sampling)
{
    send([worker = m_worker, sampling] { worker->setTextSampling(sampling); });
}

void TrainingController::restoreLastGood()
{
    send([worker = m_worker] { worker->restoreLastGood(); });
}

void TrainingController::saveModel(const QString& path)
{
    send([worker = m_worker, path] { worker->saveModel(path); });
}

void TrainingController::loadModel(const QString& path)
{
    m_playRequested = false;
    send([worker = m_worker, path] { worker->loadModel(path); });
}
