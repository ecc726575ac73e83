// The real MainWindow, offscreen, driven as a user would: Play trains and the loss falls,
// Step makes exactly one step, Reset goes back to step 0, a learning-rate change applies
// while playing, and a diverging run pauses itself and restores the last good weights. The
// user's own data: a text trains and its samples appear every N steps, steered live; a CSV
// imported through the dialog trains with predictions in the file's units; a cancelled
// import, or a file that cannot be read, leaves the running model and its settings alone.
// Waits only on signals and conditions (QTRY_*), never on sleeps.
#include "session/BundledData.h"
#include "import/CsvImportDialog.h"
#include "window/NoticeBanner.h"
#include "panel/TextSamplePanel.h"
#include "charts/LossChart.h"
#include "window/MainWindow.h"
#include "charts/PredictionChart.h"
#include "RecordedTrace.h"
#include "panel/SettingsPanel.h"
#include "worker/TrainingController.h"
#include "window/TrainingToolBar.h"

#include <QAbstractAxis>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFileInfo>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

namespace {

constexpr int timeoutMs = 60'000;

SessionSettings quickSine()
{
    SessionSettings settings = SessionSettings::demo();
    settings.model.hiddenSize = 12;
    return settings;
}

QString csvFixture(const QString& name)
{
    return QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../fixtures/csv/") + name;
}

SessionSettings quickText(int every)
{
    SessionSettings settings = SessionSettings::demo();
    settings.source = DataSource::Text;
    settings.text.path = bundledTextCorpus();
    settings.text.sequenceLength = 32;
    settings.sampling.every = every;
    settings.model.hiddenSize = 24;
    return settings;
}

// A CSV file several times the dialog's preview, so that it loads in the background.
QString writeLargeCsv(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = "step,value\n";
    for (int k = 0; k < 200'000; ++k)
        text += QByteArray::number(k) + ',' + QByteArray::number(std::sin(k * 0.01), 'f', 5) + '\n';
    file.write(text);
    return path;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void playTrainsAndTheLossFalls();
    void choosingADataSetAppliesItsRecommendation();
    void stepMakesExactlyOneStep();
    void resetReturnsToStepZero();
    void learningRateAppliesWhilePlaying();
    void divergencePausesAndRestores();
    void savedModelLoadsBack();
    void textTrainsAndSamplesAppearEveryNSteps();
    void csvImportTrainsInTheFilesUnits();
    void aCancelledImportLeavesEverythingAlone();
    void aFileThatCannotBeReadKeepsTheRunningModel();
    void aLastSessionThatNoLongerReadsStartsTheDemo();
    void aDroppedCsvOpensTheImportDialog();
    void aModelChangeAsksOnceAndCancelKeepsTheModel();
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep the user's QSettings out of it
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void MainWindowTest::choosingADataSetAppliesItsRecommendation()
{
    MainWindow window(quickSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    QCOMPARE(window.trainingToolBar()->stepsPerSecond(), 100.0); // the sine's classroom speed
    auto* dataset = window.settingsPanel()->findChild<QComboBox*>(QStringLiteral("dataset"));
    QVERIFY(dataset);
    dataset->setCurrentIndex(dataset->findData(QStringLiteral("remember-first")));
    const lstm::Recommendation recommended = lstm::recommendedSettings("remember-first");
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->session.dataset == "remember-first", timeoutMs);
    const SessionSettings running = controller->latest()->session;
    QCOMPARE(running.train.learningRate, 0.001);
    QCOMPARE(running.train.clipNorm, 1.0);
    QVERIFY(running.train.gateBiases.forget == 3.0);
    QVERIFY(running.stop == recommended.stop);
    QCOMPARE(running.model.cell, quickSine().model.cell); // the cell stays the user's
    QCOMPARE(window.trainingToolBar()->stepsPerSecond(), recommended.classroomSpeed);
    QCOMPARE(window.settingsPanel()->settings().train.learningRate, 0.001);
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
    // A slice of training can run hundreds of steps before the worker reads the new rate: wait
    // for a snapshot that says the rate arrived, not for a number of steps.
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->session.train.learningRate == 0, timeoutMs);
    // The reference is the first validation after the rate arrived: the snapshot that says so
    // may still carry a validation of the weights from before.
    const SnapshotPointer arrived = controller->latest();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->validationLossHistory.size() > arrived->validationLossHistory.size(),
                             timeoutMs);
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


void MainWindowTest::textTrainsAndSamplesAppearEveryNSteps()
{
    QVERIFY(!bundledTextCorpus().isEmpty());
    MainWindow window(quickText(20));
    window.show();
    TrainingController* controller = window.controller();
    TextSamplePanel* panel = window.textSamples();
    // What the untrained model writes, at once.
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->shownStep() == 0, timeoutMs);
    QCOMPARE(panel->shownText().size(), 200);

    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(panel->shownStep() >= 60, timeoutMs);
    QCOMPARE(panel->shownStep() % 20, 0L);
    QCOMPARE(panel->shownText().size(), 200);
    window.trainingToolBar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->running(), timeoutMs);
    testing::saveShot(window, "window-text-samples");

