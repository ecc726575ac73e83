// lstm-lab-cli as a user meets it: each command end to end on real files, and every kind
// of mistake answered with one line naming what is wrong and exit status 2.
#include "CliProcess.h"
#include "TestSupport.h"

#include "nn/Inference.h"
#include "io/ModelFile.h"
#include "csv/NumericCsv.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lstm;

namespace {

QString datasetPath(const QString& name)
{
    return QStringLiteral(LSTM_LAB_DATASETS "/") + name;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void mistakesExitWithTwo_data();
    void mistakesExitWithTwo();
    void trainSavesAModelThatRunReads();
    void trainReadsUserFiles_data();
    void trainReadsUserFiles();
    void gradWritesTheEnginesGradients();
    void gradcheckPasses();
    void benchPrintsOneJsonLinePerShape();
    void inspectPrintsWhatWasDetected_data();
    void inspectPrintsWhatWasDetected();
    void benchCsvTimesTheImport();
    void helpAndVersionNeedNoDisplay();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void CliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    writeFile(path("model.json"),
              QByteArray::fromStdString(testing::readJson(testing::fixturePath("torch/rnn_l1_mse_every.json"))["model"].dump()));
    writeFile(path("input.csv"), "a,b,c\n0.1,0.2,0.3\n-0.5,0.25,1\n0,0,0.75\n");
    writeFile(path("target.csv"), "0.5,-0.5\n0.25,0\n1,1\n");
    writeFile(path("bad.csv"), "0.1,0.2,0.3\n0.4,oops,0.6\n");
    writeFile(path("ragged.csv"), "0.1,0.2,0.3\n0.4,0.6\n");
    writeFile(path("garbage.json"), QByteArray("\x00\x01\xff\xfe{", 5));
}

void CliTest::mistakesExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString model = path("model.json");
    QTest::newRow("no command") << QStringList{} << "usage: lstm-lab-cli COMMAND";
    QTest::newRow("unknown command") << QStringList{"fly"} << "unknown command \"fly\"";
    QTest::newRow("unknown option") << QStringList{"train", "--speed", "3"} << "unknown option --speed";
    QTest::newRow("hidden out of range") << QStringList{"train", "--hidden", "0"} << "--hidden must be a whole number from 1 to 4096, got \"0\"";
    QTest::newRow("learning rate not a number") << QStringList{"train", "--lr", "fast"} << "--lr must be a number";
    QTest::newRow("unknown cell") << QStringList{"train", "--cell", "lstn"} << "--cell must be lstm, lstm-peephole, lstm-1997, gru or rnn";
    QTest::newRow("missing value") << QStringList{"train", "--steps"} << "--steps needs a value";
    QTest::newRow("run without model") << QStringList{"run", "--input", "x.csv", "--output", "y.csv"} << "--model is required";
    QTest::newRow("missing model file") << QStringList{"run", "--model", path("none.json"), "--input", path("input.csv"), "--output", path("y.csv")} << "cannot open";
    QTest::newRow("model is garbage") << QStringList{"run", "--model", path("garbage.json"), "--input", path("input.csv"), "--output", path("y.csv")} << "not valid JSON";
    QTest::newRow("csv with a word") << QStringList{"run", "--model", model, "--input", path("bad.csv"), "--output", path("y.csv")} << "bad.csv:2: column 2: \"oops\" is not a number";
    QTest::newRow("ragged csv") << QStringList{"run", "--model", model, "--input", path("ragged.csv"), "--output", path("y.csv")} << "ragged.csv:2: has 2 columns";
    QTest::newRow("wrong input width") << QStringList{"run", "--model", model, "--input", path("target.csv"), "--output", path("y.csv")} << "this model reads 3 columns";
    QTest::newRow("loss does not fit") << QStringList{"grad", "--model", model, "--input", path("input.csv"), "--target", path("target.csv"), "--loss", "xent", "--output", path("g.json")} << "--loss xent does not fit this regression model";
    QTest::newRow("targets too short") << QStringList{"grad", "--model", model, "--input", path("input.csv"), "--target", path("bad.csv"), "--output", path("g.json")} << "bad.csv:2";
    QTest::newRow("train on two data sets") << QStringList{"train", "--csv", datasetPath("air_passengers_monthly.csv"), "--dataset", "sine"}
                                            << "--dataset and --csv cannot be combined";
    QTest::newRow("train on a missing CSV") << QStringList{"train", "--csv", path("none.csv")} << "none.csv: cannot be opened";
    QTest::newRow("train on a missing text") << QStringList{"train", "--text", path("none.txt")} << "none.txt: cannot open";
    QTest::newRow("train CSV option without CSV") << QStringList{"train", "--horizon", "2"} << "--horizon applies only with --csv";
    QTest::newRow("train on an unknown column") << QStringList{"train", "--csv", datasetPath("air_passengers_monthly.csv"), "--targets", "nope"}
                                                << "has no column named \"nope\"";
    QTest::newRow("bench trace value") << QStringList{"bench", "--trace", "maybe"} << "--trace must be on or off";
    const QString notANumber = QString::fromStdString(testing::fixturePath("csv/not_a_number.csv"));
    QTest::newRow("inspect a bad CSV") << QStringList{"inspect", notANumber} << notANumber + ":17:3: \"12,5x\" is not a number";
    const QString dots = QString::fromStdString(testing::fixturePath("csv/day_month_dots.csv"));
    QTest::newRow("inspect with a wrong override") << QStringList{"inspect", dots, "--no-header"}
                                                   << dots + ":1:1: \"Datum\" is not a date";
    QTest::newRow("inspect a missing CSV") << QStringList{"inspect", path("none.csv")} << "none.csv: cannot be opened";
    QTest::newRow("inspect without a file") << QStringList{"inspect", "--no-header"} << "inspect needs a CSV file first";
    QTest::newRow("inspect bad delimiter") << QStringList{"inspect", notANumber, "--delimiter", "x"} << "--delimiter must be";
    QTest::newRow("inspect decimal and delimiter clash") << QStringList{"inspect", notANumber, "--delimiter", ",", "--decimal", ","}
                                                         << "--delimiter and --decimal cannot both be";
    QTest::newRow("compare with one cell") << QStringList{"compare", "--cells", "lstm"} << "--cells takes 2 to 4 cells, got 1";
    QTest::newRow("compare an unknown cell") << QStringList{"compare", "--cells", "rnn,lstn"} << "--cells takes cell names";
    QTest::newRow("compare without cells") << QStringList{"compare"} << "--cells is required";
    QTest::newRow("sweep a word") << QStringList{"sweep", "--dataset", "remember-first", "--param", "lag=4,x", "--cells", "rnn", "--output", path("s.csv")}
                                           << "--param lag takes numbers separated by commas, got \"x\"";
    QTest::newRow("sweep without a value") << QStringList{"sweep", "--dataset", "remember-first", "--param", "lag=", "--cells", "rnn", "--output", path("s.csv")}
                                           << "--param lag needs at least one value";
    QTest::newRow("sweep an unknown data set") << QStringList{"sweep", "--dataset", "nope", "--param", "lag=2", "--cells", "rnn", "--output", path("s.csv")}
                                               << "--dataset \"nope\" is not a built-in data set";
    QTest::newRow("sweep an unknown parameter") << QStringList{"sweep", "--dataset", "remember-first", "--param", "speed=2", "--cells", "rnn", "--output", path("s.csv")}
                                                << "speed";
    QTest::newRow("bench-csv too few columns") << QStringList{"bench-csv", "--cols", "1"} << "--cols must be a whole number from 2";
}

