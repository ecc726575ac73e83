// The window's handle on training: starts the worker thread, forwards commands to it as
// queued calls (never waiting for an answer) and keeps the latest snapshot it published.
// The UI thread only ever reads snapshots, so it never waits on training.
#pragma once

#include "session/SessionSettings.h"
#include "worker/TrainingSnapshot.h"

#include <QObject>
#include <QThread>

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    void rebuild(const SessionSettings& settings);
    void play();
    void pause();
    void togglePlay();
    void step();
    void setStepsPerSecond(double stepsPerSecond); // 0 = as fast as possible
    void setLearningRate(double rate);
    void setClipNorm(double norm);
    void setStopConditions(const lstm::StopConditions& stop);
    void setReproducible(bool on); // see TrainingWorker::setReproducible
    void setTextSampling(const TextSampling& sampling);
    void restoreLastGood();
    void saveModel(const QString& path); // answered by modelSaved
    void loadModel(const QString& path); // answered by modelLoaded

    SnapshotPointer latest() const { return m_latest; }
    bool running() const { return m_latest && m_latest->running; }
    bool playRequested() const { return m_playRequested; } // the last request, maybe not yet answered
    long currentStep() const { return m_latest ? m_latest->step : 0; }

signals:
    void snapshotChanged(SnapshotPointer snapshot);
    void rebuildFailed(QString message);
    void modelSaved(QString path, QString error); // error empty on success
    void modelLoaded(QString path, QString error);

private:
    template <typename Command>
    void send(Command command);

    QThread m_thread;
    TrainingWorker* m_worker = nullptr; // owned by m_thread's event loop, deleted when it ends
    SnapshotPointer m_latest;
    bool m_playRequested = false;
};
