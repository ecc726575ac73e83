// The real MainWindow, offscreen, driven as a user would: Play trains and the loss falls,
// Step makes exactly one step, Reset goes back to step 0, a learning-rate change applies
// while playing, and a diverging run pauses itself and restores the last good weights.
// Waits only on signals and conditions (QTRY_*), never on sleeps.
#include "NoticeBanner.h"
#include "LossChart.h"
#include "MainWindow.h"
#include "PredictionChart.h"
#include "SettingsPanel.h"
#include "TrainingController.h"
#include "TrainingToolBar.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

constexpr int timeoutMs = 60'000;

SessionSettings quickSine()
{
    SessionSettings settings = SessionSettings::demo();
    settings.model.hiddenSize = 12;
    return settings;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void playTrainsAndTheLossFalls();
    void stepMakesExactlyOneStep();
    void resetReturnsToStepZero();
    void learningRateAppliesWhilePlaying();
    void divergencePausesAndRestores();
    void savedModelLoadsBack();
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep the user's QSettings out of it
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void MainWindowTest::playTrainsAndTheLossFalls()
{
    MainWindow window(quickSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    const double initialLoss = controller->latest()->validationLoss;
    QVERIFY(std::isfinite(initialLoss));

    QSignalSpy snapshots(controller, &TrainingController::snapshotChanged);
    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() >= 300, timeoutMs);
    QVERIFY(controller->running());
    QVERIFY(snapshots.count() >= 2);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->validationLoss < initialLoss / 5, timeoutMs);

    // The charts draw what the snapshots hold, on the next frame.
    QTRY_VERIFY_WITH_TIMEOUT(window.lossChart()->trainSeries()->count() > 10, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.predictionChart()->targetSeries()->count(), controller->latest()->targets.size(),
                              timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.predictionChart()->freeRunSeries()->count() > 0, timeoutMs);

    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->running(), timeoutMs);
}

void MainWindowTest::stepMakesExactlyOneStep()
{
    MainWindow window(quickSine());
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    QCOMPARE(controller->currentStep(), 0L);
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 2L, timeoutMs);
    QVERIFY(!controller->running());
    QVERIFY(controller->latest()->trace != nullptr); // a stepped step is recorded
    QCOMPARE(controller->latest()->trace->step, 1L);
}

void MainWindowTest::resetReturnsToStepZero()
{
    MainWindow window(quickSine());
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    const double freshLoss = controller->latest()->validationLoss;
    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() > 20, timeoutMs);
    window.trainingToolBar()->resetAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() == 0 && !controller->running(), timeoutMs);
    // The same seed gives the same fresh model.
    QCOMPARE(controller->latest()->validationLoss, freshLoss);
    QVERIFY(controller->latest()->trainLossHistory.isEmpty());
}

void MainWindowTest::learningRateAppliesWhilePlaying()
{
    MainWindow window(quickSine());
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() > 30, timeoutMs);

    auto* learningRate = window.settingsPanel()->findChildren<QDoubleSpinBox*>().at(0);
    for (QDoubleSpinBox* box : window.settingsPanel()->findChildren<QDoubleSpinBox*>())
        if (box->toolTip().startsWith("Size of each step"))
            learningRate = box;
    learningRate->setValue(0); // Adam with a zero rate leaves every weight where it is
    const long changedAt = controller->currentStep();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() > changedAt + 50, timeoutMs);
    const SnapshotPointer first = controller->latest();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->step > first->step + 50 &&
                                 controller->latest()->validationLossHistory.size() >
                                     first->validationLossHistory.size(),
                             timeoutMs);
    QVERIFY(controller->running());                                              // no reset happened
    QCOMPARE(controller->latest()->validationLoss, first->validationLoss);       // and nothing moves
    window.trainingToolBar()->playAction()->trigger();
}

void MainWindowTest::divergencePausesAndRestores()
{
    SessionSettings settings = quickSine();
    settings.train.optimizer = lstm::OptimizerKind::Sgd;
    settings.train.learningRate = 1e6;
    MainWindow window(settings);
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->diverged, timeoutMs);
    QVERIFY(!controller->running());
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), timeoutMs); // drawn on the next frame
    QVERIFY(window.banner()->message().contains("learning rate"));
    const long lastGood = controller->latest()->lastGoodStep;
    QVERIFY(lastGood >= 0);

    auto* restore = window.banner()->findChild<QPushButton*>();
    QVERIFY(restore && restore->isVisible());
    restore->click(); // as the user does
    QTRY_VERIFY_WITH_TIMEOUT(!controller->latest()->diverged, timeoutMs);
    QVERIFY(controller->latest()->message.contains(QString::number(lastGood)));
    QVERIFY(std::isfinite(controller->latest()->validationLoss));
}

void MainWindowTest::savedModelLoadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("sine.json");
    MainWindow trained(quickSine());
    TrainingController* controller = trained.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    for (int k = 0; k < 5; ++k)
        controller->step();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 5L, timeoutMs);
    const double trainedLoss = controller->latest()->validationLoss;
    QSignalSpy saved(controller, &TrainingController::modelSaved);
    controller->saveModel(path);
    QVERIFY(saved.wait(timeoutMs));
    QCOMPARE(saved.at(0).at(1).toString(), QString());

    SessionSettings other = quickSine();
    other.model.hiddenSize = 3; // the loaded model brings its own size
    MainWindow fresh(other);
    fresh.show();
    TrainingController* loader = fresh.controller();
    QTRY_VERIFY_WITH_TIMEOUT(loader->latest() != nullptr, timeoutMs);
    QSignalSpy loaded(loader, &TrainingController::modelLoaded);
    loader->loadModel(path);
    QVERIFY(loaded.wait(timeoutMs));
    QCOMPARE(loaded.at(0).at(1).toString(), QString());
    QCOMPARE(loader->latest()->model.hiddenSize, 12);
    QCOMPARE(loader->latest()->validationLoss, trainedLoss); // the same weights, bit for bit

    // A model for other data is refused with the reason, and the running model stays.
    const QString wrong = dir.filePath("three-inputs.json");
    QFile file(wrong);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "lstm-lab-model", "version": 1, "cell": "rnn", "input_size": 3, "hidden_size": 1,
        "num_layers": 1, "output_size": 1, "input": {"kind": "dense"}, "output": {"kind": "regression", "at": "every-step"},
        "tensors": {"weight_ih_l0": [[0, 0, 0]], "weight_hh_l0": [[0]], "bias_ih_l0": [0], "bias_hh_l0": [0],
        "head.weight": [[0]], "head.bias": [0]}})");
    file.close();
    loader->loadModel(wrong);
    QVERIFY(loaded.wait(timeoutMs));
    QVERIFY2(loaded.at(1).at(1).toString().contains("3 inputs"), qPrintable(loaded.at(1).at(1).toString()));
    QCOMPARE(loader->latest()->model.hiddenSize, 12);
    QTRY_VERIFY_WITH_TIMEOUT(fresh.banner()->isVisible() && fresh.banner()->message().contains("3 inputs"),
                             timeoutMs); // said in the window, without a modal dialog
}

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
