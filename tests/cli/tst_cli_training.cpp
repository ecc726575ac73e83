// Training from the command line that stops by itself and compares cells: train
// --until-solved and --patience, compare's closing line per model, and sweep's table, each
// in the exact form scripts rely on.
#include "CliProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class CliTrainingTest : public QObject {
    Q_OBJECT
private slots:
    void trainStopsWhenSolved();
    void aBuiltInDataSetBringsItsSettings();
    void trainStopsEarlyAndKeepsTheBestWeights();
    void aPlainCsvCallGivesAModel();
    void compareEndsWithOneLinePerModel();
    void compareOfOneCellTwiceGivesOneResultTwice();
    void sweepWritesTheTable();
    void lessonsListAndCheck();
};

namespace {

QStringList lines(const QString& text)
{
    return text.split('\n', Qt::SkipEmptyParts);
}

} // namespace

void CliTrainingTest::trainStopsWhenSolved()
{
    const CliResult result = runCli({"train", "--dataset", "remember-first", "--params", "lag=3", "--until-solved",
                                     "--steps", "20000", "--eval-every", "25"});
    QCOMPARE(result.exitCode, 0);
    const QRegularExpression stopped(QStringLiteral("^solved the task at step (\\d+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = stopped.match(result.out);
    QVERIFY2(match.hasMatch(), qPrintable(result.out));
    const long step = match.captured(1).toLong();
    QVERIFY(step > 0 && step < 20000 && step % 25 == 0);
    QVERIFY2(lines(result.out).last().endsWith(": solved"), qPrintable(result.out));
}

void CliTrainingTest::aBuiltInDataSetBringsItsSettings()
{
    const CliResult recommended = runCli({"train", "--dataset", "remember-first", "--steps", "1", "--eval-every", "1"});
    QCOMPARE(recommended.exitCode, 0);
    QVERIFY2(lines(recommended.out).first().endsWith(": 16 units, adam lr 0.001, clip 1, forget-gate bias 3 (LSTM), "
                                                     "batch 16, at most 1 steps, until solved"),
             qPrintable(recommended.out));
    // Options given win; the rest stays recommended.
    const CliResult given = runCli({"train", "--dataset", "remember-first", "--steps", "1", "--lr", "0.02",
                                    "--forget-bias-one", "--no-until-solved"});
    QCOMPARE(given.exitCode, 0);
    QVERIFY2(lines(given.out).first().endsWith(": 16 units, adam lr 0.02, clip 1, forget-gate bias 1 (LSTM), batch 16, "
                                               "at most 1 steps"),
             qPrintable(given.out));
}

void CliTrainingTest::trainStopsEarlyAndKeepsTheBestWeights()
{
    const CliResult result = runCli({"train", "--dataset", "sine", "--params", "noise=0.5,length=400", "--lr", "0.03",
                                     "--patience", "3", "--steps", "200000", "--eval-every", "20"});
    QCOMPARE(result.exitCode, 0);
    const QRegularExpression stopped(QStringLiteral("stopped early: the validation loss stopped improving at step (\\d+); "
                                                    "keeping the best weights, of step (\\d+) \\(validation loss ([0-9.e-]+)\\)"));
    const QRegularExpressionMatch match = stopped.match(result.out);
    QVERIFY2(match.hasMatch(), qPrintable(result.out));
    QCOMPARE(match.captured(1).toLong() - match.captured(2).toLong(), 60L);
    // The final line reports the kept model: its validation loss is the best one.
    QVERIFY2(result.out.contains("validation loss " + match.captured(3) + " after " + match.captured(1) + " steps"),
             qPrintable(result.out));
}

void CliTrainingTest::aPlainCsvCallGivesAModel()
{
    // 144 monthly rows, 29 of them validating: the default sequence fits twice into those,
    // and early stopping ends the run long before the step limit.
    QTemporaryDir dir;
    const QString model = dir.filePath("air.json");
    const CliResult result = runCli({"train", "--csv", QStringLiteral(LSTM_LAB_DATASETS "/air_passengers_monthly.csv"),
                                     "--save", model});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("CSV data: early stopping after 20 validations without a better loss"),
             qPrintable(result.out));
    QVERIFY2(result.out.contains("stopped early: the validation loss stopped improving at step"), qPrintable(result.out));
    QVERIFY(QFile::exists(model));
}

void CliTrainingTest::compareEndsWithOneLinePerModel()
{
    const CliResult result = runCli({"compare", "--dataset", "remember-first", "--params", "lag=5", "--cells",
                                     "rnn,lstm,gru", "--steps", "60", "--eval-every", "20"});
    QCOMPARE(result.exitCode, 0);
    const QStringList all = lines(result.out);
    QVERIFY(all.size() >= 3);
    const QStringList cells{"rnn", "lstm", "gru"};
    for (int k = 0; k < 3; ++k) {
        const QString line = all[all.size() - 3 + k];
        const QRegularExpression form("^model " + cells[k] + ": accuracy [0-9.]+ \\((solved|not solved)\\) after 60 steps$");
        QVERIFY2(form.match(line).hasMatch(), qPrintable(line));
    }
    QVERIFY(result.out.contains("step 20 ") && result.out.contains("step 40 "));
}

void CliTrainingTest::compareOfOneCellTwiceGivesOneResultTwice()
{
    const CliResult result = runCli({"compare", "--dataset", "sine", "--cells", "lstm,lstm", "--steps", "40"});
    QCOMPARE(result.exitCode, 0);
    const QStringList all = lines(result.out);
    QVERIFY(all.size() >= 2);
    QVERIFY2(all.last().startsWith("model lstm: validation loss "), qPrintable(all.last()));
    QCOMPARE(all[all.size() - 2], all.last()); // lock-step: the same batches, the same seed
}

void CliTrainingTest::sweepWritesTheTable()
{
    QTemporaryDir dir;
    const QString output = dir.filePath("sweep.csv");
    const CliResult result = runCli({"sweep", "--dataset", "remember-first", "--param", "lag=2,40", "--cells", "rnn,lstm",
                                     "--steps", "100", "--eval-every", "25", "--output", output});
    QCOMPARE(result.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList rows = lines(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0], QStringLiteral("cell,lag,score,solved,steps_to_solve"));
    const QRegularExpression row("^(rnn|lstm),(2|40),[0-9.e-]+,(true,\\d+|false,)$");
    for (int k = 1; k < rows.size(); ++k)
        QVERIFY2(row.match(rows[k]).hasMatch(), qPrintable(rows[k]));
    QVERIFY(rows[1].startsWith("rnn,2,") && rows[2].startsWith("lstm,2,") && rows[3].startsWith("rnn,40,"));
    // 100 steps are not enough for a lag of 40: no cell solves it.
    QVERIFY(rows[3].endsWith(",false,") && rows[4].endsWith(",false,"));
}

void CliTrainingTest::lessonsListAndCheck()
{
    const CliResult list = runCli({"lessons", "list"});
    QCOMPARE(list.exitCode, 0);
    const QStringList lessons = lines(list.out);
    QVERIFY(lessons.size() >= 6);
    QVERIFY2(lessons.first().startsWith(QStringLiteral("bptt-by-hand  ")), qPrintable(list.out)); // sorted, name alone
    // The first word of a line is what `lessons check` takes.
    const CliResult check = runCli({"lessons", "check", lessons.first().section(QLatin1Char(' '), 0, 0)});
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(lines(check.out).last().contains(QRegularExpression(QStringLiteral("^[1-9][0-9]* passed, 0 failed$"))),
             qPrintable(check.out));
    // A lesson file that does not read is one failure, with its line; a claim that fails is another.
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.lesson"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Broken\n\n## Step\nText [go](fly)\n");
    file.close();
    const CliResult refused = runCli({"lessons", "check", broken});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(QStringLiteral("broken.lesson, line 4: \"fly\" is not an action")), qPrintable(refused.out));
    QCOMPARE(lines(refused.out).last(), QStringLiteral("0 passed, 1 failed"));
    const QString wrong = dir.filePath(QStringLiteral("wrong.lesson"));
    QFile claim(wrong);
    QVERIFY(claim.open(QIODevice::WriteOnly));
    claim.write("# Wrong\nclaim: dataset=remember-first lag=50 cell=rnn steps=200 expect=solved\n## Step\nText\n");
    claim.close();
    const CliResult failed = runCli({"lessons", "check", wrong});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.out.startsWith(QStringLiteral("failed  wrong, line 2: ")), qPrintable(failed.out));
    QCOMPARE(runCli({"lessons", "check", "no-such-lesson"}).exitCode, 2);
}

QTEST_APPLESS_MAIN(CliTrainingTest)
#include "tst_cli_training.moc"