void CliTest::mistakesExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable("stderr was: " + result.err));
    if (!arguments.isEmpty()) {
        QVERIFY2(result.err.startsWith("lstm-lab-cli: error: "), qPrintable(result.err));
        QCOMPARE(result.err.count('\n'), 1);
    }
}

void CliTest::trainSavesAModelThatRunReads()
{
    const CliResult train = runCli({"train", "--steps", "30", "--eval-every", "10", "--hidden", "6", "--seed", "4",
                                    "--save", path("trained.json")});
    QCOMPARE(train.exitCode, 0);
    QVERIFY(train.out.contains("step 30 train"));
    QVERIFY(train.out.contains("final train loss"));
    const Model model = loadModel(path("trained.json").toStdString());
    QCOMPARE(model.config.hiddenSize, 6);

    writeFile(path("wave.csv"), "0\n0.25\n0.5\n0.7\n0.9\n");
    const CliResult run = runCli({"run", "--model", path("trained.json"), "--input", path("wave.csv"), "--output",
                                  path("prediction.csv"), "--states", path("states.csv")});
    QCOMPARE(run.exitCode, 0);
    const Eigen::MatrixXd predictions = readNumericCsv(path("prediction.csv").toStdString());
    const Eigen::MatrixXd states = readNumericCsv(path("states.csv").toStdString());
    const SequenceRun expected = runSequence(model, readNumericCsv(path("wave.csv").toStdString()));
    LSTM_COMPARE_MATRICES(predictions, expected.outputs, 0.0);
    QCOMPARE(states.rows(), Eigen::Index(5));
    QCOMPARE(states.cols(), Eigen::Index(12)); // h and c of 6 units
    LSTM_COMPARE_MATRICES(states.leftCols(6), expected.hidden[0], 0.0);
    LSTM_COMPARE_MATRICES(states.rightCols(6), expected.cell[0], 0.0);
}

