// Runs training on the worker thread: owns the data set and the trainer, takes commands as
// queued calls, trains in short time slices so that commands are never kept waiting, and
// publishes at most ~30 snapshots a second. Lives on the thread TrainingController starts;
// nothing here is touched from the UI thread.
#pragma once

#include "worker/ParameterHistory.h"
#include "worker/PredictionCurves.h"
#include "worker/StepHistory.h"
#include "session/SessionSettings.h"
#include "worker/TextSampleSchedule.h"
#include "worker/TrainingSnapshot.h"

#include "training/StopRule.h"
#include "training/Trainer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Commands; called on the worker thread through queued invocations.
    void rebuild(const SessionSettings& settings);
    void play();
    void pause();
    void stepOnce();
    void setStepsPerSecond(double stepsPerSecond); // 0 = as fast as possible
    void setLearningRate(double rate);
    void setClipNorm(double norm);
    // Applies at once; training stops by itself when one is met (StopRule).
    void setStopConditions(const lstm::StopConditions& stop);
    // For pictures that must come out the same every time: validations, scores and recorded
    // steps at fixed steps instead of fixed intervals of time, and the last step recorded.
    void setReproducible(bool on) { m_reproducible = on; }
    void setTextSampling(const TextSampling& sampling); // writes a new sample at once
    void restoreLastGood();
    void saveModel(const QString& path);
    void loadModel(const QString& path); // keeps the data; the model must fit its shape

signals:
    void snapshotReady(SnapshotPointer snapshot);
    void rebuildFailed(QString message);
    void modelSaved(QString path, QString error);
    void modelLoaded(QString path, QString error);

private:
    void runSlice();
    bool trainOneStep(); // false when training stopped (diverged)
    bool validationDue() const;
    void evaluateLoss(Eigen::MatrixXd* outputs = nullptr); // validation loss, and the outputs when asked
    void evaluate();     // loss, predictions, free run and score, for a snapshot
    void publish();
    void schedule();
    void startFresh(); // clears histories and publishes step 0 of the current trainer
    void applyStopRules();
    void stopByRule(lstm::StopReason reason); // pauses and says why
    bool fixedStepDue(long steps) const;      // in reproducible mode: validate and record now
    void takeTrainLoss();

    SessionSettings m_settings;
    std::unique_ptr<lstm::Dataset> m_data;
    std::unique_ptr<lstm::Trainer<float>> m_trainer;
    lstm::Random m_sampler{1};
    QTimer m_tick{this}; // a child, so that moveToThread() takes it along
    QElapsedTimer m_sincePublish;
    QElapsedTimer m_sinceEvaluation;
    QElapsedTimer m_sincePredictions;
    qint64 m_evaluationCostMs = 0; // how long the last validation loss took
    qint64 m_predictionCostMs = 0; // how long the last full evaluation (with predictions) took
    long m_lastEvaluatedStep = 0;
    QElapsedTimer m_rateClock;
    long m_rateSteps = 0;
    double m_stepsPerSecondMeasured = 0;
    double m_stepsPerSecond = 0;
    long m_sequencesDrawn = 0; // training sequences handed to the trainer, for the epoch
    bool m_running = false;
    bool m_reproducible = false;
    lstm::StopRule<float> m_stopRule;
    long m_judgedStep = -1; // the last validation the stop rule has seen
    bool m_diverged = false;
    QString m_message;

    StepHistory m_trainHistory;
    StepHistory m_validationHistory;
    StepHistory m_scoreHistory;
    ParameterHistory m_parameterHistory;
    double m_lossSum = 0;
    int m_lossCount = 0;
    double m_trainLoss = qQNaN();
    double m_validationLoss = qQNaN();
    std::optional<lstm::TaskScore> m_score;
    PredictionCurves m_curves;
    lstm::Vector<float> m_lastGood;
    long m_lastGoodStep = -1;
    // Recording costs a step up to a quarter of its time, so only the first step after each
    // publish records: one trace per snapshot, at most ~30 a second, whatever the speed.
    bool m_recordNext = true;
    std::shared_ptr<const lstm::StepTrace> m_trace;
    TextSampleSchedule m_textSamples;
};