    // Temperature and prompt apply at once, to the model as it is: no new model.
    const long step = controller->currentStep();
    panel->findChild<QDoubleSpinBox*>()->setValue(0.3);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->textSample->temperature == 0.3, timeoutMs);
    QCOMPARE(controller->latest()->step, step);
    QCOMPARE(window.settingsPanel()->settings().sampling.temperature, 0.3);
    auto* prompt = panel->findChild<QLineEdit*>();
    prompt->setText(QStringLiteral("Elizabeth"));
    prompt->setModified(true);
    QTest::keyClick(prompt, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->textSample->prompt == "Elizabeth", timeoutMs);
    QCOMPARE(controller->latest()->step, step);
    QCOMPARE(controller->latest()->textSample->error, QString());

    // A character the text never uses is said, not crashed on.
    prompt->setText(QStringLiteral("a~b"));
    prompt->setModified(true);
    QTest::keyClick(prompt, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->textSample->error.contains("'~'"), timeoutMs);
    QCOMPARE(controller->latest()->step, step);
}

void MainWindowTest::csvImportTrainsInTheFilesUnits()
{
    MainWindow window(quickSine());
    window.setAskBeforeRebuild(false);
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);

    window.settingsPanel()->openDataFile(bundledDataFolder() + "/air_passengers_monthly.csv");
    auto* dialog = window.findChild<CsvImportDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    dialog->findChild<QSpinBox*>("sequenceLength")->setValue(12);
    dialog->importButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->session.source == DataSource::Csv, timeoutMs);
    const SnapshotPointer snapshot = controller->latest();
    QCOMPARE(snapshot->session.csv.sequenceLength, 12);
    QCOMPARE(snapshot->model.inputSize, 1);
    QVERIFY(window.settingsPanel()->settings().source == DataSource::Csv);
    // Predictions in the file's units: thousands of passengers, 1958 to 1960.
    QVERIFY(snapshot->targets.size() >= 24);
    for (const QPointF& point : snapshot->targets)
        QVERIFY2(point.y() >= 300 && point.y() <= 630, qPrintable(QString::number(point.y())));
    QTRY_COMPARE_WITH_TIMEOUT(window.predictionChart()->targetSeries()->count(), snapshot->targets.size(), timeoutMs);
    const QList<QAbstractAxis*> vertical = window.predictionChart()->chart()->axes(Qt::Vertical);
    QVERIFY(!vertical.isEmpty());
    QCOMPARE(vertical.first()->titleText(), QStringLiteral("passengers_thousands")); // the target column's name
    QVERIFY(!window.textSamples()->isVisible());
}