void CliTest::trainReadsUserFiles_data()
{
    QTest::addColumn<QStringList>("data");
    QTest::addColumn<QString>("score"); // a line the output must contain, "" for none
    QTest::newRow("csv") << QStringList{"--csv", datasetPath("air_passengers_monthly.csv"), "--seq-len", "12"} << "";
    QTest::newRow("csv with options") << QStringList{"--csv", datasetPath("air_passengers_monthly.csv"), "--seq-len", "8",
                                                     "--horizon", "3", "--targets", "passengers_thousands", "--delimiter", ","}
                                      << "";
    QTest::newRow("text") << QStringList{"--text", datasetPath("text/pride_and_prejudice.txt"), "--seq-len", "16"}
                          << "next-character accuracy";
}

void CliTest::trainReadsUserFiles()
{
    QFETCH(QStringList, data);
    QFETCH(QString, score);
    const CliResult train = runCli(QStringList{"train", "--steps", "30", "--eval-every", "10", "--hidden", "8"} + data);
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    QVERIFY(train.out.contains("step 30 train"));
    QVERIFY2(train.out.contains("final train loss") && train.out.contains("after 30 steps"), qPrintable(train.out));
    QVERIFY(score.isEmpty() || train.out.contains(score));
}

void CliTest::gradWritesTheEnginesGradients()
{
    const CliResult grad = runCli({"grad", "--model", path("model.json"), "--input", path("input.csv"), "--target",
                                   path("target.csv"), "--loss", "mse", "--precision", "double", "--output", path("g.json")});
    QCOMPARE(grad.exitCode, 0);
    const nlohmann::json written = testing::readJson(path("g.json").toStdString());
    const Model model = loadModel(path("model.json").toStdString());
    const GradientReport expected = computeGradients<double>(model, readNumericCsv(path("input.csv").toStdString()),
                                                             readNumericCsv(path("target.csv").toStdString()));
    QCOMPARE(written["loss"].get<double>(), expected.loss);
    LSTM_COMPARE_MATRICES(testing::matrixFromJson(written["outputs"]), expected.outputs, 0.0);
    QCOMPARE(written["grads"].size(), expected.gradients.layout().tensors().size());
    for (const TensorInfo& tensor : expected.gradients.layout().tensors()) {
        const int id = expected.gradients.layout().find(tensor.name);
        LSTM_COMPARE_MATRICES(testing::matrixFromJson(written["grads"][tensor.name]), expected.gradients.matrix(id), 0.0);
    }
}

