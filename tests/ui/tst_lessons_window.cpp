// Every shipped lesson played in the real window from its first step to its last: every
// link runs without a problem, plays train, questions are checked against live values; a
// lesson file that does not read is refused with its line and the open lesson stays.
#include "classroom/LessonDock.h"
#include "classroom/LessonDriver.h"
#include "classroom/LessonPanel.h"
#include "compare/ComparePage.h"
#include "inspector/Inspector.h"
#include "lessons/LessonLibrary.h"
#include "lessons/LessonParser.h"
#include "window/MainWindow.h"
#include "window/TrainingToolBar.h"
#include "worker/TrainingController.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int timeoutMs = 60'000;

// Whether the running model was built with what a setup link says, for the settings that
// lessons use.
bool builtAsSaid(const SessionSettings& session, const lstm::LessonAction& action)
{
    for (const auto& [key, value] : action.arguments) {
        const QString text = QString::fromStdString(value);
        const bool matches = key == "cell"       ? lstm::cellName(session.model.cell) == value
                             : key == "hidden"   ? session.model.hiddenSize == text.toInt()
                             : key == "lr"       ? session.train.learningRate == text.toDouble()
                             : key == "patience" ? session.stop.patience == text.toInt()
                             : key == "dataset"  ? session.dataset == text
                             : key == "file"     ? session.dataFile().endsWith(text)
                                                 : true;
        if (!matches) {
            qWarning("line %d: %s=%s did not take", action.line, key.c_str(), value.c_str());
            return false;
        }
    }
    return true;
}

// Follows one link as a student clicks it, and waits for what it starts: a new model, a
// run to its pause point, or a few recorded steps of a free run (then pauses, so that the
// test does not wait for a whole lesson's training).
bool follow(MainWindow& window, const lstm::LessonAction& action, int index)
{
    TrainingController* controller = window.controller();
    const SnapshotPointer before = controller->latest();
    window.lessons()->panel()->followLink(index);
    const QString problem = window.lessons()->panel()->problem();
    if (!problem.isEmpty()) {
        qWarning("line %d: %s", action.line, qPrintable(problem));
        return false;
    }
    ComparisonController* comparison = window.comparePage()->controller();
    if (action.verb == "setup")
        return QTest::qWaitFor([&] { return controller->latest() && controller->latest() != before &&
                                            controller->latest()->step == 0 && !controller->running(); },
                               timeoutMs) &&
               builtAsSaid(controller->latest()->session, action);
    if (action.verb == "compare") {
        const std::string& cells = action.arguments.at("cells");
        const size_t models = size_t(std::count(cells.begin(), cells.end(), ',')) + 1;
        return QTest::qWaitFor([&] { return comparison->latest() && comparison->latest()->step == 0 &&
                                            comparison->latest()->models.size() == models; },
                               timeoutMs);
    }
    if (action.verb == "play" && window.pages()->currentWidget() == window.comparePage()) {
        window.trainingToolBar()->setStepsPerSecond(0);
        const bool trained = QTest::qWaitFor([&] { return comparison->latest()->step >= 100; }, timeoutMs);
        window.comparePage()->togglePlay();
        return trained && QTest::qWaitFor([&] { return !comparison->running(); }, timeoutMs);
    }
    if (action.verb == "play" && action.arguments.count("until")) {
        const long until = std::stol(action.arguments.at("until"));
        return QTest::qWaitFor([&] { return controller->latest()->step == until && !controller->running(); },
                               timeoutMs);
    }
    if (action.verb == "play") {
        window.trainingToolBar()->setStepsPerSecond(0);
        const bool trained = QTest::qWaitFor(
            [&] { return controller->currentStep() >= 30 && window.inspector()->model()->trace(); }, timeoutMs);
        controller->pause();
        return trained && QTest::qWaitFor([&] { return !controller->running(); }, timeoutMs);
    }
    return true;
}

} // namespace

class LessonsWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyLessonPlaysFromStartToEnd_data();
    void everyLessonPlaysFromStartToEnd();
    void aBrokenLessonSaysWhichLine();
};

void LessonsWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void LessonsWindowTest::everyLessonPlaysFromStartToEnd_data()
{
    QTest::addColumn<QString>("name");
    const std::vector<std::string> files = lstm::lessonFiles(LessonDock::lessonsFolder().toStdString());
    QVERIFY(files.size() >= 6);
    for (const std::string& file : files) {
        const QString name = QString::fromStdString(lstm::readLessonFile(file).name);
        QTest::newRow(qPrintable(name)) << name;
    }
}

void LessonsWindowTest::everyLessonPlaysFromStartToEnd()
{
    QFETCH(QString, name);
    MainWindow window(SessionSettings::demo());
    window.setAskBeforeRebuild(false);
    window.resize(1280, 720);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->latest() != nullptr, timeoutMs);
    QCOMPARE(window.lessons()->open(name), QString());
    QVERIFY(window.lessons()->isVisible());
    LessonPanel* panel = window.lessons()->panel();
    const lstm::Lesson& lesson = panel->lesson();
    for (int step = 0; step < int(lesson.steps.size()); ++step) {
        panel->showStep(step);
        QCOMPARE(panel->stepIndex(), step);
        const lstm::LessonStep& shown = lesson.steps[size_t(step)];
        QCOMPARE(panel->questionBox()->isVisibleTo(panel), shown.question.has_value());
        if (shown.question)
            panel->choices()->button(0)->click(); // a prediction, right or wrong
        for (int link = 0; link < int(shown.actions.size()); ++link)
            QVERIFY2(follow(window, shown.actions[size_t(link)], link),
                     qPrintable(QStringLiteral("%1, step %2, link %3").arg(name).arg(step + 1).arg(link + 1)));
        if (shown.question) {
            // A run ended in this step: the answer is marked against the live values.
            QTRY_VERIFY_WITH_TIMEOUT(panel->answerLabel()->text().contains(QStringLiteral("Now: ")), timeoutMs);
            QVERIFY(panel->answerLabel()->text().contains(QStringLiteral("at step ")));
        }
    }
}

void LessonsWindowTest::aBrokenLessonSaysWhichLine()
{
    MainWindow window(SessionSettings::demo());
    QCOMPARE(window.lessons()->open(QStringLiteral("why-rnns-forget")), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.lesson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Broken\n\n## A step\n[Go](fly to=moon)\n");
    file.close();
    const QString error = window.lessons()->open(path);
    QVERIFY2(error.contains(QStringLiteral("broken.lesson, line 4: \"fly\" is not an action")), qPrintable(error));
    QCOMPARE(QString::fromStdString(window.lessons()->panel()->lesson().name), QStringLiteral("why-rnns-forget"));
    QVERIFY(!window.lessons()->open(QStringLiteral("no-such-lesson")).isEmpty());
}

QTEST_MAIN(LessonsWindowTest)
#include "tst_lessons_window.moc"