void MainWindowTest::aCancelledImportLeavesEverythingAlone()
{
    QTemporaryDir dir;
    const QString large = writeLargeCsv(dir);
    MainWindow window(quickSine());
    window.setAskBeforeRebuild(false);
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    controller->step();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);
    const SessionSettings before = window.settingsPanel()->settings();

    window.settingsPanel()->openDataFile(large);
    auto* dialog = window.findChild<CsvImportDialog*>();
    QVERIFY(dialog);
    dialog->importButton()->click();
    QVERIFY(dialog->loading());
    dialog->cancelLoadButton()->click();
    QVERIFY(!dialog->loading());
    dialog->reject(); // and the dialog's own Cancel

    QVERIFY(window.settingsPanel()->settings() == before);
    controller->step(); // the same model goes on: no rebuild happened
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 2L, timeoutMs);
    QVERIFY(controller->latest()->session.source == DataSource::Generator);
}

void MainWindowTest::aFileThatCannotBeReadKeepsTheRunningModel()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath("latin1.txt");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("caf\xe9 au lait\n");
    file.close();
    MainWindow window(quickSine());
    window.setAskBeforeRebuild(false);
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    controller->step();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);

    window.settingsPanel()->openDataFile(bad);
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible() && window.banner()->message().contains("UTF-8"), timeoutMs);
    QVERIFY2(window.banner()->message().contains("latin1.txt"), qPrintable(window.banner()->message()));
    QTRY_VERIFY_WITH_TIMEOUT(window.settingsPanel()->settings().source == DataSource::Generator, timeoutMs);
    QCOMPARE(controller->currentStep(), 1L); // still the trained model
}

void MainWindowTest::aLastSessionThatNoLongerReadsStartsTheDemo()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath("binary.txt");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xff\xfe\x00\x01");
    file.close();
    SessionSettings settings = quickText(100);
    settings.text.path = bad;
    MainWindow window(settings);
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    QVERIFY(controller->latest()->session == SessionSettings::demo());
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible() && window.banner()->message().contains("demo"), timeoutMs);
    QVERIFY(window.settingsPanel()->settings().source == DataSource::Generator);
}

void MainWindowTest::aDroppedCsvOpensTheImportDialog()
{
    MainWindow window(quickSine());
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csvFixture("weather_semicolon_series.csv"))});
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted()); // the window takes one file
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    auto* dialog = window.findChild<CsvImportDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->preview().layout.dialect.delimiter, ';');
    QCOMPARE(dialog->errorText(), QString());
}

// A trained model is only thrown away after a question: Cancel puts the panel back and
// keeps training where it was; OK with "Don't ask again" rebuilds, and asks no more.
void MainWindowTest::aModelChangeAsksOnceAndCancelKeepsTheModel()
{
    MainWindow window(quickSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);
    QSpinBox* hidden = nullptr;
    for (QSpinBox* box : window.settingsPanel()->findChildren<QSpinBox*>())
        if (box->toolTip().startsWith(QStringLiteral("Units per layer")))
            hidden = box;
    QVERIFY(hidden);

    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    bool dontAskAgain = false;
    QTimer answering;
    answering.setInterval(10);
    connect(&answering, &QTimer::timeout, this, [&] {
        auto* question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!question)
            return;
        ++asked;
        question->checkBox()->setChecked(dontAskAgain);
        question->button(answer)->click();
    });
    answering.start();

    hidden->setValue(20);
    QTRY_COMPARE_WITH_TIMEOUT(asked, 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(hidden->value(), 12, timeoutMs); // the panel shows the running model again
    QCOMPARE(controller->currentStep(), 1L);
    QCOMPARE(controller->latest()->model.hiddenSize, 12);

    answer = QMessageBox::Ok;
    dontAskAgain = true;
    hidden->setValue(20);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->model.hiddenSize == 20 && controller->currentStep() == 0, timeoutMs);
    QCOMPARE(asked, 2);
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);
    hidden->setValue(24);
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest()->model.hiddenSize == 24, timeoutMs);
    QCOMPARE(asked, 2); // not asked again
}

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