void CliTest::gradcheckPasses()
{
    const CliResult result = runCli({"gradcheck"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("lstm-peephole mse every-step"));
    QVERIFY(result.out.trimmed().endsWith("pass"));
}

void CliTest::benchPrintsOneJsonLinePerShape()
{
    const CliResult result = runCli({"bench", "--json", "--cell", "rnn,gru", "--hidden", "32", "--batch", "1", "--seconds", "0"});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    for (const QString& line : lines) {
        const nlohmann::json row = nlohmann::json::parse(line.toStdString());
        QVERIFY(row["ms_per_step"].get<double>() > 0);
        QVERIFY(row["gflops"].get<double>() > 0);
        QCOMPARE(row["hidden"].get<int>(), 32);
    }
}

void CliTest::inspectPrintsWhatWasDetected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("lines"); // each must appear in the output as a whole line
    const QString dots = QString::fromStdString(testing::fixturePath("csv/day_month_dots.csv"));
    const QString missing = QString::fromStdString(testing::fixturePath("csv/missing_policies.csv"));
    QTest::newRow("detected") << QStringList{"inspect", dots}
        << QStringList{"rows       2", "delimiter  ; (detected)", "header     yes (detected)", "decimal    , (detected)",
                       "encoding   UTF-8, LF line ends", "time       column 1 \"Datum\": 2020-12-30 to 2020-12-31",
                       "           dates read day/month/year (detected)", "missing    interpolate",
                       "    #  name   type    missing   filled  dropped",
                       "    1  Datum  time          0        -        -",
                       "    2  Wert   number        0        0        0"};
    QTest::newRow("overridden") << QStringList{"inspect", QString::fromStdString(testing::fixturePath("csv/no_header.csv")),
                                               "--delimiter", ",", "--decimal", ".", "--no-header", "--date-order", "mdy",
                                               "--time-column", "none"}
        << QStringList{"delimiter  , (given)", "header     no (given)", "decimal    . (given)",
                       "time       none: rows are in file order", "    1  column 1  number        0        0        0"};
    QTest::newRow("dropped rows") << QStringList{"inspect", missing, "--missing", "drop"}
        << QStringList{"rows       2 of 4 (2 dropped for missing values)", "missing    drop",
                       "    2  a     number        1        0        1", "    3  b     number        1        0        1"};
}

void CliTest::inspectPrintsWhatWasDetected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, lines);
    const CliResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 0);
    const QStringList printed = result.out.split('\n');
    for (const QString& line : lines)
        QVERIFY2(printed.contains(line), qPrintable("missing line \"" + line + "\" in:\n" + result.out));
}

void CliTest::benchCsvTimesTheImport()
{
    const CliResult result = runCli({"bench-csv", "--rows", "2000", "--cols", "3"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("bench-csv: 2000 rows x 3 columns (1 date-time, 2 numbers)"), qPrintable(result.out));
    QVERIFY(result.out.contains(" s ("));
}

void CliTest::helpAndVersionNeedNoDisplay()
{
    QCOMPARE(runCli({"--version"}).out, QStringLiteral("lstm-lab-cli " LSTM_LAB_VERSION_TEXT "\n"));
#ifdef LSTM_LAB_GUI_EXECUTABLE
    QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
    bare.remove(QStringLiteral("DISPLAY"));
    bare.remove(QStringLiteral("WAYLAND_DISPLAY"));
    bare.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString& option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        QProcess window;
        window.setProcessEnvironment(bare);
        window.start(QStringLiteral(LSTM_LAB_GUI_EXECUTABLE), {option});
        QVERIFY(window.waitForFinished(60'000));
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.exitCode(), 0);
        const QString out = QString::fromUtf8(window.readAllStandardOutput());
        QVERIFY2(option == "--help" ? out.contains("--screenshot") : out.startsWith("lstm-lab "), qPrintable(out));
    }
#else
    QSKIP("the window is not built (LSTM_LAB_GUI=OFF)");
#endif
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
