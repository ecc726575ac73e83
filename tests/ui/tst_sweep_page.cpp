// The Sweep page: a plain RNN and an LSTM over lags 5 and 50 of remember-first draw the
// classic figure (both remember 5 steps, only the LSTM 50), with progress to the last model;
// Cancel ends a long sweep early with only finished models reported; a sweep needs a
// built-in data set and says so.
#include "compare/ModelCurvesChart.h"
#include "compare/SweepPage.h"

#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int timeoutMs = 120'000;

SessionSettings rememberFirst(long steps)
{
    SessionSettings settings = SessionSettings::demo();
    settings.dataset = QStringLiteral("remember-first");
    settings.data.clear();
    settings.applyRecommendation(lstm::recommendedSettings("remember-first"));
    settings.stop.maxSteps = steps;
    return settings;
}

} // namespace

class SweepPageTest : public QObject {
    Q_OBJECT
private slots:
    void theClassicFigureFillsIn();
    void cancelStopsALongSweep();
    void aSweepNeedsABuiltInDataSet();
};

void SweepPageTest::theClassicFigureFillsIn()
{
    SweepPage page([] { return rememberFirst(3000); });
    page.setSwept(QStringLiteral("lag"), QStringLiteral("5, 50"));
    page.setCells({lstm::CellKind::Rnn, lstm::CellKind::Lstm});
    QSignalSpy finished(&page, &SweepPage::finished);
    QCOMPARE(page.start(), QString());
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(page.results().size(), size_t(4));
    QCOMPARE(page.progress()->value(), 4);
    const auto score = [&page](lstm::CellKind cell, double lag) {
        for (const lstm::SweepResult& result : page.results())
            if (result.cell == cell && result.value == lag)
                return result.last.score->value;
        return -1.0;
    };
    QCOMPARE(score(lstm::CellKind::Lstm, 5), 1.0);
    QCOMPARE(score(lstm::CellKind::Lstm, 50), 1.0);
    const double forgetful = score(lstm::CellKind::Rnn, 50);
    QVERIFY(forgetful >= 0 && forgetful < 0.5);
    QCOMPARE(page.chart()->curveCount(), 2); // one line per cell, a point per lag
    QCOMPARE(page.chart()->curve(1)->points().size(), 2);
    QCOMPARE(page.chart()->curve(1)->points().last(), QPointF(50, 1.0));
}

void SweepPageTest::cancelStopsALongSweep()
{
    SweepPage page([] { return rememberFirst(1'000'000); });
    page.setSwept(QStringLiteral("lag"), QStringLiteral("100, 200, 300, 400, 500, 600, 700, 800"));
    page.setCells({lstm::CellKind::Rnn, lstm::CellKind::Gru});
    QSignalSpy finished(&page, &SweepPage::finished);
    QCOMPARE(page.start(), QString());
    QVERIFY(page.running());
    page.cancel();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(page.results().size() < 16);
    QVERIFY(!page.running());
}

void SweepPageTest::aSweepNeedsABuiltInDataSet()
{
    SweepPage page([] {
        SessionSettings text = SessionSettings::demo();
        text.source = DataSource::Text;
        return text;
    });
    QVERIFY(page.start().contains(QStringLiteral("built-in data set")));
    SweepPage unlimited([] { return rememberFirst(0); });
    unlimited.setSwept(QStringLiteral("lag"), QStringLiteral("5"));
    QVERIFY(unlimited.start().contains(QStringLiteral("step limit")));
    SweepPage wrong([] { return rememberFirst(100); });
    wrong.setSwept(QStringLiteral("lag"), QStringLiteral("5, many"));
    QVERIFY(wrong.start().contains(QStringLiteral("many")));
}

QTEST_MAIN(SweepPageTest)
#include "tst_sweep_page.moc"
