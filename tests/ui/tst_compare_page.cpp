// The Compare page: two models of one cell and seed give identical curves (lock-step on the
// same batches); a plain RNN and an LSTM on remember-first at lag 50 part as the lesson says;
// the picker lends a compared model's recorded step, with its cell, to the inspector; and
// the window's --compare reads its cells.
#include "compare/ComparePage.h"
#include "compare/ModelCurvesChart.h"
#include "inspector/Inspector.h"
#include "inspector/cell/CellDiagramView.h"
#include "inspector/cell/CellPage.h"
#include "session/GuiOptions.h"
#include "window/MainWindow.h"
#include "worker/TrainingController.h"

#include <QComboBox>
#include <QLineSeries>
#include <QStandardPaths>
#include <QTest>

namespace {

constexpr int timeoutMs = 60'000;

SessionSettings rememberFirst(double lag, long steps)
{
    SessionSettings settings = SessionSettings::demo();
    settings.dataset = QStringLiteral("remember-first");
    settings.data = {{"lag", lag}};
    settings.applyRecommendation(lstm::recommendedSettings("remember-first"));
    settings.stop = {.maxSteps = steps, .untilSolved = false, .patience = 0};
    return settings;
}

lstm::ModelChoices choices(lstm::CellKind cell)
{
    lstm::ModelChoices model;
    model.cell = cell;
    return model;
}

// Starts the models on the settings and plays until every one has stopped.
ComparisonPointer compareToTheEnd(ComparePage& page, const std::vector<lstm::ModelChoices>& models)
{
    page.compare(models);
    page.togglePlay();
    if (!QTest::qWaitFor([&] { return page.controller()->latest() && page.controller()->latest()->finished; },
                         timeoutMs))
        return {};
    return page.controller()->latest();
}

} // namespace

class ComparePageTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void oneCellTwiceGivesIdenticalCurves();
    void anRnnForgetsWhereAnLstmRemembers();
    void thePickerLendsAStepToTheInspector();
    void compareOnTheCommandLine();
};

void ComparePageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void ComparePageTest::oneCellTwiceGivesIdenticalCurves()
{
    ComparePage page([] { return rememberFirst(10, 300); });
    const ComparisonPointer last = compareToTheEnd(page, {choices(lstm::CellKind::Gru), choices(lstm::CellKind::Gru)});
    QVERIFY(last);
    QCOMPARE(last->models.size(), size_t(2));
    QCOMPARE(last->step, 300L);
    QVERIFY(last->models[0].validationLoss.size() >= 3); // step 0, then every 100 steps
    QCOMPARE(last->models[0].validationLoss, last->models[1].validationLoss);
    QCOMPARE(last->models[0].score, last->models[1].score);
    QCOMPARE(last->models[0].gradientNorms, last->models[1].gradientNorms);
    // And the charts draw them: one curve per model.
    QCOMPARE(page.lossChart()->curveCount(), 2);
    QCOMPARE(page.lossChart()->curve(1)->points().size(), last->models[1].validationLoss.size());
}

void ComparePageTest::anRnnForgetsWhereAnLstmRemembers()
{
    ComparePage page([] { return rememberFirst(50, 1000); });
    const ComparisonPointer last =
        compareToTheEnd(page, {choices(lstm::CellKind::Rnn), choices(lstm::CellKind::Lstm)});
    QVERIFY(last);
    const ComparedModel& rnn = last->models[0];
    const ComparedModel& lstm = last->models[1];
    QVERIFY(rnn.lastScore && lstm.lastScore);
    QVERIFY2(lstm.lastScore->value > 0.99, qPrintable(QString::number(lstm.lastScore->value)));
    QVERIFY2(rnn.lastScore->value < 0.5, qPrintable(QString::number(rnn.lastScore->value)));
    // At the first timestep the RNN's gradient is orders of magnitude below the LSTM's.
    QVERIFY(!rnn.gradientNorms.isEmpty() && !lstm.gradientNorms.isEmpty());
    QVERIFY(rnn.gradientNorms.first().y() < 1e-3 * lstm.gradientNorms.first().y());
}

void ComparePageTest::thePickerLendsAStepToTheInspector()
{
    MainWindow window(rememberFirst(5, 200));
    window.setAskBeforeRebuild(false);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->latest() != nullptr, timeoutMs);
    ComparePage* page = window.comparePage();
    page->compare({choices(lstm::CellKind::Rnn), choices(lstm::CellKind::Gru)});
    page->togglePlay();
    QTRY_VERIFY_WITH_TIMEOUT(page->controller()->latest() && page->controller()->latest()->finished, timeoutMs);
    QCOMPARE(page->modelPicker()->count(), 3); // the side panel's model, then the two compared
    page->modelPicker()->setCurrentIndex(2);
    const TracePointer gru = page->controller()->latest()->models[1].trace;
    QVERIFY(gru);
    QCOMPARE(window.inspector()->model()->trace(), gru);
    QCOMPARE(gru->cell, lstm::CellKind::Gru);
    QVERIFY(!window.inspector()->followsNewest());
    // Back to the window's own model.
    page->modelPicker()->setCurrentIndex(0);
    QVERIFY(window.inspector()->followsNewest());
    QVERIFY(window.inspector()->model()->trace() != gru);
}

void ComparePageTest::compareOnTheCommandLine()
{
    GuiOptions options;
    QCOMPARE(options.parse({"lstm-lab", "--compare", "rnn,gru,lstm", "--hidden", "8"}), QString());
    QCOMPARE(options.compare.size(), size_t(3));
    QCOMPARE(options.compare[1].cell, lstm::CellKind::Gru);
    QCOMPARE(options.compare[2].hiddenSize, 8);
    GuiOptions wrong;
    QVERIFY(wrong.parse({"lstm-lab", "--compare", "rnn,elephant"}).contains("elephant"));
    GuiOptions alone;
    QVERIFY(alone.parse({"lstm-lab", "--compare", "lstm"}).contains("2 to 4"));
}

QTEST_MAIN(ComparePageTest)
#include "tst_compare_page.moc"
