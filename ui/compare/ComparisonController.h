// The Compare page's handle on its comparison: a worker thread of its own, commands sent as
// queued calls (never waiting), and the latest snapshot the worker published.
#pragma once

#include "compare/ComparisonSnapshot.h"
#include "session/SessionSettings.h"

#include <QObject>
#include <QThread>

class ComparisonWorker;

class ComparisonController : public QObject {
    Q_OBJECT
public:
    explicit ComparisonController(QObject* parent = nullptr);
    ~ComparisonController() override;

    void start(const SessionSettings& session, const std::vector<lstm::ModelChoices>& models);
    void play();
    void pause();
    void setStepsPerSecond(double stepsPerSecond); // 0 = as fast as possible

    ComparisonPointer latest() const { return m_latest; }
    bool running() const { return m_latest && m_latest->running; }
    bool playRequested() const { return m_playRequested; }

signals:
    void snapshotChanged(ComparisonPointer snapshot);
    void failed(QString message);

private:
    template <typename Command>
    void send(Command command);

    QThread m_thread;
    ComparisonWorker* m_worker = nullptr; // deleted on m_thread when it ends
    ComparisonPointer m_latest;
    bool m_playRequested = false;
};
