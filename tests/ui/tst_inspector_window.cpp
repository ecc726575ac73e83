// The inspector inside the real MainWindow, offscreen: a Step records a step the views show,
// the step-through keys walk it and pause training, playing keeps traces coming, and the
// page shortcuts switch pages. Waits only on conditions (QTRY_*), never on sleeps.
#include "inspector/Inspector.h"
#include "inspector/InspectorToolBar.h"
#include "window/MainWindow.h"
#include "worker/TrainingController.h"
#include "window/TrainingToolBar.h"

#include "data/Generators.h"

#include <QAction>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

namespace {

constexpr int timeoutMs = 60'000;

SessionSettings smallSine()
{
    SessionSettings settings = SessionSettings::demo();
    settings.model.hiddenSize = 6;
    return settings;
}

} // namespace

class InspectorWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void stepIsRecordedAndSteppedThrough();
    void playingKeepsTheInspectorCurrent();
    void stepThroughPausesTraining();
    void pageShortcutsSwitchPages();
    void stepReportsTheEpoch();
};

void InspectorWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void InspectorWindowTest::stepIsRecordedAndSteppedThrough()
{
    MainWindow window(smallSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    InspectorModel* model = window.inspector()->model();
    QCOMPARE(model->trace(), nullptr); // nothing recorded before the first step
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, timeoutMs);
    QCOMPARE(model->trace()->step, 0L);
    QCOMPARE(model->trace(), controller->latest()->trace);
    QCOMPARE(model->hiddenSize(), 6);
    QTest::keyClick(&window, Qt::Key_T);
    QTest::keyClick(&window, Qt::Key_T);
    QCOMPARE(model->reveal(), (Reveal{StepPhase::Forward, 1}));
    QTest::keyClick(&window, Qt::Key_B);
    QCOMPARE(model->reveal(), (Reveal{StepPhase::Backward, model->steps() - 1}));
    QTest::keyClick(&window, Qt::Key_T, Qt::ShiftModifier);
    QCOMPARE(model->reveal(), (Reveal{StepPhase::Forward, model->steps() - 1}));
    QTest::keyClick(&window, Qt::Key_U);
    QCOMPARE(model->reveal().phase, StepPhase::Update);
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!model->steppingThrough());
    // The next optimizer step is shown at once.
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->trace()->step, 1L, timeoutMs);
}

void InspectorWindowTest::playingKeepsTheInspectorCurrent()
{
    MainWindow window(smallSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    controller->play();
    QTRY_VERIFY_WITH_TIMEOUT(controller->currentStep() > 200, timeoutMs);
    InspectorModel* model = window.inspector()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() && model->trace()->step > 100, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.inspector()->history().traces().size() > 3, timeoutMs);
    controller->pause();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->running(), timeoutMs);
    // Once paused, the views show the newest recorded step, not an older one they held back.
    QTRY_COMPARE_WITH_TIMEOUT(model->trace(), controller->latest()->trace, timeoutMs);
    QVERIFY(model->trace()->step < controller->currentStep());
}

void InspectorWindowTest::stepThroughPausesTraining()
{
    MainWindow window(smallSine());
    window.show();
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    controller->play();
    QTRY_VERIFY_WITH_TIMEOUT(window.inspector()->model()->trace() != nullptr, timeoutMs);
    window.inspectorToolBar()->nextAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->running(), timeoutMs);
    QVERIFY(window.inspector()->model()->steppingThrough());
}

void InspectorWindowTest::pageShortcutsSwitchPages()
{
    MainWindow window(smallSine());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.pages()->currentIndex(), 0);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentIndex(), 2);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentIndex(), 0);
}

// One step of 16 sequences of 32 timesteps over the sine's training part.
void InspectorWindowTest::stepReportsTheEpoch()
{
    const SessionSettings settings = smallSine();
    MainWindow window(settings);
    TrainingController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->latest() != nullptr, timeoutMs);
    QCOMPARE(controller->latest()->epoch, 0.0);
    window.trainingToolBar()->stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller->currentStep(), 1L, timeoutMs);
    const auto data = lstm::makeGenerator(settings.dataset.toStdString(), settings.data, settings.train.seed);
    const double expected = double(settings.train.batchSize) * data->sequenceLength() / double(data->trainingTimesteps());
    QVERIFY(std::abs(controller->latest()->epoch - expected) < 1e-12);
}

QTEST_MAIN(InspectorWindowTest)
#include "tst_inspector_window.moc"
