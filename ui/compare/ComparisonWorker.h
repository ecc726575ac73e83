// Trains 2 to 4 models side by side on the worker thread, in lock-step (core Comparison:
// the same batches for each, one core each), at the window's speed or as fast as possible,
// and publishes a ComparisonSnapshot at most ~30 times a second and at every evaluation
// that changes the curves. Nothing here is touched from the UI thread.
#pragma once

#include "compare/ComparisonSnapshot.h"
#include "session/SessionSettings.h"

#include "training/Comparison.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class ComparisonWorker : public QObject {
    Q_OBJECT
public:
    explicit ComparisonWorker(QObject* parent = nullptr);
    ~ComparisonWorker() override;

    // Fresh models of these choices on the session's data and training settings; paused.
    void start(const SessionSettings& session, const std::vector<lstm::ModelChoices>& models);
    void play();
    void pause();
    void setStepsPerSecond(double stepsPerSecond); // 0 = as fast as possible

signals:
    void snapshotReady(ComparisonPointer snapshot);
    void failed(QString message);

private:
    void runSlice();
    void advance(long steps); // up to the next evaluation at most
    void evaluate();          // curves, predictions and the recorded step of each model
    void publish();
    void schedule();

    std::unique_ptr<lstm::Dataset> m_data;
    std::unique_ptr<lstm::Comparison<float>> m_comparison;
    std::shared_ptr<ComparisonSnapshot> m_state; // the curves so far; copied into each snapshot
    int m_evalEvery = 50;
    bool m_running = false;
    double m_stepsPerSecond = 0;
    QTimer m_tick{this};
    QElapsedTimer m_sincePublish;
};
